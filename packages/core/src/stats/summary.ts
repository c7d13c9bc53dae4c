/**
 * Order statistics over plain number arrays, shared by every metric that
 * reports a distribution (funnel step times, time to value, session lengths).
 * Quantiles interpolate linearly between order statistics (Hyndman & Fan
 * type 7), as SQL's `percentile_cont` / `quantile_cont` do, so the median of
 * an even count is the mean of the two middle values.
 */

/** Arithmetic mean; `null` for no values. */
export function mean(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return sum / values.length;
}

/** Quantile `p` (0..1) of values already sorted ascending; `null` for no values. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  if (lo + 1 >= n) return a;
  const b = sorted[lo + 1] as number;
  return a + (h - lo) * (b - a);
}

/** A sorted copy as a `Float64Array` (native numeric sort, no comparator). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** One bin of a {@link histogram}: values in `[from, to)` (the last bin also includes `to`). */
export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/** Number of histogram bins for `n` values: `clamp(ceil(cbrt(n)), 1, 60)`. */
export function binCount(n: number): number {
  return Math.min(60, Math.max(1, Math.ceil(Math.cbrt(n))));
}

/**
 * Equal-width histogram of values sorted ascending, with {@link binCount} bins
 * spanning `[min, max]`; empty for no values, one bin when all values are equal.
 *
 * @example
 * histogramSorted(Float64Array.of(1, 2, 2, 9)); // 2 bins: [1, 5) → 3, [5, 9] → 1
 */
export function histogramSorted(sorted: ArrayLike<number>): HistogramBin[] {
  const n = sorted.length;
  if (n === 0) return [];
  const min = sorted[0] as number;
  const max = sorted[n - 1] as number;
  const bins = min === max ? 1 : binCount(n);
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) {
    const value = sorted[i] as number;
    const bin = width === 0 ? 0 : Math.min(bins - 1, Math.floor((value - min) / width));
    counts[bin]! += 1;
  }
  return counts.map((count, i) => ({ from: min + i * width, to: i === bins - 1 ? max : min + (i + 1) * width, count }));
}

/** Mean, median, p90 and histogram of a sample, all `null`/empty for no values. */
export interface DistributionSummary {
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90: number | null;
  readonly histogram: readonly HistogramBin[];
}

/**
 * Summarises a sample: mean, median, p90 and histogram.
 *
 * @example
 * summarize([4, 1, 3, 2]); // { mean: 2.5, median: 2.5, p90: 3.7, histogram: [...] }
 */
export function summarize(values: ArrayLike<number>): DistributionSummary {
  const sorted = sortedCopy(values);
  return { mean: mean(sorted), median: quantileSorted(sorted, 0.5), p90: quantileSorted(sorted, 0.9), histogram: histogramSorted(sorted) };
}
