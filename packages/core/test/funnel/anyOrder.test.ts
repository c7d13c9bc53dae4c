import { describe, expect, it } from 'vitest';
import { conversionRate } from '../../src/adoption/conversionRate';
import { funnel } from '../../src/funnel/funnel';
import type { FunnelOptions, FunnelResult } from '../../src/funnel/funnel.types';
import type { KpiEvent, PropertyValue } from '../../src/index';

const T0 = Date.UTC(2024, 2, 4);
const ev = (userId: string, name: string, at: number, properties?: Record<string, PropertyValue>): KpiEvent => ({
  userId,
  name,
  timestamp: T0 + at,
  ...(properties ? { properties } : {}),
});
const counts = (result: FunnelResult): number[] => result.steps.map((step) => step.count);
const means = (result: FunnelResult): (number | null)[] => result.steps.map((step) => step.mean);

describe('funnel in any order: step times', () => {
  it('times each step from the previous distinct step reached, in the earliest window reaching the depth', () => {
    const events = [
      // u: b at 0, a at 4, a again at 5 (no new step), c at 9; a later window (b, c, a at 100…) is not used.
      ev('u', 'b', 0),
      ev('u', 'a', 4),
      ev('u', 'a', 5),
      ev('u', 'c', 9),
      ev('u', 'b', 100),
      ev('u', 'c', 101),
      ev('u', 'a', 102),
    ];
    const result = funnel(events, { steps: ['a', 'b', 'c'], order: 'any', window: 50 });
    expect(counts(result)).toEqual([1, 1, 1]);
    expect(means(result)).toEqual([null, 4, 5]);
  });

  it('counts a repeated step only on another event, and steps reached at one millisecond 0 ms apart', () => {
    const events = [ev('u', 'a', 0), ev('u', 'b', 0), ev('u', 'a', 7)];
    const result = funnel(events, { steps: ['a', 'a', 'b'], order: 'any' });
    expect(counts(result)).toEqual([1, 1, 1]);
    // Two distinct steps at 0 (a and b), the third (the second a) 7 ms later.
    expect(means(result)).toEqual([null, 0, 7]);
  });
});

describe('funnel in any order: exclusions over the whole window', () => {
  const steps = ['a', 'b', 'c'];
  const exclusions = [{ name: 'x', between: [0, 2] as const }];
  const base: FunnelOptions = { steps, order: 'any', window: 10, exclusions };

  it('disqualifies a window with an excluded event strictly after its start and up to its end, unless complete by then', () => {
    const users = [
      // at the window's first millisecond: not after it, kept (depth 2).
      [ev('start', 'a', 0), ev('start', 'x', 0), ev('start', 'b', 1)],
      // at its last millisecond, incomplete: disqualified; the window opened by b (1 … 11) holds x too.
      [ev('end', 'a', 0), ev('end', 'b', 1), ev('end', 'x', 10)],
      // 1 ms after the window: kept.
      [ev('after', 'a', 0), ev('after', 'b', 1), ev('after', 'x', 11)],
      // at the millisecond the window completes: kept, complete.
      [ev('tie', 'a', 0), ev('tie', 'b', 1), ev('tie', 'c', 2), ev('tie', 'x', 2)],
      // before completion: the a window is disqualified; the window opened by c holds c only.
      [ev('early', 'a', 0), ev('early', 'b', 1), ev('early', 'x', 2), ev('early', 'c', 3)],
    ];
    const depthOf = (events: KpiEvent[]): number => funnel(events, base).steps.filter((step) => step.count > 0).length;
    expect(users.map(depthOf)).toEqual([2, 0, 2, 3, 1]);
  });

  it('never counts a step event as excluded', () => {
    // x is both a step and the exclusion: in any order a step event is never an excluded one.
    const events = [ev('u', 'a', 0), ev('u', 'x', 1), ev('u', 'b', 2)];
    expect(counts(funnel(events, { steps: ['a', 'b', 'x'], order: 'any', exclusions }))).toEqual([1, 1, 1]);
  });

  it('with furthestAttempt, follows a disqualified window to one step past the excluded event', () => {
    // The window at 0 reaches a, b and c, but x falls right after a: it stands for a and one more step (2).
    // The clean window opened by b at 2 reaches b and c (2): as far, so the user counts, timed from it.
    const events = [ev('u', 'a', 0), ev('u', 'x', 1), ev('u', 'b', 2), ev('u', 'c', 3)];
    const options: FunnelOptions = { ...base, window: 30, exclusionMode: 'furthestAttempt' };
    const result = funnel(events, options);
    expect(counts(result)).toEqual([1, 1, 0]);
    expect(means(result)).toEqual([null, 1, null]);
    // Without c the clean window reaches b only, short of the disqualified one's 2: the user is left out.
    expect(counts(funnel(events.slice(0, 3), options))).toEqual([0, 0, 0]);
    // Setting disqualified windows aside (the default in any order), the user counts by the clean one.
    expect(counts(funnel(events.slice(0, 3), { ...options, exclusionMode: 'cleanAttempts' }))).toEqual([1, 0, 0]);
    expect(counts(funnel(events.slice(0, 3), { ...base, window: 30 }))).toEqual([1, 0, 0]);
  });

  it('conversionRate takes exclusions in any order too', () => {
    const events = [ev('u1', 'trial', 0), ev('u1', 'cancel', 1), ev('u1', 'paid', 2), ev('u2', 'paid', 0), ev('u2', 'trial', 5)];
    const result = conversionRate(events, { fromStep: 'trial', toStep: 'paid', order: 'any', exclusions: [{ name: 'cancel' }] });
    // u1: the trial window is disqualified, the paid one (alone) counts at depth 1; u2 converts in 5 ms.
    expect(result).toMatchObject({ entered: 2, converted: 1, median: 5, mean: 5 });
  });
});
