import fc from 'fast-check';
import { activeUsers } from '@kpikit/core';
import type { ActiveUsersOptions, ActiveUsersRow, KpiEvent } from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { PROPERTY_COLUMNS, at, eventsArb, rangeArb, withProperties, zoneArb } from './support/data';
import { resultsOnEngines, useEngines } from './support/differential';

const engines = useEngines();

const row = (date: string, dau: number, wau: number, mau: number): ActiveUsersRow => ({
  date,
  dau,
  wau,
  mau,
  stickiness: mau === 0 ? null : dau / mau,
});

const event = (userId: string, iso: string, name = 'visit'): KpiEvent => ({ userId, name, timestamp: at(iso) });

describe('activeUsers in SQL: hand-computed', () => {
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
  const expected = [
    // mau on Mar 1…5 includes carol (Feb 5 = Mar 5 − 29 days).
    row('2024-03-01', 1, 1, 2),
    row('2024-03-02', 0, 1, 2),
    row('2024-03-03', 1, 2, 3),
    row('2024-03-04', 0, 2, 3),
    row('2024-03-05', 1, 2, 3),
    // Mar 6: Feb 5 has left the 30-day window.
    row('2024-03-06', 0, 2, 2),
    row('2024-03-07', 0, 2, 2),
    // Mar 8: carol again; alice (Mar 1) has left the 7-day window [Mar 2, Mar 8].
    row('2024-03-08', 1, 3, 3),
    row('2024-03-09', 0, 3, 3),
    // Mar 10: bob at midnight; the 7-day window [Mar 4, Mar 10] holds alice (5), carol (8), bob (10).
    row('2024-03-10', 1, 3, 3),
  ];

  it('counts dau, wau and mau per day with windows reaching back before from, on every engine', async () => {
    for (const storage of ['timestamptz', 'timestamp', 'epoch_ms'] as const) {
      const results = await resultsOnEngines(
        engines(),
        'activeUsers',
        events,
        { from: '2024-03-01', to: '2024-03-10' },
        { table: 'events', storage },
      );
      for (const { result } of results) {
        expect(result).toEqual({ interval: 'day', from: '2024-03-01', to: '2024-03-10', timeZone: 'UTC', rows: expected });
      }
    }
  });

  it('buckets by local day: 23:30 UTC on Mar 30 is Mar 31 in Paris, and the 23-hour DST day counts once', async () => {
    const dst = [event('u', '2024-03-30T23:30:00Z'), event('u', '2024-03-31T21:59:59Z'), event('v', '2024-03-31T22:00:00Z')];
    // Paris: u on Mar 31 (00:30 and 23:59:59 local, UTC+2 after 02:00), v on Apr 1 (00:00 local).
    for (const { result } of await resultsOnEngines(engines(), 'activeUsers', dst, { timeZone: 'Europe/Paris' })) {
      expect(result).toEqual({
        interval: 'day',
        from: '2024-03-31',
        to: '2024-04-01',
        timeZone: 'Europe/Paris',
        rows: [row('2024-03-31', 1, 1, 1), row('2024-04-01', 1, 2, 2)],
      });
    }
  });

  it('filters by event name, while the default range still spans every event', async () => {
    const named = [
      event('a', '2024-01-01T12:00:00Z', 'login'),
      event('b', '2024-01-02T12:00:00Z', 'view'),
      event('a', '2024-01-03T12:00:00Z', 'view'),
    ];
    for (const { result } of await resultsOnEngines(engines(), 'activeUsers', named, { where: { name: ['login'] } })) {
      expect(result.rows).toEqual([row('2024-01-01', 1, 1, 1), row('2024-01-02', 0, 1, 1), row('2024-01-03', 0, 1, 1)]);
    }
  });

  it('filters by property values too (null: absent), while the range still spans every event', async () => {
    const events = [
      { userId: 'a', name: 'login', timestamp: at('2024-01-01T12:00:00Z'), properties: { plan: 'pro', beta: true } },
      { userId: 'b', name: 'login', timestamp: at('2024-01-02T12:00:00Z'), properties: { plan: 'free', seats: 3 } },
      { userId: 'c', name: 'view', timestamp: at('2024-01-03T12:00:00Z') },
    ];
    const spec = { table: 'events', properties: PROPERTY_COLUMNS };
    const cases: [ActiveUsersOptions, ActiveUsersRow[]][] = [
      // Only a: Jan 1, still in the 7- and 30-day windows after.
      [{ where: { properties: { plan: 'pro' } } }, [row('2024-01-01', 1, 1, 1), row('2024-01-02', 0, 1, 1), row('2024-01-03', 0, 1, 1)]],
      // Only b has 3 seats; only c's view has no plan (null matches the absent property); nobody has beta false.
      [{ where: { properties: { seats: 3 } } }, [row('2024-01-01', 0, 0, 0), row('2024-01-02', 1, 1, 1), row('2024-01-03', 0, 1, 1)]],
      [
        { where: { name: 'view', properties: { plan: null } } },
        [row('2024-01-01', 0, 0, 0), row('2024-01-02', 0, 0, 0), row('2024-01-03', 1, 1, 1)],
      ],
      [{ where: { properties: { beta: false } } }, [row('2024-01-01', 0, 0, 0), row('2024-01-02', 0, 0, 0), row('2024-01-03', 0, 0, 0)]],
    ];
    for (const [options, rows] of cases) {
      for (const { result } of await resultsOnEngines(engines(), 'activeUsers', events, options, spec)) expect(result.rows).toEqual(rows);
    }
  });

  it('returns no rows and null bounds for an empty table, and zero rows of counts for a range with no events', async () => {
    for (const { result } of await resultsOnEngines(engines(), 'activeUsers', [], {})) {
      expect(result).toEqual({ interval: 'day', from: null, to: null, timeZone: 'UTC', rows: [] });
    }
    for (const { result } of await resultsOnEngines(engines(), 'activeUsers', [], { from: '2024-02-28', to: '2024-03-01' })) {
      expect(result.rows).toEqual([row('2024-02-28', 0, 0, 0), row('2024-02-29', 0, 0, 0), row('2024-03-01', 0, 0, 0)]);
    }
  });
});

const propertiesArb = fc.option(
  fc.oneof(
    fc.record({ plan: fc.constantFrom('free', 'pro', null) }),
    fc.record({ seats: fc.constantFrom(1, 3) }),
    fc.record({ beta: fc.boolean(), plan: fc.constantFrom('pro', null) }),
  ),
  { nil: undefined },
);

describe('activeUsers in SQL: the same numbers as core', () => {
  it('on random events with properties, zones, ranges, name and property filters', async () => {
    await fc.assert(
      fc.asyncProperty(
        withProperties(eventsArb()).chain((events) =>
          zoneArb.chain((timeZone) =>
            fc.tuple(
              fc.constant(events),
              fc.constant(timeZone),
              rangeArb(events, timeZone),
              fc.option(fc.subarray(['a', 'b', 'c'], { minLength: 1 }), { nil: undefined }),
              propertiesArb,
            ),
          ),
        ),
        async ([events, timeZone, range, names, properties]) => {
          const where = { ...(names ? { name: names } : {}), ...(properties ? { properties } : {}) };
          const options: ActiveUsersOptions = { ...range, timeZone, where };
          const expected = activeUsers(events, options);
          const spec = { table: 'events', properties: PROPERTY_COLUMNS };
          for (const { result } of await resultsOnEngines(engines(), 'activeUsers', events, options, spec))
            expect(result).toEqual(expected);
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);
});
