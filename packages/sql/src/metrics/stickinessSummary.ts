import { parseDay, periodCalendar, stickinessSummary } from '@kpikit/core';
import type { StickinessSummaryOptions, StickinessSummaryResult } from '@kpikit/core';
import { withQuery } from '../query/context';
import { eventCtes, selectWithBounds } from '../query/events';
import { eventFilterSql, PropertySet } from '../query/properties';
import { dataRows, numberAt, rangeOf } from '../query/rows';
import { INVALID_EVENTS } from './activeUsers';
import type { MetricSql } from './metric.types';

/** First and last day number of a `YYYY-MM` month. */
function monthDays(month: string): { first: number; last: number } {
  const months = periodCalendar('month');
  const index = months.indexOf(parseDay(`${month}-01`) as number);
  return { first: months.startOf(index), last: months.endOf(index) };
}

/**
 * `stickinessSummary` in SQL. The database counts the distinct (user, day)
 * pairs of qualifying events on the month's days inside `[from, to]`, and the
 * distinct users among them: one row comes back; `parse` divides as core does.
 */
export const stickinessSummarySql: MetricSql<StickinessSummaryOptions, StickinessSummaryResult> = {
  table: 'events',
  check(options) {
    const checked = options as StickinessSummaryOptions;
    stickinessSummary([], checked);
    return checked;
  },
  compile(context, options) {
    const { params } = context;
    const { first, last } = monthDays(options.month);
    const properties = new PropertySet(context);
    properties.addAll(options.where?.properties, 'options.where.properties');
    const head = eventCtes(context, { from: options.from, to: options.to, timeZone: options.timeZone ?? 'UTC' }, properties);
    const filter = eventFilterSql(context, properties, options.where, 'e.');
    const nameFilter = filter === null ? '' : `${filter} AND `;
    const monthFirst = params.bigint(first);
    const monthLast = params.bigint(last);
    return withQuery(
      context,
      [
        ...head,
        [
          'k_user_days',
          [
            'SELECT DISTINCT e.u AS u, e.d AS d',
            'FROM k_ev AS e',
            'CROSS JOIN k_bounds AS b',
            `WHERE ${nameFilter}e.d >= b.from_day AND e.d <= b.to_day AND e.d >= ${monthFirst} AND e.d <= ${monthLast}`,
          ].join('\n'),
        ],
        ['k_counts', 'SELECT count(*) AS user_days, count(DISTINCT u) AS mau\nFROM k_user_days'],
      ],
      selectWithBounds(context, 'k_counts', ['user_days', 'mau'], properties),
    );
  },
  parse(rows, options) {
    const { month, timeZone = 'UTC' } = options;
    const range = rangeOf(rows, INVALID_EVENTS);
    const { first: monthFirst, last: monthLast } = monthDays(month);
    const first = Math.max(monthFirst, range?.fromDay ?? Number.POSITIVE_INFINITY);
    const last = Math.min(monthLast, range?.toDay ?? Number.NEGATIVE_INFINITY);
    const days = Math.max(0, last - first + 1);
    const row = dataRows(rows, 'mau')[0];
    const userDays = days === 0 || row === undefined ? 0 : (numberAt(rows, row, 'user_days') ?? 0);
    const mau = days === 0 || row === undefined ? 0 : (numberAt(rows, row, 'mau') ?? 0);
    const averageDau = days === 0 ? null : userDays / days;
    return { month, timeZone, days, averageDau, mau, score: averageDau === null || mau === 0 ? null : averageDau / mau };
  },
};
