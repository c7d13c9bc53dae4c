import fc from 'fast-check';
import { joinUsers, lifecycle } from '@kpikit/core';
import type { KpiEvent, LifecycleNewFrom, LifecycleOptions, LifecycleRow, PropertyValue } from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/index';
import { PROPERTY_COLUMNS, at, eventsArb, rangeArb, withProperties, zoneArb } from './support/data';
import { resultsOnEngines, useEngines } from './support/differential';
import type { EventTableSpec } from './support/engines';

const engines = useEngines();

const event = (userId: string, iso: string, name = 'visit', properties?: Record<string, PropertyValue>): KpiEvent => ({
  userId,
  name,
  timestamp: at(iso),
  ...(properties ? { properties } : {}),
});

/** A row written out by hand: [new, returning, resurrecting, dormant]. */
function row(
  period: string,
  [fresh, returning, resurrecting, dormant]: [number, number, number, number],
  days: number,
  incomplete = false,
): LifecycleRow {
  return { period, new: fresh, returning, resurrecting, dormant, active: fresh + returning + resurrecting, days, incomplete };
}

/** The users table's creation time, as `joinUsers` puts it on events, in a BIGINT column of epoch ms. */
const SPEC: EventTableSpec = {
  table: 'events',
  properties: [...PROPERTY_COLUMNS, { key: 'user.createdAt', type: 'bigint', column: 'user_created_ms' }],
};

describe('lifecycle in SQL: hand-computed', () => {
  const weekly = [
    event('ana', '2024-01-02T10:00:00Z'),
    event('ana', '2024-01-08T00:00:00Z'),
    event('ben', '2024-01-09T10:00:00Z'),
    event('ben', '2024-01-16T10:00:00Z'),
    event('ben', '2024-01-16T10:00:00Z'),
    event('cy', '2023-12-20T10:00:00Z'),
    event('cy', '2024-01-10T10:00:00Z'),
    event('dee', '2024-01-07T23:59:59.999Z'),
    event('eve', '2024-01-02T10:00:00Z'),
    event('eve', '2024-01-17T10:00:00Z'),
    event('gus', '2024-01-21T23:59:59.999Z'),
    event('fay', '2024-01-22T00:00:00Z'),
  ];

  it('classifies each week on every engine, the week before read whole', async () => {
    const options: LifecycleOptions = { interval: 'week', from: '2024-01-08', to: '2024-01-21' };
    for (const storage of ['timestamptz', 'epoch_ms'] as const) {
      for (const { engine, result } of await resultsOnEngines(engines(), 'lifecycle', weekly, options, { table: 'events', storage })) {
        expect(result, engine).toEqual({
          interval: 'week',
          newFrom: 'firstActivity',
          from: '2024-01-08',
          to: '2024-01-21',
          timeZone: 'UTC',
          rows: [row('2024-01-08', [1, 1, 1, -2], 7), row('2024-01-15', [1, 1, 1, -2], 7)],
        });
      }
    }
    const cut = { ...options, from: '2024-01-10' };
    for (const { engine, result } of await resultsOnEngines(engines(), 'lifecycle', weekly, cut)) {
      expect(result.rows, engine).toEqual([row('2024-01-08', [0, 0, 1, -3], 5, true), row('2024-01-15', [1, 0, 2, -1], 7)]);
    }
  });

  it('reads a users table’s creation time, local to the zone, from a column of epoch ms', async () => {
    const users = [
      { userId: 'ana', createdAt: '2024-01-15T10:00:00Z' },
      { userId: 'ben', createdAt: '2024-02-03T10:00:00Z' },
      { userId: 'cy', createdAt: '2024-01-31T23:30:00Z' },
    ];
    const events = [
      event('ana', '2024-02-10T10:00:00Z'),
      event('ana', '2024-03-10T10:00:00Z'),
      event('ben', '2024-01-20T10:00:00Z'),
      event('ben', '2024-02-20T10:00:00Z'),
      event('cy', '2024-02-05T10:00:00Z'),
      event('dan', '2024-03-05T10:00:00Z'),
    ];
    const created = new Map(users.map((u) => [u.userId, at(u.createdAt)]));
    const joined = events.map((e) => (created.has(e.userId) ? { ...e, properties: { 'user.createdAt': created.get(e.userId)! } } : e));
    const options: LifecycleOptions = {
      interval: 'month',
      from: '2024-01-01',
      to: '2024-03-31',
      timeZone: 'Europe/Paris',
      newFrom: 'createdAt',
    };
    const expected = [row('2024-01-01', [0, 0, 1, 0], 31), row('2024-02-01', [1, 1, 1, 0], 29), row('2024-03-01', [0, 1, 1, -2], 31)];
    expect(lifecycle(joinUsers(events, users), options).rows).toEqual(expected);
    for (const { engine, result } of await resultsOnEngines(engines(), 'lifecycle', joined, options, SPEC)) {
      expect(result.rows, engine).toEqual(expected);
    }
  });

  it('returns no rows and null bounds for an empty table', async () => {
    for (const { engine, result } of await resultsOnEngines(engines(), 'lifecycle', [], {})) {
      expect(result, engine).toEqual({ interval: 'day', newFrom: 'firstActivity', from: null, to: null, timeZone: 'UTC', rows: [] });
    }
  });

  it('rejects bad options as core does', () => {
    expect(() => compile('lifecycle', { interval: 'quarter' } as never, { dialect: 'duckdb', table: 'events' })).toThrow(
      /options\.interval/,
    );
  });
});

describe('lifecycle in SQL: the same numbers as core', () => {
  it('on random events, zones, ranges, intervals, filters and each reading of "new"', async () => {
    await fc.assert(
      fc.asyncProperty(
        withProperties(eventsArb()).chain((events) =>
          zoneArb.chain((timeZone) =>
            fc.tuple(
              fc.constant(events),
              fc.constant(timeZone),
              rangeArb(events, timeZone),
              fc.constantFrom<'day' | 'week' | 'month'>('day', 'week', 'month'),
              fc.constantFrom<LifecycleNewFrom>('firstActivity', 'createdAt', { event: 'b' }),
              fc.option(fc.subarray(['a', 'b', 'c'], { minLength: 1 }), { nil: undefined }),
              fc.option(fc.record({ plan: fc.constantFrom('pro', null) }), { nil: undefined }),
              fc.array(fc.option(fc.integer({ min: -60 * 24, max: 60 * 24 }), { freq: 4 }), { minLength: 6, maxLength: 6 }),
            ),
          ),
        ),
        async ([events, timeZone, range, interval, newFrom, names, properties, createdHours]) => {
          // Each user's creation, hours from the first event; null: a user the users table lacks.
          const anchor = events.length > 0 ? (events[0]!.timestamp as number) : 0;
          const withCreated = events.map((e) => {
            const hours = createdHours[Number(e.userId.slice(1))];
            return hours === null || hours === undefined
              ? e
              : { ...e, properties: { ...e.properties, 'user.createdAt': anchor + hours * 3_600_000 } };
          });
          // Core refuses createdAt when no event has one.
          if (newFrom === 'createdAt' && withCreated.length > 0 && !withCreated.some((e) => e.properties?.['user.createdAt'] !== undefined))
            return;
          const where = { ...(names ? { name: names } : {}), ...(properties ? { properties } : {}) };
          const options: LifecycleOptions = { ...range, timeZone, interval, newFrom, where, weekStartsOn: interval === 'week' ? 0 : 1 };
          const expected = lifecycle(withCreated, options);
          for (const { engine, result } of await resultsOnEngines(engines(), 'lifecycle', withCreated, options, SPEC)) {
            expect(result, engine).toEqual(expected);
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 240_000);
});
