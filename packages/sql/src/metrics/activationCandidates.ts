import { activationCandidates, activationCandidatesResult, KpiValidationError, parseDay, resolveActivationOptions } from '@kpikit/core';
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
 */
export const activationCandidatesSql: MetricSql<ActivationCandidatesOptions, ActivationCandidatesResult> = {
  table: 'events',
  check(options) {
    const checked = (options ?? {}) as ActivationCandidatesOptions;
    activationCandidates([], checked);
    const { pairs } = resolveActivationOptions(checked);
    if (pairs >= 2) {
      throw new KpiValidationError('options', [
        { index: null, path: 'options.pairs', expected: 'at most 1 in SQL (pairs are core only)', received: String(pairs) },
      ]);
    }
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
    const data = rows.map((_, i) => i).filter((i) => candidateAt(rows, i) !== null);
    const names = given ? [] : [...new Set(data.map((i) => String(candidateAt(rows, i))))].sort(compareCodeUnits);
    const specs: readonly ActivationCandidateSpec[] = given ?? names.map((name) => ({ name, where: undefined }));
    const index = new Map(names.map((name, i) => [name, i]));
    const did = new Float64Array(specs.length * thresholds.length);
    const didRetained = new Float64Array(did.length);
    for (const i of data) {
      const key = candidateAt(rows, i);
      const candidate = given ? (numberAt(rows, i, 'c') as number) : (index.get(String(key)) as number);
      if (!(candidate >= 0 && candidate < specs.length)) continue;
      thresholds.forEach((_, t) => {
        did[candidate * thresholds.length + t]! += numberAt(rows, i, `did_${t}`) ?? 0;
        didRetained[candidate * thresholds.length + t]! += numberAt(rows, i, `kept_${t}`) ?? 0;
      });
    }
    return activationCandidatesResult(resolved, {
      range,
      lastDay: numberAt(rows, 0, 'last_day'),
      newUnits: numberAt(rows, 0, 'new_units') ?? 0,
      censored: numberAt(rows, 0, 'censored') ?? 0,
      retained: numberAt(rows, 0, 'retained') ?? 0,
      candidates: specs,
      singles: { did, didRetained },
      pairs: () => {
        throw new Error('pairs are not computed in SQL');
      },
    });
  },
};

/** The candidate of a row: its index (candidates given) or event name (every name); `null` on the totals row. */
function candidateAt(rows: readonly SqlRow[], i: number): unknown {
  const value = (rows[i] as SqlRow).c;
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
    [
      'k_out',
      [
        `SELECT t.new_units AS new_units, t.censored AS censored, t.retained AS retained, t.last_day AS last_day, r.c AS c${countColumns.map((column) => `, r.${column} AS ${column}`).join('')}`,
        'FROM k_totals AS t',
        dialect.leftJoinAll('k_tally AS r'),
      ].join('\n'),
    ],
  ];
  return withQuery(
    context,
    ctes,
    selectWithBounds(context, 'k_out', ['new_units', 'censored', 'retained', 'last_day', 'c', ...countColumns], properties),
  );
}
