import { parseDay } from '@kpikit/core';
import type { ResolvedActivationOptions } from '@kpikit/core';
import { indent, withQuery, type CompileContext } from '../../query/context';
import { eventHead, selectWithBounds } from '../../query/events';
import { allOf, eventFilterSql, PropertySet } from '../../query/properties';
import { DAY_MS } from '../../query/zone';
import type { TimestampType } from '../../target';
import { PAIR_COLUMNS, pairCtes } from './pairs';

/** The query of `activationCandidates` in SQL: the counts, one row per candidate (and per pair cell), each with the totals. */
export function activationQuery(context: CompileContext, options: ResolvedActivationOptions): string {
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
