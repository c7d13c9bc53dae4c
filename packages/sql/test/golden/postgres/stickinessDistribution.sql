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
k_unit_all AS (
  SELECT e.u AS u, e.p AS p, max(CASE WHEN (e.n IN (CAST($2 AS text), CAST($3 AS text))) AND (e.d >= CAST($4 AS bigint)) AND (e.d <= CAST($5 AS bigint)) THEN 1 ELSE 0 END) AS act, min(e.d) AS lo, max(e.d) AS hi
  FROM (SELECT s.*, CASE WHEN (s.d + 3) >= 0 THEN (s.d + 3) / 7 ELSE ((s.d + 3) + 1) / 7 - 1 END AS p FROM k_ev AS s) AS e
  GROUP BY e.u, e.p
),
k_bounds AS (
  SELECT CAST($4 AS bigint) AS from_day, CAST($5 AS bigint) AS to_day, x.bad AS invalid
  FROM k_span AS x
),
k_unit_periods AS (
  SELECT u, p
  FROM k_unit_all
  WHERE act = 1
),
k_by_count AS (
  SELECT k, count(*) AS units
  FROM (SELECT u, count(*) AS k FROM k_unit_periods GROUP BY u) AS c
  GROUP BY k
)
SELECT b.from_day, b.to_day, b.invalid, r.k, r.units
FROM k_bounds AS b
LEFT JOIN k_by_count AS r ON TRUE
-- params: ["Europe/Paris","login","view",19786,19813]
