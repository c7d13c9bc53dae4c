import type { Cte, FunnelPlan } from './plan';

/**
 * Ordered and strict exclusions, as core's `disqualifiedReach`: for an
 * exclusion between steps `i` and `j`, an event matching it strictly after
 * step `i`'s event and strictly before step `j`'s (or, when step `j` was not
 * reached, up to and including the window's end) disqualifies the attempt,
 * unless it is one of the attempt's own steps. From step `i`'s instant,
 * `lookup`'s `ax_x` gives the first matching event strictly after an
 * instant; while that event is one of the attempt's steps (same name, same
 * instant: a user has one event per name and millisecond) the next is looked
 * up, at most once per later step of that name.
 *
 * Leaves `k_flagged`: every attempt with `reach`, −1 when clean, else the
 * steps it reached strictly before the first disqualifying event plus one, at
 * most its depth.
 */
export function exclusionCtes(plan: FunnelPlan, lookup: string): Cte[] {
  const { names, exclusions, window } = plan;
  const { dialect } = plan.context;
  const bigint = dialect.type('bigint');
  // One type for every candidate: ClickHouse would otherwise mix Int64 and Float64 into a variant.
  const double = dialect.type('double');
  const ctes: Cte[] = [];
  let source = 'k_attempts';
  const firsts: string[] = [];
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
    firsts.push(
      `CASE WHEN a.t${from} IS NOT NULL AND ${e} IS NOT NULL AND ((a.t${to} IS NOT NULL AND ${e} < a.t${to}) OR (a.t${to} IS NULL AND ${e} <= a.t0 + ${window})) THEN CAST(${e} AS ${double}) END`,
    );
  });
  // Every disqualifying event lies at or before the window's end, so one past it stands for "none".
  const none = `CAST(a.t0 AS ${double}) + ${window} + 1`;
  const first =
    firsts.length === 1 ? (firsts[0] as string) : `NULLIF(least(${firsts.map((f) => `coalesce(${f}, ${none})`).join(', ')}), ${none})`;
  const before = `CAST(${names.map((_, s) => `CASE WHEN a.t${s} < a.x_at THEN 1 ELSE 0 END`).join(' + ')} AS ${bigint})`;
  ctes.push(
    ['k_ex_first', `SELECT a.*, ${first} AS x_at\nFROM ${source} AS a`],
    [
      'k_flagged',
      `SELECT a.*, CASE WHEN a.x_at IS NULL THEN CAST(-1 AS ${bigint}) WHEN a.depth < ${before} + 1 THEN CAST(a.depth AS ${bigint}) ELSE ${before} + 1 END AS reach\nFROM k_ex_first AS a`,
    ],
  );
  return ctes;
}
