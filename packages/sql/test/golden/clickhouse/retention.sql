WITH k_src AS (
  SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, toUnixTimestamp64Milli(toDateTime64(`ts`, 3, 'UTC')) AS ms
  FROM `events`
),
k_ev AS (
  SELECT u, n, ms, toInt64(toDate32(fromUnixTimestamp64Milli(toInt64(ms), {p1:String}))) AS d
  FROM k_src
  WHERE u IS NOT NULL AND u <> '' AND n IS NOT NULL AND n <> '' AND ms IS NOT NULL
),
k_bounds AS (
  SELECT CAST(m.lo AS Int64) AS from_day, CAST(m.hi AS Int64) AS to_day, x.bad AS invalid
  FROM (SELECT min(d) AS lo, max(d) AS hi FROM k_ev) AS m
  CROSS JOIN (SELECT count(*) AS bad FROM k_src WHERE NOT (u IS NOT NULL AND u <> '' AND n IS NOT NULL AND n <> '' AND ms IS NOT NULL)) AS x
),
k_firsts AS (
  SELECT u, min(ms) AS first_ms
  FROM k_ev
  WHERE n = {p3:String}
  GROUP BY u
),
k_cohort_users AS (
  SELECT f.u AS u, toInt64(floor(toFloat64(toInt64(toDate32(fromUnixTimestamp64Milli(toInt64(f.first_ms), {p1:String}))) + 3) / 7)) AS cohort
  FROM k_firsts AS f
  CROSS JOIN k_bounds AS b
  WHERE toInt64(toDate32(fromUnixTimestamp64Milli(toInt64(f.first_ms), {p1:String}))) BETWEEN b.from_day AND b.to_day
),
k_returns AS (
  SELECT DISTINCT e.u AS u, toInt64(floor(toFloat64(e.d + 3) / 7)) AS p
  FROM k_ev AS e
  CROSS JOIN k_bounds AS b
  WHERE e.d BETWEEN b.from_day AND b.to_day
),
k_cells AS (
  SELECT cohort, 0 AS k, count(*) AS users
  FROM k_cohort_users
  GROUP BY cohort
  UNION ALL
  SELECT c.cohort AS cohort, r.p - c.cohort AS k, count(*) AS users
  FROM k_cohort_users AS c
  JOIN k_returns AS r ON r.u = c.u
  WHERE r.p - c.cohort BETWEEN 1 AND {p2:Int64}
  GROUP BY c.cohort, r.p - c.cohort
)
SELECT b.from_day, b.to_day, b.invalid, r.cohort, r.k, r.users
FROM k_bounds AS b
LEFT JOIN k_cells AS r ON 1 = 1
SETTINGS join_use_nulls = 1, cast_keep_nullable = 1, aggregate_functions_null_for_empty = 1
-- params: {"p1":"Europe/Paris","p2":8,"p3":"signup"}
