WITH k_span AS (
  SELECT count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, `ts` AS t FROM `events`) AS s
),
k_ev AS (
  SELECT s.u AS u, s.n AS n, s.ms AS ms, s.p0 AS p0, toInt64(toDate32(fromUnixTimestamp64Milli(toInt64(s.ms), {p1:String}))) AS d
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, toUnixTimestamp64Milli(toDateTime64(`ts`, 3, 'UTC')) AS ms, `plan` AS p0 FROM `events`) AS s
),
k_days AS (
  SELECT u, d, max(CASE WHEN (n IN ({p2:String}, {p3:String})) AND (p0 = {p4:String}) THEN 1 ELSE 0 END) AS q
  FROM k_ev
  GROUP BY u, d
),
k_bounds AS (
  SELECT {p5:Int64} AS from_day, {p6:Int64} AS to_day, x.bad AS invalid
  FROM k_span AS x
),
k_user_days AS (
  SELECT a.u AS u, a.d AS d
  FROM k_days AS a
  CROSS JOIN k_bounds AS b
  WHERE a.q = 1 AND a.d BETWEEN b.from_day - 29 AND b.to_day
),
k_lagged AS (
  SELECT u, d, lagInFrame(toNullable(d)) OVER (PARTITION BY u ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS p
  FROM k_user_days
),
k_deltas AS (
  SELECT d AS at_day, count(*) AS dau, 0 AS wau, 0 AS mau FROM k_lagged GROUP BY d
  UNION ALL
  SELECT CASE WHEN p IS NULL OR d - p >= 7 THEN d ELSE p + 7 END AS at_day, 0 AS dau, count(*), 0 FROM k_lagged GROUP BY CASE WHEN p IS NULL OR d - p >= 7 THEN d ELSE p + 7 END
  UNION ALL
  SELECT CASE WHEN p IS NULL OR d - p >= 30 THEN d ELSE p + 30 END AS at_day, 0 AS dau, 0, count(*) FROM k_lagged GROUP BY CASE WHEN p IS NULL OR d - p >= 30 THEN d ELSE p + 30 END
),
k_per_day AS (
  SELECT at_day, sum(dau) AS dau, sum(wau) AS wau, sum(mau) AS mau
  FROM k_deltas
  GROUP BY at_day
)
SELECT b.from_day, b.to_day, b.invalid, r.at_day, r.dau, r.wau, r.mau
FROM k_bounds AS b
LEFT JOIN k_per_day AS r ON 1 = 1
SETTINGS join_use_nulls = 1, cast_keep_nullable = 1, aggregate_functions_null_for_empty = 1, output_format_json_quote_64bit_integers = 0
-- params: {"p1":"Europe/Paris","p2":"login","p3":"view","p4":"pro","p5":19783,"p6":19813}
