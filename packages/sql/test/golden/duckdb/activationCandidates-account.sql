WITH k_span AS (
  SELECT CASE WHEN (epoch_ms(min(t))) >= 0 THEN (epoch_ms(min(t))) // 86400000 ELSE ((epoch_ms(min(t))) + 1) // 86400000 - 1 END AS lo_day, CASE WHEN (epoch_ms(max(t))) >= 0 THEN (epoch_ms(max(t))) // 86400000 ELSE ((epoch_ms(max(t))) + 1) // 86400000 - 1 END AS hi_day, count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST("user_id" AS VARCHAR) AS u, CAST("event_name" AS VARCHAR) AS n, "ts" AS t FROM "events") AS s
),
k_unit AS (
  SELECT g.n AS unit_groups, x.n AS unit_ungrouped
  FROM (SELECT count(DISTINCT CAST("account_id" AS VARCHAR)) AS n FROM "events" WHERE CAST("account_id" AS VARCHAR) IS NOT NULL AND CAST("account_id" AS VARCHAR) <> '') AS g
  CROSS JOIN (SELECT count(*) AS n FROM (SELECT DISTINCT "user_id" AS u, "event_name" AS n, epoch_ms("ts") AS ms FROM "events" WHERE NOT (CAST("account_id" AS VARCHAR) IS NOT NULL AND CAST("account_id" AS VARCHAR) <> '')) AS s) AS x
),
k_ev AS (
  SELECT s.u AS u, s.n AS n, s.ms AS ms, CASE WHEN s.ms >= 0 THEN s.ms // 86400000 ELSE (s.ms + 1) // 86400000 - 1 END AS d
  FROM (SELECT CAST("account_id" AS VARCHAR) AS u, CAST("event_name" AS VARCHAR) AS n, epoch_ms("ts") AS ms FROM "events" WHERE CAST("account_id" AS VARCHAR) IS NOT NULL AND CAST("account_id" AS VARCHAR) <> '') AS s
),
k_bounds AS (
  SELECT CAST(m.lo AS BIGINT) AS from_day, CAST(m.hi AS BIGINT) AS to_day, m.bad AS invalid
  FROM (SELECT lo_day AS lo, hi_day AS hi, bad FROM k_span) AS m
),
k_end AS (
  SELECT hi_day AS last_day FROM k_span
),
k_first AS (
  SELECT u, min(ms) AS s
  FROM k_ev
  WHERE n = CAST($1 AS VARCHAR)
  GROUP BY u
),
k_start_days AS (
  SELECT s.u AS u, s.s AS s, CASE WHEN s.s >= 0 THEN s.s // 86400000 ELSE (s.s + 1) // 86400000 - 1 END AS sd
  FROM k_first AS s
),
k_new AS (
  SELECT z.u AS u, z.s AS s, CASE WHEN z.cd > x.last_day THEN 1 ELSE 0 END AS cens
  FROM (
    SELECT s.u AS u, s.s AS s, s.sd AS sd, CASE WHEN s.c >= 0 THEN s.c // 86400000 ELSE (s.c + 1) // 86400000 - 1 END AS cd
    FROM (SELECT u, s, sd, s + CAST($3 AS BIGINT) - 1 AS c FROM k_start_days) AS s
  ) AS z
  CROSS JOIN k_end AS x
),
k_units AS (
  SELECT w.u AS u, w.s AS s, w.cens AS cens, max(CASE WHEN (e.ms >= w.s + CAST($2 AS BIGINT)) AND (e.ms < w.s + CAST($3 AS BIGINT)) THEN 1 ELSE 0 END) AS r
  FROM k_new AS w
  JOIN k_ev AS e ON e.u = w.u
  GROUP BY w.u, w.s, w.cens
),
k_totals AS (
  SELECT t.new_units AS new_units, t.censored AS censored, t.retained AS retained, x.last_day AS last_day
  FROM (SELECT count(*) AS new_units, sum(cens) AS censored, sum(CASE WHEN cens = 0 THEN r ELSE 0 END) AS retained FROM k_units) AS t
  CROSS JOIN k_end AS x
),
k_acts AS (
  SELECT a.u AS u, a.r AS r, a.n AS c, count(DISTINCT a.ms) AS times
  FROM (
    SELECT e.u AS u, e.n AS n, e.ms AS ms, w.r AS r
    FROM k_units AS w
    JOIN k_ev AS e ON e.u = w.u
    WHERE w.cens = 0 AND e.ms >= w.s AND e.ms < w.s + CAST($2 AS BIGINT) AND e.n <> CAST($1 AS VARCHAR)
  ) AS a
  GROUP BY a.u, a.r, a.n
),
k_tally AS (
  SELECT c, sum(CASE WHEN times >= CAST($4 AS BIGINT) THEN 1 ELSE 0 END) AS did_0, sum(CASE WHEN times >= CAST($4 AS BIGINT) THEN r ELSE 0 END) AS kept_0, sum(CASE WHEN times >= CAST($5 AS BIGINT) THEN 1 ELSE 0 END) AS did_1, sum(CASE WHEN times >= CAST($5 AS BIGINT) THEN r ELSE 0 END) AS kept_1, sum(CASE WHEN times >= CAST($6 AS BIGINT) THEN 1 ELSE 0 END) AS did_2, sum(CASE WHEN times >= CAST($6 AS BIGINT) THEN r ELSE 0 END) AS kept_2, sum(CASE WHEN times >= CAST($7 AS BIGINT) THEN 1 ELSE 0 END) AS did_3, sum(CASE WHEN times >= CAST($7 AS BIGINT) THEN r ELSE 0 END) AS kept_3
  FROM k_acts
  GROUP BY c
  UNION ALL
  SELECT DISTINCT CAST("event_name" AS VARCHAR) AS c, 0 AS did_0, 0 AS kept_0, 0 AS did_1, 0 AS kept_1, 0 AS did_2, 0 AS kept_2, 0 AS did_3, 0 AS kept_3
  FROM "events"
  WHERE CAST("event_name" AS VARCHAR) <> CAST($1 AS VARCHAR)
),
k_out AS (
  SELECT t.new_units AS new_units, t.censored AS censored, t.retained AS retained, t.last_day AS last_day, r.c AS c, r.did_0 AS did_0, r.kept_0 AS kept_0, r.did_1 AS did_1, r.kept_1 AS kept_1, r.did_2 AS did_2, r.kept_2 AS kept_2, r.did_3 AS did_3, r.kept_3 AS kept_3
  FROM k_totals AS t
  LEFT JOIN k_tally AS r ON TRUE
)
SELECT b.from_day, b.to_day, b.invalid, x.unit_groups, x.unit_ungrouped, r.new_units, r.censored, r.retained, r.last_day, r.c, r.did_0, r.kept_0, r.did_1, r.kept_1, r.did_2, r.kept_2, r.did_3, r.kept_3
FROM k_bounds AS b
CROSS JOIN k_unit AS x
LEFT JOIN k_out AS r ON TRUE
-- params: ["signup",604800000,1209600000,1,2,3,5]
