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
  SELECT u, n, ms, p0, p1, CASE WHEN off IS NULL THEN (CAST((epoch_ms(ms) AT TIME ZONE 'UTC') AT TIME ZONE CAST($1 AS VARCHAR) AS DATE) - DATE '1970-01-01') ELSE CASE WHEN (ms + off) >= 0 THEN (ms + off) // 86400000 ELSE ((ms + off) + 1) // 86400000 - 1 END END AS d
  FROM (
    SELECT s.u AS u, s.n AS n, s.ms AS ms, s.p0 AS p0, s.p1 AS p1, CASE WHEN z.uniform THEN z.o ELSE z.offs[CASE WHEN s.ms >= 0 THEN s.ms // 86400000 ELSE (s.ms + 1) // 86400000 - 1 END - z.g0 + 1] END AS off
    FROM (SELECT CAST("user_id" AS VARCHAR) AS u, CAST("event_name" AS VARCHAR) AS n, epoch_ms("ts") AS ms, "feature" AS p0, "plan" AS p1 FROM "events") AS s
    CROSS JOIN k_zone AS z
  ) AS s
),
k_bounds AS (
  SELECT CAST($3 AS BIGINT) AS from_day, CAST($4 AS BIGINT) AS to_day, x.bad AS invalid
  FROM k_span AS x
),
k_end AS (
  SELECT max(d) AS last_day FROM k_ev
),
k_first AS (
  SELECT u, min(ms) AS s
  FROM k_ev
  WHERE n = CAST($2 AS VARCHAR)
  GROUP BY u
),
k_start_days AS (
  SELECT u, s, CASE WHEN off IS NULL THEN (CAST((epoch_ms(s) AT TIME ZONE 'UTC') AT TIME ZONE CAST($1 AS VARCHAR) AS DATE) - DATE '1970-01-01') ELSE CASE WHEN (s + off) >= 0 THEN (s + off) // 86400000 ELSE ((s + off) + 1) // 86400000 - 1 END END AS sd
  FROM (
    SELECT s.u AS u, s.s AS s, CASE WHEN z.uniform THEN z.o ELSE z.offs[CASE WHEN s.s >= 0 THEN s.s // 86400000 ELSE (s.s + 1) // 86400000 - 1 END - z.g0 + 1] END AS off
    FROM k_first AS s
    CROSS JOIN k_zone AS z
  ) AS s
),
k_new AS (
  SELECT z.u AS u, z.s AS s, CASE WHEN z.cd > x.last_day THEN 1 ELSE 0 END AS cens
  FROM (
    SELECT u, s, sd, CASE WHEN off IS NULL THEN (CAST((epoch_ms(c) AT TIME ZONE 'UTC') AT TIME ZONE CAST($1 AS VARCHAR) AS DATE) - DATE '1970-01-01') ELSE CASE WHEN (c + off) >= 0 THEN (c + off) // 86400000 ELSE ((c + off) + 1) // 86400000 - 1 END END AS cd
    FROM (
      SELECT s.u AS u, s.s AS s, s.sd AS sd, s.c AS c, CASE WHEN z.uniform THEN z.o ELSE z.offs[CASE WHEN s.c >= 0 THEN s.c // 86400000 ELSE (s.c + 1) // 86400000 - 1 END - z.g0 + 1] END AS off
      FROM (SELECT u, s, sd, s + CAST($7 AS BIGINT) - 1 AS c FROM k_start_days) AS s
      CROSS JOIN k_zone AS z
    ) AS s
  ) AS z
  CROSS JOIN k_end AS x
  WHERE (z.sd >= CAST($3 AS BIGINT)) AND (z.sd <= CAST($4 AS BIGINT))
),
k_units AS (
  SELECT w.u AS u, w.s AS s, w.cens AS cens, max(CASE WHEN (e.ms >= w.s + CAST($6 AS BIGINT)) AND (e.ms < w.s + CAST($7 AS BIGINT)) AND (e.p1 = CAST($5 AS VARCHAR)) THEN 1 ELSE 0 END) AS r
  FROM k_new AS w
  JOIN k_ev AS e ON e.u = w.u
  GROUP BY w.u, w.s, w.cens
),
k_totals AS (
  SELECT t.new_units AS new_units, t.censored AS censored, t.retained AS retained, x.last_day AS last_day
  FROM (SELECT count(*) AS new_units, sum(cens) AS censored, sum(CASE WHEN cens = 0 THEN r ELSE 0 END) AS retained FROM k_units) AS t
  CROSS JOIN k_end AS x
),
k_cand AS (
  SELECT CAST(0 AS BIGINT) AS i, CAST($9 AS VARCHAR) AS n
  UNION ALL
  SELECT CAST(1 AS BIGINT) AS i, CAST($10 AS VARCHAR) AS n
),
k_acts AS (
  SELECT a.u AS u, a.r AS r, k.i AS c, count(DISTINCT a.ms) AS times
  FROM (
    SELECT e.u AS u, e.n AS n, e.ms AS ms, e.p0 AS p0, e.p1 AS p1, w.r AS r
    FROM k_units AS w
    JOIN k_ev AS e ON e.u = w.u
    WHERE w.cens = 0 AND e.ms >= w.s AND e.ms < w.s + CAST($11 AS BIGINT) AND NOT (e.n = CAST($2 AS VARCHAR) AND e.ms = w.s)
  ) AS a
  JOIN k_cand AS k ON k.n = a.n
  WHERE CASE k.i WHEN 0 THEN TRUE WHEN 1 THEN a.p0 = CAST($8 AS VARCHAR) END
  GROUP BY a.u, a.r, k.i
),
k_tally AS (
  SELECT c, sum(CASE WHEN times >= CAST($12 AS BIGINT) THEN 1 ELSE 0 END) AS did_0, sum(CASE WHEN times >= CAST($12 AS BIGINT) THEN r ELSE 0 END) AS kept_0, sum(CASE WHEN times >= CAST($13 AS BIGINT) THEN 1 ELSE 0 END) AS did_1, sum(CASE WHEN times >= CAST($13 AS BIGINT) THEN r ELSE 0 END) AS kept_1
  FROM k_acts
  GROUP BY c
),
k_out AS (
  SELECT t.new_units AS new_units, t.censored AS censored, t.retained AS retained, t.last_day AS last_day, r.c AS c, r.did_0 AS did_0, r.kept_0 AS kept_0, r.did_1 AS did_1, r.kept_1 AS kept_1
  FROM k_totals AS t
  LEFT JOIN k_tally AS r ON TRUE
)
SELECT b.from_day, b.to_day, b.invalid, r.new_units, r.censored, r.retained, r.last_day, r.c, r.did_0, r.kept_0, r.did_1, r.kept_1
FROM k_bounds AS b
LEFT JOIN k_out AS r ON TRUE
-- params: ["Europe/Paris","signup",19783,19813,"pro",604800000,1209600000,"reports","invite_teammate","feature_used",259200000,1,3]
