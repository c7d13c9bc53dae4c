import fc from 'fast-check';
import { stickinessSummary } from '@kpikit/core';
import type { KpiEvent, StickinessSummaryOptions } from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { PROPERTY_COLUMNS, at, eventsArb, localDate, rangeArb, withProperties, zoneArb } from './support/data';
import { resultsOnEngines, useEngines } from './support/differential';

const engines = useEngines();

describe('stickinessSummary in SQL: hand-computed', () => {
  it('the contract example: 100 average DAU over 500 MAU → 0.2', async () => {
    // 500 users; on each of the 10 days of [2024-03-01, 2024-03-10], 100 of them are active
    // (users 50d … 50d + 99, wrapping): 1 000 user-days / 10 days = 100 average DAU, all 500 active.
    const events: KpiEvent[] = [];
    for (let day = 0; day < 10; day++) {
      for (let i = 0; i < 100; i++)
        events.push({
          userId: `u${(50 * day + i) % 500}`,
          name: 'visit',
          timestamp: at(`2024-03-${String(day + 1).padStart(2, '0')}T12:00:00Z`),
        });
    }
    for (const { result } of await resultsOnEngines(engines(), 'stickinessSummary', events, { month: '2024-03' })) {
      // to defaults to the last event's date: a month in progress counts its 10 elapsed days.
      expect(result).toEqual({ month: '2024-03', timeZone: 'UTC', days: 10, averageDau: 100, mau: 500, score: 0.2 });
    }
  });

  it('counts days without events as 0, and reports no days for a month outside the range', async () => {
    const events = [
      { userId: 'a', name: 'visit', timestamp: at('2024-02-01T12:00:00Z') },
      { userId: 'a', name: 'visit', timestamp: at('2024-02-03T12:00:00Z') },
      { userId: 'b', name: 'visit', timestamp: at('2024-02-03T13:00:00Z') },
    ];
    for (const { result } of await resultsOnEngines(engines(), 'stickinessSummary', events, { month: '2024-02', to: '2024-02-29' })) {
      // 3 user-days over 29 days; 2 users.
      expect(result).toEqual({ month: '2024-02', timeZone: 'UTC', days: 29, averageDau: 3 / 29, mau: 2, score: 3 / 29 / 2 });
    }
    for (const { result } of await resultsOnEngines(engines(), 'stickinessSummary', events, { month: '2024-05' })) {
      expect(result).toEqual({ month: '2024-05', timeZone: 'UTC', days: 0, averageDau: null, mau: 0, score: null });
    }
  });
});

describe('stickinessSummary in SQL: the same numbers as core', () => {
  it('on random events with properties, months, zones, ranges, name and property filters', async () => {
    await fc.assert(
      fc.asyncProperty(
        withProperties(eventsArb({ spanDays: 40 })).chain((events) =>
          zoneArb.chain((timeZone) =>
            fc.tuple(
              fc.constant(events),
              fc.constant(timeZone),
              rangeArb(events, timeZone),
              fc.integer({ min: -1, max: 1 }),
              fc.option(fc.subarray(['a', 'b', 'c'], { minLength: 1 }), { nil: undefined }),
              fc.option(fc.record({ plan: fc.constantFrom('pro', null) }, { requiredKeys: [] }), { nil: undefined }),
            ),
          ),
        ),
        async ([events, timeZone, range, shift, names, properties]) => {
          const anchor = events.length > 0 ? localDate(events[0]!.timestamp as number, timeZone) : '2024-03-15';
          const [year, month] = anchor.split('-').map(Number) as [number, number];
          const m = new Date(Date.UTC(year, month - 1 + shift, 1)).toISOString().slice(0, 7);
          const where = { ...(names ? { name: names } : {}), ...(properties ? { properties } : {}) };
          const options: StickinessSummaryOptions = { ...range, timeZone, month: m, where };
          const expected = stickinessSummary(events, options);
          const spec = { table: 'events', properties: PROPERTY_COLUMNS };
          for (const { result } of await resultsOnEngines(engines(), 'stickinessSummary', events, options, spec))
            expect(result).toEqual(expected);
        },
      ),
      { numRuns: 30 },
    );
  }, 60_000);
});
