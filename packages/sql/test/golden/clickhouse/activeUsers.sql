WITH k_src AS (
  SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, toUnixTimestamp64Milli(toDateTime64(`ts`, 3, 'UTC')) AS ms
  FROM `events`
),
k_ev AS (
  SELECT u, n, ms, toInt64(toDate32(fromUnixTimestamp64Milli(toInt64(ms), {p3:String}))) AS d
  FROM k_src
  WHERE u IS NOT NULL AND u <> '' AND n IS NOT NULL AND n <> '' AND ms IS NOT NULL
),
k_bounds AS (
  SELECT {p4:Int64} AS from_day, {p5:Int64} AS to_day, x.bad AS invalid
  FROM (SELECT count(*) AS bad FROM k_src WHERE NOT (u IS NOT NULL AND u <> '' AND n IS NOT NULL AND n <> '' AND ms IS NOT NULL)) AS x
),
k_user_days AS (
  SELECT DISTINCT e.u AS u, e.d AS d
  FROM k_ev AS e
  CROSS JOIN k_bounds AS b
  WHERE e.n IN ({p1:String}, {p2:String}) AND e.d BETWEEN b.from_day - 29 AND b.to_day
),
k_lagged AS (
  SELECT u, d, lagInFrame(toNullable(d)) OVER (PARTITION BY u ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS p
  FROM k_user_days
),
k_deltas AS (
  SELECT d AS at_day, 1 AS dau, 0 AS wau, 0 AS mau FROM k_lagged
  UNION ALL
  SELECT CASE WHEN p IS NULL OR d - p >= 7 THEN d ELSE p + 7 END, 0, 1, 0 FROM k_lagged
  UNION ALL
  SELECT d + 7, 0, -1, 0 FROM k_lagged
  UNION ALL
  SELECT CASE WHEN p IS NULL OR d - p >= 30 THEN d ELSE p + 30 END, 0, 0, 1 FROM k_lagged
  UNION ALL
  SELECT d + 30, 0, 0, -1 FROM k_lagged
),
k_per_day AS (
  SELECT x.at_day, sum(x.dau) AS dau, sum(x.wau) AS wau, sum(x.mau) AS mau
  FROM k_deltas AS x
  CROSS JOIN k_bounds AS b
  WHERE x.at_day <= b.to_day
  GROUP BY x.at_day
)
SELECT b.from_day, b.to_day, b.invalid, r.at_day, r.dau, r.wau, r.mau
FROM k_bounds AS b
LEFT JOIN k_per_day AS r ON 1 = 1
SETTINGS join_use_nulls = 1, cast_keep_nullable = 1, aggregate_functions_null_for_empty = 1
-- params: {"p1":"login","p2":"view","p3":"Europe/Paris","p4":19783,"p5":19813}
