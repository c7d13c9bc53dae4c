import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differenceInterval, wilsonInterval } from '../../src/stats/proportionInterval';

describe('wilsonInterval', () => {
  it('matches the textbook values and stays in [0, 1]', () => {
    // 81 of 263 (Newcombe 1998, Table I): 0.2553 to 0.3662.
    const interval = wilsonInterval(81, 263)!;
    expect(interval.lower).toBeCloseTo(0.2553, 4);
    expect(interval.upper).toBeCloseTo(0.3662, 4);
    expect(wilsonInterval(0, 10)).toEqual({ lower: 0, upper: expect.closeTo(0.2775, 4) as number });
    expect(wilsonInterval(10, 10)).toEqual({ lower: expect.closeTo(0.7225, 4) as number, upper: 1 });
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('differenceInterval (Newcombe method 10)', () => {
  it('reproduces the published intervals', () => {
    // Newcombe 1998, Table II, method 10.
    const cases: [number, number, number, number, number, number][] = [
      [56, 70, 48, 80, 0.0524, 0.3339],
      [9, 10, 3, 10, 0.1705, 0.809],
      [5, 56, 0, 29, -0.0381, 0.1926],
      [0, 10, 0, 20, -0.1611, 0.2775],
      [10, 10, 0, 20, 0.6791, 1],
      [10, 10, 0, 10, 0.6075, 1],
    ];
    for (const [x1, n1, x2, n2, lower, upper] of cases) {
      const interval = differenceInterval(x1, n1, x2, n2)!;
      expect(interval.lower).toBeCloseTo(lower, 4);
      expect(interval.upper).toBeCloseTo(upper, 4);
    }
  });

  it('is null for an empty group', () => {
    expect(differenceInterval(0, 0, 1, 2)).toBeNull();
    expect(differenceInterval(1, 2, 0, 0)).toBeNull();
  });

  it('always contains the difference, within [−1, 1], and mirrors when the groups swap', () => {
    const group = fc.integer({ min: 1, max: 500 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(group, group, ([x1, n1], [x2, n2]) => {
        const interval = differenceInterval(x1, n1, x2, n2)!;
        const difference = x1 / n1 - x2 / n2;
        expect(interval.lower).toBeLessThanOrEqual(difference);
        expect(interval.upper).toBeGreaterThanOrEqual(difference);
        expect(interval.lower).toBeGreaterThanOrEqual(-1);
        expect(interval.upper).toBeLessThanOrEqual(1);
        const swapped = differenceInterval(x2, n2, x1, n1)!;
        expect(swapped.lower).toBeCloseTo(-interval.upper, 12);
        expect(swapped.upper).toBeCloseTo(-interval.lower, 12);
      }),
    );
  });
});
