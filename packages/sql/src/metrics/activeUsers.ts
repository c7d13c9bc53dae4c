import { activeUsers, formatDay } from '@kpikit/core';
import type { ActiveUsersOptions, ActiveUsersResult, ActiveUsersRow } from '@kpikit/core';
import { withQuery } from '../query/context';
import { eventCtes, selectWithBounds } from '../query/events';
import { dataRows, rangeOf, requiredNumberAt } from '../query/rows';
import type { MetricSql } from './metric.types';
import { rejectProperties } from './unsupported';

const WEEK = 7;
const MONTH = 30;

/** What `parse` reports for invalid event rows. */
export const INVALID_EVENTS = 'no row with a NULL or empty user id or event name, or a NULL timestamp';

/**
 * `activeUsers` in SQL. The database reduces events to each user's distinct
 * active days in `[from − 29, to]` and, with the previous active day from a
 * window function, to per-day changes of the 7- and 30-day counts (a user
 * active on day `a`, previously on day `p`, newly covers days
 * `max(a, p + W) … a + W − 1`): at most `to − from + 60` rows come back.
 * `parse` adds them up day by day, as core does.
 */
export const activeUsersSql: MetricSql<ActiveUsersOptions, ActiveUsersResult> = {
  table: 'events',
  check(options) {
    const checked = (options ?? {}) as ActiveUsersOptions;
    activeUsers([], checked);
    rejectProperties('options.where.properties', checked.where?.properties);
    return checked;
  },
  compile(context, options) {
    const { dialect, params } = context;
    const names = options.where?.name;
    const nameFilter = names === undefined ? '' : `${params.inList('e.n', typeof names === 'string' ? [names] : names)} AND `;
    const over = 'PARTITION BY u ORDER BY d';
    const covers = (width: number, column: 'wau' | 'mau'): string[] => {
      const value = (sign: string): string => (column === 'wau' ? `0, ${sign}1, 0` : `0, 0, ${sign}1`);
      return [
        `SELECT CASE WHEN p IS NULL OR d - p >= ${width} THEN d ELSE p + ${width} END, ${value('')} FROM k_lagged`,
        `SELECT d + ${width}, ${value('-')} FROM k_lagged`,
      ];
    };
    return withQuery(
      context,
      [
        ...eventCtes(context, { from: options.from, to: options.to, timeZone: options.timeZone ?? 'UTC' }),
        [
          'k_user_days',
          `SELECT DISTINCT e.u AS u, e.d AS d\nFROM k_ev AS e\nCROSS JOIN k_bounds AS b\nWHERE ${nameFilter}e.d BETWEEN b.from_day - ${MONTH - 1} AND b.to_day`,
        ],
        ['k_lagged', `SELECT u, d, ${dialect.lag('d', over)} AS p\nFROM k_user_days`],
        [
          'k_deltas',
          [`SELECT d AS at_day, 1 AS dau, 0 AS wau, 0 AS mau FROM k_lagged`, ...covers(WEEK, 'wau'), ...covers(MONTH, 'mau')].join(
            '\nUNION ALL\n',
          ),
        ],
        [
          'k_per_day',
          `SELECT x.at_day, sum(x.dau) AS dau, sum(x.wau) AS wau, sum(x.mau) AS mau\nFROM k_deltas AS x\nCROSS JOIN k_bounds AS b\nWHERE x.at_day <= b.to_day\nGROUP BY x.at_day`,
        ],
      ],
      selectWithBounds(context, 'k_per_day', ['at_day', 'dau', 'wau', 'mau']),
    );
  },
  parse(rows, options) {
    const timeZone = options.timeZone ?? 'UTC';
    const range = rangeOf(rows, INVALID_EVENTS);
    if (!range) return { from: null, to: null, timeZone, rows: [] };
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
      weekly += wau[i] as number;
      monthly += mau[i] as number;
      if (i < MONTH - 1) continue;
      const daily = dau[i] as number;
      result.push({ date: formatDay(base + i), dau: daily, wau: weekly, mau: monthly, stickiness: monthly === 0 ? null : daily / monthly });
    }
    return { from: formatDay(range.fromDay), to: formatDay(range.toDay), timeZone, rows: result };
  },
};
