import type { Cte, FunnelPlan } from './plan';
import { matches, relevantEventsCte } from './plan';

/**
 * Ordered funnels: every attempt (one per step-1 event) with its step times.
 *
 * Per user and instant, for each distinct step matcher, the first matching
 * event at or after the instant (`nx_j`) and strictly after it (`af_j`), and
 * for each exclusion the first matching event strictly after it (`ax_x`),
 * come from window functions (`k_nexts`). An attempt starts at each step-1
 * event; step `k` is then looked up at the instant of step `k − 1`, an
 * equi-join: its earliest event there or later, or strictly later when the
 * event of its name at that instant is already one of the attempt's steps
 * (a user has one event per name and millisecond), and at most `window`
 * after step 1. This is core's greedy chain, which is optimal for ordered
 * funnels.
 *
 * Leaves `k_attempts (u, t0 … t{S−1}, depth)`: a step's time is NULL from
 * the first step not reached.
 */
export function orderedAttempts(plan: FunnelPlan): Cte[] {
  const { names, matchers, matcherOf, exclusions, window } = plan;
  const frame = (from: string): string => `OVER (PARTITION BY u ORDER BY ms RANGE BETWEEN ${from} AND UNBOUNDED FOLLOWING)`;
  const nextColumns = [
    ...matchers.flatMap((matcher, j) => {
      const value = `CASE WHEN ${matches(plan, matcher)} THEN ms END`;
      return [`min(${value}) ${frame('CURRENT ROW')} AS nx_${j}`, `min(${value}) ${frame('1 FOLLOWING')} AS af_${j}`];
    }),
    ...exclusions.map(({ matcher }, x) => `min(CASE WHEN ${matches(plan, matcher)} THEN ms END) ${frame('1 FOLLOWING')} AS ax_${x}`),
  ];
  const nextNames = [...matchers.flatMap((_, j) => [`nx_${j}`, `af_${j}`]), ...exclusions.map((_, x) => `ax_${x}`)];
  const ctes: Cte[] = [
    relevantEventsCte(plan, 'k_step_events'),
    [
      'k_nexts',
      `SELECT DISTINCT u, ms, ${nextNames.join(', ')}\nFROM (\n  SELECT u, ms,\n    ${nextColumns.join(',\n    ')}\n  FROM k_step_events\n) AS w`,
    ],
    ['k_chain_0', `SELECT DISTINCT u, ms AS t0\nFROM k_step_events\nWHERE ${matches(plan, plan.steps[0]!)}`],
  ];
  for (let k = 1; k < names.length; k++) {
    const j = matcherOf[k] as number;
    // The event of step k's name at step k − 1's instant is already used when an earlier step of that
    // name sits at that instant; step times never decrease, so checking the latest such step suffices.
    const same = names.lastIndexOf(names[k] as string, k - 1);
    const candidate = same < 0 ? `x.nx_${j}` : `CASE WHEN c.t${same} = c.t${k - 1} THEN x.af_${j} ELSE x.nx_${j} END`;
    const previous = Array.from({ length: k }, (_, i) => `c.t${i} AS t${i}`).join(', ');
    ctes.push([
      `k_chain_${k}`,
      `SELECT c.u AS u, ${previous}, CASE WHEN ${candidate} <= c.t0 + ${window} THEN ${candidate} END AS t${k}\nFROM k_chain_${k - 1} AS c\nLEFT JOIN k_nexts AS x ON x.u = c.u AND x.ms = c.t${k - 1}`,
    ]);
  }
  const last = names.length - 1;
  const depth = ['1', ...Array.from({ length: last }, (_, k) => `CASE WHEN t${k + 1} IS NULL THEN 0 ELSE 1 END`)].join(' + ');
  ctes.push(['k_attempts', `SELECT c.*, ${depth} AS depth\nFROM k_chain_${last} AS c`]);
  return ctes;
}
