WITH k_span AS (
  SELECT CASE WHEN (CAST(round(extract(epoch FROM date_trunc('milliseconds', min(t))) * 1000) AS bigint)) >= 0 THEN (CAST(round(extract(epoch FROM date_trunc('milliseconds', min(t))) * 1000) AS bigint)) / 86400000 ELSE ((CAST(round(extract(epoch FROM date_trunc('milliseconds', min(t))) * 1000) AS bigint)) + 1) / 86400000 - 1 END AS lo_day, CASE WHEN (CAST(round(extract(epoch FROM date_trunc('milliseconds', max(t))) * 1000) AS bigint)) >= 0 THEN (CAST(round(extract(epoch FROM date_trunc('milliseconds', max(t))) * 1000) AS bigint)) / 86400000 ELSE ((CAST(round(extract(epoch FROM date_trunc('milliseconds', max(t))) * 1000) AS bigint)) + 1) / 86400000 - 1 END AS hi_day, count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST("user_id" AS text) AS u, CAST("event_name" AS text) AS n, "ts" AS t FROM "events") AS s
),
k_ev AS (
  SELECT s.u AS u, s.n AS n, s.ms AS ms, CASE WHEN s.ms >= 0 THEN s.ms / 86400000 ELSE (s.ms + 1) / 86400000 - 1 END AS d
  FROM (SELECT CAST("user_id" AS text) AS u, CAST("event_name" AS text) AS n, CAST(round(extract(epoch FROM date_trunc('milliseconds', "ts")) * 1000) AS bigint) AS ms FROM "events") AS s
),
k_unit_all AS (
  SELECT e.u AS u, e.p AS p, max(CASE WHEN (e.d >= CAST($1 AS bigint)) AND (e.d <= CAST($2 AS bigint)) THEN 1 ELSE 0 END) AS act
  FROM (SELECT s.*, (CAST(extract(year FROM (DATE '1970-01-01' + CAST(s.d AS integer))) AS integer) * 12 + CAST(extract(month FROM (DATE '1970-01-01' + CAST(s.d AS integer))) AS integer) - 1) AS p FROM k_ev AS s) AS e
  GROUP BY e.u, e.p
),
k_bounds AS (
  SELECT CAST($1 AS bigint) AS from_day, CAST($2 AS bigint) AS to_day, x.bad AS invalid
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
