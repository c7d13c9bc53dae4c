WITH k_span AS (
  SELECT count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, `ts` AS t FROM `events`) AS s
),
k_ev AS (
  SELECT s.u AS u, s.n AS n, s.ms AS ms, toInt64(toDate32(fromUnixTimestamp64Milli(toInt64(s.ms), {p1:String}))) AS d
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, toUnixTimestamp64Milli(toDateTime64(`ts`, 3, 'UTC')) AS ms FROM `events`) AS s
),
k_unit_all AS (
  SELECT e.u AS u, e.p AS p, max(CASE WHEN (e.n IN ({p2:String}, {p3:String})) AND (e.d >= {p4:Int64}) AND (e.d <= {p5:Int64}) THEN 1 ELSE 0 END) AS act, min(e.d) AS lo, max(e.d) AS hi
  FROM (SELECT s.*, toInt64(floor(toFloat64(s.d + 3) / 7)) AS p FROM k_ev AS s) AS e
  GROUP BY e.u, e.p
),
k_bounds AS (
  SELECT {p4:Int64} AS from_day, {p5:Int64} AS to_day, x.bad AS invalid
  FROM k_span AS x
),
k_unit_periods AS (
  SELECT u, p
  FROM k_unit_all
  WHERE act = 1
),
k_by_count AS (
  SELECT k, count(*) AS units
  FROM (SELECT u, count(*) AS k FROM k_unit_periods GROUP BY u) AS c
  GROUP BY k
)
SELECT b.from_day, b.to_day, b.invalid, r.k, r.units
FROM k_bounds AS b
LEFT JOIN k_by_count AS r ON 1 = 1
SETTINGS join_use_nulls = 1, cast_keep_nullable = 1, aggregate_functions_null_for_empty = 1, output_format_json_quote_64bit_integers = 0
-- params: {"p1":"Europe/Paris","p2":"login","p3":"view","p4":19786,"p5":19813}
