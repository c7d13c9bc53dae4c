import { describe, expect, it } from 'vitest';
import { compareBreakdownValues, funnelStepResults } from '../../src/index';
import type { DistributionSummary } from '../../src/index';

const times = (median: number): DistributionSummary => ({
  median,
  mean: median + 1,
  p90: median + 2,
  histogram: [{ from: 0, to: 1, count: 3 }],
});

describe('funnelStepResults', () => {
  it('gives conversions, drop-offs and the times of every step but the first', () => {
    // 100 view, 40 of them start a trial, 10 pay: 40 / 100, 10 / 100 from the first; 10 / 40 from the previous.
    const steps = funnelStepResults(['view', 'trial', 'pay'], [100, 40, 10], (k) => times(k * 1000));
    expect(steps.map(({ name, count, fromFirst, fromPrevious, dropOff }) => ({ name, count, fromFirst, fromPrevious, dropOff }))).toEqual([
      { name: 'view', count: 100, fromFirst: 1, fromPrevious: 1, dropOff: 0 },
      { name: 'trial', count: 40, fromFirst: 0.4, fromPrevious: 0.4, dropOff: 60 },
      { name: 'pay', count: 10, fromFirst: 0.1, fromPrevious: 0.25, dropOff: 30 },
    ]);
    expect(steps[0]).toMatchObject({ median: null, mean: null, p90: null, histogram: [] });
    expect(steps[2]).toMatchObject({ median: 2000, mean: 2001, p90: 2002, histogram: [{ from: 0, to: 1, count: 3 }] });
  });

  it('gives null rates, never NaN, when nobody reached the step before', () => {
    const steps = funnelStepResults(['a', 'b'], [0, 0], () => undefined);
    expect(steps).toEqual([
      { name: 'a', count: 0, fromFirst: null, fromPrevious: null, dropOff: 0, median: null, mean: null, p90: null, histogram: [] },
      { name: 'b', count: 0, fromFirst: null, fromPrevious: null, dropOff: 0, median: null, mean: null, p90: null, histogram: [] },
    ]);
  });
});

describe('compareBreakdownValues', () => {
  it('orders by string form, then by type', () => {
    expect(['b', 2, 'a', true, '2', null].sort(compareBreakdownValues)).toEqual([2, '2', 'a', 'b', null, true]);
  });
});
