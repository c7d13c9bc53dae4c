import type { DistributionSummary } from '../stats/summary';
import type { FunnelStepResult } from './funnel.types';

const NO_TIMES: DistributionSummary = { median: null, mean: null, p90: null, histogram: [] };

/**
 * A funnel's step results from the number of users reaching each step and
 * the summary of each step's time from the previous one: the conversion
 * from step 1 and from the previous step (`null` when that count is 0), the
 * drop-off, and the times (none for step 1). For engines that count the
 * users elsewhere (a database) and report them as `funnel` does.
 *
 * @example
 * funnelStepResults(['view', 'buy'], [100, 40], () => summary);
 * // [{ name: 'view', count: 100, fromFirst: 1, fromPrevious: 1, dropOff: 0, median: null, … },
 * //  { name: 'buy', count: 40, fromFirst: 0.4, fromPrevious: 0.4, dropOff: 60, median: summary.median, … }]
 */
export function funnelStepResults(
  names: readonly string[],
  counts: readonly number[],
  timesOf: (step: number) => DistributionSummary | undefined,
): FunnelStepResult[] {
  const first = counts[0] ?? 0;
  return names.map((name, k) => {
    const count = counts[k] ?? 0;
    const previous = k === 0 ? count : (counts[k - 1] ?? 0);
    const times = (k === 0 ? undefined : timesOf(k)) ?? NO_TIMES;
    return {
      name,
      count,
      fromFirst: first === 0 ? null : count / first,
      fromPrevious: previous === 0 ? null : count / previous,
      dropOff: previous - count,
      median: times.median,
      mean: times.mean,
      p90: times.p90,
      histogram: times.histogram,
    };
  });
}
