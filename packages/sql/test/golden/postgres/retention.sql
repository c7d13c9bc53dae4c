WITH k_span AS (
  SELECT ((CAST(round(extract(epoch FROM date_trunc('milliseconds', min(t))) * 1000) AS bigint)) + 2305843009142400000) / 86400000 - 26687997791 AS g0, ((CAST(round(extract(epoch FROM date_trunc('milliseconds', max(t))) * 1000) AS bigint)) + 2305843009142400000) / 86400000 - 26687997791 AS g1
  FROM (SELECT "ts" AS t FROM "events") AS s
),
k_zone AS (
  SELECT min(g) AS g0, max(span_hi) = min(span_lo) + count(*) - 1 AND min(o0) = max(o0) AND bool_and(o0 = o1) AS uniform, min(o0) AS o,
    array_agg(CASE WHEN o0 = o1 THEN o0 END ORDER BY g) AS offs
  FROM (
    SELECT r.g AS g, s.g0 AS span_lo, s.g1 AS span_hi, CAST(round(extract(epoch FROM ((TIMESTAMPTZ '1970-01-01 00:00:00+00' + r.g * 86400000 * INTERVAL '1 millisecond') AT TIME ZONE CAST($1 AS text))) * 1000) AS bigint) - (r.g * 86400000) AS o0, CAST(round(extract(epoch FROM ((TIMESTAMPTZ '1970-01-01 00:00:00+00' + (r.g * 86400000 + 86399999) * INTERVAL '1 millisecond') AT TIME ZONE CAST($1 AS text))) * 1000) AS bigint) - (r.g * 86400000 + 86399999) AS o1
    FROM k_span AS s, generate_series(s.g0, least(s.g1, s.g0 + 36599)) AS r(g)
  ) AS days
),
k_ev AS (
  SELECT s.u AS u, s.n AS n, s.ms AS ms, CASE WHEN z.uniform THEN ((s.ms + z.o) + 2305843009142400000) / 86400000 - 26687997791 WHEN (z.offs)[((s.ms) + 2305843009142400000) / 86400000 - 26687997791 - z.g0 + 1] IS NOT NULL THEN ((s.ms + (z.offs)[((s.ms) + 2305843009142400000) / 86400000 - 26687997791 - z.g0 + 1]) + 2305843009142400000) / 86400000 - 26687997791 ELSE (CAST((TIMESTAMPTZ '1970-01-01 00:00:00+00' + s.ms * INTERVAL '1 millisecond') AT TIME ZONE CAST($1 AS text) AS date) - DATE '1970-01-01') END AS d
  FROM (SELECT CAST("user_id" AS text) AS u, CAST("event_name" AS text) AS n, CAST(round(extract(epoch FROM date_trunc('milliseconds', "ts")) * 1000) AS bigint) AS ms FROM "events") AS s
  CROSS JOIN k_zone AS z
),
k_periods AS (
  SELECT u, p, min(CASE WHEN n = CAST($3 AS text) THEN ms END) AS first_ms,
    1 AS ret, min(d) AS lo, max(d) AS hi, count(*) AS c_all, count(CASE WHEN n IS NOT NULL AND n <> '' AND ms IS NOT NULL THEN 1 END) AS c_ok
  FROM (SELECT u, n, ms, d, ((d + 3) + 2305843009213693950) / 7 - 329406144173384850 AS p FROM k_ev) AS e
  GROUP BY u, p
),
k_bounds AS (
  SELECT CAST(m.lo AS bigint) AS from_day, CAST(m.hi AS bigint) AS to_day, x.bad AS invalid
  FROM (SELECT min(lo) AS lo, max(hi) AS hi FROM k_periods) AS m
  CROSS JOIN (SELECT sum(CAST(CASE WHEN u IS NULL OR u = '' THEN c_all ELSE c_all - c_ok END AS bigint)) AS bad FROM k_periods) AS x
),
k_cohort_users AS (
  SELECT u, ((first_day + 3) + 2305843009213693950) / 7 - 329406144173384850 AS cohort
  FROM (
    SELECT f.u AS u, CASE WHEN z.uniform THEN ((f.first_ms + z.o) + 2305843009142400000) / 86400000 - 26687997791 WHEN (z.offs)[((f.first_ms) + 2305843009142400000) / 86400000 - 26687997791 - z.g0 + 1] IS NOT NULL THEN ((f.first_ms + (z.offs)[((f.first_ms) + 2305843009142400000) / 86400000 - 26687997791 - z.g0 + 1]) + 2305843009142400000) / 86400000 - 26687997791 ELSE (CAST((TIMESTAMPTZ '1970-01-01 00:00:00+00' + f.first_ms * INTERVAL '1 millisecond') AT TIME ZONE CAST($1 AS text) AS date) - DATE '1970-01-01') END AS first_day
    FROM (SELECT u, min(first_ms) AS first_ms FROM k_periods GROUP BY u) AS f
    CROSS JOIN k_zone AS z
    WHERE f.first_ms IS NOT NULL
  ) AS firsts
  CROSS JOIN k_bounds AS b
  WHERE first_day BETWEEN b.from_day AND b.to_day
),
k_cells AS (
  SELECT cohort, 0 AS k, count(*) AS users
  FROM k_cohort_users
  GROUP BY cohort
  UNION ALL
  SELECT c.cohort AS cohort, r.p - c.cohort AS k, count(*) AS users
  FROM k_cohort_users AS c
  JOIN k_periods AS r ON r.u = c.u
  WHERE r.ret = 1 AND r.p - c.cohort BETWEEN 1 AND CAST($2 AS bigint)
  GROUP BY c.cohort, r.p - c.cohort
)
SELECT b.from_day, b.to_day, b.invalid, r.cohort, r.k, r.users
FROM k_bounds AS b
LEFT JOIN k_cells AS r ON TRUE
-- params: ["Europe/Paris",8,"signup"]
