import { describe, expect, it } from 'vitest';
import { ces } from '../../src/index';
import type { CesOptions } from '../../src/index';
import { validationErrorOf } from '../support/reference';

describe('ces', () => {
  it('is the mean score on the default 1..7 scale', () => {
    // (7 + 6 + 5 + 2) / 4 = 5
    expect(ces([7, 6, 5, 2])).toEqual({ total: 4, score: 5 });
    // (1 + 2) / 2 = 1.5
    expect(ces([1, 2])).toEqual({ total: 2, score: 1.5 });
  });

  it('accepts non-integer scores (averaged items) within the scale', () => {
    // (6.5 + 3.25 + 1) / 3 = 3.5833…
    expect(ces([6.5, 3.25, 1]).score).toBeCloseTo(10.75 / 3, 12);
    expect(ces([1, 7]).score).toBe(4);
  });

  it('supports a custom scale', () => {
    // 1..5: (5 + 4 + 3) / 3 = 4
    expect(ces([5, 4, 3], { scale: [1, 5] })).toEqual({ total: 3, score: 4 });
    expect(ces([0, 10], { scale: [0, 10] }).score).toBe(5);
  });

  it('returns a null score for no responses', () => {
    expect(ces([])).toEqual({ total: 0, score: null });
  });

  it('rejects off-scale scores and non-numbers, naming scores[i]', () => {
    const error = validationErrorOf(() => ces([4, 0.5, 7.01, Number.NaN, Number.POSITIVE_INFINITY, '5' as unknown as number, 7]));
    expect(error.issues.map((issue) => issue.path)).toEqual(['scores[1]', 'scores[2]', 'scores[3]', 'scores[4]', 'scores[5]']);
    expect(error.message).toContain('scores[1]: expected a number from 1 to 7');
    expect(validationErrorOf(() => ces([6], { scale: [1, 5] })).issues.map((issue) => issue.path)).toEqual(['scores[0]']);
  });

  it('rejects unknown option names and bad scales, naming options.x', () => {
    const paths = (options: unknown): string[] =>
      validationErrorOf(() => ces([3], options as CesOptions)).issues.map((issue) => issue.path);
    expect(paths({ positiveFrom: 4 })).toEqual(['options.positiveFrom']);
    expect(paths({ Scale: [1, 7] })).toEqual(['options.Scale']);
    expect(paths({ scale: [7, 1] })).toEqual(['options.scale']);
    expect(paths({ scale: [1.5, 7] })).toEqual(['options.scale']);
  });
});
