import {
  activationCandidates,
  activationCandidatesResult,
  KpiValidationError,
  parseDay,
  resolveActivationOptions,
  Z_95,
} from '@kpikit/core';
import type {
  ActivationCandidatesOptions,
  ActivationCandidatesResult,
  ActivationCandidateSpec,
  ResolvedActivationOptions,
} from '@kpikit/core';
import { indent, withQuery, type CompileContext } from '../query/context';
import { eventHead, selectWithBounds } from '../query/events';
import { allOf, eventFilterSql, PropertySet } from '../query/properties';
import { INVALID_EVENTS, numberAt, rangeOf, type SqlRow } from '../query/rows';
import type { TimestampType } from '../target';
import { DAY_MS } from '../query/zone';
import type { MetricSql } from './metric.types';

/**
 * `activationCandidates` in SQL. The database counts, and only counts: each
 * unit's first start event (`k_first`), its local day and that of the last
 * instant the unit must be observed until (`k_new`, both converted in the
 * zone), whether the unit is censored (that day after the data's last local
 * day, `k_end`) and retained (`k_units`), and per eligible unit and candidate
 * how many distinct instants it did the candidate in its action window, the
 * start row excepted (`k_acts`); then per candidate and threshold the units
 * that did it and those of them retained (`k_tally`). One row per candidate
 * comes back, each carrying the totals; `parse` hands the counts to core's
 * own `activationCandidatesResult`, so the statistics and the ranking are
 * core's code.
 *
 * "The close of the last local day" is compared without computing it: in a
 * zone whose local days never go back, `start + observed > close` holds
 * exactly when the local day of `start + observed − 1 ms` is after the last
 * day.
 *
 * With `pairs`, the same query also tallies pairs of the candidates it
 * estimates best (see {@link pairCtes}); `parse` picks the exact ones with
 * core's code and reads their tallies.
 */
export const activationCandidatesSql: MetricSql<ActivationCandidatesOptions, ActivationCandidatesResult> = {
  table: 'events',
  check(options) {
    const checked = (options ?? {}) as ActivationCandidatesOptions;
    activationCandidates([], checked);
    return checked;
  },
  compile(context, options) {
    return activationQuery(context, resolveActivationOptions(options));
  },
  parse(rows, options) {
    const resolved = resolveActivationOptions(options);
    const range = rangeOf(rows, INVALID_EVENTS);
    const { thresholds } = resolved;
    const given = resolved.candidates;
    const data = rows.map((_, i) => i).filter((i) => keyAt(rows, i, 'c') !== null);
    const names = given ? [] : [...new Set(data.map((i) => String(keyAt(rows, i, 'c'))))].sort(compareCodeUnits);
    const specs: readonly ActivationCandidateSpec[] = given ?? names.map((name) => ({ name, where: undefined }));
    const index = new Map(names.map((name, i) => [name, i]));
    const candidateOf = (i: number, column: 'c' | 'c2'): number => {
      const candidate = given ? (numberAt(rows, i, column) as number) : (index.get(String(keyAt(rows, i, column))) ?? -1);
      return candidate >= 0 && candidate < specs.length ? candidate : -1;
    };
    const width = thresholds.length;
    const did = new Float64Array(specs.length * width);
    const didRetained = new Float64Array(did.length);
    const paired = new Uint8Array(specs.length);
    // Pair rows: (first, second, met counts of each, units, retained), each unordered pair of candidates under one order.
    const pairRows: [number, number, number, number, number, number][] = [];
    for (const i of data) {
      const candidate = candidateOf(i, 'c');
      if (candidate < 0) continue;
      if (keyAt(rows, i, 'c2') !== null) {
        const other = candidateOf(i, 'c2');
        if (other < 0) continue;
        const counts = [
          numberAt(rows, i, 'ta') ?? 0,
          numberAt(rows, i, 'tb') ?? 0,
          numberAt(rows, i, 'pair_did') ?? 0,
          numberAt(rows, i, 'pair_kept') ?? 0,
        ];
        pairRows.push([candidate, other, ...(counts as [number, number, number, number])]);
        continue;
      }
      if (numberAt(rows, i, 'paired') === 1) paired[candidate] = 1;
      for (let t = 0; t < width; t++) {
        did[candidate * width + t]! += numberAt(rows, i, `did_${t}`) ?? 0;
        didRetained[candidate * width + t]! += numberAt(rows, i, `kept_${t}`) ?? 0;
      }
    }
    return activationCandidatesResult(resolved, {
      range,
      lastDay: numberAt(rows, 0, 'last_day'),
      newUnits: numberAt(rows, 0, 'new_units') ?? 0,
      censored: numberAt(rows, 0, 'censored') ?? 0,
      retained: numberAt(rows, 0, 'retained') ?? 0,
      candidates: specs,
      singles: { did, didRetained },
      pairs: (chosen) => {
        const missing = chosen.filter(({ candidate }) => paired[candidate] !== 1);
        if (missing.length > 0) {
          throw new KpiValidationError('rows', [
            {
              index: null,
              path: 'rows',
              expected: `pair tallies for each of the ${resolved.pairs} best candidates (the query pairs those it ranks within ${resolved.pairs} + ${PAIR_MARGIN})`,
              received: `none for ${missing.map(({ candidate }) => JSON.stringify(specs[candidate]!.name)).join(', ')}`,
            },
          ]);
        }
        // A unit met "a ≥ thresholds[t]" when it met more than t thresholds of a.
        const level = (atLeast: number): number => thresholds.indexOf(atLeast) + 1;
        const n = chosen.length;
        const slots = new Map<string, number>();
        let slot = 0;
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) slots.set(`${chosen[i]!.candidate},${chosen[j]!.candidate}`, slot++);
        const pairDid = new Float64Array(slot);
        const pairRetained = new Float64Array(slot);
        const levels = new Map(chosen.map(({ candidate, atLeast }) => [candidate, level(atLeast)]));
        for (const [a, b, ta, tb, units, kept] of pairRows) {
          const la = levels.get(a);
          const lb = levels.get(b);
          if (la === undefined || lb === undefined || ta < la || tb < lb) continue;
          const at = slots.get(`${a},${b}`) ?? slots.get(`${b},${a}`);
          if (at === undefined) continue;
          pairDid[at]! += units;
          pairRetained[at]! += kept;
        }
        return { did: pairDid, didRetained: pairRetained };
      },
    });
  },
};

/** A key column of a row: a candidate's index (candidates given) or event name (every name); `null` where absent. */
function keyAt(rows: readonly SqlRow[], i: number, column: 'c' | 'c2'): unknown {
  const value = (rows[i] as SqlRow)[column];
  return value === undefined ? null : value;
}

const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function activationQuery(context: CompileContext, options: ResolvedActivationOptions): string {
  const { dialect, params } = context;
  const bigint = dialect.type('bigint');
  const properties = new PropertySet(context);
  const given = options.candidates;
  given?.forEach((candidate, i) => {
    properties.addAll(candidate.where, `options.candidates[${i}].where`);
  });
  const returnEvent = typeof options.returnEvent === 'string' ? { name: options.returnEvent } : options.returnEvent;
  properties.addAll(returnEvent?.properties, 'options.outcome.returnEvent.properties');
  const head = eventHead(context, { from: options.from, to: options.to, timeZone: options.timeZone }, properties);
  const start = params.text(options.startEvent);
  const from = options.from === undefined ? null : params.bigint(parseDay(options.from) as number);
  const to = options.to === undefined ? null : params.bigint(parseDay(options.to) as number);
  // Only given bounds filter: a defaulted one holds every day of the data.
  const within = allOf(from === null ? null : `z.sd >= ${from}`, to === null ? null : `z.sd <= ${to}`);
  const ms = (days: number): string => params.bigint(days * DAY_MS);

  // The last local day of every event, grouped or not.
  const headNames = new Set(head.ctes.map(([name]) => name));
  const extra: [string, string][] = [];
  let lastDay: string;
  if (head.monotonic) lastDay = 'SELECT hi_day AS last_day FROM k_span';
  else if (context.unit === null) lastDay = 'SELECT max(d) AS last_day FROM k_ev';
  else {
    if (!headNames.has('k_all_days')) {
      const time = dialect.epochMs(context.column('timestamp'), context.setting('timestampType') as TimestampType);
      extra.push(['k_all_days', head.selectDay(['ms'], 'ms', `(SELECT ${time} AS ms FROM ${context.table}) AS s`, 'd')]);
    }
    lastDay = 'SELECT max(d) AS last_day FROM k_all_days';
  }

  const isReturn = eventFilterSql(context, properties, returnEvent, 'e.');
  const outcomeFrom = `e.ms >= w.s + ${ms(options.day)}`;
  const outcomeTo = options.outcomeDays === null ? null : `e.ms < w.s + ${ms(options.day + options.outcomeDays)}`;
  const retainedIf = allOf(outcomeFrom, outcomeTo, isReturn) as string;
  // The local day of the start, and of the last instant the unit must be observed until.
  const startDay = head.selectDay(['u', 's'], 's', 'k_first AS s', 'sd');
  const observedDay = head.selectDay(
    ['u', 's', 'sd'],
    'c',
    `(SELECT u, s, sd, s + ${ms(options.observedDays)} - 1 AS c FROM k_start_days) AS s`,
    'cd',
  );

  // Candidates given: each a row of `k_cand` (index, name), matched by name, then by its own conditions.
  const conditions = given?.map((candidate) => properties.condition(candidate.where, 'a.'));
  const conditional = conditions?.some((condition) => condition !== null) ?? false;
  const candidateCtes: [string, string][] = given
    ? [
        [
          'k_cand',
          given.map((candidate, i) => `SELECT CAST(${i} AS ${bigint}) AS i, ${params.text(candidate.name)} AS n`).join('\nUNION ALL\n'),
        ],
      ]
    : [];
  const windowRows = [
    `SELECT e.u AS u, e.n AS n, e.ms AS ms${properties.carry('e.')}, w.r AS r`,
    'FROM k_units AS w',
    'JOIN k_ev AS e ON e.u = w.u',
    // Actions are at or after the start instant, within the window, and never the start row itself (by default, no start event).
    `WHERE w.cens = 0 AND e.ms >= w.s AND e.ms < w.s + ${ms(options.days)} AND ${given ? `NOT (e.n = ${start} AND e.ms = w.s)` : `e.n <> ${start}`}`,
  ].join('\n');
  const acts = given
    ? [
        'SELECT a.u AS u, a.r AS r, k.i AS c, count(DISTINCT a.ms) AS times',
        `FROM (\n${indent(windowRows)}\n) AS a`,
        'JOIN k_cand AS k ON k.n = a.n',
        ...(conditional
          ? [`WHERE CASE k.i ${(conditions ?? []).map((condition, i) => `WHEN ${i} THEN ${condition ?? 'TRUE'}`).join(' ')} END`]
          : []),
        'GROUP BY a.u, a.r, k.i',
      ].join('\n')
    : [
        'SELECT a.u AS u, a.r AS r, a.n AS c, count(DISTINCT a.ms) AS times',
        `FROM (\n${indent(windowRows)}\n) AS a`,
        'GROUP BY a.u, a.r, a.n',
      ].join('\n');
  const thresholdColumns = options.thresholds.flatMap((k, t) => {
    const atLeast = params.bigint(k);
    return [
      `sum(CASE WHEN times >= ${atLeast} THEN 1 ELSE 0 END) AS did_${t}`,
      `sum(CASE WHEN times >= ${atLeast} THEN r ELSE 0 END) AS kept_${t}`,
    ];
  });
  const countColumns = options.thresholds.flatMap((_, t) => [`did_${t}`, `kept_${t}`]);
  // With minUnits 0 every candidate is reported, those nobody did too: every event name of the table.
  const allNames = !given && options.minUnits === 0;
  const tally = [
    `SELECT c, ${thresholdColumns.join(', ')}`,
    'FROM k_acts',
    'GROUP BY c',
    ...(allNames
      ? [
          'UNION ALL',
          `SELECT DISTINCT CAST(${context.column('name')} AS ${dialect.type('text')}) AS c, ${countColumns.map((column) => `0 AS ${column}`).join(', ')}`,
          `FROM ${context.table}`,
          `WHERE CAST(${context.column('name')} AS ${dialect.type('text')}) <> ${start}`,
        ]
      : []),
  ].join('\n');

  const ctes: [string, string][] = [
    ...head.ctes,
    ['k_bounds', head.bounds('k_ev', 'd', 'd')],
    ...extra,
    ['k_end', lastDay],
    ['k_first', `SELECT u, min(ms) AS s\nFROM k_ev\nWHERE n = ${start}\nGROUP BY u`],
    ['k_start_days', startDay],
    [
      'k_new',
      [
        'SELECT z.u AS u, z.s AS s, CASE WHEN z.cd > x.last_day THEN 1 ELSE 0 END AS cens',
        `FROM (\n${indent(observedDay)}\n) AS z`,
        'CROSS JOIN k_end AS x',
        ...(within === null ? [] : [`WHERE ${within}`]),
      ].join('\n'),
    ],
    [
      'k_units',
      [
        `SELECT w.u AS u, w.s AS s, w.cens AS cens, max(CASE WHEN ${retainedIf} THEN 1 ELSE 0 END) AS r`,
        'FROM k_new AS w',
        'JOIN k_ev AS e ON e.u = w.u',
        'GROUP BY w.u, w.s, w.cens',
      ].join('\n'),
    ],
    [
      'k_totals',
      [
        'SELECT t.new_units AS new_units, t.censored AS censored, t.retained AS retained, x.last_day AS last_day',
        'FROM (SELECT count(*) AS new_units, sum(cens) AS censored, sum(CASE WHEN cens = 0 THEN r ELSE 0 END) AS retained FROM k_units) AS t',
        'CROSS JOIN k_end AS x',
      ].join('\n'),
    ],
    ...candidateCtes,
    ['k_acts', acts],
    ['k_tally', tally],
  ];
  const paired = options.pairs >= 2;
  if (paired) ctes.push(...pairCtes(context, options, given ? 'bigint' : 'text'));
  const columns = [...countColumns, ...(paired ? PAIR_COLUMNS : [])];
  ctes.push([
    'k_out',
    [
      `SELECT t.new_units AS new_units, t.censored AS censored, t.retained AS retained, t.last_day AS last_day, r.c AS c${columns.map((column) => `, r.${column} AS ${column}`).join('')}`,
      'FROM k_totals AS t',
      dialect.leftJoinAll(`${paired ? 'k_signals' : 'k_tally'} AS r`),
    ].join('\n'),
  ]);
  return withQuery(
    context,
    ctes,
    selectWithBounds(context, 'k_out', ['new_units', 'censored', 'retained', 'last_day', 'c', ...columns], properties),
  );
}

/** How many candidates past the `pairs` best, by the database's estimate of their scores, are paired too. */
export const PAIR_MARGIN = 10;
/** Scores this close to the last kept one are kept too, so that rounding never decides which candidates are paired. */
const SCORE_TOLERANCE = '1e-9';

/** The columns a query with pairs adds: the candidate's pairing flag, and a pair row's second candidate, met counts and tallies. */
const PAIR_COLUMNS = ['paired', 'c2', 'ta', 'tb', 'pair_did', 'pair_kept'];

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
function pairCtes(context: CompileContext, options: ResolvedActivationOptions, keyType: 'bigint' | 'text'): [string, string][] {
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
