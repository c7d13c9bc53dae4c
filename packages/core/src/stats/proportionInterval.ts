/**
 * Confidence intervals for proportions and for the difference of two
 * independent proportions, at 95 %.
 */

/** The standard normal quantile of 0.975: a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

/** A closed interval `[lower, upper]`. */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * Wilson's score interval for a proportion of `successes` out of `trials`
 * (E. B. Wilson, "Probable inference, the law of succession, and statistical
 * inference", JASA 22, 1927): unlike the normal (Wald) interval it stays in
 * [0, 1] and does not collapse to a point at 0 or `trials` successes.
 * `null` when `trials` is 0.
 *
 * @example
 * wilsonInterval(0, 10); // { lower: 0, upper: 0.2775… }
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval | null {
  if (trials === 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const center = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // Exact at 0 and `trials` successes, where rounding could step a hair outside [0, 1].
  return {
    lower: successes === 0 ? 0 : Math.max(0, center - half),
    upper: successes === trials ? 1 : Math.min(1, center + half),
  };
}

/**
 * The hybrid score interval for the difference `p1 − p2` of two independent
 * proportions `p1 = x1 / n1`, `p2 = x2 / n2`, built from the Wilson interval
 * of each (R. G. Newcombe, "Interval estimation for the difference between
 * independent proportions: comparison of eleven methods", Statistics in
 * Medicine 17, 1998, method 10):
 *
 * `lower = (p1 − p2) − √((p1 − l1)² + (u2 − p2)²)`,
 * `upper = (p1 − p2) + √((u1 − p1)² + (p2 − l2)²)`.
 *
 * It keeps close to its nominal coverage for small groups and rates near 0
 * or 1, where the Wald interval fails, needs no iteration, and always
 * contains `p1 − p2`. `null` when either group is empty.
 *
 * @example
 * differenceInterval(56, 70, 48, 80); // { lower: 0.0524…, upper: 0.3338… } around 0.8 − 0.6
 */
export function differenceInterval(x1: number, n1: number, x2: number, n2: number, z = Z_95): Interval | null {
  const first = wilsonInterval(x1, n1, z);
  const second = wilsonInterval(x2, n2, z);
  if (first === null || second === null) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const difference = p1 - p2;
  return {
    lower: difference - Math.hypot(p1 - first.lower, second.upper - p2),
    upper: difference + Math.hypot(first.upper - p1, p2 - second.lower),
  };
}
