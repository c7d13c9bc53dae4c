import fc from 'fast-check';
import { retention } from '@kpikit/core';
import type { KpiEvent, PropertyValue, RetentionEvent, RetentionOptions } from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { PROPERTY_COLUMNS, at, eventsArb, rangeArb, withProperties, zoneArb } from './support/data';
import { resultsOnEngines, useEngines } from './support/differential';

const engines = useEngines();

const event = (userId: string, iso: string, name = 'visit'): KpiEvent => ({ userId, name, timestamp: at(iso) });

/** The contract's example: 10 users first seen in the week of 2024-01-01, returning in the next two weeks. */
function contractExample(thirdWeekAmongSecond: boolean): KpiEvent[] {
  const events: KpiEvent[] = [];
  for (let i = 0; i < 10; i++) events.push(event(`u${i}`, '2024-01-02T09:00:00Z'));
  // u0…u3 active in the week of 2024-01-08.
  for (let i = 0; i < 4; i++) events.push(event(`u${i}`, '2024-01-09T09:00:00Z'));
  // Two users active in the week of 2024-01-15: u0, u1 (among the four) or u4, u5 (not).
  for (const i of thirdWeekAmongSecond ? [0, 1] : [4, 5]) events.push(event(`u${i}`, '2024-01-16T09:00:00Z'));
  return events;
}

const weekly = (mode: 'exact' | 'unbounded'): RetentionOptions => ({
  period: 'week',
  periods: 2,
  mode,
  from: '2024-01-01',
  to: '2024-01-21',
});

describe('retention in SQL: the contract examples', () => {
  it('exact and unbounded: counts [10, 4, 2] when the third-week users are among the second-week ones', async () => {
    for (const mode of ['exact', 'unbounded'] as const) {
      for (const { result } of await resultsOnEngines(engines(), 'retention', contractExample(true), weekly(mode))) {
        expect(result.cohorts).toEqual([
          { start: '2024-01-01', size: 10, counts: [10, 4, 2], rates: [1, 0.4, 0.2], incomplete: [false, false, false] },
        ]);
        expect(result.average).toEqual([1, 0.4, 0.2]);
      }
    }
  });

  it('unbounded counts [10, 6, 2] when they are not (4 in week 1 plus 2 later; exact stays [10, 4, 2])', async () => {
    const events = contractExample(false);
    for (const { result } of await resultsOnEngines(engines(), 'retention', events, weekly('unbounded'))) {
      expect(result.cohorts[0]?.counts).toEqual([10, 6, 2]);
    }
    for (const { result } of await resultsOnEngines(engines(), 'retention', events, weekly('exact'))) {
      expect(result.cohorts[0]?.counts).toEqual([10, 4, 2]);
    }
  });

  it('builds a triangle with incomplete cells and size-weighted averages', async () => {
    // Cohort Jan 1 (a, b): a returns Jan 2; cohort Jan 2 (c): returns Jan 3. to = Jan 3.
    const events = [
      event('a', '2024-01-01T10:00:00Z'),
      event('b', '2024-01-01T11:00:00Z'),
      event('a', '2024-01-02T10:00:00Z'),
      event('c', '2024-01-02T10:00:00Z'),
      event('c', '2024-01-03T10:00:00Z'),
    ];
    for (const { result } of await resultsOnEngines(engines(), 'retention', events, { period: 'day', periods: 3 })) {
      expect(result.from).toBe('2024-01-01');
      expect(result.to).toBe('2024-01-03');
      // Cells exist up to Jan 3 (a triangle); no day cell ends after `to`; nobody is new on Jan 3, so no third cohort.
      expect(result.cohorts).toEqual([
        { start: '2024-01-01', size: 2, counts: [2, 1, 0], rates: [1, 0.5, 0], incomplete: [false, false, false] },
        { start: '2024-01-02', size: 1, counts: [1, 1], rates: [1, 1], incomplete: [false, false] },
      ]);
      // average[0] = 3/3; average[1] = (1 + 1) / (2 + 1); average[2] = 0 / 2; no cohort has cell 3.
      expect(result.average).toEqual([1, 2 / 3, 0, null]);
    }
  });

  it('flags the cells of a month in progress as incomplete, and counts only start events for cohorts', async () => {
    const events = [
      event('a', '2024-01-10T10:00:00Z', 'signup'),
      event('a', '2024-02-10T10:00:00Z', 'use'),
      event('b', '2024-01-05T10:00:00Z', 'use'), // no signup: in no cohort
      event('c', '2024-02-03T10:00:00Z', 'signup'),
    ];
    const options: RetentionOptions = { period: 'month', periods: 2, startEvent: 'signup', returnEvent: 'use', to: '2024-02-15' };
    for (const { result } of await resultsOnEngines(engines(), 'retention', events, options)) {
      expect(result.cohorts).toEqual([
        { start: '2024-01-01', size: 1, counts: [1, 1], rates: [1, 1], incomplete: [false, true] },
        { start: '2024-02-01', size: 1, counts: [1], rates: [1], incomplete: [true] },
      ]);
      expect(result.average).toEqual([1, 1, null]);
    }
  });
});

const optionsArb = (events: readonly KpiEvent[]): fc.Arbitrary<RetentionOptions> =>
  zoneArb.chain((timeZone) =>
    fc
      .record({
        range: rangeArb(events, timeZone),
        period: fc.constantFrom('day', 'week', 'month'),
        periods: fc.integer({ min: 1, max: 8 }),
        mode: fc.constantFrom('exact', 'unbounded'),
        startEvent: fc.option(fc.constantFrom('a', 'b', 'x'), { nil: undefined }),
        returnEvent: fc.option(fc.constantFrom('a', 'c'), { nil: undefined }),
        weekStartsOn: fc.option(fc.constantFrom(0, 1, 3, 6), { nil: undefined }),
      })
      .map(({ range, period, periods, mode, startEvent, returnEvent, weekStartsOn }) => ({
        ...range,
        timeZone,
        period,
        periods,
        mode,
        ...(startEvent === undefined ? {} : { startEvent }),
        ...(returnEvent === undefined ? {} : { returnEvent }),
        ...(weekStartsOn === undefined ? {} : { weekStartsOn }),
      })),
  );

describe('retention in SQL: the same numbers as core', () => {
  it('on random events, periods, modes, start/return events, week starts, zones and ranges', async () => {
    await fc.assert(
      fc.asyncProperty(
        eventsArb({ spanDays: 60 }).chain((events) => fc.tuple(fc.constant(events), optionsArb(events))),
        async ([events, options]) => {
          const expected = retention(events, options);
          for (const { result } of await resultsOnEngines(engines(), 'retention', events, options)) expect(result).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});

const withColumns = { table: 'events', properties: PROPERTY_COLUMNS } as const;

const withPlan = (userId: string, iso: string, name: string, properties: Record<string, PropertyValue> = {}): KpiEvent => ({
  userId,
  name,
  timestamp: at(iso),
  properties,
});

describe('retention in SQL: recurring cohorts, conditions and breakdowns, hand-computed', () => {
  // Weeks W0 = 01-01, W1 = 01-08, W2 = 01-15; `to` is Sunday 01-21.
  const events = [
    withPlan('a', '2024-01-01T10:00:00Z', 'login', { plan: 'pro', seats: 2 }),
    withPlan('a', '2024-01-02T10:00:00Z', 'login', { plan: 'free' }),
    withPlan('a', '2024-01-09T10:00:00Z', 'login', { plan: 'free' }),
    withPlan('b', '2024-01-03T10:00:00Z', 'login', { plan: 'free', beta: true }),
    withPlan('b', '2024-01-10T10:00:00Z', 'view'),
    withPlan('c', '2024-01-02T10:00:00Z', 'login'),
    withPlan('c', '2024-01-16T10:00:00Z', 'login', { plan: 'pro' }),
    withPlan('d', '2024-01-08T10:00:00Z', 'login', { plan: 'pro', seats: 1 }),
    withPlan('d', '2024-01-15T10:00:00Z', 'view', { beta: false }),
  ];
  const options: RetentionOptions = {
    period: 'week',
    periods: 2,
    cohort: 'recurring',
    startEvent: 'login',
    from: '2024-01-01',
    to: '2024-01-21',
    breakdown: { property: 'plan' },
  };

  it('splits recurring cohorts by the first start event of each period, as core does', async () => {
    const expected = retention(events, options);
    expect(expected.breakdown?.groups.map((g) => [g.value, g.cohorts.map((c) => c.counts)])).toEqual([
      ['pro', [[1, 1, 0], [1, 1], [1]]],
      [
        'free',
        [
          [1, 1, 0],
          [1, 0],
        ],
      ],
      [null, [[1, 0, 1]]],
    ]);
    for (const { engine, result } of await resultsOnEngines(engines(), 'retention', events, options, withColumns))
      expect(result, engine).toEqual(expected);
  });

  it('reads numbers and booleans back in their type, and takes conditions on start and return events', async () => {
    const variants: RetentionOptions[] = [
      { ...options, breakdown: { property: 'seats' } },
      { ...options, cohort: 'first', breakdown: { property: 'beta' }, mode: 'unbounded' },
      {
        ...options,
        startEvent: { name: 'login', where: { plan: 'pro' } },
        returnEvent: ['view', { name: 'login', where: { seats: null } }],
      },
      {
        ...options,
        cohort: 'first',
        startEvent: { name: 'login', where: { plan: 'free' } },
        returnEvent: { name: 'view', where: { beta: false } },
      },
    ];
    for (const variant of variants) {
      const expected = retention(events, variant);
      for (const { engine, result } of await resultsOnEngines(engines(), 'retention', events, variant, withColumns))
        expect(result, engine).toEqual(expected);
    }
    expect(retention(events, variants[0]!).breakdown?.groups.map((g) => g.value)).toEqual([1, 2, null]);
    expect(retention(events, variants[1]!).breakdown?.groups.map((g) => g.value)).toEqual([true, null]);
  });
});

const fullOptionsArb = (events: readonly KpiEvent[]): fc.Arbitrary<RetentionOptions> =>
  zoneArb.chain((timeZone) =>
    fc
      .record({
        range: rangeArb(events, timeZone),
        period: fc.constantFrom('day', 'week', 'month'),
        periods: fc.integer({ min: 1, max: 6 }),
        mode: fc.constantFrom('exact', 'unbounded'),
        cohort: fc.constantFrom('first', 'recurring', 'recurring'),
        startEvent: fc.option(
          fc.constantFrom<RetentionEvent>('a', { name: 'a', where: { plan: 'pro' } }, { name: 'b', where: { seats: 2, beta: true } }),
          { nil: undefined },
        ),
        returnEvent: fc.option(
          fc.constantFrom<RetentionEvent | RetentionEvent[]>('c', ['a', 'c'], [{ name: 'b', where: { plan: null } }, 'c']),
          { nil: undefined },
        ),
        breakdown: fc.option(fc.constantFrom('plan', 'seats', 'beta'), { nil: undefined }),
        weekStartsOn: fc.option(fc.constantFrom(0, 1, 6), { nil: undefined }),
      })
      .map(({ range, breakdown, startEvent, returnEvent, weekStartsOn, ...rest }) => ({
        ...range,
        ...rest,
        timeZone,
        ...(startEvent === undefined ? {} : { startEvent }),
        ...(returnEvent === undefined ? {} : { returnEvent }),
        ...(breakdown === undefined ? {} : { breakdown: { property: breakdown } }),
        ...(weekStartsOn === undefined ? {} : { weekStartsOn }),
      })),
  );

describe('retention in SQL with recurring cohorts, conditions and breakdowns: the same numbers as core', () => {
  it('on random events with properties, in DST and fixed-offset zones', async () => {
    await fc.assert(
      fc.asyncProperty(
        withProperties(eventsArb({ spanDays: 50 })).chain((events) => fc.tuple(fc.constant(events), fullOptionsArb(events))),
        async ([events, options]) => {
          const expected = retention(events, options);
          for (const { engine, result } of await resultsOnEngines(engines(), 'retention', events, options, withColumns))
            expect(result, engine).toEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  }, 300_000);

  it('on breakdowns with more than ten values, ties included', async () => {
    const plans = Array.from({ length: 14 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    await fc.assert(
      fc.asyncProperty(
        withProperties(eventsArb({ maxEvents: 60, spanDays: 10, names: ['a', 'b'], users: 30 }), plans),
        fc.constantFrom('first', 'recurring'),
        fc.constantFrom('Europe/Paris', 'Etc/GMT+5', 'America/Santiago'),
        async (events, cohort, timeZone) => {
          const options: RetentionOptions = { period: 'day', periods: 3, cohort, timeZone, breakdown: { property: 'plan' } };
          const expected = retention(events, options);
          for (const { engine, result } of await resultsOnEngines(engines(), 'retention', events, options, withColumns))
            expect(result, engine).toEqual(expected);
        },
      ),
      { numRuns: 20 },
    );
  }, 300_000);
});
