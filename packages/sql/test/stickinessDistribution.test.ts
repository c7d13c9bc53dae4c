import fc from 'fast-check';
import { activeUsers, stickinessDistribution } from '@kpikit/core';
import type { ActiveUsersOptions, KpiEvent, StickinessDistributionOptions } from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { PROPERTY_COLUMNS, at, eventsArb, rangeArb, withProperties, zoneArb } from './support/data';
import { resultsOnEngines, useEngines } from './support/differential';

const engines = useEngines();

const event = (userId: string, iso: string, name = 'visit'): KpiEvent => ({ userId, name, timestamp: at(iso) });

// Wed Mar 6 … Sun Mar 31. a: Mar 5 (before from), 12; b: 7, 13, 20, 27, 31; c: 8, 9, 26.
const weekly = [
  event('a', '2024-03-05T10:00:00Z'),
  event('a', '2024-03-12T10:00:00Z'),
  ...['07', '13', '20', '27', '31'].map((d) => event('b', `2024-03-${d}T10:00:00Z`)),
  ...['08', '09', '26'].map((d) => event('c', `2024-03-${d}T10:00:00Z`)),
];
const march = { from: '2024-03-06', to: '2024-03-31' } as const;

describe('stickinessDistribution in SQL: hand-computed', () => {
  it('counts units by the Monday weeks they were active in, the first week cut at from', async () => {
    for (const { engine, result } of await resultsOnEngines(engines(), 'stickinessDistribution', weekly, { ...march, interval: 'week' })) {
      expect(result, engine).toMatchObject({ interval: 'week', intervals: 4, incomplete: true, units: 3, mean: 7 / 3 });
      expect(
        result.rows.map((r) => r.units),
        engine,
      ).toEqual([1, 1, 0, 1]);
      expect(result.rows[1], engine).toEqual({ activeIntervals: 2, units: 1, share: 1 / 3, atLeast: 2, atLeastShare: 2 / 3 });
    }
  });

  it('keeps a given to beside a defaulted from when nothing qualifies (ClickHouse once read it as 0)', async () => {
    const options = { to: '2024-03-31', timeZone: 'Australia/Lord_Howe', where: { name: ['c'] } } as const;
    const two = [event('u0', '2024-03-31T01:00:00Z', 'a'), event('u0', '2024-03-31T01:00:00Z', 'a')];
    for (const { engine, result } of await resultsOnEngines(engines(), 'stickinessDistribution', two, options)) {
      expect(result, engine).toEqual(stickinessDistribution(two, options));
      expect(result, engine).toMatchObject({ from: '2024-03-31', to: '2024-03-31', intervals: 1, units: 0 });
    }
  });

  it('gives null shares, never NaN, for a range without events, and no rows for an empty table', async () => {
    for (const { engine, result } of await resultsOnEngines(engines(), 'stickinessDistribution', [], {
      from: '2024-06-01',
      to: '2024-06-02',
    })) {
      expect(result.rows, engine).toEqual([
        { activeIntervals: 1, units: 0, share: null, atLeast: 0, atLeastShare: null },
        { activeIntervals: 2, units: 0, share: null, atLeast: 0, atLeastShare: null },
      ]);
    }
    for (const { engine, result } of await resultsOnEngines(engines(), 'stickinessDistribution', [], {})) {
      expect(result, engine).toEqual(stickinessDistribution([]));
    }
  });
});

describe('activeUsers by week or month in SQL: hand-computed', () => {
  it('counts the distinct units of each calendar week on its days inside the range', async () => {
    for (const { engine, result } of await resultsOnEngines(engines(), 'activeUsers', weekly, { ...march, interval: 'week' })) {
      expect(result, engine).toEqual({
        interval: 'week',
        from: '2024-03-06',
        to: '2024-03-31',
        timeZone: 'UTC',
        rows: [
          { period: '2024-03-04', active: 2, days: 5, incomplete: true },
          { period: '2024-03-11', active: 2, days: 7, incomplete: false },
          { period: '2024-03-18', active: 1, days: 7, incomplete: false },
          { period: '2024-03-25', active: 2, days: 7, incomplete: false },
        ],
      });
    }
  });
});

const propertiesArb = fc.option(fc.record({ plan: fc.constantFrom('free', 'pro', null) }), { nil: undefined });

describe('stickinessDistribution and activeUsers by period in SQL: the same numbers as core', () => {
  it('on random events with properties, zones, ranges, intervals and filters', async () => {
    await fc.assert(
      fc.asyncProperty(
        withProperties(eventsArb()).chain((events) =>
          zoneArb.chain((timeZone) =>
            fc.tuple(
              fc.constant(events),
              fc.constant(timeZone),
              rangeArb(events, timeZone),
              fc.constantFrom<'day' | 'week' | 'month'>('day', 'week', 'month'),
              fc.constantFrom<0 | 1 | 4>(0, 1, 4),
              fc.option(fc.subarray(['a', 'b', 'c'], { minLength: 1 }), { nil: undefined }),
              propertiesArb,
            ),
          ),
        ),
        async ([events, timeZone, range, interval, weekStartsOn, names, properties]) => {
          const where = { ...(names ? { name: names } : {}), ...(properties ? { properties } : {}) };
          const spec = { table: 'events', properties: PROPERTY_COLUMNS };
          const options: StickinessDistributionOptions = { ...range, timeZone, interval, weekStartsOn, where };
          const expected = stickinessDistribution(events, options);
          for (const { engine, result } of await resultsOnEngines(engines(), 'stickinessDistribution', events, options, spec)) {
            expect(result, engine).toEqual(expected);
          }
          if (interval === 'day') return;
          const byPeriod: ActiveUsersOptions = { ...range, timeZone, interval, weekStartsOn, where };
          const active = activeUsers(events, byPeriod);
          for (const { engine, result } of await resultsOnEngines(engines(), 'activeUsers', events, byPeriod, spec)) {
            expect(result, engine).toEqual(active);
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 240_000);
});
