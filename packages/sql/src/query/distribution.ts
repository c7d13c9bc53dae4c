import type { CompileContext } from './context';

/** The columns {@link distributionCtes} leaves on each row of `dist`. */
export const DISTRIBUTION_COLUMNS = ['k', 'n', 'total', 'lo', 'hi', 'q50a', 'q50b', 'q90a', 'q90b', 'bin', 'cnt'] as const;

/** Quantiles reported, and the order statistics each needs. */
const QUANTILES = [
  ['q50', 0.5],
  ['q90', 0.9],
] as const;

/**
 * CTEs summarising the values of `source (k, v)` per group `k` (an integer),
 * so that only a few rows per group come back, in one linear chain (no
 * self-joins: ClickHouse inlines every CTE reference):
 *
 * - `k_dist_ranked`: each value with its 0-based position in its group, and the
 *   group's size, sum, min and max (window aggregates);
 * - `k_dist_sized`, `k_dist_picked`: each value with its group's bin count
 *   (core's `clamp(ceil(cbrt(n)), 1, 60)`, computed exactly) and bin width,
 *   and, for each quantile `p`, the order
 *   statistics at positions `floor((n − 1) × p)` and the next, from which
 *   `parse` interpolates exactly as core does (engines' own `percentile_cont`
 *   round differently);
 * - `k_dist (k, n, total, lo, hi, q50a, q50b, q90a, q90b, bin, cnt)`: one row
 *   per group and non-empty histogram bin (core's bin formula).
 *
 * Values must be integers held in DOUBLE (milliseconds, counts): their sums are exact.
 * With `tag`, `source` has a `tag` column, the same on every row of a group,
 * which `k_dist` carries (grouped by, not aggregated: PostgreSQL has no `max`
 * of a boolean).
 */
export function distributionCtes(context: CompileContext, source: string, tag = false): [string, string][] {
  const { dialect } = context;
  const double = dialect.type('double');
  const bigint = dialect.type('bigint');
  const position = (p: number): string => `floor(CAST(size - 1 AS ${double}) * CAST(${p} AS ${double}))`;
  const picks = QUANTILES.flatMap(([name, p]) => [
    `max(CASE WHEN pos = ${position(p)} THEN v END) OVER (PARTITION BY k) AS pick_${name}a`,
    `max(CASE WHEN pos = ${position(p)} + 1 THEN v END) OVER (PARTITION BY k) AS pick_${name}b`,
  ]);
  // ceil(cbrt(n)) without trusting cbrt's last bit: round it, then step up when the cube falls short.
  const root = `round(cbrt(CAST(size AS ${double})))`;
  const bins = `CASE WHEN v_min = v_max THEN 1 WHEN size > 205379 THEN 60 ELSE CAST(${root} AS ${bigint}) + CASE WHEN ${root} * ${root} * ${root} < size THEN 1 ELSE 0 END END`;
  // Every branch an integer of one type: ClickHouse would otherwise group by a variant of two types.
  const asBigint = (expr: string): string => `CAST(${expr} AS ${bigint})`;
  const raw = 'floor((v - v_min) / width)';
  const bin = `CASE WHEN width = 0 THEN ${asBigint('0')} WHEN ${raw} > bins - 1 THEN ${asBigint('bins - 1')} ELSE ${asBigint(raw)} END`;
  const partition = 'OVER (PARTITION BY k)';
  const tagged = tag ? ', tag' : '';
  return [
    [
      'k_dist_ranked',
      [
        `SELECT k, v${tagged}, row_number() OVER (PARTITION BY k ORDER BY v) - 1 AS pos, count(*) ${partition} AS size,`,
        `  sum(v) ${partition} AS v_sum, min(v) ${partition} AS v_min, max(v) ${partition} AS v_max`,
        `FROM (SELECT k, CAST(v AS ${double}) AS v${tagged} FROM ${source}) AS x`,
      ].join('\n'),
    ],
    ['k_dist_sized', `SELECT k, v${tagged}, pos, size, v_sum, v_min, v_max, ${bins} AS bins\nFROM k_dist_ranked`],
    [
      'k_dist_picked',
      `SELECT k, v${tagged}, size, v_sum, v_min, v_max, bins, (v_max - v_min) / bins AS width,\n  ${picks.join(',\n  ')}\nFROM k_dist_sized`,
    ],
    [
      'k_dist',
      [
        `SELECT k${tagged}, max(size) AS n, max(v_sum) AS total, max(v_min) AS lo, max(v_max) AS hi,`,
        `  ${QUANTILES.flatMap(([name]) => [`max(pick_${name}a) AS ${name}a`, `max(pick_${name}b) AS ${name}b`]).join(', ')},`,
        `  ${bin} AS bin, count(*) AS cnt`,
        'FROM k_dist_picked',
        `GROUP BY k${tagged}, ${bin}`,
      ].join('\n'),
    ],
  ];
}
