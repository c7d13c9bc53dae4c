import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeUsers, formatDay, lifecycle, localDays, stickinessDistribution, toEventTable } from '../../src/index';
import { instantsNear, intlLocalDate, zoneArb } from '../support/reference';

const events = (instants: readonly number[]) =>
  instants.map((timestamp, i) => ({ userId: `u${i % 4}`, name: i % 3 === 0 ? 'signup' : 'view', timestamp }));

describe('the day column shared by the metrics', () => {
  it('gives every metric, zone after zone on one table, what it gives on a table of its own (property)', () => {
    // A change of zone rewrites the table's column in place, with its bounds.
    fc.assert(
      fc.property(instantsNear(60, 40), fc.array(zoneArb, { minLength: 2, maxLength: 6 }), (instants, zones) => {
        const table = toEventTable(events(instants));
        for (const timeZone of zones) {
          const fresh = (): ReturnType<typeof toEventTable> => toEventTable(events(instants));
          const dates = instants.map((ms) => intlLocalDate(ms, timeZone)).sort();
          expect(
            activeUsers(table, { timeZone }).rows.map((row) => row.date),
            timeZone,
          ).toEqual(activeUsers(fresh(), { timeZone, from: dates[0]!, to: dates.at(-1)! }).rows.map((row) => row.date));
          expect(activeUsers(table, { timeZone }), timeZone).toEqual(activeUsers(fresh(), { timeZone }));
          expect(lifecycle(table, { timeZone, interval: 'week' }), timeZone).toEqual(lifecycle(fresh(), { timeZone, interval: 'week' }));
          expect(stickinessDistribution(table, { timeZone }), timeZone).toEqual(stickinessDistribution(fresh(), { timeZone }));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never rewrites a column localDays has returned, whatever zones the metrics use next', () => {
    const instants = [Date.UTC(2024, 2, 30, 23, 30), Date.UTC(2024, 2, 31, 0, 30), Date.UTC(2024, 9, 26, 22, 30)];
    const table = toEventTable(events(instants));
    const paris = localDays(table, 'Europe/Paris');
    const before = Array.from(paris, formatDay);
    expect(before).toEqual(instants.map((ms) => intlLocalDate(ms, 'Europe/Paris')));
    for (const timeZone of ['UTC', 'Pacific/Kiritimati', 'America/New_York', 'UTC']) activeUsers(table, { timeZone });
    expect(Array.from(paris, formatDay)).toEqual(before);
    // And the metrics still count in the zone they are asked for.
    expect(activeUsers(table, { timeZone: 'Pacific/Kiritimati' }).from).toBe(intlLocalDate(instants[0]!, 'Pacific/Kiritimati'));
    expect(Array.from(localDays(table, 'UTC'), formatDay)).toEqual(instants.map((ms) => intlLocalDate(ms, 'UTC')));
    expect(Array.from(paris, formatDay)).toEqual(before);
  });
});
