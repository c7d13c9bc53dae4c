import { DOUBLE, DuckDBDataChunk, DuckDBInstance, INTEGER, type DuckDBConnection } from '@duckdb/node-api';
import type { EventData } from '../generate';
import {
  ACCOUNT_SIZE,
  byDay,
  cohortsFromCells,
  FUNNEL_STEPS,
  FUNNEL_WINDOW,
  RETENTION_PERIODS,
  SESSION_INACTIVITY,
  type Cohort,
  type DailyActive,
  type DayCounts,
  type FunnelStepFigures,
  type LifecycleWeek,
  type MetricEngine,
  type SessionFigures,
} from '../results';

/**
 * Active users per UTC day. Each distinct (user, day) newly covers the days
 * `greatest(day, previous active day + W) … day + W − 1` of a W-day window, so
 * a day's WAU (MAU) is a running sum of +1 where coverage starts and −1 where
 * it ends; a coverage ends W days after an active day, so the −1s of a day are
 * the DAU of W days before. Three small histograms and running sums over the
 * ~200 days do the rest.
 */
export const ACTIVE_USERS_SQL = `
WITH user_days AS (
  SELECT DISTINCT user_id, ts // 86400000 AS day FROM events
),
starts AS (
  SELECT day,
         greatest(day, lag(day, 1, -100000) OVER w + 7) AS week_start,
         greatest(day, lag(day, 1, -100000) OVER w + 30) AS month_start
  FROM user_days
  WINDOW w AS (PARTITION BY user_id ORDER BY day)
),
deltas AS (
  SELECT day, count(*) AS n, 0 AS w, 0 AS m FROM starts GROUP BY day
  UNION ALL SELECT week_start, 0, count(*), 0 FROM starts GROUP BY week_start
  UNION ALL SELECT month_start, 0, 0, count(*) FROM starts GROUP BY month_start
),
bounds AS (SELECT min(day) AS first_day, max(day) AS last_day FROM user_days),
per_day AS (
  SELECT d.range AS day, coalesce(sum(n), 0) AS dau, coalesce(sum(w), 0) AS w, coalesce(sum(m), 0) AS m
  FROM bounds, range(bounds.first_day - 29, bounds.last_day + 1) AS d
  LEFT JOIN deltas ON deltas.day = d.range
  GROUP BY d.range
),
changes AS (
  SELECT day, dau, w - lag(dau, 7, 0) OVER o AS dw, m - lag(dau, 30, 0) OVER o AS dm
  FROM per_day
  WINDOW o AS (ORDER BY day)
),
running AS (
  SELECT day, dau, sum(dw) OVER o AS wau, sum(dm) OVER o AS mau
  FROM changes
  WINDOW o AS (ORDER BY day)
)
SELECT day::INTEGER AS day, dau::INTEGER AS dau, wau::INTEGER AS wau, mau::INTEGER AS mau
FROM running, bounds WHERE day >= first_day ORDER BY day
`;

/**
 * Weekly retention, exact mode: distinct (user, Monday-based week), each
 * user's first week as cohort, then users per (cohort, weeks since). Week `w`
 * is `(day + 3) // 7`: day 0, 1970-01-01, was a Thursday.
 */
export const RETENTION_SQL = `
WITH user_weeks AS (
  SELECT DISTINCT user_id, (ts // 86400000 + 3) // 7 AS week FROM events
),
cohorts AS (
  SELECT user_id, min(week) AS cohort FROM user_weeks GROUP BY user_id
)
SELECT cohort::INTEGER AS cohort, (week - cohort)::INTEGER AS k, count(*)::INTEGER AS users
FROM user_weeks JOIN cohorts USING (user_id)
WHERE week - cohort <= ${RETENTION_PERIODS}
GROUP BY ALL
`;

/**
 * Lifecycle by Monday week, new from the first event: distinct (user, week),
 * each user's previous and next active week and first week by window
 * functions, then per week the new (first week), returning (previous week
 * active) and the rest (resurrecting), and the users lost after each week.
 */
export const LIFECYCLE_SQL = `
WITH user_weeks AS (
  SELECT DISTINCT user_id, (ts // 86400000 + 3) // 7 AS week FROM events
),
walk AS (
  SELECT week, lag(week) OVER w AS prev, lead(week) OVER w AS next, min(week) OVER (PARTITION BY user_id) AS first
  FROM user_weeks
  WINDOW w AS (PARTITION BY user_id ORDER BY week)
),
counts AS (
  SELECT week, count(*) FILTER (WHERE week = first) AS n, count(*) FILTER (WHERE prev = week - 1) AS r, count(*) AS a
  FROM walk GROUP BY week
),
gone AS (
  SELECT week + 1 AS week, count(*) AS g FROM walk WHERE next IS NULL OR next <> week + 1 GROUP BY week + 1
)
SELECT c.week::INTEGER AS week, n::INTEGER AS n, r::INTEGER AS r, (a - n - r)::INTEGER AS s, coalesce(g, 0)::INTEGER AS d
FROM counts AS c LEFT JOIN gone USING (week)
`;

/** The stickiness distribution by UTC day: each user's distinct days, then users per number of days. */
export const STICKINESS_SQL = `
WITH user_days AS (
  SELECT DISTINCT user_id, ts // 86400000 AS day FROM events
)
SELECT k::INTEGER AS k, count(*)::INTEGER AS units
FROM (SELECT user_id, count(*) AS k FROM user_days GROUP BY user_id)
GROUP BY k
`;

/** {@link RETENTION_SQL} by account. */
export const ACCOUNT_RETENTION_SQL = RETENTION_SQL.replaceAll('user_id', 'account_id').replaceAll('user_weeks', 'account_weeks');

const [STEP_1, STEP_2, STEP_3] = FUNNEL_STEPS;

/**
 * Ordered 3-step funnel. One row per attempt (each step-1 event): the
 * earliest step-2 event at or after it (ASOF join), kept when within the
 * window, then the earliest step-3 event at or after that, kept when within
 * the window of step 1. Taking the earliest event at each step never lets a
 * chain go less far. Per user the deepest attempt counts, the earliest among
 * equals (`arg_min` over `(no step 2, no step 3, t1)`). The steps have
 * different names, so an event can never match two of them and `>=` on the
 * timestamp alone cannot reuse one.
 *
 * `t2 IS NOT NULL` in `to3` is needed: DuckDB 1.5.5's sort-based ASOF join
 * (used above 64 rows) matches a left row whose inequality key is NULL to the
 * right partition's first row.
 */
export const FUNNEL_SQL = `
WITH step1 AS (SELECT user_id, ts FROM events WHERE name = '${STEP_1}'),
step2 AS (SELECT user_id, ts FROM events WHERE name = '${STEP_2}'),
step3 AS (SELECT user_id, ts FROM events WHERE name = '${STEP_3}'),
to2 AS (
  SELECT step1.user_id, step1.ts AS t1,
         CASE WHEN step2.ts <= step1.ts + ${FUNNEL_WINDOW} THEN step2.ts END AS t2
  FROM step1 ASOF LEFT JOIN step2 ON step1.user_id = step2.user_id AND step2.ts >= step1.ts
),
to3 AS (
  SELECT to2.user_id, t1, t2,
         CASE WHEN t2 IS NOT NULL AND step3.ts <= t1 + ${FUNNEL_WINDOW} THEN step3.ts END AS t3
  FROM to2 ASOF LEFT JOIN step3 ON to2.user_id = step3.user_id AND step3.ts >= to2.t2
),
best AS (
  SELECT arg_min({t1: t1, t2: t2, t3: t3}, (t2 IS NULL, t3 IS NULL, t1)) AS a FROM to3 GROUP BY user_id
)
SELECT count(*) AS users1, count(a.t2) AS users2, count(a.t3) AS users3,
       median(a.t2 - a.t1)::DOUBLE AS median2, sum(a.t2 - a.t1)::DOUBLE / count(a.t2) AS mean2,
       median(a.t3 - a.t2)::DOUBLE AS median3, sum(a.t3 - a.t2)::DOUBLE / count(a.t3) AS mean3
FROM best
`;

/**
 * Sessions. One window pass over each user's events in (ts, name) order
 * gives the previous and next event: a row starts a session when the gap
 * before it exceeds the inactivity (or it is the user's first), ends one when
 * the gap after it does, and is an exact duplicate when it repeats the row
 * before. A second window over only the start and end rows (ordered so that a
 * start precedes the end at the same instant) gives each session's end.
 */
export const SESSIONS_SQL = `
WITH marked AS (
  SELECT user_id, ts,
         lag(ts) OVER w IS NULL AS new_user,
         ts = lag(ts) OVER w AND name = lag(name) OVER w AS duplicate,
         coalesce(ts - lag(ts) OVER w > ${SESSION_INACTIVITY}, true) AS first,
         coalesce(lead(ts) OVER w - ts > ${SESSION_INACTIVITY}, true) AS last
  FROM events
  WINDOW w AS (PARTITION BY user_id ORDER BY ts, name)
),
totals AS (
  SELECT count(*) FILTER (WHERE new_user) AS users, count(*) FILTER (WHERE duplicate IS NOT TRUE) AS events FROM marked
),
spans AS (
  SELECT CASE WHEN last THEN 0 ELSE lead(ts) OVER (PARTITION BY user_id ORDER BY ts, last) - ts END AS duration
  FROM marked
  WHERE first OR last
  QUALIFY first
)
SELECT users, count(*) AS sessions, events,
       sum(duration)::DOUBLE / count(*) AS mean_duration, median(duration)::DOUBLE AS median_duration,
       events / count(*) AS events_per_session
FROM spans, totals
GROUP BY users, events
`;

const BATCH = 2048;

/**
 * Loads the events into an in-memory DuckDB table `events(user_id VARCHAR,
 * name VARCHAR, ts BIGINT, account_id VARCHAR)`, the account as `accountId`
 * in {@link withAccounts}.
 */
export async function loadDuckDb(data: EventData): Promise<{ connection: DuckDBConnection; close(): void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run('CREATE TABLE user_dictionary (code INTEGER, id VARCHAR)');
  await connection.run('CREATE TABLE name_dictionary (code INTEGER, name VARCHAR)');
  await connection.run('CREATE TABLE raw_events (user_code INTEGER, name_code INTEGER, ts DOUBLE)');
  for (const [table, values] of [
    ['user_dictionary', data.userIds],
    ['name_dictionary', data.names],
  ] as const) {
    const appender = await connection.createAppender(table);
    values.forEach((value, code) => {
      appender.appendInteger(code);
      appender.appendVarchar(value);
      appender.endRow();
    });
    appender.closeSync();
  }
  // Codes and times go in as typed vectors, a chunk at a time; the strings are
  // then looked up once in SQL, keeping the rows in generation (time) order.
  const appender = await connection.createAppender('raw_events');
  for (let from = 0; from < data.length; from += BATCH) {
    const size = Math.min(BATCH, data.length - from);
    const chunk = DuckDBDataChunk.create([INTEGER, INTEGER, DOUBLE], size);
    const users = chunk.getColumnVector(0);
    const names = chunk.getColumnVector(1);
    const times = chunk.getColumnVector(2);
    for (let r = 0; r < size; r++) {
      users.setItem(r, data.user[from + r]!);
      names.setItem(r, data.name[from + r]!);
      times.setItem(r, data.time[from + r]!);
    }
    users.flush();
    names.flush();
    times.flush();
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
  await connection.run(`
    CREATE TABLE events AS
    WITH dictionaries AS (
      SELECT (SELECT list(id ORDER BY code) FROM user_dictionary) AS ids,
             (SELECT list(name ORDER BY code) FROM name_dictionary) AS names
    )
    SELECT ids[user_code + 1] AS user_id, names[name_code + 1] AS name, ts::BIGINT AS ts,
           'account-' || (user_code // ${ACCOUNT_SIZE})::VARCHAR AS account_id
    FROM raw_events, dictionaries
  `);
  await connection.run('DROP TABLE raw_events; DROP TABLE user_dictionary; DROP TABLE name_dictionary');
  return {
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** The metrics as SQL over the loaded `events` table. */
export function duckDbEngine(connection: DuckDBConnection): MetricEngine {
  return {
    name: 'DuckDB',
    async activeUsers(): Promise<DailyActive[]> {
      const reader = await connection.runAndReadAll(ACTIVE_USERS_SQL);
      return byDay(
        reader.getRowsJS().map(([day, dau, wau, mau]) => ({ day: Number(day), dau: Number(dau), wau: Number(wau), mau: Number(mau) })),
      );
    },
    async retention(): Promise<Cohort[]> {
      const reader = await connection.runAndReadAll(RETENTION_SQL);
      return cohortsFromCells(reader.getRowsJS().map(([cohort, k, users]) => [Number(cohort), Number(k), Number(users)] as const));
    },
    async lifecycle(): Promise<LifecycleWeek[]> {
      const reader = await connection.runAndReadAll(LIFECYCLE_SQL);
      return reader
        .getRowsJS()
        .map(([week, n, r, s, d]) => ({
          startDay: Number(week) * 7 - 3,
          new: Number(n),
          returning: Number(r),
          resurrecting: Number(s),
          dormant: 0 - Number(d),
        }))
        .sort((a, b) => a.startDay - b.startDay);
    },
    async stickinessDistribution(): Promise<DayCounts> {
      const reader = await connection.runAndReadAll(STICKINESS_SQL);
      const units: number[] = [];
      for (const [k, count] of reader.getRowsJS()) units[Number(k) - 1] = Number(count);
      return Array.from(units, (count: number | undefined) => count ?? 0);
    },
    async accountRetention(): Promise<Cohort[]> {
      const reader = await connection.runAndReadAll(ACCOUNT_RETENTION_SQL);
      return cohortsFromCells(reader.getRowsJS().map(([cohort, k, users]) => [Number(cohort), Number(k), Number(users)] as const));
    },
    async funnel(): Promise<FunnelStepFigures[]> {
      const reader = await connection.runAndReadAll(FUNNEL_SQL);
      const [users1, users2, users3, median2, mean2, median3, mean3] = reader.getRowsJS()[0] ?? [];
      return [
        { count: Number(users1), median: null, mean: null },
        { count: Number(users2), median: orNull(median2), mean: orNull(mean2) },
        { count: Number(users3), median: orNull(median3), mean: orNull(mean3) },
      ];
    },
    async sessions(): Promise<SessionFigures> {
      const reader = await connection.runAndReadAll(SESSIONS_SQL);
      const [users, sessions, events, meanDuration, medianDuration, eventsPerSession] = reader.getRowsJS()[0] ?? [];
      return {
        users: Number(users ?? 0),
        sessions: Number(sessions ?? 0),
        events: Number(events ?? 0),
        meanDuration: orNull(meanDuration),
        medianDuration: orNull(medianDuration),
        eventsPerSession: orNull(eventsPerSession),
      };
    },
  };
}

/** A nullable SQL number as a JavaScript number or `null`. */
function orNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
