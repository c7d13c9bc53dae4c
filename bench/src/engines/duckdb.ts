import { DOUBLE, DuckDBDataChunk, DuckDBInstance, INTEGER, type DuckDBConnection } from '@duckdb/node-api';
import type { EventData } from '../generate';
import { byDay, cohortsFromCells, RETENTION_PERIODS, type Cohort, type DailyActive, type MetricEngine } from '../results';

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

const BATCH = 2048;

/** Loads the events into an in-memory DuckDB table `events(user_id VARCHAR, name VARCHAR, ts BIGINT)`. */
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
    SELECT ids[user_code + 1] AS user_id, names[name_code + 1] AS name, ts::BIGINT AS ts
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
  };
}
