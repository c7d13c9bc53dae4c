import fc from 'fast-check';
import { funnel } from '@kpikit/core';
import type { FunnelOptions, KpiEvent } from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { MS_PER_DAY, MS_PER_HOUR, at, eventsArb, rangeArb, zoneArb } from './support/data';
import { resultsOnEngines, useEngines } from './support/differential';

const engines = useEngines();

const T0 = at('2024-05-01T00:00:00Z');
const event = (userId: string, name: string, ms: number): KpiEvent => ({ userId, name, timestamp: ms });

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
      { numRuns: 40 },
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
