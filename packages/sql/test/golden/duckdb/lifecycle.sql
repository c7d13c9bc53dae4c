WITH k_span AS (
  SELECT CASE WHEN (epoch_ms(min(t))) >= 0 THEN (epoch_ms(min(t))) // 86400000 ELSE ((epoch_ms(min(t))) + 1) // 86400000 - 1 END AS g0, CASE WHEN (epoch_ms(max(t))) >= 0 THEN (epoch_ms(max(t))) // 86400000 ELSE ((epoch_ms(max(t))) + 1) // 86400000 - 1 END AS g1, count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST("user_id" AS VARCHAR) AS u, CAST("event_name" AS VARCHAR) AS n, "ts" AS t FROM "events") AS s
),
k_zone AS (
  SELECT min(g) AS g0, max(span_hi) = min(span_lo) + count(*) - 1 AND min(o0) = max(o0) AND bool_and(o0 = o1) AS uniform, min(o0) AS o,
    list(CASE WHEN o0 = o1 THEN o0 END ORDER BY g) AS offs
  FROM (
    SELECT r.g AS g, s.g0 AS span_lo, s.g1 AS span_hi, epoch_ms(CAST((epoch_ms(r.g * 86400000) AT TIME ZONE 'UTC') AT TIME ZONE CAST($1 AS VARCHAR) AS TIMESTAMP)) - (r.g * 86400000) AS o0, epoch_ms(CAST((epoch_ms((r.g * 86400000 + 86399999)) AT TIME ZONE 'UTC') AT TIME ZONE CAST($1 AS VARCHAR) AS TIMESTAMP)) - (r.g * 86400000 + 86399999) AS o1
    FROM k_span AS s, range(s.g0, least(s.g1, s.g0 + 36599) + 1) AS r(g)
  ) AS days
),
k_ev AS (
  SELECT u, n, ms, CASE WHEN off IS NULL THEN (CAST((epoch_ms(ms) AT TIME ZONE 'UTC') AT TIME ZONE CAST($1 AS VARCHAR) AS DATE) - DATE '1970-01-01') ELSE CASE WHEN (ms + off) >= 0 THEN (ms + off) // 86400000 ELSE ((ms + off) + 1) // 86400000 - 1 END END AS d
  FROM (
    SELECT s.u AS u, s.n AS n, s.ms AS ms, CASE WHEN z.uniform THEN z.o ELSE z.offs[CASE WHEN s.ms >= 0 THEN s.ms // 86400000 ELSE (s.ms + 1) // 86400000 - 1 END - z.g0 + 1] END AS off
    FROM (SELECT CAST("user_id" AS VARCHAR) AS u, CAST("event_name" AS VARCHAR) AS n, epoch_ms("ts") AS ms FROM "events") AS s
    CROSS JOIN k_zone AS z
  ) AS s
),
k_unit_all AS (
  SELECT e.u AS u, e.p AS p, max(CASE WHEN (e.d >= CAST($2 AS BIGINT) OR e.p = CAST($3 AS BIGINT)) AND (e.d <= CAST($4 AS BIGINT)) THEN 1 ELSE 0 END) AS act, max(CASE WHEN e.n = CAST($5 AS VARCHAR) THEN 1 ELSE 0 END) AS nw, min(e.d) AS lo, max(e.d) AS hi
  FROM (SELECT s.*, CASE WHEN (s.d + 3) >= 0 THEN (s.d + 3) // 7 ELSE ((s.d + 3) + 1) // 7 - 1 END AS p FROM k_ev AS s) AS e
  GROUP BY e.u, e.p
),
k_bounds AS (
  SELECT CAST($2 AS BIGINT) AS from_day, CAST($4 AS BIGINT) AS to_day, x.bad AS invalid
  FROM k_span AS x
),
k_unit_periods AS (
  SELECT u, p
  FROM k_unit_all
  WHERE act = 1
),
k_new AS (
  SELECT u, min(CASE WHEN nw = 1 THEN p END) AS np
  FROM k_unit_all
  GROUP BY u
),
k_walk AS (
  SELECT u, p, lag(p) OVER (PARTITION BY u ORDER BY p) AS prev, lag(p) OVER (PARTITION BY u ORDER BY p DESC) AS next
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
SELECT b.from_day, b.to_day, b.invalid, r.p, r.act, r.ret, r.fresh, r.gone
FROM k_bounds AS b
LEFT JOIN k_counts AS r ON TRUE
-- params: ["Europe/Paris",19788,2826,19813,"signup"]
