WITH k_span AS (
  SELECT toInt64(floor(toFloat64(toUnixTimestamp64Milli(toDateTime64(min(t), 3, 'UTC'))) / 86400000)) AS lo_day, toInt64(floor(toFloat64(toUnixTimestamp64Milli(toDateTime64(max(t), 3, 'UTC'))) / 86400000)) AS hi_day, count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, `ts` AS t FROM `events`) AS s
),
k_ev AS (
  SELECT s.u AS u, s.n AS n, s.ms AS ms, s.p0 AS p0, toInt64(floor(toFloat64(s.ms) / 86400000)) AS d
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, toUnixTimestamp64Milli(toDateTime64(`ts`, 3, 'UTC')) AS ms, `country` AS p0 FROM `events`) AS s
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
  SELECT u, n, ms, CAST(max(x_c_0) AS Int64) AS c_0, CAST(max(x_c_1) AS Int64) AS c_1, CAST(max(x_c_2) AS Int64) AS c_2
  FROM (
    SELECT e.u AS u, e.n AS n, e.ms AS ms, CASE WHEN e.n = {p2:String} THEN 1 ELSE 0 END AS x_c_0, CASE WHEN e.n = {p3:String} THEN 1 ELSE 0 END AS x_c_1, CASE WHEN e.n = {p4:String} THEN 1 ELSE 0 END AS x_c_2
    FROM k_ev AS e
    CROSS JOIN k_bounds AS b
    WHERE e.n IN ({p2:String}, {p3:String}, {p4:String}, {p5:String}) AND e.d BETWEEN b.from_day AND b.to_day AND ((e.n = {p2:String}) OR (e.n = {p3:String}) OR (e.n = {p4:String}))
  ) AS x
  GROUP BY u, n, ms
),
k_any_marks AS (
  SELECT DISTINCT u, ms, 0 AS isx FROM k_any_events
  UNION ALL
  SELECT DISTINCT e.u AS u, e.ms AS ms, 1 AS isx
  FROM k_ev AS e
  CROSS JOIN k_bounds AS b
  WHERE e.n IN ({p2:String}, {p3:String}, {p4:String}, {p5:String}) AND e.d BETWEEN b.from_day AND b.to_day AND ((e.n = {p5:String})) AND NOT ((e.n = {p2:String}) OR (e.n = {p3:String}) OR (e.n = {p4:String}))
),
k_any_starts AS (
  SELECT u, ms, CASE WHEN x_next <= CAST(ms AS Float64) + {p1:Float64} THEN x_next END AS x_ms
  FROM (
    SELECT u, ms, isx, CAST(min(CASE WHEN isx = 1 THEN ms END) OVER (PARTITION BY u ORDER BY ms RANGE BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS Float64) AS x_next
    FROM k_any_marks
  ) AS m
  WHERE isx = 0
),
k_any_line AS (
  SELECT u, CAST(ms AS Float64) AS at_ms, 0 AS kind, 0 AS probe, CAST(NULL AS Float64) AS start_ms, c_0, c_1, c_2 FROM k_any_events
  UNION ALL SELECT u, CAST(ms AS Float64) AS at_ms, -1 AS kind, 1 AS probe, CAST(ms AS Float64) AS start_ms, CAST(0 AS Int64) AS c_0, CAST(0 AS Int64) AS c_1, CAST(0 AS Int64) AS c_2 FROM k_any_starts
  UNION ALL SELECT u, CAST(ms AS Float64) + {p1:Float64} AS at_ms, 1 AS kind, 2 AS probe, CAST(ms AS Float64) AS start_ms, CAST(0 AS Int64) AS c_0, CAST(0 AS Int64) AS c_1, CAST(0 AS Int64) AS c_2 FROM k_any_starts
  UNION ALL SELECT u, x_ms AS at_ms, -1 AS kind, 3 AS probe, CAST(ms AS Float64) AS start_ms, CAST(0 AS Int64) AS c_0, CAST(0 AS Int64) AS c_1, CAST(0 AS Int64) AS c_2 FROM k_any_starts WHERE x_ms IS NOT NULL
  UNION ALL SELECT u, x_ms AS at_ms, 1 AS kind, 4 AS probe, CAST(ms AS Float64) AS start_ms, CAST(0 AS Int64) AS c_0, CAST(0 AS Int64) AS c_1, CAST(0 AS Int64) AS c_2 FROM k_any_starts WHERE x_ms IS NOT NULL
),
k_any_running AS (
  SELECT u, at_ms, kind, probe, start_ms, sum(c_0) OVER (PARTITION BY u ORDER BY at_ms, kind ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS r_c_0, sum(c_1) OVER (PARTITION BY u ORDER BY at_ms, kind ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS r_c_1, sum(c_2) OVER (PARTITION BY u ORDER BY at_ms, kind ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS r_c_2
  FROM k_any_line
),
k_any_windows AS (
  SELECT u, start_ms, sum(CASE WHEN probe = 2 THEN r_c_0 WHEN probe = 1 THEN -r_c_0 ELSE 0 END) AS c_0, sum(CASE WHEN probe = 2 THEN r_c_1 WHEN probe = 1 THEN -r_c_1 ELSE 0 END) AS c_1, sum(CASE WHEN probe = 2 THEN r_c_2 WHEN probe = 1 THEN -r_c_2 ELSE 0 END) AS c_2, sum(CASE WHEN probe = 4 THEN r_c_0 WHEN probe = 1 THEN -r_c_0 ELSE 0 END) AS i_c_0, sum(CASE WHEN probe = 4 THEN r_c_1 WHEN probe = 1 THEN -r_c_1 ELSE 0 END) AS i_c_1, sum(CASE WHEN probe = 4 THEN r_c_2 WHEN probe = 1 THEN -r_c_2 ELSE 0 END) AS i_c_2, sum(CASE WHEN probe = 3 THEN r_c_0 WHEN probe = 1 THEN -r_c_0 ELSE 0 END) AS b_c_0, sum(CASE WHEN probe = 3 THEN r_c_1 WHEN probe = 1 THEN -r_c_1 ELSE 0 END) AS b_c_1, sum(CASE WHEN probe = 3 THEN r_c_2 WHEN probe = 1 THEN -r_c_2 ELSE 0 END) AS b_c_2, max(CASE WHEN probe = 3 THEN at_ms END) AS x_ms
  FROM k_any_running
  WHERE probe <> 0
  GROUP BY u, start_ms
),
k_any_covers AS (
  SELECT u, start_ms, x_ms, CAST(least(1, c_0) + least(1, c_1) + least(1, c_2) AS Int64) AS depth, CAST(least(1, i_c_0) + least(1, i_c_1) + least(1, i_c_2) AS Int64) AS x_upto, CAST(least(1, b_c_0) + least(1, b_c_1) + least(1, b_c_2) AS Int64) AS x_before
  FROM k_any_windows
),
k_any_depths AS (
  SELECT u, start_ms, depth, CASE WHEN x_ms IS NULL OR x_upto = 3 THEN CAST(-1 AS Int64) WHEN depth < x_before + 1 THEN depth ELSE x_before + 1 END AS reach
  FROM k_any_covers
),
k_any_firsts AS (
  SELECT DISTINCT e.u AS u, CAST(e.ms AS Float64) AS ms, CASE WHEN e.n = {p2:String} THEN 0 WHEN e.n = {p3:String} THEN 1 WHEN e.n = {p4:String} THEN 2 END AS low, e.p0 AS bv
  FROM k_ev AS e
  CROSS JOIN k_bounds AS b
  WHERE e.n IN ({p2:String}, {p3:String}, {p4:String}, {p5:String}) AND e.d BETWEEN b.from_day AND b.to_day AND ((e.n = {p2:String}) OR (e.n = {p3:String}) OR (e.n = {p4:String}))
),
k_any_lowest AS (
  SELECT f.u AS u, f.ms AS ms, f.bv AS bv
  FROM k_any_firsts AS f
  JOIN (SELECT u, ms, min(low) AS low FROM k_any_firsts GROUP BY u, ms) AS l ON l.u = f.u AND l.ms = f.ms AND l.low = f.low
),
k_attempts AS (
  SELECT d.u AS u, d.start_ms AS t0, d.depth AS depth, d.reach AS reach, f.bv AS bv
  FROM k_any_depths AS d
  LEFT JOIN k_any_lowest AS f ON f.u = d.u AND f.ms = d.start_ms
),
k_candidates AS (
  SELECT * FROM (SELECT a.*, max(CASE WHEN a.reach >= 0 THEN a.reach ELSE CAST(0 AS Int64) END) OVER (PARTITION BY a.u) AS far
  FROM k_attempts AS a) AS f
  WHERE reach < 0
),
k_picked AS (
  SELECT u, depth, t0, bv, far, row_number() OVER (PARTITION BY u ORDER BY depth DESC, t0, CASE WHEN bv IS NULL THEN 0 ELSE 1 END, CAST(bv AS String)) AS pick
  FROM k_candidates
),
k_users AS (
  SELECT u, depth, t0, bv, far
  FROM k_picked
  WHERE pick = 1 AND depth >= far
),
k_any_instants AS (
  SELECT u, at_ms, max(r_c_0) AS r_c_0, max(r_c_1) AS r_c_1, max(r_c_2) AS r_c_2
  FROM k_any_running
  WHERE kind = 0
  GROUP BY u, at_ms
),
k_any_joined AS (
  SELECT a.u AS u, a.t0 AS t0, i.at_ms AS at_ms, i.r_c_0 AS r_c_0, i.r_c_1 AS r_c_1, i.r_c_2 AS r_c_2,
    max(CASE WHEN i.at_ms < a.t0 THEN i.r_c_0 ELSE CAST(0 AS Int64) END) OVER (PARTITION BY a.u) AS s_c_0, max(CASE WHEN i.at_ms < a.t0 THEN i.r_c_1 ELSE CAST(0 AS Int64) END) OVER (PARTITION BY a.u) AS s_c_1, max(CASE WHEN i.at_ms < a.t0 THEN i.r_c_2 ELSE CAST(0 AS Int64) END) OVER (PARTITION BY a.u) AS s_c_2
  FROM k_users AS a
  JOIN k_any_instants AS i ON i.u = a.u
),
k_any_cover AS (
  SELECT u, at_ms, least(1, c_0) + least(1, c_1) + least(1, c_2) AS cov
  FROM (SELECT u, at_ms, r_c_0 - s_c_0 AS c_0, r_c_1 - s_c_1 AS c_1, r_c_2 - s_c_2 AS c_2 FROM k_any_joined WHERE at_ms >= t0 AND at_ms <= t0 + {p1:Float64}) AS w
),
k_any_times AS (
  SELECT u, min(CASE WHEN cov >= 1 THEN at_ms END) AS t0, min(CASE WHEN cov >= 2 THEN at_ms END) AS t1, min(CASE WHEN cov >= 3 THEN at_ms END) AS t2
  FROM k_any_cover
  GROUP BY u
),
k_timed_users AS (
  SELECT a.u AS u, a.depth AS depth, a.bv AS bv, t.t0 AS t0, t.t1 AS t1, t.t2 AS t2
  FROM k_users AS a
  JOIN k_any_times AS t ON t.u = a.u
),
k_valued AS (
  SELECT a.*, CASE WHEN a.depth > 0 THEN 1 ELSE 0 END AS ig
  FROM k_timed_users AS a
),
k_value_users AS (
  SELECT a.*, count(*) OVER (PARTITION BY ig, bv) AS users
  FROM k_valued AS a
),
k_value_ranks AS (
  SELECT a.*, CAST(dense_rank() OVER (ORDER BY CASE WHEN bv IS NULL OR ig = 0 THEN 1 ELSE 0 END, users DESC, CAST(bv AS String)) AS Int64) AS r
  FROM k_value_users AS a
),
k_grouped AS (
  SELECT a.*, CAST(CASE WHEN a.ig = 0 THEN 13 WHEN a.bv IS NULL THEN 12 WHEN a.r <= 10 THEN a.r ELSE 11 END AS Int64) AS grp
  FROM k_value_ranks AS a
),
k_values_ AS (
  SELECT CASE WHEN c.copy = 0 THEN p.j - 1 ELSE a.grp * 32 + p.j - 1 END AS k, CASE p.j WHEN 2 THEN a.t1 - a.t0 WHEN 3 THEN a.t2 - a.t1 ELSE 0 END AS v,
    CASE WHEN c.copy = 1 AND a.grp <= 10 THEN a.bv END AS tag
  FROM k_grouped AS a
  JOIN k_positions AS p ON p.j <= a.depth
  CROSS JOIN (SELECT 0 AS copy UNION ALL SELECT 1 AS copy) AS c
  WHERE c.copy = 0 OR a.grp <> 13
),
k_dist_ranked AS (
  SELECT k, v, tag, row_number() OVER (PARTITION BY k ORDER BY v) - 1 AS pos, count(*) OVER (PARTITION BY k) AS size,
    sum(v) OVER (PARTITION BY k) AS v_sum, min(v) OVER (PARTITION BY k) AS v_min, max(v) OVER (PARTITION BY k) AS v_max
  FROM (SELECT k, CAST(v AS Float64) AS v, tag FROM k_values_) AS x
),
k_dist_sized AS (
  SELECT k, v, tag, pos, size, v_sum, v_min, v_max, CASE WHEN v_min = v_max THEN 1 WHEN size > 205379 THEN 60 ELSE CAST(round(cbrt(CAST(size AS Float64))) AS Int64) + CASE WHEN round(cbrt(CAST(size AS Float64))) * round(cbrt(CAST(size AS Float64))) * round(cbrt(CAST(size AS Float64))) < size THEN 1 ELSE 0 END END AS bins
  FROM k_dist_ranked
),
k_dist_picked AS (
  SELECT k, v, tag, size, v_sum, v_min, v_max, bins, (v_max - v_min) / bins AS width,
    max(CASE WHEN pos = floor(CAST(size - 1 AS Float64) * CAST(0.5 AS Float64)) THEN v END) OVER (PARTITION BY k) AS pick_q50a,
    max(CASE WHEN pos = floor(CAST(size - 1 AS Float64) * CAST(0.5 AS Float64)) + 1 THEN v END) OVER (PARTITION BY k) AS pick_q50b,
    max(CASE WHEN pos = floor(CAST(size - 1 AS Float64) * CAST(0.9 AS Float64)) THEN v END) OVER (PARTITION BY k) AS pick_q90a,
    max(CASE WHEN pos = floor(CAST(size - 1 AS Float64) * CAST(0.9 AS Float64)) + 1 THEN v END) OVER (PARTITION BY k) AS pick_q90b
  FROM k_dist_sized
),
k_dist AS (
  SELECT k, tag, max(size) AS n, max(v_sum) AS total, max(v_min) AS lo, max(v_max) AS hi,
    max(pick_q50a) AS q50a, max(pick_q50b) AS q50b, max(pick_q90a) AS q90a, max(pick_q90b) AS q90b,
    CASE WHEN width = 0 THEN CAST(0 AS Int64) WHEN floor((v - v_min) / width) > bins - 1 THEN CAST(bins - 1 AS Int64) ELSE CAST(floor((v - v_min) / width) AS Int64) END AS bin, count(*) AS cnt
  FROM k_dist_picked
  GROUP BY k, tag, CASE WHEN width = 0 THEN CAST(0 AS Int64) WHEN floor((v - v_min) / width) > bins - 1 THEN CAST(bins - 1 AS Int64) ELSE CAST(floor((v - v_min) / width) AS Int64) END
),
k_out AS (
  SELECT k, n, total, lo, hi, q50a, q50b, q90a, q90b, bin, cnt, tag AS value, toTypeName(tag) AS value_type
  FROM k_dist
)
SELECT b.from_day, b.to_day, b.invalid, r.k, r.n, r.total, r.lo, r.hi, r.q50a, r.q50b, r.q90a, r.q90b, r.bin, r.cnt, r.value, r.value_type
FROM k_bounds AS b
LEFT JOIN k_out AS r ON 1 = 1
SETTINGS join_use_nulls = 1, cast_keep_nullable = 1, aggregate_functions_null_for_empty = 1, output_format_json_quote_64bit_integers = 0
-- params: {"p1":1209600000,"p2":"view","p3":"trial","p4":"pay","p5":"cancel"}
