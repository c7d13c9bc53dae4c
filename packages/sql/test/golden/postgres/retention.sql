WITH k_src AS (
  SELECT CAST("user_id" AS text) AS u, CAST("event_name" AS text) AS n, CAST(round(extract(epoch FROM date_trunc('milliseconds', "ts")) * 1000) AS bigint) AS ms
  FROM "events"
),
k_ev AS (
  SELECT u, n, ms, (CAST((TIMESTAMPTZ '1970-01-01 00:00:00+00' + ms * INTERVAL '1 millisecond') AT TIME ZONE CAST($1 AS text) AS date) - DATE '1970-01-01') AS d
  FROM k_src
  WHERE u IS NOT NULL AND u <> '' AND n IS NOT NULL AND n <> '' AND ms IS NOT NULL
),
k_bounds AS (
  SELECT CAST(m.lo AS bigint) AS from_day, CAST(m.hi AS bigint) AS to_day, x.bad AS invalid
  FROM (SELECT min(d) AS lo, max(d) AS hi FROM k_ev) AS m
  CROSS JOIN (SELECT count(*) AS bad FROM k_src WHERE NOT (u IS NOT NULL AND u <> '' AND n IS NOT NULL AND n <> '' AND ms IS NOT NULL)) AS x
),
k_firsts AS (
  SELECT u, min(ms) AS first_ms
  FROM k_ev
  WHERE n = CAST($3 AS text)
  GROUP BY u
),
k_cohort_users AS (
  SELECT f.u AS u, CAST(floor(CAST((CAST((TIMESTAMPTZ '1970-01-01 00:00:00+00' + f.first_ms * INTERVAL '1 millisecond') AT TIME ZONE CAST($1 AS text) AS date) - DATE '1970-01-01') + 3 AS double precision) / 7) AS bigint) AS cohort
  FROM k_firsts AS f
  CROSS JOIN k_bounds AS b
  WHERE (CAST((TIMESTAMPTZ '1970-01-01 00:00:00+00' + f.first_ms * INTERVAL '1 millisecond') AT TIME ZONE CAST($1 AS text) AS date) - DATE '1970-01-01') BETWEEN b.from_day AND b.to_day
),
k_returns AS (
  SELECT DISTINCT e.u AS u, CAST(floor(CAST(e.d + 3 AS double precision) / 7) AS bigint) AS p
  FROM k_ev AS e
  CROSS JOIN k_bounds AS b
  WHERE e.d BETWEEN b.from_day AND b.to_day
),
k_cells AS (
  SELECT cohort, 0 AS k, count(*) AS users
  FROM k_cohort_users
  GROUP BY cohort
  UNION ALL
  SELECT c.cohort AS cohort, r.p - c.cohort AS k, count(*) AS users
  FROM k_cohort_users AS c
  JOIN k_returns AS r ON r.u = c.u
  WHERE r.p - c.cohort BETWEEN 1 AND CAST($2 AS bigint)
  GROUP BY c.cohort, r.p - c.cohort
)
SELECT b.from_day, b.to_day, b.invalid, r.cohort, r.k, r.users
FROM k_bounds AS b
LEFT JOIN k_cells AS r ON TRUE
-- params: ["Europe/Paris",8,"signup"]
