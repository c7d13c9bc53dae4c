WITH k_span AS (
  SELECT toInt64(floor(toFloat64(toUnixTimestamp64Milli(toDateTime64(min(t), 3, 'UTC'))) / 86400000)) AS lo_day, toInt64(floor(toFloat64(toUnixTimestamp64Milli(toDateTime64(max(t), 3, 'UTC'))) / 86400000)) AS hi_day, count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, `ts` AS t FROM `events`) AS s
),
k_ev AS (
  SELECT s.u AS u, s.n AS n, s.ms AS ms, s.p0 AS p0, toInt64(floor(toFloat64(s.ms) / 86400000)) AS d
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, toUnixTimestamp64Milli(toDateTime64(`ts`, 3, 'UTC')) AS ms, `plan` AS p0 FROM `events`) AS s
),
k_bounds AS (
  SELECT CAST(m.lo AS Int64) AS from_day, CAST(m.hi AS Int64) AS to_day, m.bad AS invalid
  FROM (SELECT lo_day AS lo, hi_day AS hi, bad FROM k_span) AS m
),
k_positions AS (
  SELECT 1 AS j
  UNION ALL
  SELECT 2 AS j
  UNION ALL
  SELECT 3 AS j
),
k_any_events AS (
  SELECT u, n, ms, CAST(max(x_c_0_1) AS Int64) AS c_0_1, CAST(max(x_c_0_2) AS Int64) AS c_0_2, CAST(max(x_c_0_3) AS Int64) AS c_0_3, CAST(max(x_c_1) AS Int64) AS c_1
  FROM (
    SELECT e.u AS u, e.n AS n, e.ms AS ms, CASE WHEN ((e.n = {p2:String}) AND (e.p0 = {p3:String})) THEN 1 ELSE 0 END AS x_c_0_1, CASE WHEN (e.n = {p2:String}) THEN 1 ELSE 0 END AS x_c_0_2, CASE WHEN ((e.n = {p2:String}) AND (e.p0 = {p3:String})) OR (e.n = {p2:String}) THEN 1 ELSE 0 END AS x_c_0_3, CASE WHEN e.n = {p4:String} THEN 1 ELSE 0 END AS x_c_1
    FROM k_ev AS e
    CROSS JOIN k_bounds AS b
    WHERE e.n IN ({p2:String}, {p4:String}) AND e.d BETWEEN b.from_day AND b.to_day AND (((e.n = {p2:String}) AND (e.p0 = {p3:String})) OR (e.n = {p2:String}) OR (e.n = {p4:String}))
  ) AS x
  GROUP BY u, n, ms
),
k_any_starts AS (
  SELECT DISTINCT u, ms FROM k_any_events
),
k_any_line AS (
  SELECT u, CAST(ms AS Float64) AS at_ms, 0 AS kind, 0 AS probe, CAST(NULL AS Float64) AS start_ms, c_0_1, c_0_2, c_0_3, c_1 FROM k_any_events
  UNION ALL SELECT u, CAST(ms AS Float64) AS at_ms, -1 AS kind, 1 AS probe, CAST(ms AS Float64) AS start_ms, CAST(0 AS Int64) AS c_0_1, CAST(0 AS Int64) AS c_0_2, CAST(0 AS Int64) AS c_0_3, CAST(0 AS Int64) AS c_1 FROM k_any_starts
  UNION ALL SELECT u, CAST(ms AS Float64) + {p1:Float64} AS at_ms, 1 AS kind, 2 AS probe, CAST(ms AS Float64) AS start_ms, CAST(0 AS Int64) AS c_0_1, CAST(0 AS Int64) AS c_0_2, CAST(0 AS Int64) AS c_0_3, CAST(0 AS Int64) AS c_1 FROM k_any_starts
),
k_any_running AS (
  SELECT u, at_ms, kind, probe, start_ms, sum(c_0_1) OVER (PARTITION BY u ORDER BY at_ms, kind ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS r_c_0_1, sum(c_0_2) OVER (PARTITION BY u ORDER BY at_ms, kind ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS r_c_0_2, sum(c_0_3) OVER (PARTITION BY u ORDER BY at_ms, kind ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS r_c_0_3, sum(c_1) OVER (PARTITION BY u ORDER BY at_ms, kind ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS r_c_1
  FROM k_any_line
),
k_any_windows AS (
  SELECT u, start_ms, sum(CASE WHEN probe = 2 THEN r_c_0_1 WHEN probe = 1 THEN -r_c_0_1 ELSE 0 END) AS c_0_1, sum(CASE WHEN probe = 2 THEN r_c_0_2 WHEN probe = 1 THEN -r_c_0_2 ELSE 0 END) AS c_0_2, sum(CASE WHEN probe = 2 THEN r_c_0_3 WHEN probe = 1 THEN -r_c_0_3 ELSE 0 END) AS c_0_3, sum(CASE WHEN probe = 2 THEN r_c_1 WHEN probe = 1 THEN -r_c_1 ELSE 0 END) AS c_1
  FROM k_any_running
  WHERE probe <> 0
  GROUP BY u, start_ms
),
k_any_depths AS (
  SELECT u, start_ms, 2 - greatest(0, 1 - c_0_1, 1 - c_0_2, 2 - c_0_3) + least(1, c_1) AS depth
  FROM k_any_windows
),
k_attempts AS (
  SELECT d.u AS u, d.start_ms AS t0, d.depth AS depth
  FROM k_any_depths AS d
),
k_picked AS (
  SELECT u, depth, t0, row_number() OVER (PARTITION BY u ORDER BY depth DESC, t0) AS pick
  FROM k_attempts
),
k_users AS (
  SELECT u, depth, t0
  FROM k_picked
  WHERE pick = 1
),
k_any_instants AS (
  SELECT u, at_ms, max(r_c_0_1) AS r_c_0_1, max(r_c_0_2) AS r_c_0_2, max(r_c_0_3) AS r_c_0_3, max(r_c_1) AS r_c_1
  FROM k_any_running
  WHERE kind = 0
  GROUP BY u, at_ms
),
k_any_joined AS (
  SELECT a.u AS u, a.t0 AS t0, i.at_ms AS at_ms, i.r_c_0_1 AS r_c_0_1, i.r_c_0_2 AS r_c_0_2, i.r_c_0_3 AS r_c_0_3, i.r_c_1 AS r_c_1,
    max(CASE WHEN i.at_ms < a.t0 THEN i.r_c_0_1 ELSE CAST(0 AS Int64) END) OVER (PARTITION BY a.u) AS s_c_0_1, max(CASE WHEN i.at_ms < a.t0 THEN i.r_c_0_2 ELSE CAST(0 AS Int64) END) OVER (PARTITION BY a.u) AS s_c_0_2, max(CASE WHEN i.at_ms < a.t0 THEN i.r_c_0_3 ELSE CAST(0 AS Int64) END) OVER (PARTITION BY a.u) AS s_c_0_3, max(CASE WHEN i.at_ms < a.t0 THEN i.r_c_1 ELSE CAST(0 AS Int64) END) OVER (PARTITION BY a.u) AS s_c_1
  FROM k_users AS a
  JOIN k_any_instants AS i ON i.u = a.u
),
k_any_cover AS (
  SELECT u, at_ms, 2 - greatest(0, 1 - c_0_1, 1 - c_0_2, 2 - c_0_3) + least(1, c_1) AS cov
  FROM (SELECT u, at_ms, r_c_0_1 - s_c_0_1 AS c_0_1, r_c_0_2 - s_c_0_2 AS c_0_2, r_c_0_3 - s_c_0_3 AS c_0_3, r_c_1 - s_c_1 AS c_1 FROM k_any_joined WHERE at_ms >= t0 AND at_ms <= t0 + {p1:Float64}) AS w
),
k_any_times AS (
  SELECT u, min(CASE WHEN cov >= 1 THEN at_ms END) AS t0, min(CASE WHEN cov >= 2 THEN at_ms END) AS t1, min(CASE WHEN cov >= 3 THEN at_ms END) AS t2
  FROM k_any_cover
  GROUP BY u
),
k_timed_users AS (
  SELECT a.u AS u, a.depth AS depth, t.t0 AS t0, t.t1 AS t1, t.t2 AS t2
  FROM k_users AS a
  JOIN k_any_times AS t ON t.u = a.u
),
k_values_ AS (
  SELECT p.j - 1 AS k, CASE p.j WHEN 2 THEN a.t1 - a.t0 WHEN 3 THEN a.t2 - a.t1 ELSE 0 END AS v
  FROM k_timed_users AS a
  JOIN k_positions AS p ON p.j <= a.depth
),
k_dist_ranked AS (
  SELECT k, v, row_number() OVER (PARTITION BY k ORDER BY v) - 1 AS pos, count(*) OVER (PARTITION BY k) AS size,
    sum(v) OVER (PARTITION BY k) AS v_sum, min(v) OVER (PARTITION BY k) AS v_min, max(v) OVER (PARTITION BY k) AS v_max
  FROM (SELECT k, CAST(v AS Float64) AS v FROM k_values_) AS x
),
k_dist_sized AS (
  SELECT k, v, pos, size, v_sum, v_min, v_max, CASE WHEN v_min = v_max THEN 1 WHEN size > 205379 THEN 60 ELSE CAST(round(cbrt(CAST(size AS Float64))) AS Int64) + CASE WHEN round(cbrt(CAST(size AS Float64))) * round(cbrt(CAST(size AS Float64))) * round(cbrt(CAST(size AS Float64))) < size THEN 1 ELSE 0 END END AS bins
  FROM k_dist_ranked
),
k_dist_picked AS (
  SELECT k, v, size, v_sum, v_min, v_max, bins, (v_max - v_min) / bins AS width,
    max(CASE WHEN pos = floor(CAST(size - 1 AS Float64) * CAST(0.5 AS Float64)) THEN v END) OVER (PARTITION BY k) AS pick_q50a,
    max(CASE WHEN pos = floor(CAST(size - 1 AS Float64) * CAST(0.5 AS Float64)) + 1 THEN v END) OVER (PARTITION BY k) AS pick_q50b,
    max(CASE WHEN pos = floor(CAST(size - 1 AS Float64) * CAST(0.9 AS Float64)) THEN v END) OVER (PARTITION BY k) AS pick_q90a,
    max(CASE WHEN pos = floor(CAST(size - 1 AS Float64) * CAST(0.9 AS Float64)) + 1 THEN v END) OVER (PARTITION BY k) AS pick_q90b
  FROM k_dist_sized
),
k_dist AS (
  SELECT k, max(size) AS n, max(v_sum) AS total, max(v_min) AS lo, max(v_max) AS hi,
    max(pick_q50a) AS q50a, max(pick_q50b) AS q50b, max(pick_q90a) AS q90a, max(pick_q90b) AS q90b,
    CASE WHEN width = 0 THEN CAST(0 AS Int64) WHEN floor((v - v_min) / width) > bins - 1 THEN CAST(bins - 1 AS Int64) ELSE CAST(floor((v - v_min) / width) AS Int64) END AS bin, count(*) AS cnt
  FROM k_dist_picked
  GROUP BY k, CASE WHEN width = 0 THEN CAST(0 AS Int64) WHEN floor((v - v_min) / width) > bins - 1 THEN CAST(bins - 1 AS Int64) ELSE CAST(floor((v - v_min) / width) AS Int64) END
),
k_out AS (
  SELECT * FROM k_dist
)
SELECT b.from_day, b.to_day, b.invalid, r.k, r.n, r.total, r.lo, r.hi, r.q50a, r.q50b, r.q90a, r.q90b, r.bin, r.cnt
FROM k_bounds AS b
LEFT JOIN k_out AS r ON 1 = 1
SETTINGS join_use_nulls = 1, cast_keep_nullable = 1, aggregate_functions_null_for_empty = 1, output_format_json_quote_64bit_integers = 0
-- params: {"p1":86400000,"p2":"view","p3":"pro","p4":"pay"}
