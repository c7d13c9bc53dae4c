import type { DistributionSummary, HistogramBin } from '@kpikit/core';
import { numberAt, requiredNumberAt } from './rows';
import type { SqlRow } from './rows';

/** One group's summary as read from the `dist` rows of a query. */
export interface GroupSummary extends DistributionSummary {
  readonly n: number;
}

const EMPTY: GroupSummary = { n: 0, mean: null, median: null, p90: null, histogram: [] };

/**
 * Per group `k`, the distribution summary core's `summarize` would give for
 * the group's values, from the rows of `distributionCtes`: the mean from the
 * exact sum, each quantile interpolated between its two order statistics with
 * core's formula, the histogram from the per-bin counts with core's bin edges.
 */
export function summariesOf(rows: readonly SqlRow[], indices: readonly number[]): Map<number, GroupSummary> {
  const groups = new Map<number, { first: number; bins: Map<number, number> }>();
  for (const i of indices) {
    const k = requiredNumberAt(rows, i, 'k');
    let group = groups.get(k);
    if (!group) {
      group = { first: i, bins: new Map() };
      groups.set(k, group);
    }
    const bin = numberAt(rows, i, 'bin');
    if (bin !== null) group.bins.set(bin, (group.bins.get(bin) ?? 0) + requiredNumberAt(rows, i, 'cnt'));
  }
  const summaries = new Map<number, GroupSummary>();
  for (const [k, { first, bins }] of groups) summaries.set(k, summaryOf(rows, first, bins));
  return summaries;
}

/** The summary of a group with no values. */
export function emptySummary(): GroupSummary {
  return EMPTY;
}

function summaryOf(rows: readonly SqlRow[], i: number, bins: ReadonlyMap<number, number>): GroupSummary {
  const n = requiredNumberAt(rows, i, 'n');
  if (n === 0) return EMPTY;
  const min = requiredNumberAt(rows, i, 'lo');
  const max = requiredNumberAt(rows, i, 'hi');
  const quantile = (name: string, p: number): number => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const a = requiredNumberAt(rows, i, `${name}a`);
    if (lo + 1 >= n) return a;
    const b = requiredNumberAt(rows, i, `${name}b`);
    return a + (h - lo) * (b - a);
  };
  return {
    n,
    mean: requiredNumberAt(rows, i, 'total') / n,
    median: quantile('q50', 0.5),
    p90: quantile('q90', 0.9),
    histogram: histogram(n, min, max, bins),
  };
}

function histogram(n: number, min: number, max: number, counted: ReadonlyMap<number, number>): HistogramBin[] {
  const bins = min === max ? 1 : Math.min(60, Math.max(1, Math.ceil(Math.cbrt(n))));
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const [bin, count] of counted) if (bin >= 0 && bin < bins) counts[bin]! += count;
  return counts.map((count, i) => ({ from: min + i * width, to: i === bins - 1 ? max : min + (i + 1) * width, count }));
}
