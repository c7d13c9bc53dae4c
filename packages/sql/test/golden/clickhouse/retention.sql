WITH k_span AS (
  SELECT count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, `ts` AS t FROM `events`) AS s
),
k_ev AS (
  SELECT s.u AS u, s.n AS n, s.ms AS ms, toInt64(toDate32(fromUnixTimestamp64Milli(toInt64(s.ms), {p1:String}))) AS d
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, toUnixTimestamp64Milli(toDateTime64(`ts`, 3, 'UTC')) AS ms FROM `events`) AS s
),
k_periods AS (
  SELECT u, p, min(CASE WHEN n = {p3:String} THEN ms END) AS first_at, min(d) AS lo, max(d) AS hi
  FROM (SELECT u, n, ms, d, toInt64(floor(toFloat64(d + 3) / 7)) AS p FROM k_ev) AS e
  GROUP BY u, p
),
k_bounds AS (
  SELECT CAST(m.lo AS Int64) AS from_day, CAST(m.hi AS Int64) AS to_day, x.bad AS invalid
  FROM (SELECT min(lo) AS lo, max(hi) AS hi FROM k_periods) AS m
  CROSS JOIN k_span AS x
),
k_cohort_users AS (
  SELECT u, toInt64(floor(toFloat64(first_day + 3) / 7)) AS cohort
  FROM (
    SELECT s.u AS u, toInt64(toDate32(fromUnixTimestamp64Milli(toInt64(s.first_at), {p1:String}))) AS first_day
    FROM (SELECT u, min(first_at) AS first_at FROM k_periods GROUP BY u) AS s
  ) AS firsts
  WHERE first_day IS NOT NULL
),
k_cells AS (
  SELECT c.cohort AS cohort, r.p - c.cohort AS k, count(*) AS users
  FROM k_cohort_users AS c
  JOIN k_periods AS r ON r.u = c.u
  WHERE r.p - c.cohort BETWEEN 0 AND {p2:Int64}
  GROUP BY c.cohort, r.p - c.cohort
)
SELECT b.from_day, b.to_day, b.invalid, r.cohort, r.k, r.users
FROM k_bounds AS b
LEFT JOIN k_cells AS r ON 1 = 1
SETTINGS join_use_nulls = 1, cast_keep_nullable = 1, aggregate_functions_null_for_empty = 1, output_format_json_quote_64bit_integers = 0
-- params: {"p1":"Europe/Paris","p2":8,"p3":"signup"}
