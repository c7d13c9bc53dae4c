import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KpiValidationError, nps } from '../../src/index';
import { shuffled, validationErrorOf } from '../support/reference';

describe('nps', () => {
  it('matches the contract example: 5 promoters, 3 passives, 2 detractors → 30', () => {
    expect(nps([10, 9, 9, 10, 9, 8, 7, 8, 6, 0])).toEqual({ promoters: 5, passives: 3, detractors: 2, total: 10, score: 30 });
  });

  it('returns a null score, not NaN, for no responses', () => {
    expect(nps([])).toEqual({ promoters: 0, passives: 0, detractors: 0, total: 0, score: null });
  });

  it('rejects a score off the 0..10 scale, naming its index', () => {
    expect(() => nps([10, 11])).toThrow(KpiValidationError);
    expect(() => nps([10, 11])).toThrow(/scores\[1\]/);
  });

  it('puts the band edges where the definition does: 6 detracts, 7 and 8 are passive, 9 promotes', () => {
    expect(nps([0, 6])).toEqual({ promoters: 0, passives: 0, detractors: 2, total: 2, score: -100 });
    expect(nps([7, 8])).toEqual({ promoters: 0, passives: 2, detractors: 0, total: 2, score: 0 });
    expect(nps([9, 10])).toEqual({ promoters: 2, passives: 0, detractors: 0, total: 2, score: 100 });
    // 1 promoter, 1 passive, 1 detractor: 100 × 0 / 3.
    expect(nps([9, 7, 6]).score).toBe(0);
    // 2 promoters, 0 passives, 1 detractor: 100 × 1 / 3, a float.
    expect(nps([10, 9, 3]).score).toBeCloseTo(100 / 3, 12);
  });

  it('rejects non-integers, non-numbers and NaN, naming each bad index', () => {
    const error = validationErrorOf(() => nps([10, 8.5, -1, Number.NaN, '9' as unknown as number, null as unknown as number, 3]));
    expect(error.issues.map((issue) => issue.path)).toEqual(['scores[1]', 'scores[2]', 'scores[3]', 'scores[4]', 'scores[5]']);
    expect(error.issues.map((issue) => issue.index)).toEqual([1, 2, 3, 4, 5]);
    expect(error.issueCount).toBe(5);
    expect(error.message).toContain('scores[1]: expected an integer from 0 to 10');
  });

  it('rejects something that is not an array with a KpiValidationError', () => {
    for (const input of [null, undefined, 9, '9,10']) {
      expect(validationErrorOf(() => nps(input as unknown as number[])).issues[0]!.path).toBe('scores');
    }
  });

  it('equals a direct count, lies in [−100, 100] and ignores order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 60 }), fc.integer(), (scores, seed) => {
        const result = nps(scores);
        const promoters = scores.filter((s) => s >= 9).length;
        const passives = scores.filter((s) => s === 7 || s === 8).length;
        const detractors = scores.filter((s) => s <= 6).length;
        expect(result).toEqual({
          promoters,
          passives,
          detractors,
          total: scores.length,
          score: scores.length === 0 ? null : (100 * (promoters - detractors)) / scores.length,
        });
        if (result.score !== null) {
          expect(result.score).toBeGreaterThanOrEqual(-100);
          expect(result.score).toBeLessThanOrEqual(100);
        }
        expect(nps(shuffled(scores, seed))).toEqual(result);
      }),
      { numRuns: 200 },
    );
  });
});
