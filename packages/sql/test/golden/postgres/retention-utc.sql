WITH k_span AS (
  SELECT CASE WHEN (CAST(round(extract(epoch FROM date_trunc('milliseconds', min(t))) * 1000) AS bigint)) >= 0 THEN (CAST(round(extract(epoch FROM date_trunc('milliseconds', min(t))) * 1000) AS bigint)) / 86400000 ELSE ((CAST(round(extract(epoch FROM date_trunc('milliseconds', min(t))) * 1000) AS bigint)) + 1) / 86400000 - 1 END AS lo_day, CASE WHEN (CAST(round(extract(epoch FROM date_trunc('milliseconds', max(t))) * 1000) AS bigint)) >= 0 THEN (CAST(round(extract(epoch FROM date_trunc('milliseconds', max(t))) * 1000) AS bigint)) / 86400000 ELSE ((CAST(round(extract(epoch FROM date_trunc('milliseconds', max(t))) * 1000) AS bigint)) + 1) / 86400000 - 1 END AS hi_day, count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST("user_id" AS text) AS u, CAST("event_name" AS text) AS n, "ts" AS t FROM "events") AS s
),
k_ev AS (
  SELECT s.u AS u, s.n AS n, s.ms AS ms, CASE WHEN s.ms >= 0 THEN s.ms / 86400000 ELSE (s.ms + 1) / 86400000 - 1 END AS d
  FROM (SELECT CAST("user_id" AS text) AS u, CAST("event_name" AS text) AS n, CAST(round(extract(epoch FROM date_trunc('milliseconds', "ts")) * 1000) AS bigint) AS ms FROM "events") AS s
),
k_periods AS (
  SELECT u, p, min(CASE WHEN n = CAST($2 AS text) THEN d END) AS first_at
  FROM (SELECT u, n, ms, d, CASE WHEN (d + 3) >= 0 THEN (d + 3) / 7 ELSE ((d + 3) + 1) / 7 - 1 END AS p FROM k_ev) AS e
  GROUP BY u, p
),
k_bounds AS (
  SELECT CAST(m.lo AS bigint) AS from_day, CAST(m.hi AS bigint) AS to_day, m.bad AS invalid
  FROM (SELECT lo_day AS lo, hi_day AS hi, bad FROM k_span) AS m
),
k_cohort_users AS (
  SELECT u, CASE WHEN (first_day + 3) >= 0 THEN (first_day + 3) / 7 ELSE ((first_day + 3) + 1) / 7 - 1 END AS cohort
  FROM (
    SELECT u, min(first_at) AS first_day
    FROM k_periods
    GROUP BY u
  ) AS firsts
  WHERE first_day IS NOT NULL
),
k_cells AS (
  SELECT c.cohort AS cohort, r.p - c.cohort AS k, count(*) AS users
  FROM k_cohort_users AS c
  JOIN k_periods AS r ON r.u = c.u
  WHERE r.p - c.cohort BETWEEN 0 AND CAST($1 AS bigint)
  GROUP BY c.cohort, r.p - c.cohort
)
SELECT b.from_day, b.to_day, b.invalid, r.cohort, r.k, r.users
FROM k_bounds AS b
LEFT JOIN k_cells AS r ON TRUE
-- params: [8,"signup"]
