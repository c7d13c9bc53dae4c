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
  SELECT u, n, ms, p0, p1, p2, CASE WHEN off IS NULL THEN (CAST((TIMESTAMPTZ '1970-01-01 00:00:00+00' + ms * INTERVAL '1 millisecond') AT TIME ZONE CAST($1 AS text) AS date) - DATE '1970-01-01') ELSE CASE WHEN (ms + off) >= 0 THEN (ms + off) / 86400000 ELSE ((ms + off) + 1) / 86400000 - 1 END END AS d
  FROM (
    SELECT s.u AS u, s.n AS n, s.ms AS ms, s.p0 AS p0, s.p1 AS p1, s.p2 AS p2, CASE WHEN z.uniform THEN z.o ELSE (z.offs)[CASE WHEN s.ms >= 0 THEN s.ms / 86400000 ELSE (s.ms + 1) / 86400000 - 1 END - z.g0 + 1] END AS off
    FROM (SELECT CAST("user_id" AS text) AS u, CAST("event_name" AS text) AS n, CAST(round(extract(epoch FROM date_trunc('milliseconds', "ts")) * 1000) AS bigint) AS ms, "plan" AS p0, "seats" AS p1, "country" AS p2 FROM "events") AS s
    CROSS JOIN k_zone AS z
  ) AS s
),
k_periods AS (
  SELECT u, p, max(CASE WHEN ((n = CAST($3 AS text)) OR ((n = CAST($5 AS text)) AND (p1 = CAST($6 AS double precision)))) THEN 1 ELSE 0 END) AS ret, min(d) AS lo, max(d) AS hi
  FROM (SELECT u, n, ms, d, p0 AS p0, p1 AS p1, p2 AS p2, CASE WHEN (d + 3) >= 0 THEN (d + 3) / 7 ELSE ((d + 3) + 1) / 7 - 1 END AS p FROM k_ev) AS e
  GROUP BY u, p
),
k_bounds AS (
  SELECT CAST(m.lo AS bigint) AS from_day, CAST(m.hi AS bigint) AS to_day, x.bad AS invalid
  FROM (SELECT min(lo) AS lo, max(hi) AS hi FROM k_periods) AS m
  CROSS JOIN k_span AS x
),
k_starts AS (
  SELECT u, p, d, bv, row_number() OVER (PARTITION BY u, p ORDER BY ms, (n COLLATE "C"), CASE WHEN bv IS NULL THEN 0 ELSE 1 END, (CAST(bv AS text) COLLATE "C")) AS pick
  FROM (SELECT u, n, ms, d, p0 AS p0, p1 AS p1, p2 AS p2, p2 AS bv, CASE WHEN (d + 3) >= 0 THEN (d + 3) / 7 ELSE ((d + 3) + 1) / 7 - 1 END AS p FROM k_ev) AS e
  WHERE (n = CAST($3 AS text)) AND (p0 = CAST($4 AS text))
),
k_cohort_users AS (
  SELECT u, p AS cohort, bv, count(*) OVER (PARTITION BY bv) AS total
  FROM k_starts
  WHERE pick = 1
),
k_value_ranks AS (
  SELECT a.*, dense_rank() OVER (ORDER BY CASE WHEN bv IS NULL THEN 1 ELSE 0 END, total DESC, (CAST(bv AS text) COLLATE "C")) AS r
  FROM k_cohort_users AS a
),
k_grouped AS (
  SELECT u, cohort, CAST(CASE WHEN bv IS NULL THEN 12 WHEN r <= 10 THEN r ELSE 11 END AS bigint) AS grp,
    CASE WHEN r <= 10 THEN bv END AS tag
  FROM k_value_ranks
),
k_cells AS (
  SELECT cohort, 0 AS k, count(*) AS users, grp, tag
  FROM k_grouped
  GROUP BY cohort, grp, tag
  UNION ALL
  SELECT cohort, CASE WHEN reached > CAST($2 AS bigint) THEN CAST($2 AS bigint) ELSE reached END AS k, count(*) AS users, grp, tag
  FROM (
    SELECT c.u AS u, c.cohort AS cohort, c.grp, c.tag, max(r.p - c.cohort) AS reached
    FROM k_grouped AS c
    JOIN k_periods AS r ON r.u = c.u
    WHERE r.ret = 1
    GROUP BY c.u, c.cohort, c.grp, c.tag
  ) AS latest
  WHERE reached >= 1
  GROUP BY cohort, CASE WHEN reached > CAST($2 AS bigint) THEN CAST($2 AS bigint) ELSE reached END, grp, tag
),
k_out AS (
  SELECT cohort, k, users, grp, tag AS value, CAST(pg_typeof(tag) AS text) AS value_type
  FROM k_cells
)
SELECT b.from_day, b.to_day, b.invalid, r.cohort, r.k, r.users, r.grp, r.value, r.value_type
FROM k_bounds AS b
LEFT JOIN k_out AS r ON TRUE
-- params: ["Europe/Paris",8,"login","pro","purchase",1]
