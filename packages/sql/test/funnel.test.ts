import fc from 'fast-check';
import { funnel } from '@kpikit/core';
import type { FunnelOptions, KpiEvent } from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { MS_PER_DAY, MS_PER_HOUR, PROPERTY_COLUMNS, at, eventsArb, rangeArb, withProperties, zoneArb } from './support/data';
import { resultsOnEngines, useEngines } from './support/differential';

const engines = useEngines();

const T0 = at('2024-05-01T00:00:00Z');
const event = (userId: string, name: string, ms: number, properties?: Record<string, string | number | boolean>): KpiEvent => ({
  userId,
  name,
  timestamp: ms,
  ...(properties ? { properties } : {}),
});
const withColumns = { table: 'events', properties: PROPERTY_COLUMNS } as const;

describe('funnel in SQL: hand-computed', () => {
  it('the contract example: 100 view pricing, 40 start a trial within 14 days, 10 of those pay', async () => {
    const events: KpiEvent[] = [];
    for (let i = 0; i < 100; i++) {
      events.push(event(`u${i}`, 'view_pricing', T0 + i * 60_000));
      // u0…u39 start a trial one day later; u40…u44 only after 15 days (outside the window).
      if (i < 40) events.push(event(`u${i}`, 'start_trial', T0 + i * 60_000 + MS_PER_DAY));
      if (i >= 40 && i < 45) events.push(event(`u${i}`, 'start_trial', T0 + 15 * MS_PER_DAY));
      // u0…u9 pay two days after the trial.
      if (i < 10) events.push(event(`u${i}`, 'pay', T0 + i * 60_000 + 3 * MS_PER_DAY));
    }
    const options: FunnelOptions = { steps: ['view_pricing', 'start_trial', 'pay'], window: 14 * MS_PER_DAY };
    for (const { result } of await resultsOnEngines(engines(), 'funnel', events, options)) {
      expect(result.steps.map((step) => step.count)).toEqual([100, 40, 10]);
      expect(result.steps.map((step) => step.fromFirst)).toEqual([1, 0.4, 0.1]);
      expect(result.steps.map((step) => step.fromPrevious)).toEqual([1, 0.4, 0.25]);
      expect(result.steps.map((step) => step.dropOff)).toEqual([0, 60, 30]);
      // Every trial comes exactly one day after the pricing view, every payment two days after the trial.
      expect(result.steps.map((step) => step.median)).toEqual([null, MS_PER_DAY, 2 * MS_PER_DAY]);
      expect(result.steps.map((step) => step.mean)).toEqual([null, MS_PER_DAY, 2 * MS_PER_DAY]);
      expect(result.steps[1]?.histogram).toEqual([{ from: MS_PER_DAY, to: MS_PER_DAY, count: 40 }]);
    }
  });

  it('strict order finds the deepest valid chain: a@0, b@0, b@1, c@2 reaches c (a@0 → b@1 → c@2)', async () => {
    const events = [event('u', 'a', T0), event('u', 'b', T0), event('u', 'b', T0 + 1000), event('u', 'c', T0 + 2000)];
    for (const order of ['strict', 'ordered'] as const) {
      for (const { result } of await resultsOnEngines(engines(), 'funnel', events, { steps: ['a', 'b', 'c'], order })) {
        expect(result.steps.map((step) => step.count)).toEqual([1, 1, 1]);
        // Strict: b is matched at 1 s (b@0 would strand c behind b@1); ordered: the earliest b, at 0.
        expect(result.steps.map((step) => step.median)).toEqual(order === 'strict' ? [null, 1000, 1000] : [null, 0, 2000]);
      }
    }
  });

  it('strict order is broken by another event strictly between two steps, not by one at the same millisecond', async () => {
    const events = [
      // u1: a, x (between), b → strict reaches a only.
      event('u1', 'a', T0),
      event('u1', 'x', T0 + 1000),
      event('u1', 'b', T0 + 2000),
      // u2: a and x at the same millisecond, then b → strict reaches b.
      event('u2', 'a', T0),
      event('u2', 'x', T0),
      event('u2', 'b', T0 + 2000),
    ];
    for (const { result } of await resultsOnEngines(engines(), 'funnel', events, { steps: ['a', 'b'], order: 'strict' })) {
      expect(result.steps.map((step) => step.count)).toEqual([2, 1]);
    }
  });

  it('counts a repeated step only on a different event, and respects the inclusive window', async () => {
    const events = [
      // u1: a twice, one hour apart: steps [a, a] reached, within a 1-hour window (inclusive).
      event('u1', 'a', T0),
      event('u1', 'a', T0 + MS_PER_HOUR),
      // u2: a once: the second step needs another a.
      event('u2', 'a', T0),
      // u3: a twice, 1 h + 1 ms apart: outside the window.
      event('u3', 'a', T0),
      event('u3', 'a', T0 + MS_PER_HOUR + 1),
    ];
    for (const order of ['ordered', 'strict'] as const) {
      for (const { result } of await resultsOnEngines(engines(), 'funnel', events, { steps: ['a', 'a'], window: MS_PER_HOUR, order })) {
        expect(result.steps.map((step) => step.count)).toEqual([3, 1]);
        expect(result.steps[1]?.mean).toBe(MS_PER_HOUR);
      }
    }
  });
});

describe('funnel in SQL: conditions, exclusions, any order and breakdowns, hand-computed', () => {
  it('matches a step only on events carrying its property values (null: the property is absent)', async () => {
    const events = [
      event('u1', 'view', T0, { plan: 'pro' }),
      event('u1', 'buy', T0 + 1000),
      event('u2', 'view', T0, { plan: 'free' }),
      event('u2', 'buy', T0 + 1000),
      event('u3', 'view', T0),
      event('u3', 'buy', T0 + 1000, { seats: 2 }),
    ];
    const cases: [FunnelOptions, number[]][] = [
      // Only u1 views with plan "pro".
      [{ steps: [{ name: 'view', where: { plan: 'pro' } }, 'buy'] }, [1, 1]],
      // u3 has no plan: null matches it.
      [{ steps: [{ name: 'view', where: { plan: null } }, 'buy'] }, [1, 1]],
      // Everyone views; only u3 buys with 2 seats (a number), none with a string "2".
      [{ steps: ['view', { name: 'buy', where: { seats: 2 } }] }, [3, 1]],
      [{ steps: ['view', { name: 'buy', where: { plan: '2' } }] }, [3, 0]],
    ];
    for (const [options, counts] of cases) {
      for (const { result } of await resultsOnEngines(engines(), 'funnel', events, options, withColumns)) {
        expect(result.steps.map((step) => step.count)).toEqual(counts);
      }
    }
  });

  it('disqualifies an attempt with an excluded event strictly between its steps, and falls back to another attempt', async () => {
    const events = [
      // u1: a, x, b: excluded between steps 0 and 1; no other attempt.
      event('u1', 'a', T0),
      event('u1', 'x', T0 + 1000),
      event('u1', 'b', T0 + 2000),
      // u2: x at the same millisecond as a (not strictly after), then b: counts.
      event('u2', 'a', T0),
      event('u2', 'x', T0),
      event('u2', 'b', T0 + 2000),
      // u3: a@0, x@1 s, a@5 s, b@6 s: the first attempt (a@0 → b@6 s) is disqualified, the second (a@5 s → b@6 s) counts, 1 s.
      event('u3', 'a', T0),
      event('u3', 'x', T0 + 1000),
      event('u3', 'a', T0 + 5000),
      event('u3', 'b', T0 + 6000),
      // u4: a, then x within the window and no b: the attempt reaching only a is disqualified too.
      event('u4', 'a', T0),
      event('u4', 'x', T0 + 1000),
    ];
    const options: FunnelOptions = { steps: ['a', 'b'], exclusions: [{ name: 'x', between: [0, 1] }] };
    for (const { result } of await resultsOnEngines(engines(), 'funnel', events, options)) {
      // u1 and u4 are in no attempt left: 2 users (u2, u3) reach a, both reach b; u2 took 2 s, u3 1 s.
      expect(result.steps.map((step) => step.count)).toEqual([2, 2]);
      expect(result.steps[1]?.mean).toBe(1500);
    }
  });

  it('does not count the attempt’s own steps as excluded events', async () => {
    // Steps a, b, a with b excluded between steps 0 and 2: the matched b (step 1) does not disqualify; a second b does.
    const events = [
      event('u1', 'a', T0),
      event('u1', 'b', T0 + 1000),
      event('u1', 'a', T0 + 2000),
      event('u2', 'a', T0),
      event('u2', 'b', T0 + 1000),
      event('u2', 'b', T0 + 1500),
      event('u2', 'a', T0 + 2000),
    ];
    for (const order of ['ordered', 'strict'] as const) {
      const options: FunnelOptions = { steps: ['a', 'b', 'a'], order, exclusions: [{ name: 'b', between: [0, 2] }] };
      for (const { result } of await resultsOnEngines(engines(), 'funnel', events, options)) {
        // Ordered: u1 counts; u2's attempt from a@0 has an extra b (after its b, so it still reaches the last a),
        // further than its clean attempt from a@2 s: u2 is left out. Strict: u2's b@1.5 s breaks a@0 → b@1 s → a@2 s,
        // so that attempt stands for a and b only, and again goes further than the clean one.
        expect(result.steps.map((step) => step.count)).toEqual([1, 1, 1]);
      }
      // Setting disqualified attempts aside, u2 counts by the clean attempt from a@2 s.
      for (const { result } of await resultsOnEngines(engines(), 'funnel', events, { ...options, exclusionMode: 'cleanAttempts' })) {
        expect(result.steps.map((step) => step.count)).toEqual([2, 1, 1]);
      }
    }
  });

  it('any order: the most distinct steps done inside one window, in any order', async () => {
    const events = [
      // u1: c, b, a within one hour: all three.
      event('u1', 'c', T0),
      event('u1', 'b', T0 + 10 * 60_000),
      event('u1', 'a', T0 + 50 * 60_000),
      // u2: b, then a two hours later (outside a 1-hour window): 1.
      event('u2', 'b', T0),
      event('u2', 'a', T0 + 2 * MS_PER_HOUR),
      // u3: a, a: one step "a" (the other steps need other events): 1.
      event('u3', 'a', T0),
      event('u3', 'a', T0 + 60_000),
    ];
    const options: FunnelOptions = { steps: ['a', 'b', 'c'], order: 'any', window: MS_PER_HOUR };
    for (const { result } of await resultsOnEngines(engines(), 'funnel', events, options)) {
      expect(result.steps.map((step) => step.count)).toEqual([3, 1, 1]);
      // u1 reached a second distinct step (b) 10 minutes after its first (c), a third (a) 40 minutes later.
      expect(result.steps.map((step) => step.mean)).toEqual([null, 10 * 60_000, 40 * 60_000]);
    }
  });

  it('any order: a name with steps of different conditions is matched event by event (a maximum matching)', async () => {
    // Steps a{plan: pro}, a{plan: pro}, a: u1's pro, pro, free events fill all three; u2's pro, free, free only two
    // (one pro event for two pro steps); u3's free, free: one (the two pro steps need pro events).
    const steps: FunnelOptions['steps'] = [{ name: 'a', where: { plan: 'pro' } }, { name: 'a', where: { plan: 'pro' } }, 'a'];
    const events = [
      event('u1', 'a', T0, { plan: 'pro' }),
      event('u1', 'a', T0 + 1000, { plan: 'pro' }),
      event('u1', 'a', T0 + 2000, { plan: 'free' }),
      event('u2', 'a', T0, { plan: 'pro' }),
      event('u2', 'a', T0 + 1000, { plan: 'free' }),
      event('u2', 'a', T0 + 2000, { plan: 'free' }),
      event('u3', 'a', T0, { plan: 'free' }),
      event('u3', 'a', T0 + 1000, { plan: 'free' }),
    ];
    for (const { result } of await resultsOnEngines(engines(), 'funnel', events, { steps, order: 'any' }, withColumns)) {
      expect(result.steps.map((step) => step.count)).toEqual([3, 2, 1]);
    }
  });

  it('breaks down by the step-1 event’s property: the top 10 values, then "Other", then null', async () => {
    // 13 plans: plan p00 … p12 has 13 − i users (p00: 13 … p12: 1); every user views, the first of each plan pays.
    // Plus 2 users whose view has no plan. The top 10 are p00 … p09; "Other" gathers p10, p11, p12 (3 + 2 + 1 users).
    const events: KpiEvent[] = [];
    for (let i = 0; i < 13; i++) {
      const plan = `p${String(i).padStart(2, '0')}`;
      for (let j = 0; j < 13 - i; j++) {
        events.push(event(`${plan}-${j}`, 'view', T0 + j * 1000, { plan }));
        if (j === 0) events.push(event(`${plan}-${j}`, 'pay', T0 + j * 1000 + 60_000));
      }
    }
    events.push(event('anon-1', 'view', T0), event('anon-2', 'view', T0), event('anon-2', 'pay', T0 + 120_000));
    const options: FunnelOptions = { steps: ['view', 'pay'], breakdown: { property: 'plan' } };
    for (const { result } of await resultsOnEngines(engines(), 'funnel', events, options, withColumns)) {
      const groups = result.breakdown?.groups ?? [];
      expect(groups.map((group) => [group.value, group.other, group.steps.map((step) => step.count)])).toEqual([
        ...Array.from({ length: 10 }, (_, i) => [`p${String(i).padStart(2, '0')}`, false, [13 - i, 1]]),
        ['Other', true, [6, 3]],
        [null, false, [2, 1]],
      ]);
      expect(result.breakdown?.property).toBe('plan');
      // Every pay came one minute after its view, except anon-2's two minutes: 14 users, mean (13 × 60 + 120) / 14 s.
      expect(result.steps.map((step) => step.count)).toEqual([93, 14]);
      expect(result.steps[1]?.mean).toBe(((13 * 60 + 120) * 1000) / 14);
      expect(groups.at(-1)?.steps[1]?.median).toBe(120_000);
    }
  });

  it('breaks down by numbers and booleans too, keeping their type', async () => {
    const events = [
      event('u1', 'a', T0, { seats: 2, beta: true }),
      event('u2', 'a', T0, { seats: 2, beta: false }),
      event('u3', 'a', T0, { seats: 10 }),
      event('u1', 'b', T0 + 1000),
    ];
    for (const [property, expected] of [
      [
        'seats',
        [
          [2, [2, 1]],
          [10, [1, 0]],
        ],
      ],
      [
        'beta',
        [
          [false, [1, 0]],
          [true, [1, 1]],
          [null, [1, 0]],
        ],
      ],
    ] as const) {
      const options: FunnelOptions = { steps: ['a', 'b'], breakdown: { property } };
      for (const { result } of await resultsOnEngines(engines(), 'funnel', events, options, withColumns)) {
        expect(result.breakdown?.groups.map((group) => [group.value, group.steps.map((step) => step.count)])).toEqual(expected);
      }
    }
  });

  it('ranks tied values byte by byte, whatever the database collation, as core does', async () => {
    // 14 plans, one user each: all tie, so the top 10 are the first 10 in byte order (upper case before
    // lower case, "é" after "z"); a collation that sorts case-insensitively would keep "a" … "e" instead of "Z".
    const plans = ['a', 'B', 'c', 'D', 'e', 'F', 'g', 'H', 'i', 'J', 'é', 'L', 'Z', 'z'];
    const events = plans.map((plan, i) => event(`u${i}`, 'a', T0, { plan }));
    const expected = funnel(events, { steps: ['a', 'b'], breakdown: { property: 'plan' } }).breakdown?.groups.map((group) => group.value);
    expect(expected).toEqual(['B', 'D', 'F', 'H', 'J', 'L', 'Z', 'a', 'c', 'e', 'Other']);
    for (const { engine, result } of await resultsOnEngines(
      engines(),
      'funnel',
      events,
      { steps: ['a', 'b'], breakdown: { property: 'plan' } },
      withColumns,
    )) {
      expect(
        result.breakdown?.groups.map((group) => group.value),
        engine,
      ).toEqual(expected);
    }
  });
});

const stepsArb = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 2, maxLength: 4 });

describe('funnel in SQL: the same numbers as core', () => {
  it('on random events, steps (repeated names too), windows, orders, zones and ranges', async () => {
    await fc.assert(
      fc.asyncProperty(
        eventsArb({ maxEvents: 50, spanDays: 2, names: ['a', 'b', 'c', 'd', 'x'], users: 5 }).chain((events) =>
          zoneArb.chain((timeZone) =>
            fc.tuple(
              fc.constant(events),
              fc.constant(timeZone),
              rangeArb(events, timeZone),
              stepsArb,
              fc.constantFrom(1, 900_000, 3 * MS_PER_HOUR, 1.5 * MS_PER_DAY, 14 * MS_PER_DAY),
              fc.constantFrom('ordered', 'strict'),
            ),
          ),
        ),
        async ([events, timeZone, range, steps, window, order]) => {
          const options: FunnelOptions = { ...range, timeZone, steps, window, order };
          const expected = funnel(events, options);
          for (const { result } of await resultsOnEngines(engines(), 'funnel', events, options)) expect(result).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('on dense ties: few instants, two names, long repetitive step lists', async () => {
    // Many events share a millisecond, so moments hold several steps and strict chains have many splits.
    const tiedEventsArb = fc
      .array(
        fc.record({ user: fc.integer({ min: 0, max: 2 }), name: fc.constantFrom('a', 'b', 'x'), instant: fc.integer({ min: 0, max: 5 }) }),
        { maxLength: 30, size: 'max' },
      )
      .map((rows) => rows.map(({ user, name, instant }) => event(`u${user}`, name, T0 + instant * 60_000)));
    await fc.assert(
      fc.asyncProperty(
        tiedEventsArb,
        fc.array(fc.constantFrom('a', 'b'), { minLength: 2, maxLength: 6 }),
        fc.constantFrom(60_000, 180_000, MS_PER_HOUR),
        fc.constantFrom('ordered', 'strict'),
        async (events, steps, window, order) => {
          const options: FunnelOptions = { steps, window, order };
          const expected = funnel(events, options);
          for (const { result } of await resultsOnEngines(engines(), 'funnel', events, options)) expect(result).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});

const whereArb = fc.option(
  fc.oneof(
    fc.record({ plan: fc.constantFrom('free', 'pro', null) }),
    fc.record({ seats: fc.constantFrom(1, 2) }),
    fc.record({ beta: fc.boolean() }),
    fc.record({ plan: fc.constantFrom('pro', null), beta: fc.boolean() }),
  ),
  { nil: undefined },
);
const stepArb = fc
  .tuple(fc.constantFrom('a', 'b', 'c'), whereArb)
  .map(([name, where]): FunnelOptions['steps'][number] => (where === undefined ? name : { name, where }));

/** Options of every kind: conditions, exclusions (spanning the whole funnel in any order) and their mode, a breakdown by any attribution. */
const fullOptionsArb = (events: readonly KpiEvent[]): fc.Arbitrary<FunnelOptions> =>
  zoneArb.chain((timeZone) =>
    fc
      .record({
        range: rangeArb(events, timeZone),
        steps: fc.array(stepArb, { minLength: 2, maxLength: 4 }),
        order: fc.constantFrom('ordered', 'strict', 'any'),
        window: fc.constantFrom(900_000, 3 * MS_PER_HOUR, 1.5 * MS_PER_DAY, 14 * MS_PER_DAY),
        exclusions: fc.array(fc.tuple(fc.constantFrom('x', 'x', 'a', 'b'), whereArb, fc.nat(), fc.nat()), { maxLength: 2 }),
        exclusionMode: fc.constantFrom(undefined, 'furthestAttempt', 'cleanAttempts'),
        breakdown: fc.option(fc.constantFrom('plan', 'seats', 'beta'), { nil: undefined }),
        attribution: fc.constantFrom(undefined, 'first_touch', 'last_touch', 0, 1, 3),
      })
      .map(({ range, steps, order, window, exclusions, exclusionMode, breakdown, attribution }) => {
        const last = steps.length - 1;
        const step = typeof attribution === 'number' ? (order === 'any' ? 0 : Math.min(attribution, last)) : undefined;
        return {
          ...range,
          timeZone,
          steps,
          order,
          window,
          ...(exclusions.length === 0
            ? {}
            : {
                exclusions: exclusions.map(([name, where, i, j]) => {
                  const from = order === 'any' ? 0 : i % last;
                  const to = order === 'any' ? last : from + 1 + (j % (last - from));
                  return { name, ...(where === undefined ? {} : { where }), between: [from, to] as const };
                }),
              }),
          ...(exclusionMode === undefined ? {} : { exclusionMode }),
          ...(breakdown === undefined
            ? {}
            : {
                breakdown: {
                  property: breakdown,
                  ...(step !== undefined ? { attribution: { step } } : attribution === undefined ? {} : { attribution }),
                },
              }),
        } as FunnelOptions;
      }),
  );

describe('funnel in SQL with conditions, exclusions, any order and breakdowns: the same numbers as core', () => {
  it('on random events with properties and random options of every kind', async () => {
    await fc.assert(
      fc.asyncProperty(
        withProperties(eventsArb({ maxEvents: 40, spanDays: 2, names: ['a', 'b', 'c', 'x'], users: 5 })).chain((events) =>
          fc.tuple(fc.constant(events), fullOptionsArb(events)),
        ),
        async ([events, options]) => {
          const expected = funnel(events, options);
          for (const { result } of await resultsOnEngines(engines(), 'funnel', events, options, withColumns))
            expect(result).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  }, 600_000);

  it('on breakdowns with more than ten values, ties included', async () => {
    const plans = Array.from({ length: 14 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    await fc.assert(
      fc.asyncProperty(
        withProperties(eventsArb({ maxEvents: 60, spanDays: 1, names: ['a', 'b'], users: 30 }), plans),
        fc.constantFrom('ordered', 'strict', 'any'),
        async (events, order) => {
          const options: FunnelOptions = { steps: ['a', 'b'], order, breakdown: { property: 'plan' } };
          const expected = funnel(events, options);
          for (const { result } of await resultsOnEngines(engines(), 'funnel', events, options, withColumns))
            expect(result).toEqual(expected);
        },
      ),
      { numRuns: 20 },
    );
  }, 300_000);
});
