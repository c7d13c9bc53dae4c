import { describe, expect, it } from 'vitest';
import { funnel } from '../../src/funnel/funnel';
import type { FunnelResult } from '../../src/funnel/funnel.types';
import { KpiValidationError, toEventTable, type KpiEvent, type PropertyValue } from '../../src/index';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2024, 2, 4); // Monday 2024-03-04, 00:00 UTC

const ev = (userId: string, name: string, timestamp: number, properties?: Record<string, PropertyValue>): KpiEvent => ({
  userId,
  name,
  timestamp,
  ...(properties ? { properties } : {}),
});

const counts = (result: FunnelResult): number[] => result.steps.map((step) => step.count);
const field = <K extends 'fromFirst' | 'fromPrevious' | 'dropOff' | 'median' | 'mean' | 'p90'>(result: FunnelResult, key: K) =>
  result.steps.map((step) => step[key]);

function issuePaths(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof KpiValidationError) return error.issues.map((issue) => issue.path);
    throw error;
  }
  throw new Error('expected a KpiValidationError');
}

describe('funnel', () => {
  it('matches the contract example: 100 view pricing, 40 start a trial within 14 days, 10 of those pay', () => {
    const events: KpiEvent[] = [];
    for (let i = 0; i < 100; i++) {
      const user = `u${i}`;
      const start = T0 + i * HOUR;
      events.push(ev(user, 'view_pricing', start));
      // Users 0–39 start a trial a day later; 40–44 one millisecond after the 14-day window closes.
      if (i < 40) events.push(ev(user, 'start_trial', start + DAY));
      else if (i < 45) events.push(ev(user, 'start_trial', start + 14 * DAY + 1));
      // Users 0–9 pay two days after their trial starts; 45–49 pay without a trial.
      if (i < 10) events.push(ev(user, 'pay', start + 3 * DAY));
      else if (i >= 45 && i < 50) events.push(ev(user, 'pay', start + 2 * DAY));
    }
    const result = funnel(events, { steps: ['view_pricing', 'start_trial', 'pay'] });
    expect(counts(result)).toEqual([100, 40, 10]);
    expect(field(result, 'fromFirst')).toEqual([1, 0.4, 0.1]);
    expect(field(result, 'fromPrevious')).toEqual([1, 0.4, 0.25]);
    expect(field(result, 'dropOff')).toEqual([0, 60, 30]);
    expect(field(result, 'median')).toEqual([null, DAY, 2 * DAY]);
    expect(field(result, 'mean')).toEqual([null, DAY, 2 * DAY]);
    expect(result.steps.map((step) => step.name)).toEqual(['view_pricing', 'start_trial', 'pay']);
    expect(result).toMatchObject({ order: 'ordered', window: 14 * DAY, from: '2024-03-04', to: '2024-03-19', timeZone: 'UTC' });
    expect(result).not.toHaveProperty('breakdown');
  });

  it('reports median (mean of the two middle values), mean, p90 and histogram of step times', () => {
    // Step-2 times 1, 2, 3 and 10 ms: median (2 + 3) / 2 = 2.5, mean 16 / 4 = 4,
    // p90 at rank 0.9 × 3 = 2.7 → 3 + 0.7 × (10 − 3) = 7.9; ceil(cbrt(4)) = 2 bins of width 4.5.
    const events = [1, 2, 3, 10].flatMap((gap, i) => [ev(`u${i}`, 'a', T0), ev(`u${i}`, 'b', T0 + gap)]);
    const [first, second] = funnel(events, { steps: ['a', 'b'] }).steps;
    expect(first).toMatchObject({ median: null, mean: null, p90: null, histogram: [] });
    expect(second?.median).toBe(2.5);
    expect(second?.mean).toBe(4);
    expect(second?.p90).toBeCloseTo(7.9, 10);
    expect(second?.histogram).toEqual([
      { from: 1, to: 5.5, count: 3 },
      { from: 5.5, to: 10, count: 1 },
    ]);
  });

  it('includes a step at exactly t1 + window and excludes one 1 ms later', () => {
    const window = 10 * HOUR;
    const events = [ev('in', 'a', T0), ev('in', 'b', T0 + window), ev('out', 'a', T0), ev('out', 'b', T0 + window + 1)];
    expect(counts(funnel(events, { steps: ['a', 'b'], window }))).toEqual([2, 1]);
    expect(counts(funnel(events, { steps: ['a', 'b'], window, order: 'strict' }))).toEqual([2, 1]);
    expect(counts(funnel(events, { steps: ['a', 'b'], window, order: 'any' }))).toEqual([2, 1]);
  });

  it('lets steps share a millisecond in either order, but never reuse one event', () => {
    const events = [ev('u', 'b', T0), ev('u', 'a', T0)];
    expect(counts(funnel(events, { steps: ['a', 'b'] }))).toEqual([1, 1]);
    expect(counts(funnel(events, { steps: ['b', 'a'] }))).toEqual([1, 1]);
    // [a, b, a] needs a second `a`: the one at T0 is already step 1.
    expect(counts(funnel(events, { steps: ['a', 'b', 'a'] }))).toEqual([1, 1, 0]);
    expect(field(funnel(events, { steps: ['a', 'b'] }), 'median')).toEqual([null, 0]);
  });

  it('needs two distinct events for a repeated step name', () => {
    const once = [ev('u', 'a', T0)];
    const twice = [ev('u', 'a', T0), ev('u', 'a', T0 + 5000)];
    for (const order of ['ordered', 'strict', 'any'] as const) {
      expect(counts(funnel(once, { steps: ['a', 'a'], order }))).toEqual([1, 0]);
      expect(counts(funnel(twice, { steps: ['a', 'a'], order }))).toEqual([1, 1]);
    }
    expect(funnel(twice, { steps: ['a', 'a'] }).steps[1]?.median).toBe(5000);
  });

  it('takes the depth over all step-1 events and the times of the earliest attempt that reaches it', () => {
    const window = 10_000;
    // u1: the first attempt stops at b (c comes after its window); the second reaches c.
    // u2: attempts at 0 and 7 both reach c; the one at 0 is used (b after 5 s, c 1 s later).
    const events = [
      ev('u1', 'a', T0),
      ev('u1', 'b', T0 + 1000),
      ev('u1', 'a', T0 + 100_000),
      ev('u1', 'b', T0 + 102_000),
      ev('u1', 'c', T0 + 105_000),
      ev('u2', 'a', T0),
      ev('u2', 'b', T0 + 5000),
      ev('u2', 'c', T0 + 6000),
      ev('u2', 'a', T0 + 7000),
      ev('u2', 'b', T0 + 8000),
      ev('u2', 'c', T0 + 9000),
    ];
    const result = funnel(events, { steps: ['a', 'b', 'c'], window });
    expect(counts(result)).toEqual([2, 2, 2]);
    // Step 2 times: u1 2000, u2 5000; step 3 times: u1 3000, u2 1000.
    expect(field(result, 'median')).toEqual([null, 3500, 2000]);
  });

  it('breaks a strict chain only on an event strictly between two matched steps', () => {
    const sameMs = [ev('u', 'a', T0), ev('u', 'other', T0), ev('u', 'b', T0)];
    expect(counts(funnel(sameMs, { steps: ['a', 'b'], order: 'strict' }))).toEqual([1, 1]);
    const between = [ev('u', 'a', T0), ev('u', 'other', T0 + 1), ev('u', 'b', T0 + 2)];
    expect(counts(funnel(between, { steps: ['a', 'b'], order: 'strict' }))).toEqual([1, 0]);
    expect(counts(funnel(between, { steps: ['a', 'b'], order: 'ordered' }))).toEqual([1, 1]);
    // Any other event breaks it, including one matching a later step's name.
    const repeat = [ev('u', 'a', T0), ev('u', 'c', T0 + 1), ev('u', 'b', T0 + 2), ev('u', 'c', T0 + 3)];
    expect(counts(funnel(repeat, { steps: ['a', 'b', 'c'], order: 'strict' }))).toEqual([1, 0, 0]);
    expect(counts(funnel(repeat, { steps: ['a', 'b', 'c'] }))).toEqual([1, 1, 1]);
  });

  it('finds a strict chain that skips an earlier same-millisecond match', () => {
    // a@0, b@0, b@1, c@2: a@0 → b@1 → c@2 is strict (nothing strictly between), while
    // a@0 → b@0 would leave b@1 between b and c. Ordered takes b@0 (the earliest).
    const events = [ev('u', 'a', T0), ev('u', 'b', T0), ev('u', 'b', T0 + 1), ev('u', 'c', T0 + 2)];
    const strict = funnel(events, { steps: ['a', 'b', 'c'], order: 'strict' });
    expect(counts(strict)).toEqual([1, 1, 1]);
    expect(field(strict, 'median')).toEqual([null, 1, 1]);
    const ordered = funnel(events, { steps: ['a', 'b', 'c'] });
    expect(field(ordered, 'median')).toEqual([null, 0, 2]);
  });

  it('in any order counts the most distinct steps inside one window, timed from one distinct step to the next', () => {
    const window = 10_000;
    const events = [
      // reversed: any reaches 3; ordered and strict only step 1 (nothing after a).
      ev('rev', 'c', T0),
      ev('rev', 'b', T0 + 1000),
      ev('rev', 'a', T0 + 2000),
      // too spread: c and a are 20 s apart, so at most one step per window.
      ev('far', 'c', T0),
      ev('far', 'a', T0 + 20_000),
    ];
    const any = funnel(events, { steps: ['a', 'b', 'c'], order: 'any', window });
    expect(counts(any)).toEqual([2, 1, 1]);
    // rev reached its first step (c) at 0, its second (b) 1 s later, its third (a) 1 s after that.
    expect(field(any, 'median')).toEqual([null, 1000, 1000]);
    expect(counts(funnel(events, { steps: ['a', 'b', 'c'], window }))).toEqual([2, 0, 0]);
  });

  it('counts only events inside [from, to], local days in the time zone', () => {
    const events = [
      // 2024-03-31T23:30Z is 2024-04-01 in Paris (UTC+2): outside a range ending 2024-03-31 there.
      ev('late', 'a', Date.UTC(2024, 2, 31, 20)),
      ev('late', 'b', Date.UTC(2024, 2, 31, 23, 30)),
      // Step 1 before the range: the user is not in the funnel at all.
      ev('early', 'a', Date.UTC(2024, 2, 9, 12)),
      ev('early', 'b', Date.UTC(2024, 2, 10, 12)),
      ev('inside', 'a', Date.UTC(2024, 2, 15, 12)),
      ev('inside', 'b', Date.UTC(2024, 2, 16, 12)),
    ];
    const result = funnel(events, { steps: ['a', 'b'], from: '2024-03-10', to: '2024-03-31', timeZone: 'Europe/Paris' });
    expect(counts(result)).toEqual([2, 1]);
    expect(result).toMatchObject({ from: '2024-03-10', to: '2024-03-31', timeZone: 'Europe/Paris' });
    // In UTC the late trial falls on 2024-03-31 and counts.
    expect(counts(funnel(events, { steps: ['a', 'b'], from: '2024-03-10', to: '2024-03-31' }))).toEqual([2, 2]);
  });

  it('matches steps on property conditions, null matching an absent property', () => {
    const events = [
      ev('pro', 'a', T0),
      ev('pro', 'pay', T0 + 1, { plan: 'pro' }),
      ev('free', 'a', T0),
      ev('free', 'pay', T0 + 1, { plan: 'free' }),
      ev('none', 'a', T0),
      ev('none', 'pay', T0 + 1),
    ];
    expect(counts(funnel(events, { steps: ['a', { name: 'pay', where: { plan: 'pro' } }] }))).toEqual([3, 1]);
    expect(counts(funnel(events, { steps: ['a', { name: 'pay', where: { plan: null } }] }))).toEqual([3, 1]);
    expect(counts(funnel(events, { steps: ['a', { name: 'pay', where: {} }] }))).toEqual([3, 3]);
  });

  describe('exclusions', () => {
    const window = 1000;
    const steps = ['view', 'trial', 'pay'];
    const exclusions = [{ name: 'cancel', between: [1, 2] as const }];

    it('drops a user whose only attempt has the excluded event between the two steps', () => {
      const events = [
        // A: cancel between trial and pay → excluded from every step.
        ev('A', 'view', T0),
        ev('A', 'trial', T0 + 10),
        ev('A', 'cancel', T0 + 20),
        ev('A', 'pay', T0 + 30),
        // B: no pay, cancel after the trial inside the window → excluded.
        ev('B', 'view', T0),
        ev('B', 'trial', T0 + 10),
        ev('B', 'cancel', T0 + 20),
        // C: cancel after paying → kept, depth 3.
        ev('C', 'view', T0),
        ev('C', 'trial', T0 + 10),
        ev('C', 'pay', T0 + 30),
        ev('C', 'cancel', T0 + 40),
        // D: cancel before the trial (between view and trial) → not this exclusion's span.
        ev('D', 'view', T0),
        ev('D', 'cancel', T0 + 5),
        ev('D', 'trial', T0 + 10),
        // E: cancel 1 ms past the window end, no pay → kept, depth 2.
        ev('E', 'view', T0),
        ev('E', 'trial', T0 + 10),
        ev('E', 'cancel', T0 + window + 1),
        // G: cancel at the trial's own millisecond → not strictly after it → kept, depth 2.
        ev('G', 'view', T0),
        ev('G', 'trial', T0 + 10),
        ev('G', 'cancel', T0 + 10),
      ];
      // Kept: C (3), D (2), E (2), G (2).
      expect(counts(funnel(events, { steps, window, exclusions }))).toEqual([4, 4, 1]);
      // Strict: A's chain stops at the trial (the cancel breaks it) and is still excluded; D's cancel
      // breaks view → trial, so D stops at step 1 where the exclusion does not apply.
      expect(counts(funnel(events, { steps, window, exclusions, order: 'strict' }))).toEqual([4, 3, 1]);
      expect(counts(funnel(events, { steps, window }))).toEqual([6, 6, 2]);
    });

    it('judges a user by their furthest attempt; cleanAttempts sets disqualified attempts aside', () => {
      // H: the first attempt reaches pay but is disqualified; the second, clean, stops at the trial.
      const events = [
        ev('H', 'view', T0),
        ev('H', 'trial', T0 + 10),
        ev('H', 'cancel', T0 + 20),
        ev('H', 'pay', T0 + 30),
        ev('H', 'view', T0 + 5000),
        ev('H', 'trial', T0 + 5100),
      ];
      expect(counts(funnel(events, { steps, window, exclusions }))).toEqual([0, 0, 0]);
      expect(counts(funnel(events, { steps, window, exclusions, exclusionMode: 'furthestAttempt' }))).toEqual([0, 0, 0]);
      const clean = funnel(events, { steps, window, exclusions, exclusionMode: 'cleanAttempts' });
      expect(counts(clean)).toEqual([1, 1, 0]);
      expect(field(clean, 'median')).toEqual([null, 100, null]);
    });

    it('follows a disqualified attempt only to the step after the excluded event', () => {
      // J's first attempt: a, x, b, c, with x excluded between a and b: it counts as reaching b, not c.
      // The second attempt reaches b cleanly, as far: J counts, with the clean attempt's time.
      const events = [
        ev('J', 'a', T0),
        ev('J', 'x', T0 + 1),
        ev('J', 'b', T0 + 2),
        ev('J', 'c', T0 + 3),
        ev('J', 'a', T0 + 100),
        ev('J', 'b', T0 + 107),
      ];
      const options = { steps: ['a', 'b', 'c'], window, exclusions: [{ name: 'x', between: [0, 1] as const }] };
      const result = funnel(events, options);
      expect(counts(result)).toEqual([1, 1, 0]);
      expect(field(result, 'median')).toEqual([null, 7, null]);
      // Without the second b, the clean attempt stops at a, short of the disqualified one's b: J is left out.
      expect(counts(funnel(events.slice(0, 5), options))).toEqual([0, 0, 0]);
      // Strict: x also ends the first chain at a, so it stands for a only, and the clean b goes further.
      expect(counts(funnel(events, { ...options, order: 'strict' }))).toEqual([1, 1, 0]);
    });

    it('counts the deepest attempt left when an earlier one is disqualified', () => {
      const events = [
        ev('F', 'view', T0),
        ev('F', 'trial', T0 + 10),
        ev('F', 'cancel', T0 + 20),
        ev('F', 'pay', T0 + 30),
        ev('F', 'view', T0 + 5000),
        ev('F', 'trial', T0 + 5100),
        ev('F', 'pay', T0 + 5400),
      ];
      const result = funnel(events, { steps, window, exclusions });
      expect(counts(result)).toEqual([1, 1, 1]);
      // Times from the clean second attempt: trial after 100 ms, pay 300 ms later.
      expect(field(result, 'median')).toEqual([null, 100, 300]);
    });
  });

  it('returns zero counts and null rates for no events', () => {
    const result = funnel([], { steps: ['a', 'b'] });
    expect(result).toEqual({
      order: 'ordered',
      window: 14 * DAY,
      from: null,
      to: null,
      timeZone: 'UTC',
      steps: ['a', 'b'].map((name) => ({
        name,
        count: 0,
        fromFirst: null,
        fromPrevious: null,
        dropOff: 0,
        median: null,
        mean: null,
        p90: null,
        histogram: [],
      })),
    });
    expect(funnel([], { steps: ['a', 'b'], breakdown: { property: 'plan' } }).breakdown).toEqual({ property: 'plan', groups: [] });
  });

  it('gives the same result from an EventTable as from event objects', () => {
    const events = [ev('u', 'a', T0), ev('u', 'b', T0 + 1), ev('v', 'a', T0)];
    expect(funnel(toEventTable(events), { steps: ['a', 'b'] })).toEqual(funnel(events, { steps: ['a', 'b'] }));
  });

  it('rejects bad options, naming the field', () => {
    expect(issuePaths(() => funnel([], { steps: ['a'] }))).toEqual(['options.steps']);
    expect(issuePaths(() => funnel([], { steps: ['a', 'b', { name: '' }] }))).toEqual(['options.steps[2].name']);
    expect(issuePaths(() => funnel([], { steps: ['a', 'b', {} as { name: string }] }))).toEqual(['options.steps[2].name']);
    expect(issuePaths(() => funnel([], { steps: ['a', ''] }))).toEqual(['options.steps[1]']);
    expect(issuePaths(() => funnel([], { steps: ['a', 'b'], window: 0 }))).toEqual(['options.window']);
    expect(issuePaths(() => funnel([], { steps: ['a', 'b'], order: 'random' as 'any' }))).toEqual(['options.order']);
    expect(issuePaths(() => funnel([], { steps: ['a', 'b'], exclusions: [{ name: 'x', between: [1, 1] }] }))).toEqual([
      'options.exclusions[0].between',
    ]);
    expect(issuePaths(() => funnel([], { steps: ['a', 'b'], exclusions: [{ name: 'x', between: [0, 2] }] }))).toEqual([
      'options.exclusions[0].between',
    ]);
    expect(issuePaths(() => funnel([], { steps: ['a', 'b', 'c'], order: 'any', exclusions: [{ name: 'x', between: [0, 1] }] }))).toEqual([
      'options.exclusions[0].between',
    ]);
    expect(issuePaths(() => funnel([], { steps: ['a', 'b'], breakdown: { property: '' } }))).toEqual(['options.breakdown.property']);
    expect(issuePaths(() => funnel([], { steps: ['a', 'b'], breakdown: { property: 'p', attribution: { step: 2 } } }))).toEqual([
      'options.breakdown.attribution.step',
    ]);
    expect(
      issuePaths(() => funnel([], { steps: ['a', 'b'], order: 'any', breakdown: { property: 'p', attribution: { step: 1 } } })),
    ).toEqual(['options.breakdown.attribution.step']);
    expect(issuePaths(() => funnel([], { steps: ['a', 'b'], breakdown: { property: 'p', attribution: 'all_events' as never } }))).toEqual([
      'options.breakdown.attribution',
    ]);
    expect(issuePaths(() => funnel([], { steps: ['a', 'b'], windw: 5 } as never))).toEqual(['options.windw']);
    expect(issuePaths(() => funnel([], { steps: new Array<string>(21).fill('a') }))).toEqual(['options.steps']);
    expect(issuePaths(() => funnel([], { steps: ['a', 'b'], from: '2024-03-10', to: '2024-03-01' }))).toEqual(['options.to']);
  });
});
