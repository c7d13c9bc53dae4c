WITH k_sub_raw AS (
  SELECT CAST(`customer_id` AS String) AS c, CAST(`amount` AS Float64) AS amt,
    CAST(`interval` AS String) AS iv, CAST(`start` AS Date32) AS s_at, CAST(`end` AS Date32) AS e_at
  FROM `subscriptions`
),
k_sub_src AS (
  SELECT c, amt, iv, s_at, e_at, CASE WHEN c IS NOT NULL AND c <> '' AND amt IS NOT NULL AND amt >= 0 AND amt <= 750599937895082 AND amt = floor(amt) AND iv IN ('month', 'year') AND s_at IS NOT NULL AND (e_at IS NULL OR e_at >= s_at) THEN 1 ELSE 0 END AS ok
  FROM k_sub_raw
),
k_subs AS (
  SELECT c, CASE WHEN iv = 'year' THEN CAST(amt AS Int64) ELSE CAST(amt AS Int64) * 12 END AS tw, s_day,
    CASE WHEN e_day IS NULL THEN NULL WHEN e_day < s_day THEN s_day ELSE e_day END AS e_day
  FROM (SELECT c, amt, iv, toInt64(toDate32(s_at)) AS s_day, toInt64(toDate32(e_at)) AS e_day FROM k_sub_src WHERE ok = 1) AS d
),
k_sub_days AS (
  SELECT s_day AS d FROM k_subs
  UNION ALL
  SELECT e_day AS d FROM k_subs WHERE e_day IS NOT NULL
),
k_bounds AS (
  SELECT CAST(m.lo AS Int64) AS from_day, CAST(m.hi AS Int64) AS to_day, x.bad AS invalid
  FROM (SELECT min(d) AS lo, max(d) AS hi FROM k_sub_days) AS m
  CROSS JOIN (SELECT count(*) AS bad FROM k_sub_src WHERE ok = 0) AS x
),
k_changes AS (
  SELECT c, at_day, sum(change) AS delta
  FROM (
    SELECT c, s_day AS at_day, tw AS change FROM k_subs WHERE tw > 0 AND (e_day IS NULL OR e_day > s_day)
    UNION ALL
    SELECT c, e_day AS at_day, -tw AS change FROM k_subs WHERE tw > 0 AND e_day > s_day
  ) AS moves
  GROUP BY c, at_day
  HAVING sum(change) <> 0
),
k_values_ AS (
  SELECT c, at_day, delta, sum(delta) OVER (PARTITION BY c ORDER BY at_day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS value
  FROM k_changes
),
k_daily AS (
  SELECT CASE WHEN v.at_day < b.from_day THEN b.from_day ELSE v.at_day END AS at_day, sum(v.delta) AS amount,
    sum(CASE WHEN v.value = v.delta THEN 1 WHEN v.value = 0 THEN -1 ELSE 0 END) AS users
  FROM k_values_ AS v
  CROSS JOIN k_bounds AS b
  WHERE v.at_day <= b.to_day
  GROUP BY CASE WHEN v.at_day < b.from_day THEN b.from_day ELSE v.at_day END
)
SELECT b.from_day, b.to_day, b.invalid, r.at_day, r.amount, r.users
FROM k_bounds AS b
LEFT JOIN k_daily AS r ON 1 = 1
SETTINGS join_use_nulls = 1, cast_keep_nullable = 1, aggregate_functions_null_for_empty = 1, output_format_json_quote_64bit_integers = 0
-- params: {}
