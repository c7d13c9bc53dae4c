WITH k_span AS (
  SELECT count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, `ts` AS t FROM `events`) AS s
),
k_ev AS (
  SELECT s.u AS u, s.n AS n, s.ms AS ms, toInt64(toDate32(fromUnixTimestamp64Milli(toInt64(s.ms), {p2:String}))) AS d
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, toUnixTimestamp64Milli(toDateTime64(`ts`, 3, 'UTC')) AS ms FROM `events`) AS s
),
k_bounds AS (
  SELECT CAST(m.lo AS Int64) AS from_day, CAST(m.hi AS Int64) AS to_day, x.bad AS invalid
  FROM (SELECT min(d) AS lo, max(d) AS hi FROM k_ev) AS m
  CROSS JOIN k_span AS x
),
k_in_range AS (
  SELECT DISTINCT e.u AS u, e.n AS n, e.ms AS ms
  FROM k_ev AS e
  CROSS JOIN k_bounds AS b
  WHERE e.d BETWEEN b.from_day AND b.to_day
),
k_gaps AS (
  SELECT u, n, ms, CASE WHEN ms - lagInFrame(toNullable(ms)) OVER (PARTITION BY u ORDER BY ms, n ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) <= {p3:Float64} THEN 0 ELSE 1 END AS starts
  FROM k_in_range
),
k_numbered AS (
  SELECT u, n, ms, sum(starts) OVER (PARTITION BY u ORDER BY ms, n ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS session
  FROM k_gaps
),
k_per_session AS (
  SELECT u, session, max(ms) - min(ms) AS duration, count(*) AS event_count,
    sum(CASE WHEN n IN ({p1:String}) THEN 1 ELSE 0 END) AS in_set_0
  FROM k_numbered
  GROUP BY u, session
),
k_totals AS (
  SELECT sum(event_count) AS events, sum(in_set_0) AS set_0
  FROM k_per_session
),
k_values_ AS (
  SELECT 0 AS k, duration AS v FROM k_per_session
  UNION ALL
  SELECT 1 AS k, count(*) AS v FROM k_per_session GROUP BY u
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
k_summary AS (
  SELECT d.k AS k, d.n AS n, d.total AS total, d.lo AS lo, d.hi AS hi, d.q50a AS q50a, d.q50b AS q50b, d.q90a AS q90a, d.q90b AS q90b, d.bin AS bin, d.cnt AS cnt, t.events AS events, t.set_0 AS set_0
  FROM k_dist AS d
  CROSS JOIN k_totals AS t
)
SELECT b.from_day, b.to_day, b.invalid, r.k, r.n, r.total, r.lo, r.hi, r.q50a, r.q50b, r.q90a, r.q90b, r.bin, r.cnt, r.events, r.set_0
FROM k_bounds AS b
LEFT JOIN k_summary AS r ON 1 = 1
SETTINGS join_use_nulls = 1, cast_keep_nullable = 1, aggregate_functions_null_for_empty = 1, output_format_json_quote_64bit_integers = 0
-- params: {"p1":"page_view","p2":"America/New_York","p3":1800000}
