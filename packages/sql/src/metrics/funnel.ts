import { DEFAULT_FUNNEL_WINDOW, funnel, formatDay } from '@kpikit/core';
import type { FunnelOptions, FunnelResult, FunnelStepResult } from '@kpikit/core';
import type { CompileContext } from '../query/context';
import { withQuery } from '../query/context';
import { DISTRIBUTION_COLUMNS, distributionCtes } from '../query/distribution';
import { eventCtes, selectWithBounds } from '../query/events';
import { dataRows, rangeOf } from '../query/rows';
import { emptySummary, summariesOf } from '../query/summary';
import { INVALID_EVENTS } from './activeUsers';
import type { MetricSql } from './metric.types';
import { rejectProperties, rejectUnsupported } from './unsupported';

type Cte = [string, string];

/** The step names of validated options (steps given as names or `{ name }`). */
function stepNames(options: FunnelOptions): string[] {
  return options.steps.map((step) => (typeof step === 'string' ? step : step.name));
}

/** `UNION ALL` of one-row SELECTs: a small constant table every dialect reads. */
function constantRows(columns: readonly string[], rows: readonly (readonly (number | string)[])[]): string {
  return rows
    .map(
      (row) =>
        `SELECT ${row.map((value, i) => `${typeof value === 'number' ? String(value) : `'${value}'`} AS ${columns[i] as string}`).join(', ')}`,
    )
    .join('\nUNION ALL\n');
}

/**
 * Ordered funnels. Per user and instant, for each distinct step name, the
 * first event of that name at or after the instant (`nx_j`) and strictly after
 * it (`af_j`) come from window functions. An attempt starts at each step-1
 * event; step `k` is then looked up at the instant of step `k − 1`, an
 * equi-join: its earliest event there or later, or strictly later when the
 * event at that instant is already one of the attempt's steps (same name,
 * same instant), and at most `window` after step 1. This is core's greedy
 * chain, which is optimal for ordered funnels.
 */
function orderedCtes(context: CompileContext, names: readonly string[], window: string): Cte[] {
  const { params } = context;
  const distinct = [...new Set(names)];
  const nameIndex = (name: string): number => distinct.indexOf(name);
  const frame = (from: string): string => `OVER (PARTITION BY u ORDER BY ms RANGE BETWEEN ${from} AND UNBOUNDED FOLLOWING)`;
  const nextColumns = distinct.flatMap((name, j) => {
    const value = `CASE WHEN n = ${params.text(name)} THEN ms END`;
    return [`min(${value}) ${frame('CURRENT ROW')} AS nx_${j}`, `min(${value}) ${frame('1 FOLLOWING')} AS af_${j}`];
  });
  const ctes: Cte[] = [
    [
      'k_step_events',
      `SELECT e.u AS u, e.n AS n, e.ms AS ms\nFROM k_ev AS e\nCROSS JOIN k_bounds AS b\nWHERE ${params.inList('e.n', distinct)} AND e.d BETWEEN b.from_day AND b.to_day`,
    ],
    [
      'k_nexts',
      `SELECT DISTINCT u, ms, ${distinct.map((_, j) => `nx_${j}, af_${j}`).join(', ')}\nFROM (\n  SELECT u, ms,\n    ${nextColumns.join(',\n    ')}\n  FROM k_step_events\n) AS w`,
    ],
    ['k_chain_0', `SELECT DISTINCT u, ms AS t0\nFROM k_step_events\nWHERE n = ${params.text(names[0] as string)}`],
  ];
  for (let k = 1; k < names.length; k++) {
    const j = nameIndex(names[k] as string);
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
  ctes.push(
    [
      'k_attempts',
      `SELECT c.*, ${depth} AS depth, row_number() OVER (PARTITION BY u ORDER BY ${depth} DESC, t0) AS pick\nFROM k_chain_${last} AS c`,
    ],
    [
      'k_positions',
      constantRows(
        ['j'],
        Array.from({ length: names.length }, (_, j) => [j + 1]),
      ),
    ],
    [
      'k_gaps',
      [
        // Step k (0-based) of the chosen attempt took t_k − t_{k−1}; step 0 stands for the user (0).
        `SELECT a.u AS u, p.j - 1 AS k, CASE p.j ${Array.from({ length: last }, (_, i) => `WHEN ${i + 2} THEN a.t${i + 1} - a.t${i}`).join(' ')} ELSE 0 END AS v`,
        'FROM k_attempts AS a',
        'JOIN k_positions AS p ON p.j <= a.depth',
        'WHERE a.pick = 1',
      ].join('\n'),
    ],
  );
  return ctes;
}

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
 * Strict funnels. A user's in-range events form *moments* (runs sharing one
 * millisecond, numbered per user); a strict chain uses consecutive moments,
 * matching a run of consecutive steps in each (each step's name present in the
 * moment, no name twice in a run). From each step-1 moment, stage `j` holds
 * the states after moment `m1 + j`: the step count `c`, and the best path to
 * it (the counts after each moment, one letter each). Of two paths to the
 * same state the greater one's completions are the greater ones, so keeping
 * one per state keeps core's chain, "the earliest chain, step by step", which
 * is the greatest complete path. A state that cannot go on is carried to the
 * next stage unchanged (`active = 0`): a state that can go on never ends the
 * deepest chain. Each stage reads only the one before, so the plan stays a
 * chain. The user's attempt is the deepest, then the earliest; its step times
 * come from its path.
 */
function strictCtes(context: CompileContext, names: readonly string[], window: string): Cte[] {
  const { dialect, params } = context;
  const steps = names.length;
  const letter = (count: number): string => String.fromCharCode(65 + count);
  const bitsOf = (name: string): number => names.reduce((bits, step, k) => (step === name ? bits | (1 << k) : bits), 0);
  const distinct = [...new Set(names)];
  const stepBits = `CASE ${distinct.map((name) => `WHEN e.n = ${params.text(name)} THEN ${bitsOf(name)}`).join(' ')} ELSE 0 END`;
  const limit = distinctRuns(names);
  const runs: (number | string)[][] = [];
  for (let from = 0; from < steps; from++) {
    for (let to = from + 1; to <= (limit[from] as number); to++) runs.push([from, to, ((1 << to) - 1) & ~((1 << from) - 1), letter(to)]);
  }
  const ctes: Cte[] = [
    ['k_runs', constantRows(['c_from', 'c_to', 'need', 'ch'], runs)],
    [
      'k_letters',
      constantRows(
        ['ch', 'c'],
        Array.from({ length: steps + 1 }, (_, c) => [letter(c), c]),
      ),
    ],
    [
      'k_positions',
      constantRows(
        ['j'],
        Array.from({ length: steps }, (_, j) => [j + 1]),
      ),
    ],
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
        `SELECT u, m1, t1, c, cl, ${dialect.maxText('next_path')} AS path, active\nFROM k_step_${j}\nGROUP BY u, m1, t1, c, cl, active`,
      ],
    );
  }
  ctes.push(
    [
      'k_best',
      [
        // The letter of c first: the greatest key is the deepest state, then its greatest path.
        `SELECT u, m1, max(c) AS depth, ${dialect.maxText('cl || path')} AS best_key,`,
        '  row_number() OVER (PARTITION BY u ORDER BY max(c) DESC, t1) AS pick',
        `FROM k_stage_${steps - 1}`,
        'GROUP BY u, m1, t1',
      ].join('\n'),
    ],
    [
      'k_gaps',
      [
        // Step k took 0 ms unless it opens moment q ≥ 1 of the chain: then the path's letter q (the count
        // after moment q − 1, one place on in the key) is k's, and it took the time since the moment before.
        'SELECT x.u AS u, x.k AS k, CASE WHEN x.q > 0 THEN m.ms - m0.ms ELSE 0 END AS v',
        'FROM (',
        `  SELECT b.u AS u, b.m1 AS m1, l.c AS k, ${dialect.strpos('b.best_key', 'l.ch')} - 1 AS q`,
        '  FROM k_best AS b',
        '  JOIN k_letters AS l ON l.c < b.depth',
        '  WHERE b.pick = 1',
        ') AS x',
        'LEFT JOIN k_moments AS m ON m.u = x.u AND m.mi = x.m1 + x.q',
        'LEFT JOIN k_moments AS m0 ON m0.u = x.u AND m0.mi = x.m1 + x.q - 1',
      ].join('\n'),
    ],
  );
  return ctes;
}

/**
 * `funnel` in SQL, ordered and strict: per user the deepest attempt and its
 * step times (see the two builders), then per step the users reaching it and
 * the distribution of the time from the previous step, summarised in the
 * database (`distributionCtes`). `parse` forms core's step results.
 */
export const funnelSql: MetricSql<FunnelOptions, FunnelResult> = {
  table: 'events',
  check(options) {
    const checked = options as FunnelOptions;
    funnel([], checked);
    if (checked.order === 'any') rejectUnsupported('options.order', 'order "any"', checked.order);
    if (checked.exclusions !== undefined && checked.exclusions.length > 0)
      rejectUnsupported('options.exclusions', 'exclusions', checked.exclusions);
    if (checked.breakdown !== undefined) rejectUnsupported('options.breakdown', 'breakdown', checked.breakdown);
    checked.steps.forEach((step, i) => {
      if (typeof step !== 'string') rejectProperties(`options.steps[${i}].where`, step.where);
    });
    return checked;
  },
  compile(context, options) {
    const names = stepNames(options);
    const window = context.params.double(options.window ?? DEFAULT_FUNNEL_WINDOW);
    const chain = options.order === 'strict' ? strictCtes(context, names, window) : orderedCtes(context, names, window);
    return withQuery(
      context,
      [
        ...eventCtes(context, { from: options.from, to: options.to, timeZone: options.timeZone ?? 'UTC' }),
        ...chain,
        ['k_step_times', 'SELECT k, v FROM k_gaps'],
        ...distributionCtes(context, 'k_step_times'),
      ],
      selectWithBounds(context, 'k_dist', DISTRIBUTION_COLUMNS),
    );
  },
  parse(rows, options) {
    const { window = DEFAULT_FUNNEL_WINDOW, order = 'ordered', timeZone = 'UTC' } = options;
    const names = stepNames(options);
    const range = rangeOf(rows, INVALID_EVENTS);
    const groups = summariesOf(rows, range ? dataRows(rows, 'k') : []);
    const counts = names.map((_, k) => groups.get(k)?.n ?? 0);
    const first = counts[0] as number;
    const steps: FunnelStepResult[] = names.map((name, k) => {
      const count = counts[k] as number;
      const previous = k === 0 ? count : (counts[k - 1] as number);
      const times = k === 0 ? emptySummary() : (groups.get(k) ?? emptySummary());
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
    return {
      order,
      window,
      from: range ? formatDay(range.fromDay) : null,
      to: range ? formatDay(range.toDay) : null,
      timeZone,
      steps,
    };
  },
};
