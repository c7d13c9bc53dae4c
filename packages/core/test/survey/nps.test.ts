import { describe, expect, it } from 'vitest';
import { KpiValidationError, nps } from '../../src/index';

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
});
