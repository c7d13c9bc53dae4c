import fc from 'fast-check';
import { activeUsers } from '@kpikit/core';
import type { ActiveUsersOptions, ActiveUsersRow, KpiEvent } from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { at, eventsArb, rangeArb, zoneArb } from './support/data';
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
        expect(result).toEqual({ from: '2024-03-01', to: '2024-03-10', timeZone: 'UTC', rows: expected });
      }
    }
  });

  it('buckets by local day: 23:30 UTC on Mar 30 is Mar 31 in Paris, and the 23-hour DST day counts once', async () => {
    const dst = [event('u', '2024-03-30T23:30:00Z'), event('u', '2024-03-31T21:59:59Z'), event('v', '2024-03-31T22:00:00Z')];
    // Paris: u on Mar 31 (00:30 and 23:59:59 local, UTC+2 after 02:00), v on Apr 1 (00:00 local).
    for (const { result } of await resultsOnEngines(engines(), 'activeUsers', dst, { timeZone: 'Europe/Paris' })) {
      expect(result).toEqual({
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

  it('returns no rows and null bounds for an empty table, and zero rows of counts for a range with no events', async () => {
    for (const { result } of await resultsOnEngines(engines(), 'activeUsers', [], {})) {
      expect(result).toEqual({ from: null, to: null, timeZone: 'UTC', rows: [] });
    }
    for (const { result } of await resultsOnEngines(engines(), 'activeUsers', [], { from: '2024-02-28', to: '2024-03-01' })) {
      expect(result.rows).toEqual([row('2024-02-28', 0, 0, 0), row('2024-02-29', 0, 0, 0), row('2024-03-01', 0, 0, 0)]);
    }
  });
});

describe('activeUsers in SQL: the same numbers as core', () => {
  it('on random events, zones, ranges and name filters', async () => {
    await fc.assert(
      fc.asyncProperty(
        eventsArb().chain((events) =>
          zoneArb.chain((timeZone) =>
            fc.tuple(
              fc.constant(events),
              fc.constant(timeZone),
              rangeArb(events, timeZone),
              fc.option(fc.subarray(['a', 'b', 'c'], { minLength: 1 }), { nil: undefined }),
            ),
          ),
        ),
        async ([events, timeZone, range, names]) => {
          const options: ActiveUsersOptions = { ...range, timeZone, ...(names ? { where: { name: names } } : {}) };
          const expected = activeUsers(events, options);
          for (const { result } of await resultsOnEngines(engines(), 'activeUsers', events, options)) expect(result).toEqual(expected);
        },
      ),
      { numRuns: 30 },
    );
  }, 60_000);
});
