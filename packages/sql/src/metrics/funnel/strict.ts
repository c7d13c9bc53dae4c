import type { Cte, FunnelPlan } from './plan';
import { constantRows, matches } from './plan';

/**
 * `limit[k]`: the largest `k'` such that steps `k … k' − 1` have pairwise
 * different names (one moment holds at most one event per name).
 */
function distinctRuns(names: readonly string[]): number[] {
  return names.map((_, k) => {
    let stop = k;
    while (stop < names.length && !names.slice(k, stop).includes(names[stop] as string)) stop++;
    return stop;
  });
}

/**
 * Strict funnels: the attempts with their step times.
 *
 * A user's in-range events form *moments* (runs sharing one millisecond,
 * numbered per user); a strict chain uses consecutive moments, matching a run
 * of consecutive steps in each (each step's matcher met by an event of the
 * moment, no name twice in a run). From each step-1 moment, stage `j` holds
 * the states after moment `m1 + j`: the step count `c`, and the best path to
 * it (the counts after each moment, one letter each). Of two paths to the
 * same state the greater one's completions are the greater ones, so keeping
 * one per state keeps core's chain, "the earliest chain, step by step", which
 * is the greatest complete path. A state that cannot go on is carried to the
 * next stage unchanged (`active = 0`): a state that can go on never ends the
 * deepest chain. Each stage reads only the one before, so the plan stays a
 * chain.
 *
 * Step `k` lies in the chain's moment `q_k`: the last place of the path whose
 * count is at most `k` (0 when none). Without exclusions only the user's
 * deepest, earliest attempt is timed; with them every attempt is (any may be
 * disqualified).
 *
 * Leaves `k_attempts (u, t0 … t{S−1}, depth)` as `orderedAttempts` does.
 */
export function strictAttempts(plan: FunnelPlan): Cte[] {
  const { context, names, matchers, matcherOf, window } = plan;
  const { dialect } = context;
  const steps = names.length;
  const letter = (count: number): string => String.fromCharCode(65 + count);
  // The steps each matcher stands for, as a bit set: the sets are disjoint, so their sum is their union.
  const bitsOf = (j: number): number => matcherOf.reduce((bits, m, k) => (m === j ? bits | (1 << k) : bits), 0);
  const stepBits = matchers.map((matcher, j) => `CASE WHEN ${matches(plan, matcher, 'e.')} THEN ${bitsOf(j)} ELSE 0 END`).join(' + ');
  const limit = distinctRuns(names);
  const runs: (number | string)[][] = [];
  for (let from = 0; from < steps; from++) {
    for (let to = from + 1; to <= (limit[from] as number); to++) runs.push([from, to, ((1 << to) - 1) & ~((1 << from) - 1), letter(to)]);
  }
  const ctes: Cte[] = [
    ['k_runs', constantRows(['c_from', 'c_to', 'need', 'ch'], runs)],
    [
      'k_moments',
      [
        `SELECT u, ms, ${dialect.bitOrAgg('bits')} AS mask, CAST(row_number() OVER (PARTITION BY u ORDER BY ms) AS ${dialect.type('bigint')}) AS mi`,
        'FROM (',
        `  SELECT DISTINCT e.u AS u, e.n AS n, e.ms AS ms, ${stepBits} AS bits`,
        '  FROM k_ev AS e',
        '  CROSS JOIN k_bounds AS b',
        '  WHERE e.d BETWEEN b.from_day AND b.to_day',
        ') AS tagged',
        'GROUP BY u, ms',
      ].join('\n'),
    ],
    [
      'k_stage_0',
      [
        'SELECT m.u AS u, m.mi AS m1, m.ms AS t1, r.c_to AS c, r.ch AS cl, r.ch AS path, 1 AS active',
        'FROM k_moments AS m',
        `JOIN k_runs AS r ON r.c_from = 0 AND ${dialect.bitAnd('m.mask', 'r.need')} = r.need`,
      ].join('\n'),
    ],
  ];
  for (let j = 1; j < steps; j++) {
    const moved = 'r.c_to IS NOT NULL';
    ctes.push(
      [
        `k_step_${j}`,
        [
          `SELECT s.u AS u, s.m1 AS m1, s.t1 AS t1, CASE WHEN ${moved} THEN r.c_to ELSE s.c END AS c,`,
          `  CASE WHEN ${moved} THEN r.ch ELSE s.cl END AS cl, CASE WHEN ${moved} THEN s.path || r.ch ELSE s.path END AS next_path,`,
          `  CASE WHEN ${moved} THEN 1 ELSE 0 END AS active`,
          `FROM k_stage_${j - 1} AS s`,
          `LEFT JOIN k_moments AS m ON m.u = s.u AND m.mi = s.m1 + ${j} AND s.active = 1 AND m.ms <= s.t1 + ${window}`,
          `LEFT JOIN k_runs AS r ON r.c_from = s.c AND ${dialect.bitAnd('m.mask', 'r.need')} = r.need`,
        ].join('\n'),
      ],
      // A differently named input: in ClickHouse an alias is visible inside its own aggregate.
      [
        `k_stage_${j}`,
        `SELECT u, m1, t1, c, cl, max(${dialect.byteOrder('next_path')}) AS path, active\nFROM k_step_${j}\nGROUP BY u, m1, t1, c, cl, active`,
      ],
    );
  }
  const timedAll = plan.exclusions.length > 0;
  // Place of step k's moment in the chain; the key is the letter of the depth, then the path.
  const place = (k: number): string =>
    k === 0
      ? '0'
      : `greatest(0, ${Array.from({ length: k }, (_, c) => `${dialect.strpos('b.best_key', `'${letter(c + 1)}'`)} - 1`).join(', ')})`;
  ctes.push(
    [
      'k_best',
      [
        // The letter of c first: the greatest key is the deepest state, then its greatest path.
        `SELECT u, m1, t1, max(c) AS depth, max(${dialect.byteOrder('cl || path')}) AS best_key,`,
        '  row_number() OVER (PARTITION BY u ORDER BY max(c) DESC, t1) AS pick',
        `FROM k_stage_${steps - 1}`,
        'GROUP BY u, m1, t1',
      ].join('\n'),
    ],
    [
      'k_step_places',
      [
        `SELECT b.u AS u, b.m1 AS m1, b.t1 AS t1, b.depth AS depth, p.j - 1 AS k, b.m1 + CASE p.j ${Array.from({ length: steps }, (_, k) => `WHEN ${k + 1} THEN ${place(k)}`).join(' ')} END AS mi`,
        'FROM k_best AS b',
        'JOIN k_positions AS p ON p.j <= b.depth',
        ...(timedAll ? [] : ['WHERE b.pick = 1']),
      ].join('\n'),
    ],
    [
      'k_timed',
      [
        `SELECT s.u AS u, s.depth AS depth, ${Array.from({ length: steps }, (_, k) => `max(CASE WHEN s.k = ${k} THEN m.ms END) AS t${k}`).join(', ')}`,
        'FROM k_step_places AS s',
        'LEFT JOIN k_moments AS m ON m.u = s.u AND m.mi = s.mi',
        'GROUP BY s.u, s.m1, s.t1, s.depth',
      ].join('\n'),
    ],
  );
  const times = Array.from({ length: steps }, (_, k) => `a.t${k} AS t${k}`).join(', ');
  ctes.push(['k_attempts', `SELECT a.u AS u, ${times}, a.depth AS depth\nFROM k_timed AS a`]);
  return ctes;
}
