WITH k_span AS (
  SELECT CASE WHEN (CAST(round(extract(epoch FROM date_trunc('milliseconds', min(t))) * 1000) AS bigint)) >= 0 THEN (CAST(round(extract(epoch FROM date_trunc('milliseconds', min(t))) * 1000) AS bigint)) / 86400000 ELSE ((CAST(round(extract(epoch FROM date_trunc('milliseconds', min(t))) * 1000) AS bigint)) + 1) / 86400000 - 1 END AS g0, CASE WHEN (CAST(round(extract(epoch FROM date_trunc('milliseconds', max(t))) * 1000) AS bigint)) >= 0 THEN (CAST(round(extract(epoch FROM date_trunc('milliseconds', max(t))) * 1000) AS bigint)) / 86400000 ELSE ((CAST(round(extract(epoch FROM date_trunc('milliseconds', max(t))) * 1000) AS bigint)) + 1) / 86400000 - 1 END AS g1, count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST("user_id" AS text) AS u, CAST("event_name" AS text) AS n, "ts" AS t FROM "events") AS s
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
  SELECT u, n, ms, CASE WHEN off IS NULL THEN (CAST((TIMESTAMPTZ '1970-01-01 00:00:00+00' + ms * INTERVAL '1 millisecond') AT TIME ZONE CAST($1 AS text) AS date) - DATE '1970-01-01') ELSE CASE WHEN (ms + off) >= 0 THEN (ms + off) / 86400000 ELSE ((ms + off) + 1) / 86400000 - 1 END END AS d
  FROM (
    SELECT s.u AS u, s.n AS n, s.ms AS ms, CASE WHEN z.uniform THEN z.o ELSE (z.offs)[CASE WHEN s.ms >= 0 THEN s.ms / 86400000 ELSE (s.ms + 1) / 86400000 - 1 END - z.g0 + 1] END AS off
    FROM (SELECT CAST("user_id" AS text) AS u, CAST("event_name" AS text) AS n, CAST(round(extract(epoch FROM date_trunc('milliseconds', "ts")) * 1000) AS bigint) AS ms FROM "events") AS s
    CROSS JOIN k_zone AS z
  ) AS s
),
k_periods AS (
  SELECT u, p, min(CASE WHEN n = CAST($3 AS text) THEN ms END) AS first_at, min(d) AS lo, max(d) AS hi
  FROM (SELECT u, n, ms, d, CASE WHEN (d + 3) >= 0 THEN (d + 3) / 7 ELSE ((d + 3) + 1) / 7 - 1 END AS p FROM k_ev) AS e
  GROUP BY u, p
),
k_bounds AS (
  SELECT CAST(m.lo AS bigint) AS from_day, CAST(m.hi AS bigint) AS to_day, x.bad AS invalid
  FROM (SELECT min(lo) AS lo, max(hi) AS hi FROM k_periods) AS m
  CROSS JOIN k_span AS x
),
k_cohort_users AS (
  SELECT u, CASE WHEN (first_day + 3) >= 0 THEN (first_day + 3) / 7 ELSE ((first_day + 3) + 1) / 7 - 1 END AS cohort
  FROM (
    SELECT u, CASE WHEN off IS NULL THEN (CAST((TIMESTAMPTZ '1970-01-01 00:00:00+00' + first_at * INTERVAL '1 millisecond') AT TIME ZONE CAST($1 AS text) AS date) - DATE '1970-01-01') ELSE CASE WHEN (first_at + off) >= 0 THEN (first_at + off) / 86400000 ELSE ((first_at + off) + 1) / 86400000 - 1 END END AS first_day
    FROM (
      SELECT s.u AS u, s.first_at AS first_at, CASE WHEN z.uniform THEN z.o ELSE (z.offs)[CASE WHEN s.first_at >= 0 THEN s.first_at / 86400000 ELSE (s.first_at + 1) / 86400000 - 1 END - z.g0 + 1] END AS off
      FROM (SELECT u, min(first_at) AS first_at FROM k_periods GROUP BY u) AS s
      CROSS JOIN k_zone AS z
    ) AS s
  ) AS firsts
  WHERE first_day IS NOT NULL
),
k_cells AS (
  SELECT c.cohort AS cohort, r.p - c.cohort AS k, count(*) AS users
  FROM k_cohort_users AS c
  JOIN k_periods AS r ON r.u = c.u
  WHERE r.p - c.cohort BETWEEN 0 AND CAST($2 AS bigint)
  GROUP BY c.cohort, r.p - c.cohort
)
SELECT b.from_day, b.to_day, b.invalid, r.cohort, r.k, r.users
FROM k_bounds AS b
LEFT JOIN k_cells AS r ON TRUE
-- params: ["Europe/Paris",8,"signup"]
