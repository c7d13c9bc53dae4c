import { CREDIT_UNITS, DECAY_COEFFICIENTS, DECAY_FLOOR } from '@kpikit/core';
import type { AttributionModelSpec } from '@kpikit/core';
import type { CompileContext } from '../../query/context';

/**
 * Each model's weight of one touch of a conversion, over `k_pos` (touch `i`
 * of `n` in touch order, channel `ch`): `first_touch`, `last_touch` and
 * `last_non_direct` give 1 to one touch and 0 to the others, `linear` 1 to
 * each, `position_based` core's `first`, `middle / (n − 2)` and `last`
 * weights, `time_decay` core's `decayWeight` of the touch's half-lives
 * before the nearest touch. Sharing by weight then gives the one touch everything, as core's
 * shortcut does. Parameters are bound: the weights as the doubles core
 * normalised, the direct channels as text.
 */
function weightOf(context: CompileContext, spec: AttributionModelSpec, m: number): string {
  const { params } = context;
  switch (spec.model) {
    case 'first_touch':
      return 'CASE WHEN i = 0 THEN 1.0 ELSE 0.0 END';
    case 'last_touch':
      return 'CASE WHEN i = n - 1 THEN 1.0 ELSE 0.0 END';
    case 'linear':
      return '1.0';
    case 'last_non_direct':
      return `CASE WHEN i = coalesce(nd_${m}, n - 1) THEN 1.0 ELSE 0.0 END`;
    case 'position_based': {
      const { first, middle, last } = spec.weights;
      const middleWeight = `${params.double(middle)} / CAST(n - 2 AS ${context.dialect.type('double')})`;
      // One touch takes everything, as core's shortcut gives it (its weight may be 0).
      return `CASE WHEN n = 1 THEN 1.0 WHEN i = 0 THEN ${params.double(first)} WHEN i = n - 1 THEN ${params.double(last)} ELSE ${middleWeight} END`;
    }
    case 'time_decay':
      return `CASE WHEN n = 1 THEN 1.0 ELSE ${decayWeight(context)} END`;
  }
}

/**
 * Core's `decayWeight` of `dx` (the touch's half-lives before the nearest,
 * ≤ 0; `dk` its floor, `df` the fraction): the same polynomial by the same
 * Horner steps, then times the exact `2^dk`. Bound as the doubles core holds.
 */
export function decayWeight(context: Pick<CompileContext, 'params' | 'dialect'>): string {
  const { params, dialect } = context;
  const double = dialect.type('double');
  let horner = params.double(DECAY_COEFFICIENTS[15] as number);
  for (let n = 14; n >= 0; n--) horner = `(${horner} * df + ${params.double(DECAY_COEFFICIENTS[n] as number)})`;
  return `CASE WHEN dx >= ${DECAY_FLOOR} THEN ${horner} * pow(CAST(2 AS ${double}), dk) ELSE 0.0 END`;
}

/** `nd_<m>`: the last touch not on a direct channel of a `last_non_direct` model (NULL when all are), over the conversion. */
export function lastNonDirect(context: CompileContext, specs: readonly AttributionModelSpec[], over: string): string {
  return specs
    .map((spec, m) => {
      if (spec.model !== 'last_non_direct') return '';
      const direct = ["ch = ''", ...(spec.direct.length > 0 ? [context.params.inList('ch', spec.direct)] : [])].join(' OR ');
      return `, max(CASE WHEN NOT (${direct}) THEN i END) OVER (${over}) AS nd_${m}`;
    })
    .join('');
}

/**
 * The CTEs that share each conversion among its touches by core's
 * largest-remainder rule, for every model at once (one row per conversion,
 * model and touch, `m` the model's index), each reading the one before:
 *
 * - `k_weights`: the model's weight `w` of each touch, and their running sum
 *   in touch order (floating-point sums depend on their order: added as core adds them);
 * - `k_exact`: for credit (`c`, out of 2^24) and value (`v`, out of the
 *   conversion's quanta `q`): the exact share `(w / s) × total` as core
 *   computes it, its floor, its remainder, and the units left over;
 * - `k_ranked`: the remainders' ranks;
 * - `k_shares`: the floors plus the leftovers, one each to the largest
 *   remainders, ties to the later touch (going round again when more are left
 *   than touches); a few units too many (a sum rounded down) are taken back
 *   from the smallest remainders holding any, earlier touch first: core's
 *   rule, read backwards. Taking back more than one round is flagged in
 *   `unshared`, for `parse` to refuse (it needs a share of 2^24 rounded by a
 *   whole unit, which doubles never come near).
 */
export function shareCtes(context: CompileContext, specs: readonly AttributionModelSpec[]): [string, string][] {
  const { dialect, params } = context;
  const double = dialect.type('double');
  const bigint = dialect.type('bigint');
  const key = 'u, cms, m';
  const over = `PARTITION BY ${key}`;
  const decays = specs.some((spec) => spec.model === 'time_decay');
  // Each model's half-life (1 for the others, unused), to weigh touches by.
  const halfLife = (spec: AttributionModelSpec): string =>
    decays ? `, ${spec.model === 'time_decay' ? params.double(spec.halfLife) : `CAST(1 AS ${double})`} AS hl` : '';
  const models = specs.map((spec, m) => `SELECT ${m} AS m${halfLife(spec)}`).join(' UNION ALL ');
  const crossed = `SELECT p.*, k.m AS m${decays ? ', k.hl AS hl' : ''} FROM k_pos AS p CROSS JOIN (${models}) AS k`;
  // With time_decay: the half-lives back `dx`, its floor `dk` and fraction `df`, computed once per row.
  const touches = decays
    ? `(SELECT y.*, floor(y.dx) AS dk, y.dx - floor(y.dx) AS df FROM (SELECT z.*, z.dt / z.hl AS dx FROM (${crossed}) AS z) AS y)`
    : `(${crossed})`;
  const weight = `CASE ${specs.map((spec, m) => `WHEN x.m = ${m} THEN ${weightOf(context, spec, m)}`).join(' ')} END`;
  const units = String(CREDIT_UNITS);
  // One largest-remainder sharing of `total` (an exact integer as a double): its floor, remainder and leftover.
  const exact = (total: string, x: string): string =>
    [
      `floor((w / s) * ${total}) AS ${x}_whole`,
      `(w / s) * ${total} - floor((w / s) * ${total}) AS ${x}_rem`,
      `${total} - sum(floor((w / s) * ${total})) OVER (${over}) AS ${x}_left`,
    ].join(', ');
  const ranks = (x: string): string =>
    [
      `row_number() OVER (${over} ORDER BY ${x}_rem DESC, i DESC) - 1 AS ${x}_k`,
      `row_number() OVER (PARTITION BY ${key}, ${x}_whole > 0 ORDER BY ${x}_rem, i) - 1 AS ${x}_back`,
      `sum(CASE WHEN ${x}_whole > 0 THEN 1 ELSE 0 END) OVER (${over}) AS ${x}_held`,
    ].join(', ');
  const share = (x: string): string => {
    const left = `CAST(${x}_left AS ${bigint})`;
    const round = `${dialect.intDiv(left, 'n')} + CASE WHEN ${x}_k < ${left} % n THEN 1 ELSE 0 END`;
    const back = `CASE WHEN ${x}_whole > 0 AND ${x}_back < 0 - ${left} THEN 1 ELSE 0 END`;
    return `CAST(${x}_whole AS ${bigint}) + CASE WHEN ${left} >= 0 THEN ${round} ELSE -(${back}) END AS ${x}_share`;
  };
  return [
    [
      'k_weights',
      [
        `SELECT u, cms, m, q, i, n, ch, ca, w, ${dialect.runningSum('w', 'i', key)} AS run`,
        'FROM (',
        `  SELECT x.u AS u, x.cms AS cms, x.m AS m, x.q AS q, x.i AS i, x.n AS n, x.ch AS ch, x.ca AS ca, CAST(${weight} AS ${double}) AS w`,
        `  FROM ${touches} AS x`,
        ') AS x',
      ].join('\n'),
    ],
    [
      'k_exact',
      [
        `SELECT u, cms, m, i, n, ch, ca, ${exact(`CAST(${units} AS ${double})`, 'c')},`,
        `  ${exact(`CAST(q AS ${double})`, 'v')}`,
        `FROM (SELECT u, cms, m, q, i, n, ch, ca, w, max(CASE WHEN i = n - 1 THEN run END) OVER (${over}) AS s FROM k_weights) AS x`,
      ].join('\n'),
    ],
    ['k_ranked', `SELECT u, cms, m, i, n, ch, ca, c_whole, c_left, v_whole, v_left, ${ranks('c')}, ${ranks('v')}\nFROM k_exact`],
    [
      'k_shares',
      [
        `SELECT u, cms, m, ch, ca, ${share('c')}, ${share('v')},`,
        `  CASE WHEN c_left < 0 - c_held OR v_left < 0 - v_held THEN 1 ELSE 0 END AS unshared`,
        'FROM k_ranked',
      ].join('\n'),
    ],
  ];
}
