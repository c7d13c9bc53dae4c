import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, CREDIT_UNITS } from '../../src/attribution/apportion';

function shares(weights: number[], total: number): number[] {
  const out = new Float64Array(weights.length);
  apportion(Float64Array.from(weights), weights.length, total, out, new Int32Array(weights.length));
  return [...out];
}

describe('apportion', () => {
  it('splits by largest remainder, ties to the later index', () => {
    expect(shares([1, 1, 1], 100)).toEqual([33, 33, 34]);
    expect(shares([1, 1, 1], 2)).toEqual([0, 1, 1]);
    expect(shares([1, 2, 4], 70)).toEqual([10, 20, 40]);
    expect(shares([0.4, 0.1, 0.1, 0.4], 7)).toEqual([3, 0, 1, 3]);
    expect(shares([5], 12)).toEqual([12]);
    expect(shares([0, 1], 9)).toEqual([0, 9]);
  });

  it('gives integers that add up to the total exactly, each within 1 of its exact share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant(0), fc.constant(1)), { minLength: 1, maxLength: 60 }),
        fc.oneof(
          fc.constant(CREDIT_UNITS),
          fc.integer({ min: 0, max: 1000 }),
          fc.maxSafeInteger().filter((n) => n >= 0),
        ),
        (raw, total) => {
          const weights = raw.some((w) => w > 0) ? raw : [...raw.slice(1), 1];
          const out = shares(weights, total);
          const sum = weights.reduce((a, b) => a + b, 0);
          expect(out.every((share) => Number.isInteger(share) && share >= 0)).toBe(true);
          expect(out.reduce((a, b) => a + b, 0)).toBe(total);
          out.forEach((share, i) => {
            expect(Math.abs(share - (weights[i]! / sum) * total)).toBeLessThanOrEqual(1 + total * 1e-12);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
