import { KpiValidationError } from '@kpikit/core';
import { matcherKey } from './plan';
import type { Cte, FunnelPlan, Matcher } from './plan';
import { anyStep, matches } from './plan';

/** The most distinct step conditions one event name may carry in an `any` funnel (each subset of them is a column). */
export const MAX_ANY_ORDER_VARIANTS = 6;

/**
 * One event name's steps. Events of different names never compete for a
 * step, so each group adds to the depth on its own: when its steps all match
 * the same events, `min(steps, events)`; else the size of a maximum matching
 * of its steps to its events, which by Hall's theorem is
 * `steps − max(0, max over sets T of the group's matchers of (steps of T − events matching one of T))`.
 */
interface NameGroup {
  /** Distinct matchers of the group, with how many steps each stands for. */
  readonly variants: readonly { readonly matcher: Matcher; readonly steps: number }[];
  readonly steps: number;
}

function nameGroups(plan: FunnelPlan): NameGroup[] {
  const groups = new Map<string, Map<string, { matcher: Matcher; steps: number }>>();
  for (const step of plan.steps) {
    let variants = groups.get(step.name);
    if (!variants) {
      variants = new Map();
      groups.set(step.name, variants);
    }
    const key = matcherKey(step);
    const variant = variants.get(key);
    if (variant) variant.steps++;
    else variants.set(key, { matcher: step, steps: 1 });
  }
  return [...groups.values()].map((variants) => {
    const list = [...variants.values()];
    return { variants: list, steps: list.reduce((sum, variant) => sum + variant.steps, 0) };
  });
}

/** Rejects what the Hall formula cannot write in a reasonable query: too many conditions on one name. */
export function checkAnyOrder(plan: FunnelPlan): void {
  for (const group of nameGroups(plan)) {
    if (group.variants.length > MAX_ANY_ORDER_VARIANTS) {
      throw new KpiValidationError('options', [
        {
          index: null,
          path: 'options.steps',
          expected: `with order "any", at most ${MAX_ANY_ORDER_VARIANTS} different conditions on steps of one event name (not supported by @kpikit/sql beyond that)`,
          received: `${group.variants.length} for ${JSON.stringify(group.variants[0]?.matcher.name)}`,
        },
      ]);
    }
  }
}

/** The count columns of an `any` funnel, and its depth as an expression of them (see {@link NameGroup}). */
function countColumns(plan: FunnelPlan): {
  readonly columns: readonly { readonly name: string; readonly condition: string }[];
  readonly depth: (column: (name: string) => string) => string;
} {
  const groups = nameGroups(plan);
  // Count columns: per group, one per non-empty set of its variants (one when the group has one variant).
  const columns: { name: string; condition: string }[] = [];
  const terms: ((column: (name: string) => string) => string)[] = [];
  groups.forEach((group, g) => {
    if (group.variants.length === 1) {
      const name = `c_${g}`;
      columns.push({ name, condition: matches(plan, (group.variants[0] as { matcher: Matcher }).matcher, 'e.') });
      terms.push((column) => `least(${group.steps}, ${column(name)})`);
      return;
    }
    const deficits: { name: string; steps: number }[] = [];
    for (let set = 1; set < 1 << group.variants.length; set++) {
      const members = group.variants.filter((_, v) => (set & (1 << v)) !== 0);
      const name = `c_${g}_${set}`;
      columns.push({ name, condition: members.map(({ matcher }) => `(${matches(plan, matcher, 'e.')})`).join(' OR ') });
      deficits.push({ name, steps: members.reduce((sum, member) => sum + member.steps, 0) });
    }
    terms.push((column) => `${group.steps} - greatest(0, ${deficits.map(({ name, steps }) => `${steps} - ${column(name)}`).join(', ')})`);
  });
  return { columns, depth: (column) => terms.map((term) => term(column)).join(' + ') };
}

/**
 * `any` funnels: per user every window, its depth and, with exclusions, its
 * reach when disqualified; the breakdown's step-0 row.
 *
 * A window starts at each instant `t` of a step event and holds the step
 * events in `[t, t + window]`. Each start gets two probe rows, at `t` (before
 * that instant's events) and at `t + window` (after them), merged into the
 * user's events in time order: a running count per column at the probes
 * gives the events in the window as a difference (`k_any_windows`), with no
 * join over time ranges and no window frame sized by the window (ClickHouse
 * limits those to 32-bit offsets). The depth is then a sum over event names
 * (see {@link NameGroup}).
 *
 * Exclusions span the whole funnel: the first excluded event (one matching
 * no step) strictly after `t` (`x_ms`, a window function over starts and
 * excluded events) disqualifies the window when it lies inside it and the
 * window's events up to its millisecond do not cover every step; two more
 * probes, just before and just after `x_ms`, count those events. A
 * disqualified window reaches the steps covered before `x_ms`, plus one.
 *
 * Leaves `k_attempts (u, t0, depth[, reach][, bv])` with `t0` the window's
 * start; `bv`, with a breakdown by `{ step: 0 }`, is the property of the
 * event at the start that matches the lowest step.
 */
export function anyAttempts(plan: FunnelPlan): Cte[] {
  const { context, steps, breakdown, exclusions } = plan;
  const { dialect, params } = context;
  const double = dialect.type('double');
  // Counts of one integer type: ClickHouse would otherwise mix UInt64 and Int64 into a variant.
  const bigint = dialect.type('bigint');
  const { columns, depth } = countColumns(plan);
  // The lowest step an event matches, for the breakdown's row.
  const lowest = `CASE ${steps.map((step, k) => `WHEN ${matches(plan, step, 'e.')} THEN ${k}`).join(' ')} END`;
  const isStep = anyStep(plan, 'e.');
  const counts = columns.map(({ name }) => name);
  const zeros = counts.map((name) => `CAST(0 AS ${bigint}) AS ${name}`).join(', ');
  const { window } = plan;
  const excluding = exclusions.length > 0;
  const probe = (at: string, kind: number, code: number, from: string, where = ''): string =>
    `UNION ALL SELECT u, ${at} AS at_ms, ${kind} AS kind, ${code} AS probe, CAST(ms AS ${double}) AS start_ms, ${zeros} FROM ${from}${where}`;
  const ctes: Cte[] = [
    [
      'k_any_events',
      [
        // One row per event (a user has one per name and millisecond): a copy that matches counts. Aggregates
        // read differently named inputs: in ClickHouse an alias is visible inside its own aggregate.
        `SELECT u, n, ms, ${counts.map((name) => `CAST(max(x_${name}) AS ${bigint}) AS ${name}`).join(', ')}`,
        'FROM (',
        `  SELECT e.u AS u, e.n AS n, e.ms AS ms, ${columns.map(({ name, condition }) => `CASE WHEN ${condition} THEN 1 ELSE 0 END AS x_${name}`).join(', ')}`,
        '  FROM k_ev AS e',
        '  CROSS JOIN k_bounds AS b',
        `  WHERE ${params.inList('e.n', plan.relevantNames)} AND e.d BETWEEN b.from_day AND b.to_day AND (${isStep})`,
        ') AS x',
        'GROUP BY u, n, ms',
      ].join('\n'),
    ],
  ];
  if (excluding) {
    const excluded = exclusions.map(({ matcher }) => `(${matches(plan, matcher, 'e.')})`).join(' OR ');
    ctes.push(
      [
        'k_any_marks',
        [
          'SELECT DISTINCT u, ms, 0 AS isx FROM k_any_events',
          'UNION ALL',
          'SELECT DISTINCT e.u AS u, e.ms AS ms, 1 AS isx',
          'FROM k_ev AS e',
          'CROSS JOIN k_bounds AS b',
          `WHERE ${params.inList('e.n', plan.relevantNames)} AND e.d BETWEEN b.from_day AND b.to_day AND (${excluded}) AND NOT (${isStep})`,
        ].join('\n'),
      ],
      [
        'k_any_starts',
        [
          `SELECT u, ms, CASE WHEN x_next <= CAST(ms AS ${double}) + ${window} THEN x_next END AS x_ms`,
          'FROM (',
          `  SELECT u, ms, isx, CAST(min(CASE WHEN isx = 1 THEN ms END) OVER (PARTITION BY u ORDER BY ms RANGE BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS ${double}) AS x_next`,
          '  FROM k_any_marks',
          ') AS m',
          'WHERE isx = 0',
        ].join('\n'),
      ],
    );
  } else {
    ctes.push(['k_any_starts', 'SELECT DISTINCT u, ms FROM k_any_events']);
  }
  ctes.push(
    [
      'k_any_line',
      [
        `SELECT u, CAST(ms AS ${double}) AS at_ms, 0 AS kind, 0 AS probe, CAST(NULL AS ${double}) AS start_ms, ${counts.join(', ')} FROM k_any_events`,
        probe(`CAST(ms AS ${double})`, -1, 1, 'k_any_starts'),
        probe(`CAST(ms AS ${double}) + ${window}`, 1, 2, 'k_any_starts'),
        ...(excluding
          ? [
              probe('x_ms', -1, 3, 'k_any_starts', ' WHERE x_ms IS NOT NULL'),
              probe('x_ms', 1, 4, 'k_any_starts', ' WHERE x_ms IS NOT NULL'),
            ]
          : []),
      ].join('\n'),
    ],
    [
      'k_any_running',
      [
        `SELECT u, at_ms, kind, probe, start_ms, ${counts
          .map(
            (name) =>
              `sum(${name}) OVER (PARTITION BY u ORDER BY at_ms, kind ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS r_${name}`,
          )
          .join(', ')}`,
        'FROM k_any_line',
      ].join('\n'),
    ],
  );
  // A difference of running counts: `plus` probe minus the start's.
  const between = (plus: number, prefix: string): string =>
    counts
      .map((name) => `sum(CASE WHEN probe = ${plus} THEN r_${name} WHEN probe = 1 THEN -r_${name} ELSE 0 END) AS ${prefix}${name}`)
      .join(', ');
  ctes.push([
    'k_any_windows',
    [
      `SELECT u, start_ms, ${between(2, '')}${excluding ? `, ${between(4, 'i_')}, ${between(3, 'b_')}, max(CASE WHEN probe = 3 THEN at_ms END) AS x_ms` : ''}`,
      'FROM k_any_running',
      'WHERE probe <> 0',
      'GROUP BY u, start_ms',
    ].join('\n'),
  ]);
  if (excluding) {
    ctes.push(
      [
        'k_any_covers',
        `SELECT u, start_ms, x_ms, CAST(${depth((name) => name)} AS ${bigint}) AS depth, CAST(${depth((name) => `i_${name}`)} AS ${bigint}) AS x_upto, CAST(${depth((name) => `b_${name}`)} AS ${bigint}) AS x_before\nFROM k_any_windows`,
      ],
      [
        'k_any_depths',
        `SELECT u, start_ms, depth, CASE WHEN x_ms IS NULL OR x_upto = ${steps.length} THEN CAST(-1 AS ${bigint}) WHEN depth < x_before + 1 THEN depth ELSE x_before + 1 END AS reach\nFROM k_any_covers`,
      ],
    );
  } else {
    ctes.push(['k_any_depths', `SELECT u, start_ms, ${depth((name) => name)} AS depth\nFROM k_any_windows`]);
  }
  const reach = excluding ? ', d.reach AS reach' : '';
  if (breakdown === null || typeof plan.attribution !== 'object') {
    ctes.push(['k_attempts', `SELECT d.u AS u, d.start_ms AS t0, d.depth AS depth${reach}\nFROM k_any_depths AS d`]);
  } else {
    ctes.push(
      [
        'k_any_firsts',
        [
          `SELECT DISTINCT e.u AS u, CAST(e.ms AS ${double}) AS ms, ${lowest} AS low, e.${breakdown} AS bv`,
          'FROM k_ev AS e',
          'CROSS JOIN k_bounds AS b',
          `WHERE ${params.inList('e.n', plan.relevantNames)} AND e.d BETWEEN b.from_day AND b.to_day AND (${isStep})`,
        ].join('\n'),
      ],
      // The start's lowest step: its event is the breakdown's row (one event per name and instant).
      [
        'k_any_lowest',
        'SELECT f.u AS u, f.ms AS ms, f.bv AS bv\nFROM k_any_firsts AS f\nJOIN (SELECT u, ms, min(low) AS low FROM k_any_firsts GROUP BY u, ms) AS l ON l.u = f.u AND l.ms = f.ms AND l.low = f.low',
      ],
      [
        'k_attempts',
        `SELECT d.u AS u, d.start_ms AS t0, d.depth AS depth${reach}, f.bv AS bv\nFROM k_any_depths AS d\nLEFT JOIN k_any_lowest AS f ON f.u = d.u AND f.ms = d.start_ms`,
      ],
    );
  }
  return ctes;
}

/**
 * Step times of the `any` users picked (`users`: `u, depth, t0`, with `bv`
 * when `carriesValue`): `t_k` is the first instant of the user's window at
 * which its events cover `k + 1` distinct steps. Running counts after each
 * instant (`k_any_running`), less those before the window's start (the
 * greatest before it: counts only grow), give the window's events up to
 * that instant. Leaves `k_timed_users (u, depth[, bv], t0 … t{S−1})`.
 */
export function anyTimes(plan: FunnelPlan, users: string, carriesValue: boolean): Cte[] {
  const { context, names, window } = plan;
  const bigint = context.dialect.type('bigint');
  const { columns, depth } = countColumns(plan);
  const counts = columns.map(({ name }) => name);
  const steps = names.length;
  return [
    [
      'k_any_instants',
      `SELECT u, at_ms, ${counts.map((name) => `max(r_${name}) AS r_${name}`).join(', ')}\nFROM k_any_running\nWHERE kind = 0\nGROUP BY u, at_ms`,
    ],
    [
      'k_any_joined',
      [
        `SELECT a.u AS u, a.t0 AS t0, i.at_ms AS at_ms, ${counts.map((name) => `i.r_${name} AS r_${name}`).join(', ')},`,
        `  ${counts.map((name) => `max(CASE WHEN i.at_ms < a.t0 THEN i.r_${name} ELSE CAST(0 AS ${bigint}) END) OVER (PARTITION BY a.u) AS s_${name}`).join(', ')}`,
        `FROM ${users} AS a`,
        'JOIN k_any_instants AS i ON i.u = a.u',
      ].join('\n'),
    ],
    [
      'k_any_cover',
      [
        `SELECT u, at_ms, ${depth((name) => name)} AS cov`,
        `FROM (SELECT u, at_ms, ${counts.map((name) => `r_${name} - s_${name} AS ${name}`).join(', ')} FROM k_any_joined WHERE at_ms >= t0 AND at_ms <= t0 + ${window}) AS w`,
      ].join('\n'),
    ],
    [
      'k_any_times',
      `SELECT u, ${Array.from({ length: steps }, (_, k) => `min(CASE WHEN cov >= ${k + 1} THEN at_ms END) AS t${k}`).join(', ')}\nFROM k_any_cover\nGROUP BY u`,
    ],
    [
      'k_timed_users',
      `SELECT a.u AS u, a.depth AS depth${carriesValue ? ', a.bv AS bv' : ''}, ${Array.from({ length: steps }, (_, k) => `t.t${k} AS t${k}`).join(', ')}\nFROM ${users} AS a\nJOIN k_any_times AS t ON t.u = a.u`,
    ],
  ];
}
