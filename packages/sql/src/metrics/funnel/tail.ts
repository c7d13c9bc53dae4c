import { BREAKDOWN_TOP_VALUES } from '@kpikit/core';
import { DISTRIBUTION_COLUMNS, distributionCtes } from '../../query/distribution';
import type { Cte, FunnelPlan } from './plan';

/** Group codes of the breakdown: the top values are 1 … 10 by rank; then these. */
export const OTHER_GROUP = BREAKDOWN_TOP_VALUES + 1;
export const NULL_GROUP = BREAKDOWN_TOP_VALUES + 2;
/** Distribution groups are numbered `group × GROUP_STRIDE + step` (at most 20 steps). */
export const GROUP_STRIDE = 32;

/** The columns of the funnel's result rows. */
export function funnelColumns(plan: FunnelPlan): readonly string[] {
  return plan.breakdown === null ? DISTRIBUTION_COLUMNS : [...DISTRIBUTION_COLUMNS, 'value', 'value_type'];
}

/**
 * Disqualifies attempts as core does, PostHog-style: for an exclusion between
 * steps `i` and `j`, an event matching it strictly after step `i`'s event and
 * strictly before step `j`'s (or, when step `j` was not reached, up to and
 * including the window's end) disqualifies the attempt, unless it is one of
 * the attempt's own steps. From step `i`'s instant, `lookup`'s `ax_x` gives
 * the first matching event strictly after an instant; while that event is
 * one of the attempt's steps (same name, same instant: a user has one event
 * per name and millisecond) the next is looked up, at most once per later
 * step of that name. Leaves `k_candidates`: the attempts left.
 */
function exclusionCtes(plan: FunnelPlan, lookup: string): Cte[] {
  const { names, exclusions, window } = plan;
  const ctes: Cte[] = [];
  let source = 'k_attempts';
  const disqualified: string[] = [];
  exclusions.forEach(({ matcher, from, to }, x) => {
    const sameName = names.flatMap((name, s) => (s > from && name === matcher.name ? [s] : []));
    ctes.push([
      `k_ex_${x}_0`,
      `SELECT a.*, h.ax_${x} AS e_${x}_0\nFROM ${source} AS a\nLEFT JOIN ${lookup} AS h ON h.u = a.u AND h.ms = a.t${from}`,
    ]);
    source = `k_ex_${x}_0`;
    for (let hop = 1; hop <= sameName.length; hop++) {
      const previous = `a.e_${x}_${hop - 1}`;
      const own = sameName.map((s) => `${previous} = a.t${s}`).join(' OR ');
      ctes.push([
        `k_ex_${x}_${hop}`,
        `SELECT a.*, CASE WHEN ${own} THEN h.ax_${x} ELSE ${previous} END AS e_${x}_${hop}\nFROM ${source} AS a\nLEFT JOIN ${lookup} AS h ON h.u = a.u AND h.ms = ${previous}`,
      ]);
      source = `k_ex_${x}_${hop}`;
    }
    const e = `a.e_${x}_${sameName.length}`;
    disqualified.push(
      `(a.t${from} IS NOT NULL AND ${e} IS NOT NULL AND ((a.t${to} IS NOT NULL AND ${e} < a.t${to}) OR (a.t${to} IS NULL AND ${e} <= a.t0 + ${window})))`,
    );
  });
  ctes.push(['k_candidates', `SELECT a.*\nFROM ${source} AS a\nWHERE NOT (${disqualified.join(' OR ')})`]);
  return ctes;
}

/**
 * What every funnel order shares after its attempts (`k_attempts`): the
 * exclusions (`lookup` names the table of `ax_x` columns), per user the
 * deepest attempt left, then the earliest; the time each reached step took
 * (`timed`; 0 otherwise); the breakdown groups (the 10 values with the most
 * users, ties by the value's text; then "Other"; then NULL); and the
 * distribution of step times per group and step (`distributionCtes`).
 * Leaves `k_out` with {@link funnelColumns}.
 */
export function funnelTail(plan: FunnelPlan, timed: boolean, lookup: string | null): Cte[] {
  const { context, names, breakdown } = plan;
  const { dialect } = context;
  const bigint = dialect.type('bigint');
  const steps = names.length;
  const ctes: Cte[] = lookup !== null && plan.exclusions.length > 0 ? exclusionCtes(plan, lookup) : [];
  const candidates = ctes.length > 0 ? 'k_candidates' : 'k_attempts';
  // Exact duplicates that differ in the breakdown property: the copy without it, else the least value's text.
  const byValue =
    breakdown === null ? '' : `, CASE WHEN bv IS NULL THEN 0 ELSE 1 END, ${dialect.byteOrder(`CAST(bv AS ${dialect.type('text')})`)}`;
  const times = timed ? Array.from({ length: steps }, (_, k) => `, t${k}`).join('') : '';
  const value = breakdown === null ? '' : ', bv';
  const gap =
    timed && steps > 1
      ? `CASE p.j ${Array.from({ length: steps - 1 }, (_, i) => `WHEN ${i + 2} THEN a.t${i + 1} - a.t${i}`).join(' ')} ELSE 0 END`
      : '0';
  ctes.push(
    [
      'k_picked',
      `SELECT u, depth${times}${value}, row_number() OVER (PARTITION BY u ORDER BY depth DESC, t0${byValue}) AS pick\nFROM ${candidates}`,
    ],
    ['k_users', `SELECT u, depth${times}${value}\nFROM k_picked\nWHERE pick = 1`],
  );
  if (breakdown === null) {
    ctes.push(
      // Step k (0-based) took t_k − t_{k−1}; step 0 stands for the user (0).
      ['k_values_', `SELECT p.j - 1 AS k, ${gap} AS v\nFROM k_users AS a\nJOIN k_positions AS p ON p.j <= a.depth`],
      ...distributionCtes(context, 'k_values_'),
      ['k_out', 'SELECT * FROM k_dist'],
    );
    return ctes;
  }
  // One chain, no self-join: ClickHouse expands every reference to a CTE into the whole query above it.
  const text = dialect.type('text');
  ctes.push(
    ['k_value_users', `SELECT a.*, count(*) OVER (PARTITION BY bv) AS users\nFROM k_users AS a`],
    [
      'k_value_ranks',
      // Non-NULL values ranked by users, then by their text; NULL sorts after them all and is its own group.
      `SELECT a.*, CAST(dense_rank() OVER (ORDER BY CASE WHEN bv IS NULL THEN 1 ELSE 0 END, users DESC, ${dialect.byteOrder(`CAST(bv AS ${text})`)}) AS ${bigint}) AS r\nFROM k_value_users AS a`,
    ],
    [
      'k_grouped',
      `SELECT a.*, CAST(CASE WHEN a.bv IS NULL THEN ${NULL_GROUP} WHEN a.r <= ${BREAKDOWN_TOP_VALUES} THEN a.r ELSE ${OTHER_GROUP} END AS ${bigint}) AS grp\nFROM k_value_ranks AS a`,
    ],
    [
      'k_values_',
      [
        // Each reached step twice: for every user (group 0) and for the user's group, which names its value.
        `SELECT CASE WHEN c.copy = 0 THEN p.j - 1 ELSE a.grp * ${GROUP_STRIDE} + p.j - 1 END AS k, ${gap} AS v,`,
        `  CASE WHEN c.copy = 1 AND a.grp <= ${BREAKDOWN_TOP_VALUES} THEN a.bv END AS tag`,
        'FROM k_grouped AS a',
        'JOIN k_positions AS p ON p.j <= a.depth',
        'CROSS JOIN (SELECT 0 AS copy UNION ALL SELECT 1 AS copy) AS c',
      ].join('\n'),
    ],
    ...distributionCtes(context, 'k_values_', true),
    ['k_out', `SELECT ${DISTRIBUTION_COLUMNS.join(', ')}, tag AS value, ${dialect.typeName('tag')} AS value_type\nFROM k_dist`],
  );
  return ctes;
}
