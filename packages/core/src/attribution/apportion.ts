/**
 * One conversion's credit, as an integer number of these units shared out
 * among its touches. A power of two, so a channel's total (an integer below
 * 2^53) divided by it is an exact float, and so is any sum of such totals:
 * the credits of a model add up to the number of conversions exactly, in
 * any order. 2^24 leaves room for 2^29 conversions.
 */
export const CREDIT_UNITS = 2 ** 24;

/**
 * Shares an integer `total` among `n` weights in proportion, as integers that
 * add up to exactly `total` (the largest-remainder method): each gets the
 * floor of its exact share, and the units left over go one each to the
 * largest remainders, ties to the later index (the touch nearer the
 * conversion). Weights are ≥ 0 with a positive sum.
 *
 * `out[0 … n)` receives the shares; `order` is scratch space of `n` entries.
 *
 * @example
 * apportion(Float64Array.of(1, 1, 1), 3, 100, out, order); // out: [33, 33, 34]
 */
export function apportion(weights: Float64Array, n: number, total: number, out: Float64Array, order: Int32Array): void {
  if (n === 1) {
    out[0] = total;
    return;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i] as number;
  let given = 0;
  for (let i = 0; i < n; i++) {
    const exact = ((weights[i] as number) / sum) * total;
    const whole = Math.floor(exact);
    out[i] = whole;
    given += whole;
    // Kept in `weights` now that the sum is known: the remainder orders the leftovers.
    weights[i] = exact - whole;
  }
  let left = total - given;
  if (left === 0) return;
  for (let i = 0; i < n; i++) order[i] = i;
  const remainders = weights;
  sortByRemainder(order, n, remainders);
  // Rounding can leave a few units too many or (with huge totals) more than n to give: go round again.
  while (left > 0) {
    for (let k = 0; k < n && left > 0; k++, left--) out[order[k] as number]! += 1;
  }
  while (left < 0) {
    for (let k = n - 1; k >= 0 && left < 0; k--) {
      const i = order[k] as number;
      if ((out[i] as number) > 0) {
        out[i]! -= 1;
        left++;
      }
    }
  }
}

/** Orders `order[0 … n)` by remainder, largest first, ties by the later index first. */
function sortByRemainder(order: Int32Array, n: number, remainders: Float64Array): void {
  if (n > 32) {
    order.subarray(0, n).sort((a, b) => (remainders[b] as number) - (remainders[a] as number) || b - a);
    return;
  }
  for (let i = 1; i < n; i++) {
    const item = order[i] as number;
    const key = remainders[item] as number;
    let j = i - 1;
    while (j >= 0) {
      const other = order[j] as number;
      const r = remainders[other] as number;
      if (r > key || (r === key && other > item)) break;
      order[j + 1] = other;
      j--;
    }
    order[j + 1] = item;
  }
}
