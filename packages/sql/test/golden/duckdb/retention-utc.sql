WITH k_span AS (
  SELECT CASE WHEN (epoch_ms(min(t))) >= 0 THEN (epoch_ms(min(t))) // 86400000 ELSE ((epoch_ms(min(t))) + 1) // 86400000 - 1 END AS lo_day, CASE WHEN (epoch_ms(max(t))) >= 0 THEN (epoch_ms(max(t))) // 86400000 ELSE ((epoch_ms(max(t))) + 1) // 86400000 - 1 END AS hi_day, count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST("user_id" AS VARCHAR) AS u, CAST("event_name" AS VARCHAR) AS n, "ts" AS t FROM "events") AS s
),
k_ev AS (
  SELECT s.u AS u, s.n AS n, s.ms AS ms, CASE WHEN s.ms >= 0 THEN s.ms // 86400000 ELSE (s.ms + 1) // 86400000 - 1 END AS d
  FROM (SELECT CAST("user_id" AS VARCHAR) AS u, CAST("event_name" AS VARCHAR) AS n, epoch_ms("ts") AS ms FROM "events") AS s
),
k_periods AS (
  SELECT u, p, min(CASE WHEN n = CAST($2 AS VARCHAR) THEN d END) AS first_at
  FROM (SELECT u, n, ms, d, CASE WHEN (d + 3) >= 0 THEN (d + 3) // 7 ELSE ((d + 3) + 1) // 7 - 1 END AS p FROM k_ev) AS e
  GROUP BY u, p
),
k_bounds AS (
  SELECT CAST(m.lo AS BIGINT) AS from_day, CAST(m.hi AS BIGINT) AS to_day, m.bad AS invalid
  FROM (SELECT lo_day AS lo, hi_day AS hi, bad FROM k_span) AS m
),
k_cohort_users AS (
  SELECT u, CASE WHEN (first_day + 3) >= 0 THEN (first_day + 3) // 7 ELSE ((first_day + 3) + 1) // 7 - 1 END AS cohort
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
  WHERE r.p - c.cohort BETWEEN 0 AND CAST($1 AS BIGINT)
  GROUP BY c.cohort, r.p - c.cohort
)
SELECT b.from_day, b.to_day, b.invalid, r.cohort, r.k, r.users
FROM k_bounds AS b
LEFT JOIN k_cells AS r ON TRUE
-- params: [8,"signup"]
