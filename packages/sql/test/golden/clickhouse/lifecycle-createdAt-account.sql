WITH k_span AS (
  SELECT count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, `ts` AS t FROM `events`) AS s
),
k_all_days AS (
  SELECT s.ms AS ms, toInt64(toDate32(fromUnixTimestamp64Milli(toInt64(s.ms), {p1:String}))) AS d
  FROM (SELECT toUnixTimestamp64Milli(toDateTime64(`ts`, 3, 'UTC')) AS ms FROM `events`) AS s
),
k_unit AS (
  SELECT g.n AS unit_groups, x.n AS unit_ungrouped
  FROM (SELECT count(DISTINCT CAST(`account_id` AS String)) AS n FROM `events` WHERE CAST(`account_id` AS String) IS NOT NULL AND CAST(`account_id` AS String) <> '') AS g
  CROSS JOIN (SELECT count(*) AS n FROM (SELECT DISTINCT `user_id` AS u, `event_name` AS n, toUnixTimestamp64Milli(toDateTime64(`ts`, 3, 'UTC')) AS ms FROM `events` WHERE NOT (CAST(`account_id` AS String) IS NOT NULL AND CAST(`account_id` AS String) <> '')) AS s) AS x
),
k_ev AS (
  SELECT s.u AS u, s.n AS n, s.ms AS ms, s.p0 AS p0, toInt64(toDate32(fromUnixTimestamp64Milli(toInt64(s.ms), {p1:String}))) AS d
  FROM (SELECT CAST(`account_id` AS String) AS u, CAST(`event_name` AS String) AS n, toUnixTimestamp64Milli(toDateTime64(`ts`, 3, 'UTC')) AS ms, `user_created_ms` AS p0 FROM `events` WHERE CAST(`account_id` AS String) IS NOT NULL AND CAST(`account_id` AS String) <> '') AS s
),
k_unit_all AS (
  SELECT e.u AS u, e.p AS p, max(1) AS act, min(e.d) AS lo, max(e.d) AS hi
  FROM (SELECT s.*, (toInt64(toYear(toDate32(toInt32(s.d)))) * 12 + toInt64(toMonth(toDate32(toInt32(s.d)))) - 1) AS p FROM k_ev AS s) AS e
  GROUP BY e.u, e.p
),
k_bounds AS (
  SELECT CAST(m.lo AS Int64) AS from_day, CAST(m.hi AS Int64) AS to_day, x.bad AS invalid
  FROM (SELECT min(d) AS lo, max(d) AS hi FROM k_all_days) AS m
  CROSS JOIN k_span AS x
),
k_unit_periods AS (
  SELECT u, p
  FROM k_unit_all
  WHERE act = 1
),
k_new AS (
  SELECT c.u AS u, (toInt64(toYear(toDate32(toInt32(c.cd)))) * 12 + toInt64(toMonth(toDate32(toInt32(c.cd)))) - 1) AS np
  FROM (
    SELECT s.u AS u, toInt64(toDate32(fromUnixTimestamp64Milli(toInt64(s.ms), {p1:String}))) AS cd
    FROM (SELECT u, min(toInt64(floor(p0))) AS ms FROM k_ev GROUP BY u) AS s
  ) AS c
  WHERE c.cd IS NOT NULL
),
k_walk AS (
  SELECT u, p, lagInFrame(toNullable(p)) OVER (PARTITION BY u ORDER BY p ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS prev, lagInFrame(toNullable(p)) OVER (PARTITION BY u ORDER BY p DESC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS next
  FROM k_unit_periods
),
k_counts AS (
  SELECT w.p AS p, count(*) AS act, sum(CASE WHEN w.prev = w.p - 1 THEN 1 ELSE 0 END) AS ret,
    sum(CASE WHEN w.prev = w.p - 1 THEN 0 WHEN w.p = nw.np THEN 1 ELSE 0 END) AS fresh, 0 AS gone
  FROM k_walk AS w
  LEFT JOIN k_new AS nw ON nw.u = w.u
  GROUP BY w.p
  UNION ALL
  SELECT w.p + 1 AS p, 0 AS act, 0 AS ret, 0 AS fresh, count(*) AS gone
  FROM k_walk AS w
  WHERE w.next IS NULL OR w.next <> w.p + 1
  GROUP BY w.p + 1
)
SELECT b.from_day, b.to_day, b.invalid, x.unit_groups, x.unit_ungrouped, r.p, r.act, r.ret, r.fresh, r.gone
FROM k_bounds AS b
CROSS JOIN k_unit AS x
LEFT JOIN k_counts AS r ON 1 = 1
SETTINGS join_use_nulls = 1, cast_keep_nullable = 1, aggregate_functions_null_for_empty = 1, output_format_json_quote_64bit_integers = 0
-- params: {"p1":"America/New_York"}
