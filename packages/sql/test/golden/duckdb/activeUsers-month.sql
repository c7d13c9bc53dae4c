WITH k_span AS (
  SELECT CASE WHEN (epoch_ms(min(t))) >= 0 THEN (epoch_ms(min(t))) // 86400000 ELSE ((epoch_ms(min(t))) + 1) // 86400000 - 1 END AS lo_day, CASE WHEN (epoch_ms(max(t))) >= 0 THEN (epoch_ms(max(t))) // 86400000 ELSE ((epoch_ms(max(t))) + 1) // 86400000 - 1 END AS hi_day, count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST("user_id" AS VARCHAR) AS u, CAST("event_name" AS VARCHAR) AS n, "ts" AS t FROM "events") AS s
),
k_ev AS (
  SELECT s.u AS u, s.n AS n, s.ms AS ms, CASE WHEN s.ms >= 0 THEN s.ms // 86400000 ELSE (s.ms + 1) // 86400000 - 1 END AS d
  FROM (SELECT CAST("user_id" AS VARCHAR) AS u, CAST("event_name" AS VARCHAR) AS n, epoch_ms("ts") AS ms FROM "events") AS s
),
k_unit_all AS (
  SELECT e.u AS u, e.p AS p, max(CASE WHEN (e.d >= CAST($1 AS BIGINT)) AND (e.d <= CAST($2 AS BIGINT)) THEN 1 ELSE 0 END) AS act
  FROM (SELECT s.*, (year((DATE '1970-01-01' + CAST(s.d AS INTEGER))) * 12 + month((DATE '1970-01-01' + CAST(s.d AS INTEGER))) - 1) AS p FROM k_ev AS s) AS e
  GROUP BY e.u, e.p
),
k_bounds AS (
  SELECT CAST($1 AS BIGINT) AS from_day, CAST($2 AS BIGINT) AS to_day, x.bad AS invalid
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
LEFT JOIN k_active AS r ON TRUE
-- params: [19723,19813]
