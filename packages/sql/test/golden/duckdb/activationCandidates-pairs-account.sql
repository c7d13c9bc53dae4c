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
k_best AS (
  SELECT c, did_0, kept_0, did_1, kept_1, did_2, kept_2, did_3, kept_3, greatest(score_0, score_1, score_2, score_3) AS best
  FROM (
    SELECT c, did_0, kept_0, did_1, kept_1, did_2, kept_2, did_3, kept_3,
      CASE WHEN n1_0 >= CAST($9 AS BIGINT) AND n1_0 > 0 AND n2_0 > 0 AND rr > 0 AND ee - rr > 0 THEN (x1_0 / n1_0 - x2_0 / n2_0 - sqrt(power(x1_0 / n1_0 - l1_0, 2) + power(u2_0 - x2_0 / n2_0, 2))) * sqrt(n1_0 * n2_0 / (rr * (ee - rr))) ELSE -2 END AS score_0,
      CASE WHEN n1_1 >= CAST($9 AS BIGINT) AND n1_1 > 0 AND n2_1 > 0 AND rr > 0 AND ee - rr > 0 THEN (x1_1 / n1_1 - x2_1 / n2_1 - sqrt(power(x1_1 / n1_1 - l1_1, 2) + power(u2_1 - x2_1 / n2_1, 2))) * sqrt(n1_1 * n2_1 / (rr * (ee - rr))) ELSE -2 END AS score_1,
      CASE WHEN n1_2 >= CAST($9 AS BIGINT) AND n1_2 > 0 AND n2_2 > 0 AND rr > 0 AND ee - rr > 0 THEN (x1_2 / n1_2 - x2_2 / n2_2 - sqrt(power(x1_2 / n1_2 - l1_2, 2) + power(u2_2 - x2_2 / n2_2, 2))) * sqrt(n1_2 * n2_2 / (rr * (ee - rr))) ELSE -2 END AS score_2,
      CASE WHEN n1_3 >= CAST($9 AS BIGINT) AND n1_3 > 0 AND n2_3 > 0 AND rr > 0 AND ee - rr > 0 THEN (x1_3 / n1_3 - x2_3 / n2_3 - sqrt(power(x1_3 / n1_3 - l1_3, 2) + power(u2_3 - x2_3 / n2_3, 2))) * sqrt(n1_3 * n2_3 / (rr * (ee - rr))) ELSE -2 END AS score_3
    FROM (
      SELECT s.*,
        CASE WHEN n1_0 = 0 THEN NULL WHEN x1_0 = 0 THEN 0 ELSE greatest(0, (x1_0 / n1_0 + CAST($10 AS DOUBLE) / (2 * n1_0)) / (1 + CAST($10 AS DOUBLE) / n1_0) - CAST($8 AS DOUBLE) / (1 + CAST($10 AS DOUBLE) / n1_0) * sqrt(x1_0 / n1_0 * (1 - x1_0 / n1_0) / n1_0 + CAST($10 AS DOUBLE) / (4 * n1_0 * n1_0))) END AS l1_0, CASE WHEN n2_0 = 0 THEN NULL WHEN x2_0 = n2_0 THEN 1 ELSE least(1, (x2_0 / n2_0 + CAST($10 AS DOUBLE) / (2 * n2_0)) / (1 + CAST($10 AS DOUBLE) / n2_0) + CAST($8 AS DOUBLE) / (1 + CAST($10 AS DOUBLE) / n2_0) * sqrt(x2_0 / n2_0 * (1 - x2_0 / n2_0) / n2_0 + CAST($10 AS DOUBLE) / (4 * n2_0 * n2_0))) END AS u2_0,
        CASE WHEN n1_1 = 0 THEN NULL WHEN x1_1 = 0 THEN 0 ELSE greatest(0, (x1_1 / n1_1 + CAST($10 AS DOUBLE) / (2 * n1_1)) / (1 + CAST($10 AS DOUBLE) / n1_1) - CAST($8 AS DOUBLE) / (1 + CAST($10 AS DOUBLE) / n1_1) * sqrt(x1_1 / n1_1 * (1 - x1_1 / n1_1) / n1_1 + CAST($10 AS DOUBLE) / (4 * n1_1 * n1_1))) END AS l1_1, CASE WHEN n2_1 = 0 THEN NULL WHEN x2_1 = n2_1 THEN 1 ELSE least(1, (x2_1 / n2_1 + CAST($10 AS DOUBLE) / (2 * n2_1)) / (1 + CAST($10 AS DOUBLE) / n2_1) + CAST($8 AS DOUBLE) / (1 + CAST($10 AS DOUBLE) / n2_1) * sqrt(x2_1 / n2_1 * (1 - x2_1 / n2_1) / n2_1 + CAST($10 AS DOUBLE) / (4 * n2_1 * n2_1))) END AS u2_1,
        CASE WHEN n1_2 = 0 THEN NULL WHEN x1_2 = 0 THEN 0 ELSE greatest(0, (x1_2 / n1_2 + CAST($10 AS DOUBLE) / (2 * n1_2)) / (1 + CAST($10 AS DOUBLE) / n1_2) - CAST($8 AS DOUBLE) / (1 + CAST($10 AS DOUBLE) / n1_2) * sqrt(x1_2 / n1_2 * (1 - x1_2 / n1_2) / n1_2 + CAST($10 AS DOUBLE) / (4 * n1_2 * n1_2))) END AS l1_2, CASE WHEN n2_2 = 0 THEN NULL WHEN x2_2 = n2_2 THEN 1 ELSE least(1, (x2_2 / n2_2 + CAST($10 AS DOUBLE) / (2 * n2_2)) / (1 + CAST($10 AS DOUBLE) / n2_2) + CAST($8 AS DOUBLE) / (1 + CAST($10 AS DOUBLE) / n2_2) * sqrt(x2_2 / n2_2 * (1 - x2_2 / n2_2) / n2_2 + CAST($10 AS DOUBLE) / (4 * n2_2 * n2_2))) END AS u2_2,
        CASE WHEN n1_3 = 0 THEN NULL WHEN x1_3 = 0 THEN 0 ELSE greatest(0, (x1_3 / n1_3 + CAST($10 AS DOUBLE) / (2 * n1_3)) / (1 + CAST($10 AS DOUBLE) / n1_3) - CAST($8 AS DOUBLE) / (1 + CAST($10 AS DOUBLE) / n1_3) * sqrt(x1_3 / n1_3 * (1 - x1_3 / n1_3) / n1_3 + CAST($10 AS DOUBLE) / (4 * n1_3 * n1_3))) END AS l1_3, CASE WHEN n2_3 = 0 THEN NULL WHEN x2_3 = n2_3 THEN 1 ELSE least(1, (x2_3 / n2_3 + CAST($10 AS DOUBLE) / (2 * n2_3)) / (1 + CAST($10 AS DOUBLE) / n2_3) + CAST($8 AS DOUBLE) / (1 + CAST($10 AS DOUBLE) / n2_3) * sqrt(x2_3 / n2_3 * (1 - x2_3 / n2_3) / n2_3 + CAST($10 AS DOUBLE) / (4 * n2_3 * n2_3))) END AS u2_3
      FROM (
        SELECT r.c AS c, r.did_0 AS did_0, r.kept_0 AS kept_0, r.did_1 AS did_1, r.kept_1 AS kept_1, r.did_2 AS did_2, r.kept_2 AS kept_2, r.did_3 AS did_3, r.kept_3 AS kept_3, CAST((x.new_units - coalesce(x.censored, 0)) AS DOUBLE) AS ee, CAST(coalesce(x.retained, 0) AS DOUBLE) AS rr,
          CAST(r.did_0 AS DOUBLE) AS n1_0, CAST(r.kept_0 AS DOUBLE) AS x1_0, CAST((x.new_units - coalesce(x.censored, 0)) AS DOUBLE) - CAST(r.did_0 AS DOUBLE) AS n2_0, CAST(coalesce(x.retained, 0) AS DOUBLE) - CAST(r.kept_0 AS DOUBLE) AS x2_0,
          CAST(r.did_1 AS DOUBLE) AS n1_1, CAST(r.kept_1 AS DOUBLE) AS x1_1, CAST((x.new_units - coalesce(x.censored, 0)) AS DOUBLE) - CAST(r.did_1 AS DOUBLE) AS n2_1, CAST(coalesce(x.retained, 0) AS DOUBLE) - CAST(r.kept_1 AS DOUBLE) AS x2_1,
          CAST(r.did_2 AS DOUBLE) AS n1_2, CAST(r.kept_2 AS DOUBLE) AS x1_2, CAST((x.new_units - coalesce(x.censored, 0)) AS DOUBLE) - CAST(r.did_2 AS DOUBLE) AS n2_2, CAST(coalesce(x.retained, 0) AS DOUBLE) - CAST(r.kept_2 AS DOUBLE) AS x2_2,
          CAST(r.did_3 AS DOUBLE) AS n1_3, CAST(r.kept_3 AS DOUBLE) AS x1_3, CAST((x.new_units - coalesce(x.censored, 0)) AS DOUBLE) - CAST(r.did_3 AS DOUBLE) AS n2_3, CAST(coalesce(x.retained, 0) AS DOUBLE) - CAST(r.kept_3 AS DOUBLE) AS x2_3
        FROM k_tally AS r
        CROSS JOIN k_totals AS x
      ) AS s
    ) AS s
  ) AS s
),
k_ranked AS (
  SELECT c, did_0, kept_0, did_1, kept_1, did_2, kept_2, did_3, kept_3, CASE WHEN best > -1.5 AND best >= cut - 1e-9 THEN 1 ELSE 0 END AS paired
  FROM (
    SELECT c, did_0, kept_0, did_1, kept_1, did_2, kept_2, did_3, kept_3, best, min(CASE WHEN best > -1.5 AND rk <= CAST($11 AS BIGINT) THEN best END) OVER () AS cut
    FROM (SELECT c, did_0, kept_0, did_1, kept_1, did_2, kept_2, did_3, kept_3, best, rank() OVER (ORDER BY best DESC) AS rk FROM k_best) AS s
  ) AS s
),
k_pair_acts AS (
  SELECT a.u AS u, a.r AS r, a.c AS c, CASE WHEN a.times >= CAST($4 AS BIGINT) THEN 1 ELSE 0 END + CASE WHEN a.times >= CAST($5 AS BIGINT) THEN 1 ELSE 0 END + CASE WHEN a.times >= CAST($6 AS BIGINT) THEN 1 ELSE 0 END + CASE WHEN a.times >= CAST($7 AS BIGINT) THEN 1 ELSE 0 END AS tm
  FROM k_acts AS a
  JOIN k_ranked AS p ON p.c = a.c
  WHERE p.paired = 1
),
k_pairs AS (
  SELECT a.c AS c, b.c AS c2, a.tm AS ta, b.tm AS tb, count(*) AS pair_did, sum(a.r) AS pair_kept
  FROM k_pair_acts AS a
  JOIN k_pair_acts AS b ON b.u = a.u
  WHERE a.tm > 0 AND b.tm > 0 AND a.c < b.c
  GROUP BY a.c, b.c, a.tm, b.tm
),
k_signals AS (
  SELECT c, did_0, kept_0, did_1, kept_1, did_2, kept_2, did_3, kept_3, paired, CAST(NULL AS VARCHAR) AS c2, CAST(NULL AS BIGINT) AS ta, CAST(NULL AS BIGINT) AS tb, CAST(NULL AS BIGINT) AS pair_did, CAST(NULL AS BIGINT) AS pair_kept
  FROM k_ranked
  UNION ALL
  SELECT c, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT) AS paired, c2, ta, tb, pair_did, pair_kept
  FROM k_pairs
),
k_out AS (
  SELECT t.new_units AS new_units, t.censored AS censored, t.retained AS retained, t.last_day AS last_day, r.c AS c, r.did_0 AS did_0, r.kept_0 AS kept_0, r.did_1 AS did_1, r.kept_1 AS kept_1, r.did_2 AS did_2, r.kept_2 AS kept_2, r.did_3 AS did_3, r.kept_3 AS kept_3, r.paired AS paired, r.c2 AS c2, r.ta AS ta, r.tb AS tb, r.pair_did AS pair_did, r.pair_kept AS pair_kept
  FROM k_totals AS t
  LEFT JOIN k_signals AS r ON TRUE
)
SELECT b.from_day, b.to_day, b.invalid, x.unit_groups, x.unit_ungrouped, r.new_units, r.censored, r.retained, r.last_day, r.c, r.did_0, r.kept_0, r.did_1, r.kept_1, r.did_2, r.kept_2, r.did_3, r.kept_3, r.paired, r.c2, r.ta, r.tb, r.pair_did, r.pair_kept
FROM k_bounds AS b
CROSS JOIN k_unit AS x
LEFT JOIN k_out AS r ON TRUE
-- params: ["signup",604800000,1209600000,1,2,3,5,1.959963984540054,0,3.8414588206941254,13]
