WITH k_span AS (
  SELECT count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, `ts` AS t FROM `events`) AS s
),
k_ev AS (
  SELECT s.u AS u, s.n AS n, s.ms AS ms, s.p0 AS p0, s.p1 AS p1, s.p2 AS p2, toInt64(toDate32(fromUnixTimestamp64Milli(toInt64(s.ms), {p1:String}))) AS d
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, toUnixTimestamp64Milli(toDateTime64(`ts`, 3, 'UTC')) AS ms, `plan` AS p0, `seats` AS p1, `country` AS p2 FROM `events`) AS s
),
k_periods AS (
  SELECT u, p, max(CASE WHEN ((n = {p3:String}) OR ((n = {p5:String}) AND (p1 = {p6:Float64}))) THEN 1 ELSE 0 END) AS ret, min(d) AS lo, max(d) AS hi
  FROM (SELECT u, n, ms, d, p0 AS p0, p1 AS p1, p2 AS p2, toInt64(floor(toFloat64(d + 3) / 7)) AS p FROM k_ev) AS e
  GROUP BY u, p
),
k_bounds AS (
  SELECT CAST(m.lo AS Int64) AS from_day, CAST(m.hi AS Int64) AS to_day, x.bad AS invalid
  FROM (SELECT min(lo) AS lo, max(hi) AS hi FROM k_periods) AS m
  CROSS JOIN k_span AS x
),
k_starts AS (
  SELECT u, p, d, bv, row_number() OVER (PARTITION BY u, p ORDER BY ms, n, CASE WHEN bv IS NULL THEN 0 ELSE 1 END, CAST(bv AS String)) AS pick
  FROM (SELECT u, n, ms, d, p0 AS p0, p1 AS p1, p2 AS p2, p2 AS bv, toInt64(floor(toFloat64(d + 3) / 7)) AS p FROM k_ev) AS e
  WHERE (n = {p3:String}) AND (p0 = {p4:String})
),
k_cohort_users AS (
  SELECT u, p AS cohort, bv, count(*) OVER (PARTITION BY bv) AS total
  FROM k_starts
  WHERE pick = 1
),
k_value_ranks AS (
  SELECT a.*, dense_rank() OVER (ORDER BY CASE WHEN bv IS NULL THEN 1 ELSE 0 END, total DESC, CAST(bv AS String)) AS r
  FROM k_cohort_users AS a
),
k_grouped AS (
  SELECT u, cohort, CAST(CASE WHEN bv IS NULL THEN 12 WHEN r <= 10 THEN r ELSE 11 END AS Int64) AS grp,
    CASE WHEN r <= 10 THEN bv END AS tag
  FROM k_value_ranks
),
k_cells AS (
  SELECT cohort, 0 AS k, count(*) AS users, grp, tag
  FROM k_grouped
  GROUP BY cohort, grp, tag
  UNION ALL
  SELECT cohort, CASE WHEN reached > {p2:Int64} THEN {p2:Int64} ELSE reached END AS k, count(*) AS users, grp, tag
  FROM (
    SELECT c.u AS u, c.cohort AS cohort, c.grp, c.tag, max(r.p - c.cohort) AS reached
    FROM k_grouped AS c
    JOIN k_periods AS r ON r.u = c.u
    WHERE r.ret = 1
    GROUP BY c.u, c.cohort, c.grp, c.tag
  ) AS latest
  WHERE reached >= 1
  GROUP BY cohort, CASE WHEN reached > {p2:Int64} THEN {p2:Int64} ELSE reached END, grp, tag
),
k_out AS (
  SELECT cohort, k, users, grp, tag AS value, toTypeName(tag) AS value_type
  FROM k_cells
)
SELECT b.from_day, b.to_day, b.invalid, r.cohort, r.k, r.users, r.grp, r.value, r.value_type
FROM k_bounds AS b
LEFT JOIN k_out AS r ON 1 = 1
SETTINGS join_use_nulls = 1, cast_keep_nullable = 1, aggregate_functions_null_for_empty = 1, output_format_json_quote_64bit_integers = 0
-- params: {"p1":"Europe/Paris","p2":8,"p3":"login","p4":"pro","p5":"purchase","p6":1}
