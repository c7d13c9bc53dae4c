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
k_all_days AS (
  SELECT ms, CASE WHEN off IS NULL THEN (CAST((epoch_ms(ms) AT TIME ZONE 'UTC') AT TIME ZONE CAST($1 AS VARCHAR) AS DATE) - DATE '1970-01-01') ELSE CASE WHEN (ms + off) >= 0 THEN (ms + off) // 86400000 ELSE ((ms + off) + 1) // 86400000 - 1 END END AS d
  FROM (
    SELECT s.ms AS ms, CASE WHEN z.uniform THEN z.o ELSE z.offs[CASE WHEN s.ms >= 0 THEN s.ms // 86400000 ELSE (s.ms + 1) // 86400000 - 1 END - z.g0 + 1] END AS off
    FROM (SELECT epoch_ms("ts") AS ms FROM "events") AS s
    CROSS JOIN k_zone AS z
  ) AS s
),
k_unit AS (
  SELECT g.n AS unit_groups, x.n AS unit_ungrouped
  FROM (SELECT count(DISTINCT CAST("account_id" AS VARCHAR)) AS n FROM "events" WHERE CAST("account_id" AS VARCHAR) IS NOT NULL AND CAST("account_id" AS VARCHAR) <> '') AS g
  CROSS JOIN (SELECT count(*) AS n FROM (SELECT DISTINCT "user_id" AS u, "event_name" AS n, epoch_ms("ts") AS ms FROM "events" WHERE NOT (CAST("account_id" AS VARCHAR) IS NOT NULL AND CAST("account_id" AS VARCHAR) <> '')) AS s) AS x
),
k_ev AS (
  SELECT u, n, ms, p0, CASE WHEN off IS NULL THEN (CAST((epoch_ms(ms) AT TIME ZONE 'UTC') AT TIME ZONE CAST($1 AS VARCHAR) AS DATE) - DATE '1970-01-01') ELSE CASE WHEN (ms + off) >= 0 THEN (ms + off) // 86400000 ELSE ((ms + off) + 1) // 86400000 - 1 END END AS d
  FROM (
    SELECT s.u AS u, s.n AS n, s.ms AS ms, s.p0 AS p0, CASE WHEN z.uniform THEN z.o ELSE z.offs[CASE WHEN s.ms >= 0 THEN s.ms // 86400000 ELSE (s.ms + 1) // 86400000 - 1 END - z.g0 + 1] END AS off
    FROM (SELECT CAST("account_id" AS VARCHAR) AS u, CAST("event_name" AS VARCHAR) AS n, epoch_ms("ts") AS ms, "user_created_ms" AS p0 FROM "events" WHERE CAST("account_id" AS VARCHAR) IS NOT NULL AND CAST("account_id" AS VARCHAR) <> '') AS s
    CROSS JOIN k_zone AS z
  ) AS s
),
k_unit_all AS (
  SELECT e.u AS u, e.p AS p, max(1) AS act, min(e.d) AS lo, max(e.d) AS hi
  FROM (SELECT s.*, (year((DATE '1970-01-01' + CAST(s.d AS INTEGER))) * 12 + month((DATE '1970-01-01' + CAST(s.d AS INTEGER))) - 1) AS p FROM k_ev AS s) AS e
  GROUP BY e.u, e.p
),
k_bounds AS (
  SELECT CAST(m.lo AS BIGINT) AS from_day, CAST(m.hi AS BIGINT) AS to_day, x.bad AS invalid
  FROM (SELECT min(d) AS lo, max(d) AS hi FROM k_all_days) AS m
  CROSS JOIN k_span AS x
),
k_unit_periods AS (
  SELECT u, p
  FROM k_unit_all
  WHERE act = 1
),
k_new AS (
  SELECT c.u AS u, (year((DATE '1970-01-01' + CAST(c.cd AS INTEGER))) * 12 + month((DATE '1970-01-01' + CAST(c.cd AS INTEGER))) - 1) AS np
  FROM (
    SELECT u, CASE WHEN off IS NULL THEN (CAST((epoch_ms(ms) AT TIME ZONE 'UTC') AT TIME ZONE CAST($1 AS VARCHAR) AS DATE) - DATE '1970-01-01') ELSE CASE WHEN (ms + off) >= 0 THEN (ms + off) // 86400000 ELSE ((ms + off) + 1) // 86400000 - 1 END END AS cd
    FROM (
      SELECT s.u AS u, s.ms AS ms, CASE WHEN z.uniform THEN z.o ELSE z.offs[CASE WHEN s.ms >= 0 THEN s.ms // 86400000 ELSE (s.ms + 1) // 86400000 - 1 END - z.g0 + 1] END AS off
      FROM (SELECT u, min((CASE WHEN typeof(p0) IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'UTINYINT', 'USMALLINT', 'UINTEGER') THEN CAST(p0 AS BIGINT) ELSE CAST(trunc(p0) AS BIGINT) - CAST(p0 < trunc(p0) AS BIGINT) END)) AS ms FROM k_ev GROUP BY u) AS s
      CROSS JOIN k_zone AS z
    ) AS s
  ) AS c
  WHERE c.cd IS NOT NULL
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
SELECT b.from_day, b.to_day, b.invalid, x.unit_groups, x.unit_ungrouped, r.p, r.act, r.ret, r.fresh, r.gone
FROM k_bounds AS b
CROSS JOIN k_unit AS x
LEFT JOIN k_counts AS r ON TRUE
-- params: ["America/New_York"]
