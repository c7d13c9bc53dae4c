import { sessions, DEFAULT_SESSION_INACTIVITY } from '@kpikit/core';
import type { SessionsOptions, SessionsResult } from '@kpikit/core';
import { withQuery } from '../query/context';
import { DISTRIBUTION_COLUMNS, distributionCtes } from '../query/distribution';
import { eventCtes, selectWithBounds } from '../query/events';
import { dataRows, numberAt, rangeOf } from '../query/rows';
import { emptySummary, summariesOf } from '../query/summary';
import { INVALID_EVENTS } from './activeUsers';
import type { MetricSql } from './metric.types';

// Distribution groups: session durations, and sessions per user.
const DURATIONS = 0;
const PER_USER = 1;

/**
 * `sessions` in SQL. The database keeps the distinct events whose local day
 * is in `[from, to]`, starts a session where the gap to the user's previous
 * event exceeds `inactivity` (a window function), numbers sessions with a
 * running sum, and summarises session durations and sessions per user (see
 * `distributionCtes`), with totals of events and of each named set's events.
 * A few rows come back; `parse` forms core's result from them.
 */
export const sessionsSql: MetricSql<SessionsOptions, SessionsResult> = {
  table: 'events',
  check(options) {
    const checked = (options ?? {}) as SessionsOptions;
    sessions([], checked);
    return checked;
  },
  compile(context, options) {
    const { dialect, params } = context;
    const sets = Object.values(options.sets ?? {});
    // One total order per user, so the lag and the running sum agree on events sharing a millisecond.
    const order = 'PARTITION BY u ORDER BY ms, n';
    const setColumns = sets.map((names, i) => `sum(CASE WHEN ${params.inList('n', names)} THEN 1 ELSE 0 END) AS in_set_${i}`);
    const setTotals = sets.map((_, i) => `sum(in_set_${i}) AS set_${i}`);
    return withQuery(
      context,
      [
        ...eventCtes(context, { from: options.from, to: options.to, timeZone: options.timeZone ?? 'UTC' }),
        [
          'k_in_range',
          'SELECT DISTINCT e.u AS u, e.n AS n, e.ms AS ms\nFROM k_ev AS e\nCROSS JOIN k_bounds AS b\nWHERE e.d BETWEEN b.from_day AND b.to_day',
        ],
        [
          'k_gaps',
          `SELECT u, n, ms, CASE WHEN ms - ${dialect.lag('ms', order)} <= ${params.double(options.inactivity ?? DEFAULT_SESSION_INACTIVITY)} THEN 0 ELSE 1 END AS starts\nFROM k_in_range`,
        ],
        [
          'k_numbered',
          `SELECT u, n, ms, sum(starts) OVER (${order} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS session\nFROM k_gaps`,
        ],
        [
          'k_per_session',
          [`SELECT u, session, max(ms) - min(ms) AS duration, count(*) AS event_count`, ...setColumns].join(',\n  ') +
            '\nFROM k_numbered\nGROUP BY u, session',
        ],
        ['k_totals', ['SELECT sum(event_count) AS events', ...setTotals].join(', ') + '\nFROM k_per_session'],
        [
          'k_values_',
          `SELECT ${DURATIONS} AS k, duration AS v FROM k_per_session\nUNION ALL\nSELECT ${PER_USER} AS k, count(*) AS v FROM k_per_session GROUP BY u`,
        ],
        ...distributionCtes(context, 'k_values_'),
        [
          'k_summary',
          `SELECT d.k AS k, d.n AS n, d.total AS total, d.lo AS lo, d.hi AS hi, d.q50a AS q50a, d.q50b AS q50b, d.q90a AS q90a, d.q90b AS q90b, d.bin AS bin, d.cnt AS cnt, ${['events', ...sets.map((_, i) => `set_${i}`)].map((column) => `t.${column} AS ${column}`).join(', ')}\nFROM k_dist AS d\nCROSS JOIN k_totals AS t`,
        ],
      ],
      selectWithBounds(context, 'k_summary', [...DISTRIBUTION_COLUMNS, 'events', ...sets.map((_, i) => `set_${i}`)]),
    );
  },
  parse(rows, options) {
    const range = rangeOf(rows, INVALID_EVENTS);
    const data = range ? dataRows(rows, 'k') : [];
    const groups = summariesOf(rows, data);
    const durations = groups.get(DURATIONS) ?? emptySummary();
    const perUser = groups.get(PER_USER) ?? emptySummary();
    const count = durations.n;
    const first = data[0];
    const total = (column: string): number => (first === undefined ? 0 : (numberAt(rows, first, column) ?? 0));
    const events = total('events');
    const perSession = Object.fromEntries(
      Object.keys(options.sets ?? {}).map((name, i) => [name, count === 0 ? null : total(`set_${i}`) / count]),
    );
    return {
      users: perUser.n,
      sessions: count,
      events,
      sessionsPerUser: perUser.n === 0 ? null : count / perUser.n,
      meanDuration: durations.mean,
      medianDuration: durations.median,
      eventsPerSession: count === 0 ? null : events / count,
      perSession,
      sessionsPerUserDistribution: { mean: perUser.mean, median: perUser.median, p90: perUser.p90, histogram: perUser.histogram },
    };
  },
};
