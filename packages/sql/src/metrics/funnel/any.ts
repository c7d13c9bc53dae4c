import { KpiValidationError } from '@kpikit/core';
import { matcherKey } from './plan';
import type { Cte, FunnelPlan, Matcher } from './plan';
import { matches } from './plan';

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

/**
 * `any` funnels: per user the deepest window and the row the breakdown reads.
 *
 * A window starts at each instant `t` of a step event and holds the step
 * events in `[t, t + window]`. Each start gets two probe rows, at `t` (before
 * that instant's events) and at `t + window` (after them), merged into the
 * user's events in time order: a running count per column at the probes
 * gives the events in the window as a difference (`k_any_windows`), with no
 * join over time ranges and no window frame sized by the window (ClickHouse
 * limits those to 32-bit offsets). The depth is then a sum over event names
 * (see {@link NameGroup}); the user's window is the deepest, then the earliest,
 * and the breakdown reads, of the events at its start, the one matching the
 * lowest step.
 *
 * Leaves `k_attempts (u, t0, depth[, bv])` with `t0` the window's start.
 */
export function anyAttempts(plan: FunnelPlan): Cte[] {
  const { context, steps, breakdown } = plan;
  const { dialect, params } = context;
  const double = dialect.type('double');
  // Counts of one integer type: ClickHouse would otherwise mix UInt64 and Int64 into a variant.
  const bigint = dialect.type('bigint');
  const groups = nameGroups(plan);
  // Count columns: per group, one per non-empty set of its variants (one when the group has one variant).
  const columns: { readonly name: string; readonly condition: string }[] = [];
  const depthTerms: string[] = [];
  groups.forEach((group, g) => {
    if (group.variants.length === 1) {
      const name = `c_${g}`;
      columns.push({ name, condition: matches(plan, (group.variants[0] as { matcher: Matcher }).matcher, 'e.') });
      depthTerms.push(`least(${group.steps}, ${name})`);
      return;
    }
    const deficits: string[] = [];
    for (let set = 1; set < 1 << group.variants.length; set++) {
      const members = group.variants.filter((_, v) => (set & (1 << v)) !== 0);
      const name = `c_${g}_${set}`;
      columns.push({ name, condition: members.map(({ matcher }) => `(${matches(plan, matcher, 'e.')})`).join(' OR ') });
      deficits.push(`${members.reduce((sum, member) => sum + member.steps, 0)} - ${name}`);
    }
    depthTerms.push(`${group.steps} - greatest(0, ${deficits.join(', ')})`);
  });
  // The lowest step an event matches, for the breakdown's row.
  const lowest = `CASE ${steps.map((step, k) => `WHEN ${matches(plan, step, 'e.')} THEN ${k}`).join(' ')} END`;
  const anyStep = steps.map((step) => `(${matches(plan, step, 'e.')})`).join(' OR ');
  const counts = columns.map(({ name }) => name);
  const zeros = counts.map((name) => `CAST(0 AS ${bigint}) AS ${name}`).join(', ');
  const { window } = plan;
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
        `  WHERE ${params.inList('e.n', plan.relevantNames)} AND e.d BETWEEN b.from_day AND b.to_day AND (${anyStep})`,
        ') AS x',
        'GROUP BY u, n, ms',
      ].join('\n'),
    ],
    ['k_any_starts', 'SELECT DISTINCT u, ms FROM k_any_events'],
    [
      'k_any_line',
      [
        `SELECT u, CAST(ms AS ${double}) AS at_ms, 0 AS kind, CAST(NULL AS ${double}) AS start_ms, ${counts.join(', ')} FROM k_any_events`,
        `UNION ALL SELECT u, CAST(ms AS ${double}) AS at_ms, -1 AS kind, CAST(ms AS ${double}) AS start_ms, ${zeros} FROM k_any_starts`,
        `UNION ALL SELECT u, CAST(ms AS ${double}) + ${window} AS at_ms, 1 AS kind, CAST(ms AS ${double}) AS start_ms, ${zeros} FROM k_any_starts`,
      ].join('\n'),
    ],
    [
      'k_any_running',
      [
        `SELECT u, kind, start_ms, ${counts
          .map(
            (name) =>
              `sum(${name}) OVER (PARTITION BY u ORDER BY at_ms, kind ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS r_${name}`,
          )
          .join(', ')}`,
        'FROM k_any_line',
      ].join('\n'),
    ],
    [
      'k_any_windows',
      [
        `SELECT u, start_ms, ${counts.map((name) => `sum(CASE WHEN kind = 1 THEN r_${name} ELSE -r_${name} END) AS ${name}`).join(', ')}`,
        'FROM k_any_running',
        'WHERE kind <> 0',
        'GROUP BY u, start_ms',
      ].join('\n'),
    ],
    ['k_any_depths', `SELECT u, start_ms, ${depthTerms.join(' + ')} AS depth\nFROM k_any_windows`],
  ];
  if (breakdown === null) {
    ctes.push(['k_attempts', `SELECT u, start_ms AS t0, depth\nFROM k_any_depths`]);
  } else {
    ctes.push(
      [
        'k_any_firsts',
        [
          `SELECT DISTINCT e.u AS u, CAST(e.ms AS ${double}) AS ms, ${lowest} AS low, e.${breakdown} AS bv`,
          'FROM k_ev AS e',
          'CROSS JOIN k_bounds AS b',
          `WHERE ${params.inList('e.n', plan.relevantNames)} AND e.d BETWEEN b.from_day AND b.to_day AND (${anyStep})`,
        ].join('\n'),
      ],
      // The start's lowest step: its event is the breakdown's row (one event per name and instant).
      [
        'k_any_lowest',
        'SELECT f.u AS u, f.ms AS ms, f.bv AS bv\nFROM k_any_firsts AS f\nJOIN (SELECT u, ms, min(low) AS low FROM k_any_firsts GROUP BY u, ms) AS l ON l.u = f.u AND l.ms = f.ms AND l.low = f.low',
      ],
      [
        'k_attempts',
        'SELECT d.u AS u, d.start_ms AS t0, d.depth AS depth, f.bv AS bv\nFROM k_any_depths AS d\nLEFT JOIN k_any_lowest AS f ON f.u = d.u AND f.ms = d.start_ms',
      ],
    );
  }
  return ctes;
}
