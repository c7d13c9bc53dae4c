import { activeUsers, formatDay } from '@kpikit/core';
import type { ActiveUsersOptions, ActiveUsersPeriodResult, ActiveUsersResult, ActiveUsersRow } from '@kpikit/core';
import { compileActivePeriods, parseActivePeriods } from './activePeriods';
import { withQuery } from '../query/context';
import { eventHead, selectWithBounds } from '../query/events';
import { eventFilterSql, PropertySet } from '../query/properties';
import { dataRows, INVALID_EVENTS, rangeOf, requiredNumberAt } from '../query/rows';
import type { MetricSql } from './metric.types';

const WEEK = 7;
const MONTH = 30;

export { INVALID_EVENTS } from '../query/rows';

/**
 * `activeUsers` in SQL. The database reduces events, in one pass, to each
 * user's distinct days (flagged when an event qualifies), keeps the active
 * ones in `[from − 29, to]` and, with the previous active day from a
 * window function, counts per day the active users and the users whose
 * 7- and 30-day coverage starts (a user active on day `a`, previously on day
 * `p`, newly covers days `max(a, p + W) … a + W − 1`; every coverage ends
 * W days after its active day): at most `to − from + 60` rows come back.
 * `parse` runs the sums day by day, as core does. By week or month, see
 * `compileActivePeriods`.
 */
export const activeUsersSql: MetricSql<ActiveUsersOptions, ActiveUsersResult | ActiveUsersPeriodResult> = {
  table: 'events',
  check(options) {
    const checked = (options ?? {}) as ActiveUsersOptions;
    activeUsers([], checked);
    return checked;
  },
  compile(context, options) {
    if (options.interval === 'week' || options.interval === 'month') return compileActivePeriods(context, options);
    const { dialect } = context;
    const properties = new PropertySet(context);
    properties.addAll(options.where?.properties, 'options.where.properties');
    const range = { from: options.from, to: options.to, timeZone: options.timeZone ?? 'UTC' };
    const head = eventHead(context, range, properties);
    const filter = eventFilterSql(context, properties, options.where, '');
    const over = 'PARTITION BY u ORDER BY d';
    // Per day: users active that day, and users whose 7- and 30-day coverage starts that day.
    const starts = (width: number, column: 'wau' | 'mau'): string => {
      const start = `CASE WHEN p IS NULL OR d - p >= ${width} THEN d ELSE p + ${width} END`;
      return `SELECT ${start} AS at_day, 0 AS dau, ${column === 'wau' ? 'count(*), 0' : '0, count(*)'} FROM k_lagged GROUP BY ${start}`;
    };
    return withQuery(
      context,
      [
        ...head.ctes,
        // One pass over the events: every user-day (the default range spans them all), flagged when it qualifies.
        ['k_days', `SELECT u, d, ${filter === null ? '1' : `max(CASE WHEN ${filter} THEN 1 ELSE 0 END)`} AS q\nFROM k_ev\nGROUP BY u, d`],
        ['k_bounds', head.bounds('k_days', 'd', 'd')],
        [
          'k_user_days',
          `SELECT a.u AS u, a.d AS d\nFROM k_days AS a\nCROSS JOIN k_bounds AS b\nWHERE a.q = 1 AND a.d BETWEEN b.from_day - ${MONTH - 1} AND b.to_day`,
        ],
        ['k_lagged', `SELECT u, d, ${dialect.lag('d', over)} AS p\nFROM k_user_days`],
        [
          'k_deltas',
          [
            'SELECT d AS at_day, count(*) AS dau, 0 AS wau, 0 AS mau FROM k_lagged GROUP BY d',
            starts(WEEK, 'wau'),
            starts(MONTH, 'mau'),
          ].join('\nUNION ALL\n'),
        ],
        ['k_per_day', 'SELECT at_day, sum(dau) AS dau, sum(wau) AS wau, sum(mau) AS mau\nFROM k_deltas\nGROUP BY at_day'],
      ],
      selectWithBounds(context, 'k_per_day', ['at_day', 'dau', 'wau', 'mau'], properties),
    );
  },
  parse(rows, options) {
    const { interval } = options;
    if (interval === 'week' || interval === 'month') return parseActivePeriods(rows, { ...options, interval });
    const timeZone = options.timeZone ?? 'UTC';
    const range = rangeOf(rows, INVALID_EVENTS);
    if (!range) return { interval: 'day', from: null, to: null, timeZone, rows: [] };
    const base = range.fromDay - (MONTH - 1);
    const span = range.toDay - base + 1;
    const dau = new Float64Array(span);
    const wau = new Float64Array(span);
    const mau = new Float64Array(span);
    for (const i of dataRows(rows, 'at_day')) {
      const at = requiredNumberAt(rows, i, 'at_day') - base;
      if (at < 0 || at >= span) continue;
      dau[at]! += requiredNumberAt(rows, i, 'dau');
      wau[at]! += requiredNumberAt(rows, i, 'wau');
      mau[at]! += requiredNumberAt(rows, i, 'mau');
    }
    const result: ActiveUsersRow[] = [];
    let weekly = 0;
    let monthly = 0;
    for (let i = 0; i < span; i++) {
      // A coverage that starts on an active day a ends after a + W − 1: W days after each active day.
      weekly += (wau[i] as number) - (i >= WEEK ? (dau[i - WEEK] as number) : 0);
      monthly += (mau[i] as number) - (i >= MONTH ? (dau[i - MONTH] as number) : 0);
      if (i < MONTH - 1) continue;
      const daily = dau[i] as number;
      result.push({ date: formatDay(base + i), dau: daily, wau: weekly, mau: monthly, stickiness: monthly === 0 ? null : daily / monthly });
    }
    return { interval: 'day', from: formatDay(range.fromDay), to: formatDay(range.toDay), timeZone, rows: result };
  },
};
