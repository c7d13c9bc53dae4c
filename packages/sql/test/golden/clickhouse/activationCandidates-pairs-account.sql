WITH k_span AS (
  SELECT toInt64(floor(toFloat64(toUnixTimestamp64Milli(toDateTime64(min(t), 3, 'UTC'))) / 86400000)) AS lo_day, toInt64(floor(toFloat64(toUnixTimestamp64Milli(toDateTime64(max(t), 3, 'UTC'))) / 86400000)) AS hi_day, count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, `ts` AS t FROM `events`) AS s
),
k_unit AS (
  SELECT g.n AS unit_groups, x.n AS unit_ungrouped
  FROM (SELECT count(DISTINCT CAST(`account_id` AS String)) AS n FROM `events` WHERE CAST(`account_id` AS String) IS NOT NULL AND CAST(`account_id` AS String) <> '') AS g
  CROSS JOIN (SELECT count(*) AS n FROM (SELECT DISTINCT `user_id` AS u, `event_name` AS n, toUnixTimestamp64Milli(toDateTime64(`ts`, 3, 'UTC')) AS ms FROM `events` WHERE NOT (CAST(`account_id` AS String) IS NOT NULL AND CAST(`account_id` AS String) <> '')) AS s) AS x
),
k_ev AS (
  SELECT s.u AS u, s.n AS n, s.ms AS ms, toInt64(floor(toFloat64(s.ms) / 86400000)) AS d
  FROM (SELECT CAST(`account_id` AS String) AS u, CAST(`event_name` AS String) AS n, toUnixTimestamp64Milli(toDateTime64(`ts`, 3, 'UTC')) AS ms FROM `events` WHERE CAST(`account_id` AS String) IS NOT NULL AND CAST(`account_id` AS String) <> '') AS s
),
k_bounds AS (
  SELECT CAST(m.lo AS Int64) AS from_day, CAST(m.hi AS Int64) AS to_day, m.bad AS invalid
  FROM (SELECT lo_day AS lo, hi_day AS hi, bad FROM k_span) AS m
),
k_end AS (
  SELECT hi_day AS last_day FROM k_span
),
k_first AS (
  SELECT u, min(ms) AS s
  FROM k_ev
  WHERE n = {p1:String}
  GROUP BY u
),
k_start_days AS (
  SELECT s.u AS u, s.s AS s, toInt64(floor(toFloat64(s.s) / 86400000)) AS sd
  FROM k_first AS s
),
k_new AS (
  SELECT z.u AS u, z.s AS s, CASE WHEN z.cd > x.last_day THEN 1 ELSE 0 END AS cens
  FROM (
    SELECT s.u AS u, s.s AS s, s.sd AS sd, toInt64(floor(toFloat64(s.c) / 86400000)) AS cd
    FROM (SELECT u, s, sd, s + {p3:Int64} - 1 AS c FROM k_start_days) AS s
  ) AS z
  CROSS JOIN k_end AS x
),
k_units AS (
  SELECT w.u AS u, w.s AS s, w.cens AS cens, max(CASE WHEN (e.ms >= w.s + {p2:Int64}) AND (e.ms < w.s + {p3:Int64}) THEN 1 ELSE 0 END) AS r
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
    WHERE w.cens = 0 AND e.ms >= w.s AND e.ms < w.s + {p2:Int64} AND e.n <> {p1:String}
  ) AS a
  GROUP BY a.u, a.r, a.n
),
k_tally AS (
  SELECT c, sum(CASE WHEN times >= {p4:Int64} THEN 1 ELSE 0 END) AS did_0, sum(CASE WHEN times >= {p4:Int64} THEN r ELSE 0 END) AS kept_0, sum(CASE WHEN times >= {p5:Int64} THEN 1 ELSE 0 END) AS did_1, sum(CASE WHEN times >= {p5:Int64} THEN r ELSE 0 END) AS kept_1, sum(CASE WHEN times >= {p6:Int64} THEN 1 ELSE 0 END) AS did_2, sum(CASE WHEN times >= {p6:Int64} THEN r ELSE 0 END) AS kept_2, sum(CASE WHEN times >= {p7:Int64} THEN 1 ELSE 0 END) AS did_3, sum(CASE WHEN times >= {p7:Int64} THEN r ELSE 0 END) AS kept_3
  FROM k_acts
  GROUP BY c
  UNION ALL
  SELECT DISTINCT CAST(`event_name` AS String) AS c, 0 AS did_0, 0 AS kept_0, 0 AS did_1, 0 AS kept_1, 0 AS did_2, 0 AS kept_2, 0 AS did_3, 0 AS kept_3
  FROM `events`
  WHERE CAST(`event_name` AS String) <> {p1:String}
),
k_best AS (
  SELECT c, did_0, kept_0, did_1, kept_1, did_2, kept_2, did_3, kept_3, greatest(score_0, score_1, score_2, score_3) AS best
  FROM (
    SELECT c, did_0, kept_0, did_1, kept_1, did_2, kept_2, did_3, kept_3,
      CASE WHEN n1_0 >= {p9:Int64} AND n1_0 > 0 AND n2_0 > 0 AND rr > 0 AND ee - rr > 0 THEN (x1_0 / n1_0 - x2_0 / n2_0 - sqrt(power(x1_0 / n1_0 - l1_0, 2) + power(u2_0 - x2_0 / n2_0, 2))) * sqrt(n1_0 * n2_0 / (rr * (ee - rr))) ELSE -2 END AS score_0,
      CASE WHEN n1_1 >= {p9:Int64} AND n1_1 > 0 AND n2_1 > 0 AND rr > 0 AND ee - rr > 0 THEN (x1_1 / n1_1 - x2_1 / n2_1 - sqrt(power(x1_1 / n1_1 - l1_1, 2) + power(u2_1 - x2_1 / n2_1, 2))) * sqrt(n1_1 * n2_1 / (rr * (ee - rr))) ELSE -2 END AS score_1,
      CASE WHEN n1_2 >= {p9:Int64} AND n1_2 > 0 AND n2_2 > 0 AND rr > 0 AND ee - rr > 0 THEN (x1_2 / n1_2 - x2_2 / n2_2 - sqrt(power(x1_2 / n1_2 - l1_2, 2) + power(u2_2 - x2_2 / n2_2, 2))) * sqrt(n1_2 * n2_2 / (rr * (ee - rr))) ELSE -2 END AS score_2,
      CASE WHEN n1_3 >= {p9:Int64} AND n1_3 > 0 AND n2_3 > 0 AND rr > 0 AND ee - rr > 0 THEN (x1_3 / n1_3 - x2_3 / n2_3 - sqrt(power(x1_3 / n1_3 - l1_3, 2) + power(u2_3 - x2_3 / n2_3, 2))) * sqrt(n1_3 * n2_3 / (rr * (ee - rr))) ELSE -2 END AS score_3
    FROM (
      SELECT s.*,
        CASE WHEN n1_0 = 0 THEN NULL WHEN x1_0 = 0 THEN 0 ELSE greatest(0, (x1_0 / n1_0 + {p10:Float64} / (2 * n1_0)) / (1 + {p10:Float64} / n1_0) - {p8:Float64} / (1 + {p10:Float64} / n1_0) * sqrt(x1_0 / n1_0 * (1 - x1_0 / n1_0) / n1_0 + {p10:Float64} / (4 * n1_0 * n1_0))) END AS l1_0, CASE WHEN n2_0 = 0 THEN NULL WHEN x2_0 = n2_0 THEN 1 ELSE least(1, (x2_0 / n2_0 + {p10:Float64} / (2 * n2_0)) / (1 + {p10:Float64} / n2_0) + {p8:Float64} / (1 + {p10:Float64} / n2_0) * sqrt(x2_0 / n2_0 * (1 - x2_0 / n2_0) / n2_0 + {p10:Float64} / (4 * n2_0 * n2_0))) END AS u2_0,
        CASE WHEN n1_1 = 0 THEN NULL WHEN x1_1 = 0 THEN 0 ELSE greatest(0, (x1_1 / n1_1 + {p10:Float64} / (2 * n1_1)) / (1 + {p10:Float64} / n1_1) - {p8:Float64} / (1 + {p10:Float64} / n1_1) * sqrt(x1_1 / n1_1 * (1 - x1_1 / n1_1) / n1_1 + {p10:Float64} / (4 * n1_1 * n1_1))) END AS l1_1, CASE WHEN n2_1 = 0 THEN NULL WHEN x2_1 = n2_1 THEN 1 ELSE least(1, (x2_1 / n2_1 + {p10:Float64} / (2 * n2_1)) / (1 + {p10:Float64} / n2_1) + {p8:Float64} / (1 + {p10:Float64} / n2_1) * sqrt(x2_1 / n2_1 * (1 - x2_1 / n2_1) / n2_1 + {p10:Float64} / (4 * n2_1 * n2_1))) END AS u2_1,
        CASE WHEN n1_2 = 0 THEN NULL WHEN x1_2 = 0 THEN 0 ELSE greatest(0, (x1_2 / n1_2 + {p10:Float64} / (2 * n1_2)) / (1 + {p10:Float64} / n1_2) - {p8:Float64} / (1 + {p10:Float64} / n1_2) * sqrt(x1_2 / n1_2 * (1 - x1_2 / n1_2) / n1_2 + {p10:Float64} / (4 * n1_2 * n1_2))) END AS l1_2, CASE WHEN n2_2 = 0 THEN NULL WHEN x2_2 = n2_2 THEN 1 ELSE least(1, (x2_2 / n2_2 + {p10:Float64} / (2 * n2_2)) / (1 + {p10:Float64} / n2_2) + {p8:Float64} / (1 + {p10:Float64} / n2_2) * sqrt(x2_2 / n2_2 * (1 - x2_2 / n2_2) / n2_2 + {p10:Float64} / (4 * n2_2 * n2_2))) END AS u2_2,
        CASE WHEN n1_3 = 0 THEN NULL WHEN x1_3 = 0 THEN 0 ELSE greatest(0, (x1_3 / n1_3 + {p10:Float64} / (2 * n1_3)) / (1 + {p10:Float64} / n1_3) - {p8:Float64} / (1 + {p10:Float64} / n1_3) * sqrt(x1_3 / n1_3 * (1 - x1_3 / n1_3) / n1_3 + {p10:Float64} / (4 * n1_3 * n1_3))) END AS l1_3, CASE WHEN n2_3 = 0 THEN NULL WHEN x2_3 = n2_3 THEN 1 ELSE least(1, (x2_3 / n2_3 + {p10:Float64} / (2 * n2_3)) / (1 + {p10:Float64} / n2_3) + {p8:Float64} / (1 + {p10:Float64} / n2_3) * sqrt(x2_3 / n2_3 * (1 - x2_3 / n2_3) / n2_3 + {p10:Float64} / (4 * n2_3 * n2_3))) END AS u2_3
      FROM (
        SELECT r.c AS c, r.did_0 AS did_0, r.kept_0 AS kept_0, r.did_1 AS did_1, r.kept_1 AS kept_1, r.did_2 AS did_2, r.kept_2 AS kept_2, r.did_3 AS did_3, r.kept_3 AS kept_3, CAST((x.new_units - coalesce(x.censored, 0)) AS Float64) AS ee, CAST(coalesce(x.retained, 0) AS Float64) AS rr,
          CAST(r.did_0 AS Float64) AS n1_0, CAST(r.kept_0 AS Float64) AS x1_0, CAST((x.new_units - coalesce(x.censored, 0)) AS Float64) - CAST(r.did_0 AS Float64) AS n2_0, CAST(coalesce(x.retained, 0) AS Float64) - CAST(r.kept_0 AS Float64) AS x2_0,
          CAST(r.did_1 AS Float64) AS n1_1, CAST(r.kept_1 AS Float64) AS x1_1, CAST((x.new_units - coalesce(x.censored, 0)) AS Float64) - CAST(r.did_1 AS Float64) AS n2_1, CAST(coalesce(x.retained, 0) AS Float64) - CAST(r.kept_1 AS Float64) AS x2_1,
          CAST(r.did_2 AS Float64) AS n1_2, CAST(r.kept_2 AS Float64) AS x1_2, CAST((x.new_units - coalesce(x.censored, 0)) AS Float64) - CAST(r.did_2 AS Float64) AS n2_2, CAST(coalesce(x.retained, 0) AS Float64) - CAST(r.kept_2 AS Float64) AS x2_2,
          CAST(r.did_3 AS Float64) AS n1_3, CAST(r.kept_3 AS Float64) AS x1_3, CAST((x.new_units - coalesce(x.censored, 0)) AS Float64) - CAST(r.did_3 AS Float64) AS n2_3, CAST(coalesce(x.retained, 0) AS Float64) - CAST(r.kept_3 AS Float64) AS x2_3
        FROM k_tally AS r
        CROSS JOIN k_totals AS x
      ) AS s
    ) AS s
  ) AS s
),
k_ranked AS (
  SELECT c, did_0, kept_0, did_1, kept_1, did_2, kept_2, did_3, kept_3, CASE WHEN best > -1.5 AND best >= cut - 1e-9 THEN 1 ELSE 0 END AS paired
  FROM (
    SELECT c, did_0, kept_0, did_1, kept_1, did_2, kept_2, did_3, kept_3, best, min(CASE WHEN best > -1.5 AND rk <= {p11:Int64} THEN best END) OVER () AS cut
    FROM (SELECT c, did_0, kept_0, did_1, kept_1, did_2, kept_2, did_3, kept_3, best, rank() OVER (ORDER BY best DESC) AS rk FROM k_best) AS s
  ) AS s
),
k_pair_acts AS (
  SELECT a.u AS u, a.r AS r, a.c AS c, CASE WHEN a.times >= {p4:Int64} THEN 1 ELSE 0 END + CASE WHEN a.times >= {p5:Int64} THEN 1 ELSE 0 END + CASE WHEN a.times >= {p6:Int64} THEN 1 ELSE 0 END + CASE WHEN a.times >= {p7:Int64} THEN 1 ELSE 0 END AS tm
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
  SELECT c, did_0, kept_0, did_1, kept_1, did_2, kept_2, did_3, kept_3, paired, CAST(NULL AS String) AS c2, CAST(NULL AS Int64) AS ta, CAST(NULL AS Int64) AS tb, CAST(NULL AS Int64) AS pair_did, CAST(NULL AS Int64) AS pair_kept
  FROM k_ranked
  UNION ALL
  SELECT c, CAST(NULL AS Int64), CAST(NULL AS Int64), CAST(NULL AS Int64), CAST(NULL AS Int64), CAST(NULL AS Int64), CAST(NULL AS Int64), CAST(NULL AS Int64), CAST(NULL AS Int64), CAST(NULL AS Int64) AS paired, c2, ta, tb, pair_did, pair_kept
  FROM k_pairs
),
k_out AS (
  SELECT t.new_units AS new_units, t.censored AS censored, t.retained AS retained, t.last_day AS last_day, r.c AS c, r.did_0 AS did_0, r.kept_0 AS kept_0, r.did_1 AS did_1, r.kept_1 AS kept_1, r.did_2 AS did_2, r.kept_2 AS kept_2, r.did_3 AS did_3, r.kept_3 AS kept_3, r.paired AS paired, r.c2 AS c2, r.ta AS ta, r.tb AS tb, r.pair_did AS pair_did, r.pair_kept AS pair_kept
  FROM k_totals AS t
  LEFT JOIN k_signals AS r ON 1 = 1
)
SELECT b.from_day, b.to_day, b.invalid, x.unit_groups, x.unit_ungrouped, r.new_units, r.censored, r.retained, r.last_day, r.c, r.did_0, r.kept_0, r.did_1, r.kept_1, r.did_2, r.kept_2, r.did_3, r.kept_3, r.paired, r.c2, r.ta, r.tb, r.pair_did, r.pair_kept
FROM k_bounds AS b
CROSS JOIN k_unit AS x
LEFT JOIN k_out AS r ON 1 = 1
SETTINGS join_use_nulls = 1, cast_keep_nullable = 1, aggregate_functions_null_for_empty = 1, output_format_json_quote_64bit_integers = 0
-- params: {"p1":"signup","p2":604800000,"p3":1209600000,"p4":1,"p5":2,"p6":3,"p7":5,"p8":1.959963984540054,"p9":0,"p10":3.8414588206941254,"p11":13}
