WITH k_span AS (
  SELECT count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, `ts` AS t FROM `events`) AS s
),
k_ev AS (
  SELECT s.u AS u, s.n AS n, s.ms AS ms, s.p0 AS p0, s.p1 AS p1, toInt64(toDate32(fromUnixTimestamp64Milli(toInt64(s.ms), {p1:String}))) AS d
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, toUnixTimestamp64Milli(toDateTime64(`ts`, 3, 'UTC')) AS ms, `feature` AS p0, `plan` AS p1 FROM `events`) AS s
),
k_bounds AS (
  SELECT {p3:Int64} AS from_day, {p4:Int64} AS to_day, x.bad AS invalid
  FROM k_span AS x
),
k_end AS (
  SELECT max(d) AS last_day FROM k_ev
),
k_first AS (
  SELECT u, min(ms) AS s
  FROM k_ev
  WHERE n = {p2:String}
  GROUP BY u
),
k_start_days AS (
  SELECT s.u AS u, s.s AS s, toInt64(toDate32(fromUnixTimestamp64Milli(toInt64(s.s), {p1:String}))) AS sd
  FROM k_first AS s
),
k_new AS (
  SELECT z.u AS u, z.s AS s, CASE WHEN z.cd > x.last_day THEN 1 ELSE 0 END AS cens
  FROM (
    SELECT s.u AS u, s.s AS s, s.sd AS sd, toInt64(toDate32(fromUnixTimestamp64Milli(toInt64(s.c), {p1:String}))) AS cd
    FROM (SELECT u, s, sd, s + {p7:Int64} - 1 AS c FROM k_start_days) AS s
  ) AS z
  CROSS JOIN k_end AS x
  WHERE (z.sd >= {p3:Int64}) AND (z.sd <= {p4:Int64})
),
k_units AS (
  SELECT w.u AS u, w.s AS s, w.cens AS cens, max(CASE WHEN (e.ms >= w.s + {p6:Int64}) AND (e.ms < w.s + {p7:Int64}) AND (e.p1 = {p5:String}) THEN 1 ELSE 0 END) AS r
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
  SELECT CAST(0 AS Int64) AS i, {p9:String} AS n
  UNION ALL
  SELECT CAST(1 AS Int64) AS i, {p10:String} AS n
),
k_acts AS (
  SELECT a.u AS u, a.r AS r, k.i AS c, count(DISTINCT a.ms) AS times
  FROM (
    SELECT e.u AS u, e.n AS n, e.ms AS ms, e.p0 AS p0, e.p1 AS p1, w.r AS r
    FROM k_units AS w
    JOIN k_ev AS e ON e.u = w.u
    WHERE w.cens = 0 AND e.ms >= w.s AND e.ms < w.s + {p11:Int64} AND NOT (e.n = {p2:String} AND e.ms = w.s)
  ) AS a
  JOIN k_cand AS k ON k.n = a.n
  WHERE CASE k.i WHEN 0 THEN TRUE WHEN 1 THEN a.p0 = {p8:String} END
  GROUP BY a.u, a.r, k.i
),
k_tally AS (
  SELECT c, sum(CASE WHEN times >= {p12:Int64} THEN 1 ELSE 0 END) AS did_0, sum(CASE WHEN times >= {p12:Int64} THEN r ELSE 0 END) AS kept_0, sum(CASE WHEN times >= {p13:Int64} THEN 1 ELSE 0 END) AS did_1, sum(CASE WHEN times >= {p13:Int64} THEN r ELSE 0 END) AS kept_1
  FROM k_acts
  GROUP BY c
),
k_out AS (
  SELECT t.new_units AS new_units, t.censored AS censored, t.retained AS retained, t.last_day AS last_day, r.c AS c, r.did_0 AS did_0, r.kept_0 AS kept_0, r.did_1 AS did_1, r.kept_1 AS kept_1
  FROM k_totals AS t
  LEFT JOIN k_tally AS r ON 1 = 1
)
SELECT b.from_day, b.to_day, b.invalid, r.new_units, r.censored, r.retained, r.last_day, r.c, r.did_0, r.kept_0, r.did_1, r.kept_1
FROM k_bounds AS b
LEFT JOIN k_out AS r ON 1 = 1
SETTINGS join_use_nulls = 1, cast_keep_nullable = 1, aggregate_functions_null_for_empty = 1, output_format_json_quote_64bit_integers = 0
-- params: {"p1":"Europe/Paris","p2":"signup","p3":19783,"p4":19813,"p5":"pro","p6":604800000,"p7":1209600000,"p8":"reports","p9":"invite_teammate","p10":"feature_used","p11":259200000,"p12":1,"p13":3}
