/**
 * The coefficients of the polynomial {@link decayWeight} evaluates:
 * `ln(2)^n / n!` for n = 0 … 15 (the Taylor series of `2^f`), each the
 * nearest double. Written out, not computed, so every JavaScript engine and
 * every database starts from the same bits.
 */
export const DECAY_COEFFICIENTS: readonly number[] = [
  1, 0.6931471805599453, 0.24022650695910072, 0.05550410866482158, 0.009618129107628477, 0.0013333558146428443, 0.0001540353039338161,
  1.5252733804059841e-5, 1.321548679014431e-6, 1.01780860092397e-7, 7.054911620801123e-9, 4.4455382718708116e-10, 2.5678435993488206e-11,
  1.3691488853904128e-12, 6.778726354822545e-14, 3.1324367070884287e-15,
];

/** Below this exponent a touch weighs 0: its share is under 2^−1022 of the nearest touch's. */
export const DECAY_FLOOR = -1022;

let powers: Float64Array | null = null;

/** `2^−j` for j = 0 … 1022, each exact (halving a normal power of two is). */
function powersOfTwo(): Float64Array {
  if (powers === null) {
    powers = new Float64Array(-DECAY_FLOOR + 1);
    let power = 1;
    for (let j = 0; j <= -DECAY_FLOOR; j++, power /= 2) powers[j] = power;
  }
  return powers;
}

/**
 * `2^x` for `x ≤ 0`, the weight of a `time_decay` touch `x` half-lives before
 * the nearest one, computed with nothing but IEEE additions and
 * multiplications, so a database gets the very same double: with `k =
 * floor(x)` and `f = x − k` in [0, 1), the polynomial of
 * {@link DECAY_COEFFICIENTS} in `f` by Horner's rule, times `2^k`. Within
 * 3·10^−16 of `2^x` (relative); 0 below {@link DECAY_FLOOR}.
 *
 * `Math.pow` is correctly rounded nowhere: engines differ in the last bit for
 * about one exponent in ten, and a last bit can move a credit unit.
 *
 * @example
 * decayWeight(-1); // 0.5
 * decayWeight(-0.5); // 0.7071067811865475
 */
export function decayWeight(x: number): number {
  if (!(x >= DECAY_FLOOR)) return 0;
  const k = Math.floor(x);
  const f = x - k;
  const c = DECAY_COEFFICIENTS;
  let p = c[15] as number;
  for (let n = 14; n >= 0; n--) p = p * f + (c[n] as number);
  return p * (powersOfTwo()[-k] as number);
}
