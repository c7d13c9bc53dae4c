import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeUsers, toEventTable } from '../../src/index';
import type { ActiveUsersOptions, ActiveUsersRow, EventFilter, KpiEvent, PropertyValue } from '../../src/index';
import {
  addDays,
  datesBetween,
  eventsArb,
  intlLocalDate,
  issuePathsOf,
  msOf,
  shuffled,
  sortedUnique,
  withoutDuplicates,
  zoneArb,
} from '../support/reference';

const event = (userId: string, iso: string, name = 'visit', properties?: Record<string, PropertyValue>): KpiEvent =>
  properties === undefined ? { userId, name, timestamp: iso } : { userId, name, timestamp: iso, properties };

const row = (date: string, dau: number, wau: number, mau: number): ActiveUsersRow => ({
  date,
  dau,
  wau,
  mau,
  stickiness: mau === 0 ? null : dau / mau,
});

/** Whether an event qualifies under a filter, read straight from the contract (null matches absent). */
function qualifies(e: KpiEvent, where: EventFilter | undefined): boolean {
  if (!where) return true;
  if (where.name !== undefined) {
    const names: readonly string[] = typeof where.name === 'string' ? [where.name] : where.name;
    if (!names.includes(e.name)) return false;
  }
  for (const [key, value] of Object.entries(where.properties ?? {})) {
    const actual = e.properties?.[key];
    if (value === null ? actual !== null && actual !== undefined : actual !== value) return false;
  }
  return true;
}

/**
 * activeUsers by brute force: for each day, scan every event. `from`/`to`
 * default to the local dates of the earliest and latest event (a defaulted
 * bound never crosses a given one).
 */
function referenceActiveUsers(events: readonly KpiEvent[], options: ActiveUsersOptions) {
  const timeZone = options.timeZone ?? 'UTC';
  const dated = withoutDuplicates(events).map((e) => ({
    userId: e.userId,
    date: intlLocalDate(msOf(e), timeZone),
    ok: qualifies(e, options.where),
  }));
  const dates = sortedUnique(dated.map((e) => e.date));
  if (dates.length === 0 && options.from === undefined && options.to === undefined)
    return { interval: 'day', from: null, to: null, timeZone, rows: [] };
  const earliest = dates[0];
  const latest = dates[dates.length - 1];
  let from = options.from ?? earliest;
  let to = options.to ?? latest;
  if (from === undefined) from = to!;
  if (to === undefined) to = from;
  if (options.from === undefined && from > to) from = to;
  if (options.to === undefined && to < from) to = from;
  const activeIn = (first: string, last: string): number =>
    new Set(dated.filter((e) => e.ok && e.date >= first && e.date <= last).map((e) => e.userId)).size;
  const rows = datesBetween(from, to).map((d) => row(d, activeIn(d, d), activeIn(addDays(d, -6), d), activeIn(addDays(d, -29), d)));
  return { interval: 'day', from, to, timeZone, rows };
}

describe('activeUsers: hand-computed', () => {
  // alice: Mar 1 and 5; bob: Mar 3 (1 ms before midnight) and Mar 10 (at midnight);
  // carol: Feb 5 (before `from`, inside the 30-day window of Mar 1…5) and Mar 8.
  const events = [
    event('alice', '2024-03-01T10:00:00Z'),
    event('alice', '2024-03-05T10:00:00Z'),
    event('bob', '2024-03-03T23:59:59.999Z'),
    event('bob', '2024-03-10T00:00:00.000Z'),
    event('carol', '2024-02-05T12:00:00Z'),
    event('carol', '2024-03-08T12:00:00Z'),
  ];

  it('counts dau, wau and mau per day, with windows reaching back before from', () => {
    const result = activeUsers(events, { from: '2024-03-01', to: '2024-03-10' });
    expect(result.from).toBe('2024-03-01');
    expect(result.to).toBe('2024-03-10');
    expect(result.timeZone).toBe('UTC');
    expect(result.rows).toEqual([
      // mau on Mar 1…5 includes carol (Feb 5 is within [d − 29, d]: Mar 5 − 29 days = Feb 5).
      row('2024-03-01', 1, 1, 2),
      row('2024-03-02', 0, 1, 2),
      row('2024-03-03', 1, 2, 3),
      row('2024-03-04', 0, 2, 3),
      row('2024-03-05', 1, 2, 3),
      // Mar 6: Feb 5 has left the 30-day window.
      row('2024-03-06', 0, 2, 2),
      row('2024-03-07', 0, 2, 2),
      row('2024-03-08', 1, 3, 3),
      // Mar 9: window Mar 3…9 still holds bob's Mar 3 event.
      row('2024-03-09', 0, 3, 3),
      // Mar 10: window Mar 4…10: alice (5), carol (8), bob (10).
      row('2024-03-10', 1, 3, 3),
    ]);
    expect(result.rows[1]!.stickiness).toBe(0);
    expect(result.rows[0]!.stickiness).toBe(0.5);
  });

  it('defaults from/to to the dates of the earliest and latest event', () => {
    const result = activeUsers(events);
    expect(result.from).toBe('2024-02-05');
    expect(result.to).toBe('2024-03-10');
    expect(result.rows).toHaveLength(35); // Feb 5 … Mar 10 in a leap year: 25 + 10 days
    expect(result.rows[0]).toEqual(row('2024-02-05', 1, 1, 1));
    expect(result.rows[result.rows.length - 1]).toEqual(row('2024-03-10', 1, 3, 3));
  });

  it('accepts an EventTable and gives the same result', () => {
    expect(activeUsers(toEventTable(events), { from: '2024-03-01', to: '2024-03-10' })).toEqual(
      activeUsers(events, { from: '2024-03-01', to: '2024-03-10' }),
    );
  });

  it('buckets by local day in Europe/Paris around the October DST change', () => {
    const paris = [
      event('p1', '2024-10-26T21:30:00Z'), // 23:30 on 10-26 (+2)
      event('p2', '2024-10-27T22:30:00Z'), // 23:30 on 10-27 (+1): the 25-hour day
      event('p3', '2024-10-27T23:30:00Z'), // 00:30 on 10-28 (+1)
      event('p4', '2024-10-25T22:30:00Z'), // 00:30 on 10-26 (+2)
    ];
    expect(activeUsers(paris, { from: '2024-10-26', to: '2024-10-28', timeZone: 'Europe/Paris' }).rows).toEqual([
      row('2024-10-26', 2, 2, 2),
      row('2024-10-27', 1, 3, 3),
      row('2024-10-28', 1, 4, 4),
    ]);
    // The same events in UTC: p4 on 10-25 (before from, but in every window), p2 and p3 on 10-27.
    expect(activeUsers(paris, { from: '2024-10-26', to: '2024-10-28' }).rows).toEqual([
      row('2024-10-26', 1, 2, 2),
      row('2024-10-27', 2, 4, 4),
      row('2024-10-28', 0, 4, 4),
    ]);
  });

  it('buckets by local day in Europe/Paris around the March DST change', () => {
    const paris = [
      event('p1', '2024-03-30T22:59:59.999Z'), // 23:59:59.999 on 03-30 (+1)
      event('p2', '2024-03-30T23:00:00Z'), // 00:00 on 03-31 (+1)
      event('p3', '2024-03-31T21:30:00Z'), // 23:30 on 03-31 (+2): the 23-hour day
      event('p4', '2024-03-31T22:00:00Z'), // 00:00 on 04-01 (+2)
    ];
    expect(activeUsers(paris, { timeZone: 'Europe/Paris' }).rows).toEqual([
      row('2024-03-30', 1, 1, 1),
      row('2024-03-31', 2, 3, 3),
      row('2024-04-01', 1, 4, 4),
    ]);
  });

  it('restricts qualifying events with where: by name and by property equality', () => {
    const day = '2024-01-01T12:00:00Z';
    const mixed = [
      event('a', day, 'login', { plan: 'pro' }),
      event('b', day, 'login'), // no plan at all
      event('c', day, 'login', { plan: null }),
      event('d', day, 'purchase', { plan: 'free' }),
      event('e', day, 'view', { plan: 'pro' }),
      event('f', day, 'login', { plan: 'free', seats: 1 }),
    ];
    const dau = (where: EventFilter): number => activeUsers(mixed, { where }).rows[0]!.dau;
    expect(dau({ name: 'login' })).toBe(4); // a b c f
    expect(dau({ name: ['login', 'purchase'] })).toBe(5); // a b c d f
    expect(dau({ properties: { plan: 'pro' } })).toBe(2); // a e
    expect(dau({ properties: { plan: null } })).toBe(2); // b (absent) and c (null)
    expect(dau({ name: 'login', properties: { plan: null } })).toBe(2); // b c
    expect(dau({ name: 'login', properties: { plan: 'free' } })).toBe(1); // f
    expect(dau({ properties: { region: null } })).toBe(6); // absent everywhere: every event matches
    expect(dau({ properties: { region: 'eu' } })).toBe(0);
    expect(dau({ properties: { seats: 1 } })).toBe(1); // f
    expect(dau({ properties: { seats: '1' } })).toBe(0); // a string is not the number 1
    expect(dau({ properties: { plan: 'enterprise' } })).toBe(0);
    expect(activeUsers(mixed, { where: { name: 'signup' } }).rows).toEqual([row('2024-01-01', 0, 0, 0)]);
  });

  it('keeps the default range of all events whatever the filter', () => {
    const result = activeUsers([event('a', '2024-01-01T12:00:00Z', 'x'), event('b', '2024-01-03T12:00:00Z', 'y')], {
      where: { name: 'y' },
    });
    expect(result.rows).toEqual([row('2024-01-01', 0, 0, 0), row('2024-01-02', 0, 0, 0), row('2024-01-03', 1, 1, 1)]);
  });

  it('counts a user once per day however many events they do', () => {
    const busy = Array.from({ length: 24 }, (_, h) => event('u', `2024-01-01T${String(h).padStart(2, '0')}:00:00Z`, `e${h % 3}`));
    expect(activeUsers(busy).rows).toEqual([row('2024-01-01', 1, 1, 1)]);
  });
});

describe('activeUsers: empty input and empty ranges', () => {
  it('returns no rows and null bounds for no events', () => {
    expect(activeUsers([])).toEqual({ interval: 'day', from: null, to: null, timeZone: 'UTC', rows: [] });
    expect(activeUsers(toEventTable([]), { timeZone: 'Asia/Tehran' })).toEqual({
      interval: 'day',
      from: null,
      to: null,
      timeZone: 'Asia/Tehran',
      rows: [],
    });
  });

  it('gives zeros and a null stickiness (never NaN) for a range without events', () => {
    const expected = datesBetween('2024-06-01', '2024-06-03').map((d) => row(d, 0, 0, 0));
    expect(activeUsers([], { from: '2024-06-01', to: '2024-06-03' }).rows).toEqual(expected);
    // Events exist, but more than 30 days before the range.
    const old = [event('u', '2024-04-01T00:00:00Z')];
    const result = activeUsers(old, { from: '2024-06-01', to: '2024-06-03' });
    expect(result.rows).toEqual(expected);
    for (const r of result.rows) expect(r.stickiness).toBeNull();
  });

  it('uses a one-day range when only one bound is given and there are no events', () => {
    expect(activeUsers([], { from: '2024-06-01' })).toEqual({
      interval: 'day',
      from: '2024-06-01',
      to: '2024-06-01',
      timeZone: 'UTC',
      rows: [row('2024-06-01', 0, 0, 0)],
    });
    expect(activeUsers([], { to: '2024-06-01' }).rows).toEqual([row('2024-06-01', 0, 0, 0)]);
  });
});

describe('activeUsers: bad options', () => {
  const events = [event('u', '2024-01-01T00:00:00Z')];
  const paths = (options: unknown): string[] => issuePathsOf(() => activeUsers(events, options as ActiveUsersOptions));

  it('names the offending option', () => {
    expect(paths({ timezone: 'Europe/Paris' })).toEqual(['options.timezone']);
    expect(paths({ timeZone: 'Europe/Pariss' })).toEqual(['options.timeZone']);
    expect(paths({ timeZone: 3 })).toEqual(['options.timeZone']);
    expect(paths({ from: '2024-02-30' })).toEqual(['options.from']);
    expect(paths({ from: '2024-1-01' })).toEqual(['options.from']);
    expect(paths({ to: '2024-01-01T00:00:00Z' })).toEqual(['options.to']);
    expect(paths({ from: '2024-03-02', to: '2024-03-01' })).toEqual(['options.to']);
    expect(paths({ where: { name: '' } })).toEqual(['options.where.name']);
    expect(paths({ where: { nmae: 'login' } })).toEqual(['options.where.nmae']);
    expect(paths({ where: { properties: { plan: { in: ['a'] } } } })).toEqual(['options.where.properties.plan']);
    expect(paths(null)).toEqual(['options']);
  });

  it('rejects bad events with a KpiValidationError naming the row', () => {
    expect(issuePathsOf(() => activeUsers([...events, { userId: 'v', name: 'e', timestamp: '2024-01-01 10:00' }]))).toEqual([
      'events[1].timestamp',
    ]);
  });
});

describe('activeUsers: properties', () => {
  const whereArb = fc.constantFrom<EventFilter | undefined>(
    undefined,
    undefined,
    { name: 'a' },
    { name: ['a', 'b'] },
    { properties: { plan: 'pro' } },
    { properties: { plan: null } },
    { name: 'c', properties: { plan: 'free' } },
  );
  // Optional bounds as shifts (in days) from the dates of two of the events.
  const boundsArb = fc.record({
    from: fc.option(fc.tuple(fc.nat(), fc.integer({ min: -20, max: 20 }))),
    span: fc.option(fc.integer({ min: 0, max: 50 })),
  });

  const optionsFor = (
    events: readonly KpiEvent[],
    timeZone: string,
    where: EventFilter | undefined,
    bounds: { from: [number, number] | null; span: number | null },
  ): ActiveUsersOptions => {
    const options: { timeZone: string; where?: EventFilter; from?: string; to?: string } = { timeZone };
    if (where) options.where = where;
    if (bounds.from && events.length > 0) {
      const [i, shift] = bounds.from;
      options.from = addDays(intlLocalDate(msOf(events[i % events.length]!), timeZone), shift);
      if (bounds.span !== null) options.to = addDays(options.from, bounds.span);
    }
    return options;
  };

  it('equals a brute-force count on random small data (property)', () => {
    fc.assert(
      fc.property(eventsArb({ maxEvents: 30, spanDays: 50 }), zoneArb, whereArb, boundsArb, (events, timeZone, where, bounds) => {
        const options = optionsFor(events, timeZone, where, bounds);
        expect(activeUsers(events, options)).toEqual(referenceActiveUsers(events, options));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps dau ≤ wau ≤ mau and 0 ≤ stickiness ≤ 1 (property)', () => {
    fc.assert(
      fc.property(eventsArb({ maxEvents: 40 }), zoneArb, whereArb, (events, timeZone, where) => {
        for (const r of activeUsers(events, { timeZone, ...(where ? { where } : {}) }).rows) {
          expect(r.dau).toBeLessThanOrEqual(r.wau);
          expect(r.wau).toBeLessThanOrEqual(r.mau);
          if (r.mau === 0) expect(r.stickiness).toBeNull();
          else {
            expect(r.stickiness).toBeGreaterThanOrEqual(0);
            expect(r.stickiness).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('does not change when events are shuffled or duplicated (property)', () => {
    fc.assert(
      fc.property(
        eventsArb({ maxEvents: 30 }),
        zoneArb,
        fc.integer(),
        fc.array(fc.nat(), { maxLength: 10 }),
        (events, timeZone, seed, copies) => {
          const extra = events.length === 0 ? [] : copies.map((i) => events[i % events.length]!);
          expect(activeUsers(shuffled([...events, ...extra], seed), { timeZone })).toEqual(activeUsers(events, { timeZone }));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('moves events between days with the zone but never loses one (property)', () => {
    fc.assert(
      fc.property(eventsArb({ maxEvents: 40 }), zoneArb, (events, timeZone) => {
        const { rows } = activeUsers(events, { timeZone });
        // Every user is active on some day of the default range …
        const users = new Set(events.map((e) => e.userId));
        const activeSomewhere = new Set<string>();
        for (const r of rows) {
          if (r.dau === 0) continue;
          for (const e of events) if (intlLocalDate(msOf(e), timeZone) === r.date) activeSomewhere.add(e.userId);
        }
        expect(activeSomewhere).toEqual(users);
        // … and Σ dau is the number of distinct (user, local day) pairs.
        const pairs = new Set(events.map((e) => `${e.userId} ${intlLocalDate(msOf(e), timeZone)}`));
        expect(rows.reduce((sum, r) => sum + r.dau, 0)).toBe(pairs.size);
      }),
      { numRuns: 100 },
    );
  });
});

describe('activeUsers: a local date that steps back (America/Juneau, 1867)', () => {
  it('counts a user on both local days when the clock moves back across midnight', () => {
    // Juneau moved from LMT +15:02:19 to −8:57:41 on 1867-10-19: local 10-19 afternoon became 10-18 afternoon.
    const events = [event('u', '1867-10-19T00:00:00Z'), event('u', '1867-10-19T02:00:00Z')];
    expect(events.map((e) => intlLocalDate(msOf(e), 'America/Juneau'))).toEqual(['1867-10-19', '1867-10-18']);
    expect(activeUsers(events, { timeZone: 'America/Juneau' }).rows).toEqual([row('1867-10-18', 1, 1, 1), row('1867-10-19', 1, 1, 1)]);
  });
});
