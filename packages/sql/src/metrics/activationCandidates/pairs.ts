import { Z_95 } from '@kpikit/core';
import type { ResolvedActivationOptions } from '@kpikit/core';
import type { CompileContext } from '../../query/context';

/** How many candidates past the `pairs` best, by the database's estimate of their scores, are paired too. */
export const PAIR_MARGIN = 10;
/** Scores this close to the last kept one are kept too, so that rounding never decides which candidates are paired. */
const SCORE_TOLERANCE = '1e-9';

/** The columns a query with pairs adds: the candidate's pairing flag, and a pair row's second candidate, met counts and tallies. */
export const PAIR_COLUMNS = ['paired', 'c2', 'ta', 'tb', 'pair_did', 'pair_kept'];

/**
 * The pairs, in the same query. Core pairs the `pairs` candidates whose best
 * single signal ranks highest, each at that signal's threshold, by the exact
 * score (with its Newcombe interval), which only `parse` computes. So the
 * database estimates each signal's score with the same formula in doubles
 * (`k_best`: its Wilson bounds, lower bound of the lift and phi spread, each
 * candidate's best over its thresholds with at least `minUnits` units), and
 * pairs every candidate ranked within `pairs + PAIR_MARGIN` or scoring within
 * 1e-9 of the last of those (`k_ranked`, flag `paired`): the estimate differs
 * from core's in the last bits at most, far less than the margin covers.
 *
 * The thresholds are not chosen in SQL at all: for every eligible unit and
 * paired candidate the query keeps how many thresholds it met (`tm`), and
 * for every two paired candidates a unit did, counts the units (and of them
 * the retained) per pair of met counts (`k_pairs`). `parse` then picks the
 * exact best candidates and thresholds with core's code and adds up the
 * cells at or above them, so every threshold core could choose is there.
 * The cost is a self-join of the paired candidates a unit did, at most
 * `(pairs + 10)²/2` rows per unit, before aggregation into at most
 * `(pairs + 10)² × thresholds² / 2` rows. With at most `pairs + 10`
 * candidates every scored one is paired, and no estimate matters at all.
 * Pairing every candidate instead (exact without estimates) would cost a
 * self-join of all the candidates a unit did: with every event name as a
 * candidate, quadratic in the names of a busy unit.
 */
export function pairCtes(context: CompileContext, options: ResolvedActivationOptions, keyType: 'bigint' | 'text'): [string, string][] {
  const { dialect, params } = context;
  const double = dialect.type('double');
  const key = dialect.type(keyType);
  const bigint = dialect.type('bigint');
  const { thresholds } = options;
  const z = params.double(Z_95);
  const minUnits = params.bigint(options.minUnits);
  const as = (expr: string): string => `CAST(${expr} AS ${double})`;
  const eligible = as('(x.new_units - coalesce(x.censored, 0))');
  const retained = as('coalesce(x.retained, 0)');
  const zz = params.double(Z_95 * Z_95);
  // Wilson's interval of x out of n > 0, as core computes it: the lower bound (0 at x = 0) or the upper (1 at x = n).
  const wilson = (x: string, n: string, side: 'lower' | 'upper'): string => {
    const denominator = `(1 + ${zz} / ${n})`;
    const center = `(${x} / ${n} + ${zz} / (2 * ${n})) / ${denominator}`;
    const half = `${z} / ${denominator} * sqrt(${x} / ${n} * (1 - ${x} / ${n}) / ${n} + ${zz} / (4 * ${n} * ${n}))`;
    return side === 'lower'
      ? `CASE WHEN ${n} = 0 THEN NULL WHEN ${x} = 0 THEN 0 ELSE greatest(0, ${center} - ${half}) END`
      : `CASE WHEN ${n} = 0 THEN NULL WHEN ${x} = ${n} THEN 1 ELSE least(1, ${center} + ${half}) END`;
  };
  const each = (make: (t: number) => string): string[] => thresholds.map((_, t) => make(t));
  const lines = (items: readonly string[], pad: string): string => items.map((item) => `${pad}${item}`).join(',\n');
  // Per threshold: n1 units did it, x1 of them retained; n2 did not, x2 of them retained.
  const counts = each((t) =>
    [
      `${as(`r.did_${t}`)} AS n1_${t}`,
      `${as(`r.kept_${t}`)} AS x1_${t}`,
      `${eligible} - ${as(`r.did_${t}`)} AS n2_${t}`,
      `${retained} - ${as(`r.kept_${t}`)} AS x2_${t}`,
    ].join(', '),
  );
  const bounds = each((t) => `${wilson(`x1_${t}`, `n1_${t}`, 'lower')} AS l1_${t}, ${wilson(`x2_${t}`, `n2_${t}`, 'upper')} AS u2_${t}`);
  // Core's score: the lift's lower bound × √(q(1 − q)) / √(r(1 − r)); −2 (below any score) for a signal without one.
  const scores = each((t) => {
    const lower = `x1_${t} / n1_${t} - x2_${t} / n2_${t} - sqrt(power(x1_${t} / n1_${t} - l1_${t}, 2) + power(u2_${t} - x2_${t} / n2_${t}, 2))`;
    const defined = `n1_${t} >= ${minUnits} AND n1_${t} > 0 AND n2_${t} > 0 AND rr > 0 AND ee - rr > 0`;
    return `CASE WHEN ${defined} THEN (${lower}) * sqrt(n1_${t} * n2_${t} / (rr * (ee - rr))) ELSE -2 END AS score_${t}`;
  });
  const best = thresholds.length === 1 ? 'score_0' : `greatest(${thresholds.map((_, t) => `score_${t}`).join(', ')})`;
  const tallied = ['c', ...thresholds.flatMap((_, t) => [`did_${t}`, `kept_${t}`])];
  const met = thresholds.map((k) => `CASE WHEN a.times >= ${params.bigint(k)} THEN 1 ELSE 0 END`).join(' + ');
  const none = (type: string): string => `CAST(NULL AS ${type})`;
  return [
    [
      'k_best',
      [
        `SELECT ${tallied.join(', ')}, ${best} AS best`,
        'FROM (',
        `  SELECT ${tallied.join(', ')},`,
        lines(scores, '    '),
        '  FROM (',
        `    SELECT s.*,`,
        lines(bounds, '      '),
        '    FROM (',
        `      SELECT ${tallied.map((column) => `r.${column} AS ${column}`).join(', ')}, ${eligible} AS ee, ${retained} AS rr,`,
        lines(counts, '        '),
        '      FROM k_tally AS r',
        '      CROSS JOIN k_totals AS x',
        '    ) AS s',
        '  ) AS s',
        ') AS s',
      ].join('\n'),
    ],
    [
      'k_ranked',
      [
        `SELECT ${tallied.join(', ')}, CASE WHEN best > -1.5 AND best >= cut - ${SCORE_TOLERANCE} THEN 1 ELSE 0 END AS paired`,
        'FROM (',
        `  SELECT ${tallied.join(', ')}, best, min(CASE WHEN best > -1.5 AND rk <= ${params.bigint(options.pairs + PAIR_MARGIN)} THEN best END) OVER () AS cut`,
        `  FROM (SELECT ${tallied.join(', ')}, best, rank() OVER (ORDER BY best DESC) AS rk FROM k_best) AS s`,
        ') AS s',
      ].join('\n'),
    ],
    [
      'k_pair_acts',
      [
        `SELECT a.u AS u, a.r AS r, a.c AS c, ${met} AS tm`,
        'FROM k_acts AS a',
        'JOIN k_ranked AS p ON p.c = a.c',
        'WHERE p.paired = 1',
      ].join('\n'),
    ],
    [
      'k_pairs',
      [
        'SELECT a.c AS c, b.c AS c2, a.tm AS ta, b.tm AS tb, count(*) AS pair_did, sum(a.r) AS pair_kept',
        'FROM k_pair_acts AS a',
        'JOIN k_pair_acts AS b ON b.u = a.u',
        `WHERE a.tm > 0 AND b.tm > 0 AND ${keyType === 'text' ? `${dialect.byteOrder('a.c')} < ${dialect.byteOrder('b.c')}` : 'a.c < b.c'}`,
        'GROUP BY a.c, b.c, a.tm, b.tm',
      ].join('\n'),
    ],
    [
      'k_signals',
      [
        `SELECT ${tallied.join(', ')}, paired, ${none(key)} AS c2, ${none(bigint)} AS ta, ${none(bigint)} AS tb, ${none(bigint)} AS pair_did, ${none(bigint)} AS pair_kept`,
        'FROM k_ranked',
        'UNION ALL',
        `SELECT c, ${thresholds.flatMap(() => [none(bigint), none(bigint)]).join(', ')}, ${none(bigint)} AS paired, c2, ta, tb, pair_did, pair_kept`,
        'FROM k_pairs',
      ].join('\n'),
    ],
  ];
}
