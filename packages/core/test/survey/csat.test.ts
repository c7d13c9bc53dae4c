import { describe, expect, it } from 'vitest';
import { csat } from '../../src/index';
import type { CsatOptions } from '../../src/index';
import { validationErrorOf } from '../support/reference';

describe('csat', () => {
  it('matches the contract example: 200 positive of 400 → 0.5', () => {
    // On the default 1..5 scale: 100 fives and 100 fours are positive; 120 threes and 80 ones are not.
    const scores = [
      ...new Array<number>(100).fill(5),
      ...new Array<number>(100).fill(4),
      ...new Array<number>(120).fill(3),
      ...new Array<number>(80).fill(1),
    ];
    expect(csat(scores)).toEqual({ positive: 200, total: 400, score: 0.5 });
  });

  it('counts scores ≥ 4 on 1..5 by default', () => {
    // 5, 4 positive; 3, 2, 1 not: 2 of 5.
    expect(csat([5, 4, 3, 2, 1])).toEqual({ positive: 2, total: 5, score: 0.4 });
  });

  it('supports a custom scale and positiveFrom', () => {
    // 0..10 scale, satisfied from 9: 9 and 10 count, 8 does not → 2 of 4.
    expect(csat([10, 9, 8, 0], { scale: [0, 10], positiveFrom: 9 })).toEqual({ positive: 2, total: 4, score: 0.5 });
    // 1..3 scale, satisfied from 3 → 1 of 3.
    expect(csat([1, 2, 3], { scale: [1, 3], positiveFrom: 3 })).toEqual({ positive: 1, total: 3, score: 1 / 3 });
    // positiveFrom at the bottom of the scale: everything counts.
    expect(csat([1, 2, 3], { scale: [1, 3], positiveFrom: 1 }).score).toBe(1);
    // A custom scale keeps the default positiveFrom (4): on 1..7, 4…7 count → 4 of 7.
    expect(csat([1, 2, 3, 4, 5, 6, 7], { scale: [1, 7] })).toEqual({ positive: 4, total: 7, score: 4 / 7 });
  });

  it('returns a null score for no responses', () => {
    expect(csat([])).toEqual({ positive: 0, total: 0, score: null });
  });

  it('rejects off-scale and non-integer scores, naming scores[i]', () => {
    const error = validationErrorOf(() => csat([5, 0, 4.5, 6, 3]));
    expect(error.issues.map((issue) => issue.path)).toEqual(['scores[1]', 'scores[2]', 'scores[3]']);
    expect(error.message).toContain('scores[1]: expected an integer from 1 to 5');
    // On a custom scale the bounds move with it.
    expect(validationErrorOf(() => csat([0, 10, 11], { scale: [0, 10], positiveFrom: 9 })).issues.map((issue) => issue.path)).toEqual([
      'scores[2]',
    ]);
  });

  it('rejects bad options, naming options.x', () => {
    const paths = (options: unknown): string[] =>
      validationErrorOf(() => csat([3], options as CsatOptions)).issues.map((issue) => issue.path);
    expect(paths({ positivefrom: 4 })).toEqual(['options.positivefrom']);
    expect(paths({ scales: [1, 5] })).toEqual(['options.scales']);
    expect(paths({ scale: [5, 1] })).toEqual(['options.scale']);
    expect(paths({ scale: [1, 1] })).toEqual(['options.scale']);
    expect(paths({ scale: [1, 5.5] })).toEqual(['options.scale']);
    expect(paths({ scale: [1, 5, 7] })).toEqual(['options.scale']);
    expect(paths({ scale: '1..5' })).toEqual(['options.scale']);
    expect(paths({ positiveFrom: 6 })).toEqual(['options.positiveFrom']);
    expect(paths({ positiveFrom: 3.5 })).toEqual(['options.positiveFrom']);
    expect(paths({ scale: [0, 3], positiveFrom: 4 })).toEqual(['options.positiveFrom']);
    expect(paths(null)).toEqual(['options']);
    // null is not "use the default"; integers beyond 2^53 are not integers a scale can use.
    expect(paths({ positiveFrom: null })).toEqual(['options.positiveFrom']);
    expect(paths({ scale: [1, 2 ** 53] })).toEqual(['options.scale']);
  });
});
