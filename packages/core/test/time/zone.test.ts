import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay, isValidTimeZone, localDays, toEventTable, zoneClock } from '../../src/index';
import { at, instantsNear, intlLocalDate, MS_PER_DAY, MS_PER_HOUR, zoneArb, ZONES } from '../support/reference';

/** The local date of an instant according to a clock built for a span around it. */
function localDate(timeZone: string, iso: string): string {
  const ms = at(iso);
  return formatDay(zoneClock(timeZone, ms - 40 * MS_PER_DAY, ms + 40 * MS_PER_DAY).localDay(ms));
}

describe('zoneClock: hand-computed DST days', () => {
  it('Europe/Paris 2024-03-31 is 23 hours long (CET +1 → CEST +2 at 01:00Z)', () => {
    expect(localDate('Europe/Paris', '2024-03-30T22:59:59.999Z')).toBe('2024-03-30');
    expect(localDate('Europe/Paris', '2024-03-30T23:00:00.000Z')).toBe('2024-03-31'); // local 00:00, +1
    expect(localDate('Europe/Paris', '2024-03-31T21:59:59.999Z')).toBe('2024-03-31'); // local 23:59:59.999, +2
    expect(localDate('Europe/Paris', '2024-03-31T22:00:00.000Z')).toBe('2024-04-01');
    const clock = zoneClock('Europe/Paris', at('2024-03-01T00:00:00Z'), at('2024-04-30T00:00:00Z'));
    expect(clock.offsetAt(at('2024-03-31T00:59:59.999Z'))).toBe(MS_PER_HOUR);
    expect(clock.offsetAt(at('2024-03-31T01:00:00.000Z'))).toBe(2 * MS_PER_HOUR);
  });

  it('Europe/Paris 2024-10-27 is 25 hours long (CEST +2 → CET +1 at 01:00Z)', () => {
    expect(localDate('Europe/Paris', '2024-10-26T21:59:59.999Z')).toBe('2024-10-26');
    expect(localDate('Europe/Paris', '2024-10-26T22:00:00.000Z')).toBe('2024-10-27'); // local 00:00, +2
    expect(localDate('Europe/Paris', '2024-10-27T22:59:59.999Z')).toBe('2024-10-27'); // local 23:59:59.999, +1
    expect(localDate('Europe/Paris', '2024-10-27T23:00:00.000Z')).toBe('2024-10-28');
    const clock = zoneClock('Europe/Paris', at('2024-10-01T00:00:00Z'), at('2024-11-30T00:00:00Z'));
    expect(clock.offsetAt(at('2024-10-27T00:59:59.999Z'))).toBe(2 * MS_PER_HOUR);
    expect(clock.offsetAt(at('2024-10-27T01:00:00.000Z'))).toBe(MS_PER_HOUR);
  });

  it('America/New_York 2024-03-10 is 23 hours long (EST −5 → EDT −4 at 07:00Z)', () => {
    expect(localDate('America/New_York', '2024-03-10T04:59:59.999Z')).toBe('2024-03-09');
    expect(localDate('America/New_York', '2024-03-10T05:00:00.000Z')).toBe('2024-03-10'); // local 00:00, −5
    expect(localDate('America/New_York', '2024-03-11T03:59:59.999Z')).toBe('2024-03-10'); // local 23:59:59.999, −4
    expect(localDate('America/New_York', '2024-03-11T04:00:00.000Z')).toBe('2024-03-11');
  });

  it('America/New_York 2024-11-03 is 25 hours long (EDT −4 → EST −5 at 06:00Z)', () => {
    expect(localDate('America/New_York', '2024-11-03T03:59:59.999Z')).toBe('2024-11-02');
    expect(localDate('America/New_York', '2024-11-03T04:00:00.000Z')).toBe('2024-11-03'); // local 00:00, −4
    // Local 01:30 happens twice: 05:30Z (EDT) and 06:30Z (EST); both are on 11-03.
    expect(localDate('America/New_York', '2024-11-03T05:30:00.000Z')).toBe('2024-11-03');
    expect(localDate('America/New_York', '2024-11-03T06:30:00.000Z')).toBe('2024-11-03');
    expect(localDate('America/New_York', '2024-11-04T04:59:59.999Z')).toBe('2024-11-03'); // local 23:59:59.999, −5
    expect(localDate('America/New_York', '2024-11-04T05:00:00.000Z')).toBe('2024-11-04');
  });

  it('handles offsets that are not whole hours, and whole skipped days', () => {
    // Asia/Kathmandu is +05:45: local midnight of 2024-01-02 is 2024-01-01T18:15Z.
    expect(localDate('Asia/Kathmandu', '2024-01-01T18:14:59.999Z')).toBe('2024-01-01');
    expect(localDate('Asia/Kathmandu', '2024-01-01T18:15:00.000Z')).toBe('2024-01-02');
    // Australia/Lord_Howe: +11 in (southern) summer, +10:30 in winter.
    expect(localDate('Australia/Lord_Howe', '2024-01-01T12:59:59.999Z')).toBe('2024-01-01');
    expect(localDate('Australia/Lord_Howe', '2024-01-01T13:00:00.000Z')).toBe('2024-01-02');
    expect(localDate('Australia/Lord_Howe', '2024-07-01T13:29:59.999Z')).toBe('2024-07-01');
    expect(localDate('Australia/Lord_Howe', '2024-07-01T13:30:00.000Z')).toBe('2024-07-02');
    // Pacific/Apia moved from −10 to +14 and skipped 2011-12-30 entirely.
    expect(localDate('Pacific/Apia', '2011-12-30T09:59:59.999Z')).toBe('2011-12-29');
    expect(localDate('Pacific/Apia', '2011-12-30T10:00:00.000Z')).toBe('2011-12-31');
    // Etc/GMT+12 is UTC−12 (the POSIX sign is inverted).
    expect(localDate('Etc/GMT+12', '2024-01-02T11:59:59.999Z')).toBe('2024-01-01');
    expect(localDate('Etc/GMT+12', '2024-01-02T12:00:00.000Z')).toBe('2024-01-02');
    // America/Santiago skips local midnight when summer time starts (2024-09-08 00:00 → 01:00, −4 → −3).
    expect(localDate('America/Santiago', '2024-09-08T03:59:59.999Z')).toBe('2024-09-07');
    expect(localDate('America/Santiago', '2024-09-08T04:00:00.000Z')).toBe('2024-09-08'); // local 01:00
    // … and never reaches midnight when it ends (2024-04-07 00:00 −3 → 2024-04-06 23:00 −4): the instant
    // of the change is already read with the new offset.
    expect(localDate('America/Santiago', '2024-04-07T02:59:59.999Z')).toBe('2024-04-06'); // 23:59:59.999, −3
    expect(localDate('America/Santiago', '2024-04-07T03:00:00.000Z')).toBe('2024-04-06'); // 23:00, −4
    expect(localDate('America/Santiago', '2024-04-07T04:00:00.000Z')).toBe('2024-04-07'); // 00:00, −4
  });

  it('uses the zone offset even for instants far outside the span it was built for', () => {
    const clock = zoneClock('Europe/Paris', at('2024-01-01T00:00:00Z'), at('2024-01-31T00:00:00Z'));
    expect(formatDay(clock.localDay(at('2024-07-14T22:30:00Z')))).toBe('2024-07-15'); // +2 in July
    expect(formatDay(clock.localDay(at('1990-12-31T23:30:00Z')))).toBe('1991-01-01'); // +1 in winter
  });
});

describe('zoneClock and localDays agree with Intl', () => {
  it('localDay matches an Intl.DateTimeFormat reading for random instants in many zones (property)', () => {
    fc.assert(
      fc.property(zoneArb, instantsNear(200, 30), fc.integer({ min: 0, max: 3 }), (zone, instants, outside) => {
        const lo = Math.min(...instants);
        const hi = Math.max(...instants);
        const clock = zoneClock(zone, lo, hi);
        // Also probe a few instants outside the span the clock was built for.
        const probes = [...instants, ...Array.from({ length: outside }, (_, i) => hi + (i + 1) * 97 * MS_PER_DAY + i * 1_234_567)];
        for (const ms of probes) {
          expect(formatDay(clock.localDay(ms)), `${zone} ${new Date(ms).toISOString()}`).toBe(intlLocalDate(ms, zone));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('localDays gives every row of a table its Intl local date (property)', () => {
    fc.assert(
      fc.property(zoneArb, instantsNear(100, 40), (zone, instants) => {
        const table = toEventTable(instants.map((timestamp, i) => ({ userId: `u${i % 3}`, name: 'e', timestamp })));
        const days = localDays(table, zone);
        expect(days.length).toBe(table.length);
        for (let row = 0; row < table.length; row++) {
          const ms = table.time[row]!;
          expect(formatDay(days[row]!), `${zone} ${new Date(ms).toISOString()}`).toBe(intlLocalDate(ms, zone));
        }
        // Asking again in another zone must not serve the first zone's cached column.
        const other = zone === 'UTC' ? 'Asia/Kathmandu' : 'UTC';
        const otherDays = localDays(table, other);
        for (let row = 0; row < table.length; row++) expect(formatDay(otherDays[row]!)).toBe(intlLocalDate(table.time[row]!, other));
      }),
      { numRuns: 100 },
    );
  });

  it('puts an event at exactly local midnight on the new day, and 1 ms before on the old one', () => {
    // Local midnight of 2024-06-15 in each zone, from its June offset.
    const midnights: [string, string][] = [
      ['UTC', '2024-06-15T00:00:00Z'],
      ['Europe/Paris', '2024-06-14T22:00:00Z'], // +2
      ['America/New_York', '2024-06-15T04:00:00Z'], // −4
      ['Asia/Kathmandu', '2024-06-14T18:15:00Z'], // +5:45
      ['Asia/Tehran', '2024-06-14T20:30:00Z'], // +3:30
      ['Australia/Lord_Howe', '2024-06-14T13:30:00Z'], // +10:30 in winter
      ['Pacific/Kiritimati', '2024-06-14T10:00:00Z'], // +14
      ['Etc/GMT+12', '2024-06-15T12:00:00Z'], // −12
    ];
    for (const [zone, iso] of midnights) {
      const ms = at(iso);
      const table = toEventTable([
        { userId: 'u', name: 'before', timestamp: ms - 1 },
        { userId: 'u', name: 'midnight', timestamp: ms },
      ]);
      expect(Array.from(localDays(table, zone), formatDay), zone).toEqual(['2024-06-14', '2024-06-15']);
    }
  });

  it('knows IANA names and aliases and rejects misspellings', () => {
    for (const zone of [...ZONES, 'Asia/Calcutta', 'US/Eastern']) expect(isValidTimeZone(zone), zone).toBe(true);
    for (const zone of ['Europe/Pariss', 'Mars/Olympus', '', 'UTC+1']) expect(isValidTimeZone(zone), zone).toBe(false);
  });
});
