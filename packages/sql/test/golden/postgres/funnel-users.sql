WITH k_span AS (
  SELECT CASE WHEN (CAST(round(extract(epoch FROM date_trunc('milliseconds', min(t))) * 1000) AS bigint)) >= 0 THEN (CAST(round(extract(epoch FROM date_trunc('milliseconds', min(t))) * 1000) AS bigint)) / 86400000 ELSE ((CAST(round(extract(epoch FROM date_trunc('milliseconds', min(t))) * 1000) AS bigint)) + 1) / 86400000 - 1 END AS lo_day, CASE WHEN (CAST(round(extract(epoch FROM date_trunc('milliseconds', max(t))) * 1000) AS bigint)) >= 0 THEN (CAST(round(extract(epoch FROM date_trunc('milliseconds', max(t))) * 1000) AS bigint)) / 86400000 ELSE ((CAST(round(extract(epoch FROM date_trunc('milliseconds', max(t))) * 1000) AS bigint)) + 1) / 86400000 - 1 END AS hi_day, count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST("user_id" AS text) AS u, CAST("event_name" AS text) AS n, "ts" AS t FROM "events") AS s
),
k_users_check AS (
  SELECT count(*) - count(DISTINCT CASE WHEN id <> '' THEN id END) AS users_invalid
  FROM (SELECT CAST(k_u."id" AS text) AS id FROM "crm"."users" AS k_u) AS s
),
k_ev AS (
  SELECT s.u AS u, s.n AS n, s.ms AS ms, s.p0 AS p0, s.p1 AS p1, CASE WHEN s.ms >= 0 THEN s.ms / 86400000 ELSE (s.ms + 1) / 86400000 - 1 END AS d
  FROM (SELECT CAST("user_id" AS text) AS u, CAST("event_name" AS text) AS n, CAST(round(extract(epoch FROM date_trunc('milliseconds', "ts")) * 1000) AS bigint) AS ms, k_users.k_p0 AS p0, k_users.k_p1 AS p1 FROM "events"
  LEFT JOIN (SELECT CAST(k_u."id" AS text) AS k_uid, k_u."plan" AS k_p0, k_u."country" AS k_p1 FROM "crm"."users" AS k_u) AS k_users ON k_users.k_uid = CAST("user_id" AS text)) AS s
),
k_bounds AS (
  SELECT CAST(m.lo AS bigint) AS from_day, CAST(m.hi AS bigint) AS to_day, m.bad AS invalid
  FROM (SELECT lo_day AS lo, hi_day AS hi, bad FROM k_span) AS m
),
k_positions AS (
  SELECT 1 AS j
  UNION ALL
  SELECT 2 AS j
),
k_step_events AS (
  SELECT e.u AS u, e.n AS n, e.ms AS ms, e.p0 AS p0, e.p1 AS p1
  FROM k_ev AS e
  CROSS JOIN k_bounds AS b
  WHERE e.n IN (CAST($2 AS text), CAST($3 AS text)) AND e.d BETWEEN b.from_day AND b.to_day
),
k_nexts AS (
  SELECT DISTINCT u, ms, nx_0, af_0, nx_1, af_1
  FROM (
    SELECT u, ms,
      min(CASE WHEN n = CAST($2 AS text) THEN ms END) OVER (PARTITION BY u ORDER BY ms RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS nx_0,
      min(CASE WHEN n = CAST($2 AS text) THEN ms END) OVER (PARTITION BY u ORDER BY ms RANGE BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS af_0,
      min(CASE WHEN (n = CAST($3 AS text)) AND (p0 = CAST($4 AS text)) THEN ms END) OVER (PARTITION BY u ORDER BY ms RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS nx_1,
      min(CASE WHEN (n = CAST($3 AS text)) AND (p0 = CAST($4 AS text)) THEN ms END) OVER (PARTITION BY u ORDER BY ms RANGE BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS af_1
    FROM k_step_events
  ) AS w
),
k_chain_0 AS (
  SELECT DISTINCT u, ms AS t0
  FROM k_step_events
  WHERE n = CAST($2 AS text)
),
k_chain_1 AS (
  SELECT c.u AS u, c.t0 AS t0, CASE WHEN x.nx_1 <= c.t0 + CAST($1 AS double precision) THEN x.nx_1 END AS t1
  FROM k_chain_0 AS c
  LEFT JOIN k_nexts AS x ON x.u = c.u AND x.ms = c.t0
),
k_attempts AS (
  SELECT c.*, 1 + CASE WHEN t1 IS NULL THEN 0 ELSE 1 END AS depth
  FROM k_chain_1 AS c
),
k_picked AS (
  SELECT u, depth, t0, t1, row_number() OVER (PARTITION BY u ORDER BY depth DESC, t0) AS pick
  FROM k_attempts
),
k_users AS (
  SELECT u, depth, t0, t1
  FROM k_picked
  WHERE pick = 1
),
k_touches AS (
  SELECT u, bv FROM (
    SELECT e.u AS u, e.p1 AS bv, row_number() OVER (PARTITION BY e.u ORDER BY e.ms, (CAST(e.p1 AS text) COLLATE "C")) AS rn
    FROM k_ev AS e
    CROSS JOIN k_bounds AS b
    WHERE e.p1 IS NOT NULL AND e.d BETWEEN b.from_day AND b.to_day AND ((e.n = CAST($2 AS text)) OR ((e.n = CAST($3 AS text)) AND (e.p0 = CAST($4 AS text))))
  ) AS t
  WHERE rn = 1
),
k_valued AS (
  SELECT a.*, t.bv AS bv, 1 AS ig
  FROM k_users AS a
  LEFT JOIN k_touches AS t ON t.u = a.u
),
k_value_users AS (
  SELECT a.*, count(*) OVER (PARTITION BY ig, bv) AS users
  FROM k_valued AS a
),
k_value_ranks AS (
  SELECT a.*, CAST(dense_rank() OVER (ORDER BY CASE WHEN bv IS NULL OR ig = 0 THEN 1 ELSE 0 END, users DESC, (CAST(bv AS text) COLLATE "C")) AS bigint) AS r
  FROM k_value_users AS a
),
k_grouped AS (
  SELECT a.*, CAST(CASE WHEN a.ig = 0 THEN 13 WHEN a.bv IS NULL THEN 12 WHEN a.r <= 10 THEN a.r ELSE 11 END AS bigint) AS grp
  FROM k_value_ranks AS a
),
k_values_ AS (
  SELECT CASE WHEN c.copy = 0 THEN p.j - 1 ELSE a.grp * 32 + p.j - 1 END AS k, CASE p.j WHEN 2 THEN a.t1 - a.t0 ELSE 0 END AS v,
    CASE WHEN c.copy = 1 AND a.grp <= 10 THEN a.bv END AS tag
  FROM k_grouped AS a
  JOIN k_positions AS p ON p.j <= a.depth
  CROSS JOIN (SELECT 0 AS copy UNION ALL SELECT 1 AS copy) AS c
  WHERE c.copy = 0 OR a.grp <> 13
),
k_dist_ranked AS (
  SELECT k, v, tag, row_number() OVER (PARTITION BY k ORDER BY v) - 1 AS pos, count(*) OVER (PARTITION BY k) AS size,
    sum(v) OVER (PARTITION BY k) AS v_sum, min(v) OVER (PARTITION BY k) AS v_min, max(v) OVER (PARTITION BY k) AS v_max
  FROM (SELECT k, CAST(v AS double precision) AS v, tag FROM k_values_) AS x
),
k_dist_sized AS (
  SELECT k, v, tag, pos, size, v_sum, v_min, v_max, CASE WHEN v_min = v_max THEN 1 WHEN size > 205379 THEN 60 ELSE CAST(round(cbrt(CAST(size AS double precision))) AS bigint) + CASE WHEN round(cbrt(CAST(size AS double precision))) * round(cbrt(CAST(size AS double precision))) * round(cbrt(CAST(size AS double precision))) < size THEN 1 ELSE 0 END END AS bins
  FROM k_dist_ranked
),
k_dist_picked AS (
  SELECT k, v, tag, size, v_sum, v_min, v_max, bins, (v_max - v_min) / bins AS width,
    max(CASE WHEN pos = floor(CAST(size - 1 AS double precision) * CAST(0.5 AS double precision)) THEN v END) OVER (PARTITION BY k) AS pick_q50a,
    max(CASE WHEN pos = floor(CAST(size - 1 AS double precision) * CAST(0.5 AS double precision)) + 1 THEN v END) OVER (PARTITION BY k) AS pick_q50b,
    max(CASE WHEN pos = floor(CAST(size - 1 AS double precision) * CAST(0.9 AS double precision)) THEN v END) OVER (PARTITION BY k) AS pick_q90a,
    max(CASE WHEN pos = floor(CAST(size - 1 AS double precision) * CAST(0.9 AS double precision)) + 1 THEN v END) OVER (PARTITION BY k) AS pick_q90b
  FROM k_dist_sized
),
k_dist AS (
  SELECT k, tag, max(size) AS n, max(v_sum) AS total, max(v_min) AS lo, max(v_max) AS hi,
    max(pick_q50a) AS q50a, max(pick_q50b) AS q50b, max(pick_q90a) AS q90a, max(pick_q90b) AS q90b,
    CASE WHEN width = 0 THEN CAST(0 AS bigint) WHEN floor((v - v_min) / width) > bins - 1 THEN CAST(bins - 1 AS bigint) ELSE CAST(floor((v - v_min) / width) AS bigint) END AS bin, count(*) AS cnt
  FROM k_dist_picked
  GROUP BY k, tag, CASE WHEN width = 0 THEN CAST(0 AS bigint) WHEN floor((v - v_min) / width) > bins - 1 THEN CAST(bins - 1 AS bigint) ELSE CAST(floor((v - v_min) / width) AS bigint) END
),
k_out AS (
  SELECT k, n, total, lo, hi, q50a, q50b, q90a, q90b, bin, cnt, tag AS value, CAST(pg_typeof(tag) AS text) AS value_type
  FROM k_dist
)
SELECT b.from_day, b.to_day, b.invalid, y.users_invalid, r.k, r.n, r.total, r.lo, r.hi, r.q50a, r.q50b, r.q90a, r.q90b, r.bin, r.cnt, r.value, r.value_type
FROM k_bounds AS b
CROSS JOIN k_users_check AS y
LEFT JOIN k_out AS r ON TRUE
-- params: [1209600000,"signup","pay","pro"]
