import { BREAKDOWN_TOP_VALUES } from '@kpikit/core';
import { DISTRIBUTION_COLUMNS, distributionCtes } from '../../query/distribution';
import { exclusionCtes } from './exclusions';
import type { Cte, FunnelPlan, Matcher } from './plan';
import { anyStep, matches } from './plan';

/** Group codes of the breakdown: the top values are 1 … 10 by rank; then these. */
export const OTHER_GROUP = BREAKDOWN_TOP_VALUES + 1;
export const NULL_GROUP = BREAKDOWN_TOP_VALUES + 2;
/** Users outside every group (`{ step: k }`, short of step k): in the totals only. */
export const NO_GROUP = BREAKDOWN_TOP_VALUES + 3;
/** Distribution groups are numbered `group × GROUP_STRIDE + step` (at most 20 steps). */
export const GROUP_STRIDE = 32;

/** The columns of the funnel's result rows. */
export function funnelColumns(plan: FunnelPlan): readonly string[] {
  return plan.breakdown === null ? DISTRIBUTION_COLUMNS : [...DISTRIBUTION_COLUMNS, 'value', 'value_type'];
}

/**
 * What every funnel order shares after its attempts (`k_attempts`): the
 * exclusions (`lookup` names the table of `ax_x` columns for ordered and
 * strict; `any` attempts bring their own `reach`); per user the deepest clean
 * attempt, then the earliest, left out when a disqualified attempt reaches
 * further (`exclusionMode: "furthestAttempt"`); the time each reached step
 * took (`anyTimes` times `any` users after the pick); the breakdown value
 * (see {@link attributed}) and groups (the 10 values with the most users,
 * ties by the value's text; then "Other"; then NULL; users outside every
 * group only in the totals); and the distribution of step times per group
 * and step (`distributionCtes`). Leaves `k_out` with {@link funnelColumns}.
 */
export function funnelTail(plan: FunnelPlan, lookup: string | null, anyTimes: ((users: string) => Cte[]) | null): Cte[] {
  const { context, names, breakdown, attribution } = plan;
  const { dialect } = context;
  const bigint = dialect.type('bigint');
  const steps = names.length;
  const excluding = plan.exclusions.length > 0;
  const ctes: Cte[] = lookup !== null && excluding ? exclusionCtes(plan, lookup) : [];
  let source = ctes.length > 0 ? 'k_flagged' : 'k_attempts';
  const far = excluding && plan.furthest;
  if (excluding) {
    // far: the furthest reach of a disqualified attempt of the user (0 when none).
    const farColumn = far ? `, max(CASE WHEN a.reach >= 0 THEN a.reach ELSE CAST(0 AS ${bigint}) END) OVER (PARTITION BY a.u) AS far` : '';
    ctes.push([
      'k_candidates',
      `SELECT * FROM (SELECT a.*${farColumn}
FROM ${source} AS a) AS f
WHERE reach < 0`,
    ]);
    source = 'k_candidates';
  }
  const step = typeof attribution === 'object' && attribution !== null ? attribution.step : null;
  if (breakdown !== null && step !== null && plan.order !== 'any') {
    ctes.push(...stepValueCtes(plan, source, step));
    source = 'k_step_valued';
  }
  const pickValue = breakdown !== null && step !== null;
  // Exact duplicates that differ in the breakdown property: the copy without it, else the least value's text.
  const byValue = pickValue ? `, CASE WHEN bv IS NULL THEN 0 ELSE 1 END, ${dialect.byteOrder(`CAST(bv AS ${dialect.type('text')})`)}` : '';
  const timed = plan.order !== 'any';
  const times = timed ? Array.from({ length: steps }, (_, k) => `, t${k}`).join('') : ', t0';
  const carried = `${times}${pickValue ? ', bv' : ''}${far ? ', far' : ''}`;
  ctes.push(
    [
      'k_picked',
      `SELECT u, depth${carried}, row_number() OVER (PARTITION BY u ORDER BY depth DESC, t0${byValue}) AS pick
FROM ${source}`,
    ],
    [
      'k_users',
      `SELECT u, depth${carried}
FROM k_picked
WHERE pick = 1${far ? ' AND depth >= far' : ''}`,
    ],
  );
  let users = 'k_users';
  if (anyTimes !== null) {
    ctes.push(...anyTimes(users));
    users = 'k_timed_users';
  }
  const gap =
    steps > 1
      ? `CASE p.j ${Array.from({ length: steps - 1 }, (_, i) => `WHEN ${i + 2} THEN a.t${i + 1} - a.t${i}`).join(' ')} ELSE 0 END`
      : '0';
  if (breakdown === null) {
    ctes.push(
      // Step k (0-based) took t_k − t_{k−1}; step 0 stands for the user (0).
      ['k_values_', `SELECT p.j - 1 AS k, ${gap} AS v\nFROM ${users} AS a\nJOIN k_positions AS p ON p.j <= a.depth`],
      ...distributionCtes(context, 'k_values_'),
      ['k_out', 'SELECT * FROM k_dist'],
    );
    return ctes;
  }
  ctes.push(...attributed(plan, users, step));
  // One chain, no self-join: ClickHouse expands every reference to a CTE into the whole query above it.
  const text = dialect.type('text');
  ctes.push(
    ['k_value_users', `SELECT a.*, count(*) OVER (PARTITION BY ig, bv) AS users\nFROM k_valued AS a`],
    [
      'k_value_ranks',
      // Non-NULL values of users in a group ranked by users, then by their text; the rest sort after them.
      `SELECT a.*, CAST(dense_rank() OVER (ORDER BY CASE WHEN bv IS NULL OR ig = 0 THEN 1 ELSE 0 END, users DESC, ${dialect.byteOrder(`CAST(bv AS ${text})`)}) AS ${bigint}) AS r\nFROM k_value_users AS a`,
    ],
    [
      'k_grouped',
      `SELECT a.*, CAST(CASE WHEN a.ig = 0 THEN ${NO_GROUP} WHEN a.bv IS NULL THEN ${NULL_GROUP} WHEN a.r <= ${BREAKDOWN_TOP_VALUES} THEN a.r ELSE ${OTHER_GROUP} END AS ${bigint}) AS grp\nFROM k_value_ranks AS a`,
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
        `WHERE c.copy = 0 OR a.grp <> ${NO_GROUP}`,
      ].join('\n'),
    ],
    ...distributionCtes(context, 'k_values_', true),
    ['k_out', `SELECT ${DISTRIBUTION_COLUMNS.join(', ')}, tag AS value, ${dialect.typeName('tag')} AS value_type\nFROM k_dist`],
  );
  return ctes;
}

/** For `{ step: k }` in ordered and strict funnels: each attempt with the value on its step-`k` event (`bv`). */
function stepValueCtes(plan: FunnelPlan, source: string, step: number): Cte[] {
  return [
    [
      'k_step_values',
      [
        `SELECT DISTINCT e.u AS u, e.ms AS ms, e.${plan.breakdown as string} AS bv`,
        'FROM k_ev AS e',
        'CROSS JOIN k_bounds AS b',
        `WHERE ${matches(plan, plan.steps[step] as Matcher, 'e.')} AND e.d BETWEEN b.from_day AND b.to_day`,
      ].join('\n'),
    ],
    ['k_step_valued', `SELECT a.*, f.bv AS bv\nFROM ${source} AS a\nLEFT JOIN k_step_values AS f ON f.u = a.u AND f.ms = a.t${step}`],
  ];
}

/**
 * `k_valued`: the users with their breakdown value `bv` and whether they are
 * in a group (`ig`). `{ step: k }`: the value the attempt carried, in a group
 * when the user reached step `k`. First or last touch: the earliest or latest
 * value among the user's in-range step events that have one; at one
 * millisecond, the least value's text.
 */
function attributed(plan: FunnelPlan, users: string, step: number | null): Cte[] {
  const { context, breakdown } = plan;
  const { dialect } = context;
  if (step !== null) return [['k_valued', `SELECT a.*, CASE WHEN a.depth > ${step} THEN 1 ELSE 0 END AS ig\nFROM ${users} AS a`]];
  const direction = plan.attribution === 'last_touch' ? ' DESC' : '';
  return [
    [
      'k_touches',
      [
        'SELECT u, bv FROM (',
        `  SELECT e.u AS u, e.${breakdown as string} AS bv, row_number() OVER (PARTITION BY e.u ORDER BY e.ms${direction}, ${dialect.byteOrder(`CAST(e.${breakdown as string} AS ${dialect.type('text')})`)}) AS rn`,
        '  FROM k_ev AS e',
        '  CROSS JOIN k_bounds AS b',
        `  WHERE e.${breakdown as string} IS NOT NULL AND e.d BETWEEN b.from_day AND b.to_day AND (${anyStep(plan, 'e.')})`,
        ') AS t',
        'WHERE rn = 1',
      ].join('\n'),
    ],
    ['k_valued', `SELECT a.*, t.bv AS bv, 1 AS ig\nFROM ${users} AS a\nLEFT JOIN k_touches AS t ON t.u = a.u`],
  ];
}
