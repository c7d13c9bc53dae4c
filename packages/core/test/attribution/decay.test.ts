import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECAY_COEFFICIENTS, DECAY_FLOOR, decayWeight } from '../../src/attribution/decay';

describe('decayWeight', () => {
  it('is exact at whole half-lives', () => {
    for (let k = 0; k >= DECAY_FLOOR; k--) expect(decayWeight(k)).toBe(2 ** k);
  });

  it('gives 2^−½ at half a half-life, to the last bit but one, and 1 at none (either zero)', () => {
    expect(decayWeight(-0.5)).toBe(0.7071067811865475);
    expect(Math.abs(decayWeight(-0.5) - Math.SQRT1_2)).toBe(2 ** -53);
    expect(decayWeight(0)).toBe(1);
    expect(decayWeight(-0)).toBe(1);
  });

  it('weighs 0 beyond the floor, and for NaN', () => {
    expect(decayWeight(DECAY_FLOOR - 1e-9)).toBe(0);
    expect(decayWeight(-Infinity)).toBe(0);
    expect(decayWeight(Number.NaN)).toBe(0);
    expect(decayWeight(DECAY_FLOOR)).toBe(2 ** DECAY_FLOOR);
  });

  it('has the Taylor coefficients ln(2)^n / n!', () => {
    expect(DECAY_COEFFICIENTS).toHaveLength(16);
    let term = 1;
    DECAY_COEFFICIENTS.forEach((c, n) => {
      if (n > 0) term *= Math.LN2 / n;
      expect(Math.abs(c - term) / term).toBeLessThan(1e-14);
    });
  });

  it('is within 3·10⁻¹⁶ of 2^x, relative', () => {
    fc.assert(
      fc.property(fc.double({ min: DECAY_FLOOR, max: 0, noNaN: true }), (x) => {
        const want = 2 ** x;
        expect(Math.abs(decayWeight(x) - want) / want).toBeLessThanOrEqual(3e-16);
      }),
      { numRuns: 5000 },
    );
  });

  it('never rises as the touch gets older', () => {
    fc.assert(
      fc.property(fc.double({ min: -60, max: 0, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (x, d) => {
        expect(decayWeight(x - d)).toBeLessThanOrEqual(decayWeight(x));
      }),
      { numRuns: 5000 },
    );
  });
});
