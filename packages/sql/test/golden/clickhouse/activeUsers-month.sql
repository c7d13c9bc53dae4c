WITH k_span AS (
  SELECT toInt64(floor(toFloat64(toUnixTimestamp64Milli(toDateTime64(min(t), 3, 'UTC'))) / 86400000)) AS lo_day, toInt64(floor(toFloat64(toUnixTimestamp64Milli(toDateTime64(max(t), 3, 'UTC'))) / 86400000)) AS hi_day, count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, `ts` AS t FROM `events`) AS s
),
k_ev AS (
  SELECT s.u AS u, s.n AS n, s.ms AS ms, toInt64(floor(toFloat64(s.ms) / 86400000)) AS d
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, toUnixTimestamp64Milli(toDateTime64(`ts`, 3, 'UTC')) AS ms FROM `events`) AS s
),
k_unit_all AS (
  SELECT e.u AS u, e.p AS p, max(CASE WHEN (e.d >= {p1:Int64}) AND (e.d <= {p2:Int64}) THEN 1 ELSE 0 END) AS act
  FROM (SELECT s.*, (toInt64(toYear(toDate32(toInt32(s.d)))) * 12 + toInt64(toMonth(toDate32(toInt32(s.d)))) - 1) AS p FROM k_ev AS s) AS e
  GROUP BY e.u, e.p
),
k_bounds AS (
  SELECT {p1:Int64} AS from_day, {p2:Int64} AS to_day, x.bad AS invalid
  FROM k_span AS x
),
k_unit_periods AS (
  SELECT u, p
  FROM k_unit_all
  WHERE act = 1
),
k_active AS (
  SELECT p, count(*) AS active
  FROM k_unit_periods
  GROUP BY p
)
SELECT b.from_day, b.to_day, b.invalid, r.p, r.active
FROM k_bounds AS b
LEFT JOIN k_active AS r ON 1 = 1
SETTINGS join_use_nulls = 1, cast_keep_nullable = 1, aggregate_functions_null_for_empty = 1, output_format_json_quote_64bit_integers = 0
-- params: {"p1":19723,"p2":19813}
