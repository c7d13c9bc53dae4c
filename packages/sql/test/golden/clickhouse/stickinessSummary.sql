WITH k_span AS (
  SELECT count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, `ts` AS t FROM `events`) AS s
),
k_ev AS (
  SELECT s.u AS u, s.n AS n, s.ms AS ms, toInt64(toDate32(fromUnixTimestamp64Milli(toInt64(s.ms), {p1:String}))) AS d
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, toUnixTimestamp64Milli(toDateTime64(`ts`, 3, 'UTC')) AS ms FROM `events`) AS s
),
k_bounds AS (
  SELECT CAST(m.lo AS Int64) AS from_day, CAST(m.hi AS Int64) AS to_day, x.bad AS invalid
  FROM (SELECT min(d) AS lo, max(d) AS hi FROM k_ev) AS m
  CROSS JOIN k_span AS x
),
k_user_days AS (
  SELECT DISTINCT e.u AS u, e.d AS d
  FROM k_ev AS e
  CROSS JOIN k_bounds AS b
  WHERE e.d >= b.from_day AND e.d <= b.to_day AND e.d >= {p2:Int64} AND e.d <= {p3:Int64}
),
k_counts AS (
  SELECT count(*) AS user_days, count(DISTINCT u) AS mau
  FROM k_user_days
)
SELECT b.from_day, b.to_day, b.invalid, r.user_days, r.mau
FROM k_bounds AS b
LEFT JOIN k_counts AS r ON 1 = 1
SETTINGS join_use_nulls = 1, cast_keep_nullable = 1, aggregate_functions_null_for_empty = 1, output_format_json_quote_64bit_integers = 0
-- params: {"p1":"Europe/Paris","p2":19783,"p3":19813}
