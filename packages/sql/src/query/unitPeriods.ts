import { formatDay, parseDay, periodCalendar } from '@kpikit/core';
import type { EventFilter, Period, PeriodCalendar, Weekday } from '@kpikit/core';
import type { CompileContext } from './context';
import type { EventHead } from './events';
import { eventHead } from './events';
import { allOf, eventFilterSql, PropertySet } from './properties';
import { periodIndexSql } from './periods';

/** The options the engagement metrics by period share. */
export interface PeriodMetricOptions {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly timeZone?: string | undefined;
  readonly where?: EventFilter | undefined;
  readonly interval?: Period | undefined;
  readonly weekStartsOn?: Weekday | undefined;
}

/** What {@link unitPeriodsCtes} writes. */
export interface UnitPeriods {
  /** The event head, then `k_unit_all (u, p, act, nw, lo, hi)`, `k_bounds` and `k_unit_periods (u, p)`. */
  readonly ctes: [string, string][];
  /** The event head's `selectDay`, to convert other instants to local days. */
  readonly selectDay: EventHead['selectDay'];
  /** The alias in `k_ev` of each extra property asked for, by key. */
  readonly extraAliases: ReadonlyMap<string, string>;
}

/**
 * The CTEs the metrics by calendar period start from. In one pass over the
 * events the database reduces them to unit-periods (`k_unit_all`): whether a
 * qualifying event of the period lies on a counted day (`act`), whether an
 * event of the period matches `newCondition` (`nw`, for lifecycle), and the
 * days seen (for a defaulted range). `k_unit_periods (u, p)` keeps the
 * active ones. Period numbers are core's `periodCalendar` indices.
 *
 * A counted day lies in `[from, to]`, or with `lookback` anywhere in the
 * whole calendar period before the one holding `from`. Only the given bounds
 * are tested: a defaulted one holds every day of the data.
 */
export function unitPeriodsCtes(
  context: CompileContext,
  options: PeriodMetricOptions,
  extra: {
    readonly lookback?: boolean;
    readonly newCondition?: (filter: string | null) => string | null;
    /** Further event properties the query reads, `[key, option path]`. */
    readonly properties?: readonly (readonly [string, string])[];
  } = {},
): UnitPeriods {
  const { params } = context;
  const { interval = 'day', weekStartsOn = 1 } = options;
  const properties = new PropertySet(context);
  properties.addAll(options.where?.properties, 'options.where.properties');
  const extraAliases = new Map((extra.properties ?? []).map(([key, path]) => [key, properties.add(key, path)]));
  const head: EventHead = eventHead(context, { from: options.from, to: options.to, timeZone: options.timeZone ?? 'UTC' }, properties);
  const filter = eventFilterSql(context, properties, options.where, 'e.');
  const calendar = periodCalendar(interval, weekStartsOn);
  const fromDay = options.from === undefined ? null : (parseDay(options.from) as number);
  const toDay = options.to === undefined ? null : (parseDay(options.to) as number);
  const afterFrom =
    fromDay === null
      ? null
      : extra.lookback
        ? `e.d >= ${params.bigint(fromDay)} OR e.p = ${params.bigint(calendar.indexOf(fromDay) - 1)}`
        : `e.d >= ${params.bigint(fromDay)}`;
  const active = allOf(filter, afterFrom, toDay === null ? null : `e.d <= ${params.bigint(toDay)}`);
  const newCondition = extra.newCondition?.(filter);
  const columns = [
    'e.u AS u',
    'e.p AS p',
    `max(${active === null ? '1' : `CASE WHEN ${active} THEN 1 ELSE 0 END`}) AS act`,
    ...(extra.newCondition ? [`max(${newCondition === null ? '1' : `CASE WHEN ${newCondition} THEN 1 ELSE 0 END`}) AS nw`] : []),
    ...(head.monotonic ? [] : ['min(e.d) AS lo', 'max(e.d) AS hi']),
  ];
  return {
    selectDay: (columns, ms, from, as) => head.selectDay(columns, ms, from, as),
    extraAliases,
    ctes: [
      ...head.ctes,
      [
        'k_unit_all',
        [
          `SELECT ${columns.join(', ')}`,
          `FROM (SELECT s.*, ${periodIndexSql(context, interval, 's.d', weekStartsOn)} AS p FROM k_ev AS s) AS e`,
          'GROUP BY e.u, e.p',
        ].join('\n'),
      ],
      ['k_bounds', head.bounds('k_unit_all', 'lo', 'hi')],
      ['k_unit_periods', 'SELECT u, p\nFROM k_unit_all\nWHERE act = 1'],
    ],
  };
}

/** How a reported period lies against the range, as core reports it. */
export interface PeriodSpanRow {
  readonly period: string;
  readonly days: number;
  readonly incomplete: boolean;
}

/** The calendar periods meeting `[fromDay, toDay]`: their indices and spans, oldest first. */
export function periodSpans(calendar: PeriodCalendar, fromDay: number, toDay: number): { first: number; spans: PeriodSpanRow[] } {
  const first = calendar.indexOf(fromDay);
  const last = calendar.indexOf(toDay);
  const spans: PeriodSpanRow[] = [];
  for (let p = first; p <= last; p++) {
    const start = calendar.startOf(p);
    const end = calendar.endOf(p);
    const days = Math.min(end, toDay) - Math.max(start, fromDay) + 1;
    spans.push({ period: formatDay(start), days, incomplete: days < end - start + 1 });
  }
  return { first, spans };
}
