WITH k_span AS (
  SELECT toInt64(floor(toFloat64(toUnixTimestamp64Milli(toDateTime64(min(t), 3, 'UTC'))) / 86400000)) AS lo_day, toInt64(floor(toFloat64(toUnixTimestamp64Milli(toDateTime64(max(t), 3, 'UTC'))) / 86400000)) AS hi_day, count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, `ts` AS t FROM `events`) AS s
),
k_ev AS (
  SELECT s.u AS u, s.n AS n, s.ms AS ms, s.p0 AS p0, toInt64(floor(toFloat64(s.ms) / 86400000)) AS d
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, toUnixTimestamp64Milli(toDateTime64(`ts`, 3, 'UTC')) AS ms, `beta` AS p0 FROM `events`) AS s
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
k_runs AS (
  SELECT 0 AS c_from, 1 AS c_to, 1 AS need, 'B' AS ch
  UNION ALL
  SELECT 0 AS c_from, 2 AS c_to, 3 AS need, 'C' AS ch
  UNION ALL
  SELECT 0 AS c_from, 3 AS c_to, 7 AS need, 'D' AS ch
  UNION ALL
  SELECT 1 AS c_from, 2 AS c_to, 2 AS need, 'C' AS ch
  UNION ALL
  SELECT 1 AS c_from, 3 AS c_to, 6 AS need, 'D' AS ch
  UNION ALL
  SELECT 2 AS c_from, 3 AS c_to, 4 AS need, 'D' AS ch
),
k_moments AS (
  SELECT u, ms, groupBitOr(bits) AS mask, CAST(row_number() OVER (PARTITION BY u ORDER BY ms) AS Int64) AS mi
  FROM (
    SELECT DISTINCT e.u AS u, e.n AS n, e.ms AS ms, CASE WHEN e.n = {p2:String} THEN 1 ELSE 0 END + CASE WHEN e.n = {p3:String} THEN 2 ELSE 0 END + CASE WHEN e.n = {p4:String} THEN 4 ELSE 0 END AS bits
    FROM k_ev AS e
    CROSS JOIN k_bounds AS b
    WHERE e.d BETWEEN b.from_day AND b.to_day
  ) AS tagged
  GROUP BY u, ms
),
k_stage_0 AS (
  SELECT m.u AS u, m.mi AS m1, m.ms AS t1, r.c_to AS c, r.ch AS cl, r.ch AS path, 1 AS active
  FROM k_moments AS m
  JOIN k_runs AS r ON r.c_from = 0 AND bitAnd(m.mask, r.need) = r.need
),
k_step_1 AS (
  SELECT s.u AS u, s.m1 AS m1, s.t1 AS t1, CASE WHEN r.c_to IS NOT NULL THEN r.c_to ELSE s.c END AS c,
    CASE WHEN r.c_to IS NOT NULL THEN r.ch ELSE s.cl END AS cl, CASE WHEN r.c_to IS NOT NULL THEN s.path || r.ch ELSE s.path END AS next_path,
    CASE WHEN r.c_to IS NOT NULL THEN 1 ELSE 0 END AS active
  FROM k_stage_0 AS s
  LEFT JOIN k_moments AS m ON m.u = s.u AND m.mi = s.m1 + 1 AND s.active = 1 AND m.ms <= s.t1 + {p1:Float64}
  LEFT JOIN k_runs AS r ON r.c_from = s.c AND bitAnd(m.mask, r.need) = r.need
),
k_stage_1 AS (
  SELECT u, m1, t1, c, cl, max(next_path) AS path, active
  FROM k_step_1
  GROUP BY u, m1, t1, c, cl, active
),
k_step_2 AS (
  SELECT s.u AS u, s.m1 AS m1, s.t1 AS t1, CASE WHEN r.c_to IS NOT NULL THEN r.c_to ELSE s.c END AS c,
    CASE WHEN r.c_to IS NOT NULL THEN r.ch ELSE s.cl END AS cl, CASE WHEN r.c_to IS NOT NULL THEN s.path || r.ch ELSE s.path END AS next_path,
    CASE WHEN r.c_to IS NOT NULL THEN 1 ELSE 0 END AS active
  FROM k_stage_1 AS s
  LEFT JOIN k_moments AS m ON m.u = s.u AND m.mi = s.m1 + 2 AND s.active = 1 AND m.ms <= s.t1 + {p1:Float64}
  LEFT JOIN k_runs AS r ON r.c_from = s.c AND bitAnd(m.mask, r.need) = r.need
),
k_stage_2 AS (
  SELECT u, m1, t1, c, cl, max(next_path) AS path, active
  FROM k_step_2
  GROUP BY u, m1, t1, c, cl, active
),
k_best AS (
  SELECT u, m1, t1, max(c) AS depth, max(cl || path) AS best_key,
    row_number() OVER (PARTITION BY u ORDER BY max(c) DESC, t1) AS pick
  FROM k_stage_2
  GROUP BY u, m1, t1
),
k_step_places AS (
  SELECT b.u AS u, b.m1 AS m1, b.t1 AS t1, b.depth AS depth, p.j - 1 AS k, b.m1 + CASE p.j WHEN 1 THEN 0 WHEN 2 THEN greatest(0, toInt64(position(b.best_key, 'B')) - 1) WHEN 3 THEN greatest(0, toInt64(position(b.best_key, 'B')) - 1, toInt64(position(b.best_key, 'C')) - 1) END AS mi
  FROM k_best AS b
  JOIN k_positions AS p ON p.j <= b.depth
),
k_timed AS (
  SELECT s.u AS u, s.depth AS depth, max(CASE WHEN s.k = 0 THEN m.ms END) AS t0, max(CASE WHEN s.k = 1 THEN m.ms END) AS t1, max(CASE WHEN s.k = 2 THEN m.ms END) AS t2
  FROM k_step_places AS s
  LEFT JOIN k_moments AS m ON m.u = s.u AND m.mi = s.mi
  GROUP BY s.u, s.m1, s.t1, s.depth
),
k_attempts AS (
  SELECT a.u AS u, a.t0 AS t0, a.t1 AS t1, a.t2 AS t2, a.depth AS depth
  FROM k_timed AS a
),
k_excl_events AS (
  SELECT e.u AS u, e.n AS n, e.ms AS ms, e.p0 AS p0
  FROM k_ev AS e
  CROSS JOIN k_bounds AS b
  WHERE e.n IN ({p2:String}, {p3:String}, {p4:String}, {p5:String}) AND e.d BETWEEN b.from_day AND b.to_day
),
k_excl_next AS (
  SELECT DISTINCT u, ms, ax_0
  FROM (
    SELECT u, ms,
      min(CASE WHEN (n = {p5:String}) AND (p0 = {p6:Bool}) THEN ms END) OVER (PARTITION BY u ORDER BY ms RANGE BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS ax_0
    FROM k_excl_events
  ) AS w
),
k_ex_0_0 AS (
  SELECT a.*, h.ax_0 AS e_0_0
  FROM k_attempts AS a
  LEFT JOIN k_excl_next AS h ON h.u = a.u AND h.ms = a.t0
),
k_ex_first AS (
  SELECT a.*, CASE WHEN a.t0 IS NOT NULL AND a.e_0_0 IS NOT NULL AND ((a.t2 IS NOT NULL AND a.e_0_0 < a.t2) OR (a.t2 IS NULL AND a.e_0_0 <= a.t0 + {p1:Float64})) THEN CAST(a.e_0_0 AS Float64) END AS x_at
  FROM k_ex_0_0 AS a
),
k_flagged AS (
  SELECT a.*, CASE WHEN a.x_at IS NULL THEN CAST(-1 AS Int64) WHEN a.depth < CAST(CASE WHEN a.t0 < a.x_at THEN 1 ELSE 0 END + CASE WHEN a.t1 < a.x_at THEN 1 ELSE 0 END + CASE WHEN a.t2 < a.x_at THEN 1 ELSE 0 END AS Int64) + 1 THEN CAST(a.depth AS Int64) ELSE CAST(CASE WHEN a.t0 < a.x_at THEN 1 ELSE 0 END + CASE WHEN a.t1 < a.x_at THEN 1 ELSE 0 END + CASE WHEN a.t2 < a.x_at THEN 1 ELSE 0 END AS Int64) + 1 END AS reach
  FROM k_ex_first AS a
),
k_candidates AS (
  SELECT * FROM (SELECT a.*, max(CASE WHEN a.reach >= 0 THEN a.reach ELSE CAST(0 AS Int64) END) OVER (PARTITION BY a.u) AS far
  FROM k_flagged AS a) AS f
  WHERE reach < 0
),
k_picked AS (
  SELECT u, depth, t0, t1, t2, far, row_number() OVER (PARTITION BY u ORDER BY depth DESC, t0) AS pick
  FROM k_candidates
),
k_users AS (
  SELECT u, depth, t0, t1, t2, far
  FROM k_picked
  WHERE pick = 1 AND depth >= far
),
k_values_ AS (
  SELECT p.j - 1 AS k, CASE p.j WHEN 2 THEN a.t1 - a.t0 WHEN 3 THEN a.t2 - a.t1 ELSE 0 END AS v
  FROM k_users AS a
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
-- params: {"p1":1209600000,"p2":"a","p3":"b","p4":"c","p5":"x","p6":"true"}
