WITH k_span AS (
  SELECT CASE WHEN (CAST(round(extract(epoch FROM date_trunc('milliseconds', min(t))) * 1000) AS bigint)) >= 0 THEN (CAST(round(extract(epoch FROM date_trunc('milliseconds', min(t))) * 1000) AS bigint)) / 86400000 ELSE ((CAST(round(extract(epoch FROM date_trunc('milliseconds', min(t))) * 1000) AS bigint)) + 1) / 86400000 - 1 END AS g0, CASE WHEN (CAST(round(extract(epoch FROM date_trunc('milliseconds', max(t))) * 1000) AS bigint)) >= 0 THEN (CAST(round(extract(epoch FROM date_trunc('milliseconds', max(t))) * 1000) AS bigint)) / 86400000 ELSE ((CAST(round(extract(epoch FROM date_trunc('milliseconds', max(t))) * 1000) AS bigint)) + 1) / 86400000 - 1 END AS g1, count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST("user_id" AS text) AS u, CAST("event_name" AS text) AS n, "ts" AS t FROM "events") AS s
),
k_zone AS (
  SELECT min(g) AS g0, max(span_hi) = min(span_lo) + count(*) - 1 AND min(o0) = max(o0) AND bool_and(o0 = o1) AS uniform, min(o0) AS o,
    array_agg(CASE WHEN o0 = o1 THEN o0 END ORDER BY g) AS offs
  FROM (
    SELECT r.g AS g, s.g0 AS span_lo, s.g1 AS span_hi, CAST(round(extract(epoch FROM ((TIMESTAMPTZ '1970-01-01 00:00:00+00' + r.g * 86400000 * INTERVAL '1 millisecond') AT TIME ZONE CAST($1 AS text))) * 1000) AS bigint) - (r.g * 86400000) AS o0, CAST(round(extract(epoch FROM ((TIMESTAMPTZ '1970-01-01 00:00:00+00' + (r.g * 86400000 + 86399999) * INTERVAL '1 millisecond') AT TIME ZONE CAST($1 AS text))) * 1000) AS bigint) - (r.g * 86400000 + 86399999) AS o1
    FROM k_span AS s, generate_series(s.g0, least(s.g1, s.g0 + 36599)) AS r(g)
  ) AS days
),
k_ev AS (
  SELECT u, n, ms, p0, p1, p2, p3, CASE WHEN off IS NULL THEN (CAST((TIMESTAMPTZ '1970-01-01 00:00:00+00' + ms * INTERVAL '1 millisecond') AT TIME ZONE CAST($1 AS text) AS date) - DATE '1970-01-01') ELSE CASE WHEN (ms + off) >= 0 THEN (ms + off) / 86400000 ELSE ((ms + off) + 1) / 86400000 - 1 END END AS d
  FROM (
    SELECT s.u AS u, s.n AS n, s.ms AS ms, s.p0 AS p0, s.p1 AS p1, s.p2 AS p2, s.p3 AS p3, CASE WHEN z.uniform THEN z.o ELSE (z.offs)[CASE WHEN s.ms >= 0 THEN s.ms / 86400000 ELSE (s.ms + 1) / 86400000 - 1 END - z.g0 + 1] END AS off
    FROM (SELECT CAST("user_id" AS text) AS u, CAST("event_name" AS text) AS n, CAST(round(extract(epoch FROM date_trunc('milliseconds', "ts")) * 1000) AS bigint) AS ms, "plan" AS p0, "utm_source" AS p1, "utm_campaign" AS p2, "revenue" AS p3 FROM "events") AS s
    CROSS JOIN k_zone AS z
  ) AS s
),
k_bounds AS (
  SELECT CAST($6 AS bigint) AS from_day, CAST($7 AS bigint) AS to_day, x.bad AS invalid
  FROM k_span AS x
),
k_rows AS (
  SELECT u, ms, d, max(CASE WHEN n = CAST($2 AS text) AND p0 = CAST($3 AS text) THEN 1 ELSE 0 END) AS cv, CASE WHEN count(*) = count(p1) THEN min((CAST(p1 AS text) COLLATE "C")) END AS ch,
    CASE WHEN count(*) = count(p2) THEN min((CAST(p2 AS text) COLLATE "C")) END AS ca, min(p3) AS v
  FROM k_ev
  GROUP BY u, n, ms, d
),
k_touches AS (
  SELECT u, ms, ch, CASE WHEN ch IS NULL THEN NULL ELSE ca END AS ca, row_number() OVER (PARTITION BY u ORDER BY ms, (ch COLLATE "C"), (ca COLLATE "C") NULLS FIRST) AS o
  FROM k_rows
  WHERE ch IS NOT NULL
),
k_conv AS (
  SELECT c.u AS u, c.ms AS cms,
    CASE WHEN c.v IS NULL OR NOT (floor((CAST(c.v AS double precision) * CAST($4 AS double precision)) + 0.5) >= 0 AND floor((CAST(c.v AS double precision) * CAST($4 AS double precision)) + 0.5) <= 9007199254740991 AND abs((CAST(c.v AS double precision) * CAST($4 AS double precision)) - floor((CAST(c.v AS double precision) * CAST($4 AS double precision)) + 0.5)) <= 1e-9 * greatest(1, floor((CAST(c.v AS double precision) * CAST($4 AS double precision)) + 0.5))) THEN 0 ELSE floor((CAST(c.v AS double precision) * CAST($4 AS double precision)) + 0.5) END AS q,
    CASE WHEN c.v IS NULL THEN 1 ELSE 0 END AS nv, CASE WHEN c.v IS NOT NULL AND NOT (floor((CAST(c.v AS double precision) * CAST($4 AS double precision)) + 0.5) >= 0 AND floor((CAST(c.v AS double precision) * CAST($4 AS double precision)) + 0.5) <= 9007199254740991 AND abs((CAST(c.v AS double precision) * CAST($4 AS double precision)) - floor((CAST(c.v AS double precision) * CAST($4 AS double precision)) + 0.5)) <= 1e-9 * greatest(1, floor((CAST(c.v AS double precision) * CAST($4 AS double precision)) + 0.5))) THEN 1 ELSE 0 END AS bad
  FROM (
    SELECT u, ms, d, cv, v, row_number() OVER (PARTITION BY u, cv ORDER BY ms) AS r FROM k_rows
  ) AS c
  CROSS JOIN k_bounds AS b
  WHERE c.cv = 1 AND c.r = 1 AND c.d BETWEEN b.from_day AND b.to_day
),
k_win AS (
  SELECT c.u AS u, c.cms AS cms, c.q AS q, t.o AS o, t.ch AS ch, t.ca AS ca, t.ms AS tms
  FROM k_conv AS c
  JOIN k_touches AS t ON t.u = c.u
  WHERE t.ms >= CAST(c.cms AS double precision) - CAST($5 AS double precision) AND t.ms <= c.cms
),
k_pos AS (
  SELECT u, cms, q, o, ch, ca, i, n, CAST(tms - max(tms) OVER (PARTITION BY u, cms) AS double precision) AS dt
    , max(CASE WHEN NOT (ch = '' OR ch IN (CAST($8 AS text), CAST($9 AS text), CAST($10 AS text))) THEN i END) OVER (PARTITION BY u, cms) AS nd_4
  FROM (SELECT u, cms, q, o, ch, ca, tms, row_number() OVER (PARTITION BY u, cms ORDER BY o) - 1 AS i, count(*) OVER (PARTITION BY u, cms) AS n FROM k_win) AS w
),
k_weights AS (
  SELECT u, cms, m, q, i, n, ch, ca, w, sum(CAST(w AS double precision)) OVER (PARTITION BY u, cms, m ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS run
  FROM (
    SELECT x.u AS u, x.cms AS cms, x.m AS m, x.q AS q, x.i AS i, x.n AS n, x.ch AS ch, x.ca AS ca, CAST(CASE WHEN x.m = 0 THEN CASE WHEN i = 0 THEN 1.0 ELSE 0.0 END WHEN x.m = 1 THEN 1.0 WHEN x.m = 2 THEN CASE WHEN n = 1 THEN 1.0 ELSE CASE WHEN dx >= -1022 THEN (((((((((((((((CAST($12 AS double precision) * df + CAST($13 AS double precision)) * df + CAST($14 AS double precision)) * df + CAST($15 AS double precision)) * df + CAST($16 AS double precision)) * df + CAST($17 AS double precision)) * df + CAST($18 AS double precision)) * df + CAST($19 AS double precision)) * df + CAST($20 AS double precision)) * df + CAST($21 AS double precision)) * df + CAST($22 AS double precision)) * df + CAST($23 AS double precision)) * df + CAST($24 AS double precision)) * df + CAST($25 AS double precision)) * df + CAST($26 AS double precision)) * df + CAST($27 AS double precision)) * pow(CAST(2 AS double precision), dk) ELSE 0.0 END END WHEN x.m = 3 THEN CASE WHEN n = 1 THEN 1.0 WHEN i = 0 THEN CAST($29 AS double precision) WHEN i = n - 1 THEN CAST($29 AS double precision) ELSE CAST($28 AS double precision) / CAST(n - 2 AS double precision) END WHEN x.m = 4 THEN CASE WHEN i = coalesce(nd_4, n - 1) THEN 1.0 ELSE 0.0 END END AS double precision) AS w
    FROM (SELECT y.*, floor(y.dx) AS dk, y.dx - floor(y.dx) AS df FROM (SELECT z.*, z.dt / z.hl AS dx FROM (SELECT p.*, k.m AS m, k.hl AS hl FROM k_pos AS p CROSS JOIN (SELECT 0 AS m, CAST(1 AS double precision) AS hl UNION ALL SELECT 1 AS m, CAST(1 AS double precision) AS hl UNION ALL SELECT 2 AS m, CAST($11 AS double precision) AS hl UNION ALL SELECT 3 AS m, CAST(1 AS double precision) AS hl UNION ALL SELECT 4 AS m, CAST(1 AS double precision) AS hl) AS k) AS z) AS y) AS x
  ) AS x
),
k_exact AS (
  SELECT u, cms, m, i, n, ch, ca, floor((w / s) * CAST(16777216 AS double precision)) AS c_whole, (w / s) * CAST(16777216 AS double precision) - floor((w / s) * CAST(16777216 AS double precision)) AS c_rem, CAST(16777216 AS double precision) - sum(floor((w / s) * CAST(16777216 AS double precision))) OVER (PARTITION BY u, cms, m) AS c_left,
    floor((w / s) * CAST(q AS double precision)) AS v_whole, (w / s) * CAST(q AS double precision) - floor((w / s) * CAST(q AS double precision)) AS v_rem, CAST(q AS double precision) - sum(floor((w / s) * CAST(q AS double precision))) OVER (PARTITION BY u, cms, m) AS v_left
  FROM (SELECT u, cms, m, q, i, n, ch, ca, w, max(CASE WHEN i = n - 1 THEN run END) OVER (PARTITION BY u, cms, m) AS s FROM k_weights) AS x
),
k_ranked AS (
  SELECT u, cms, m, i, n, ch, ca, c_whole, c_left, v_whole, v_left, row_number() OVER (PARTITION BY u, cms, m ORDER BY c_rem DESC, i DESC) - 1 AS c_k, row_number() OVER (PARTITION BY u, cms, m, c_whole > 0 ORDER BY c_rem, i) - 1 AS c_back, sum(CASE WHEN c_whole > 0 THEN 1 ELSE 0 END) OVER (PARTITION BY u, cms, m) AS c_held, row_number() OVER (PARTITION BY u, cms, m ORDER BY v_rem DESC, i DESC) - 1 AS v_k, row_number() OVER (PARTITION BY u, cms, m, v_whole > 0 ORDER BY v_rem, i) - 1 AS v_back, sum(CASE WHEN v_whole > 0 THEN 1 ELSE 0 END) OVER (PARTITION BY u, cms, m) AS v_held
  FROM k_exact
),
k_shares AS (
  SELECT u, cms, m, ch, ca, CAST(c_whole AS bigint) + CASE WHEN CAST(c_left AS bigint) >= 0 THEN (CAST(c_left AS bigint) / n) + CASE WHEN c_k < CAST(c_left AS bigint) % n THEN 1 ELSE 0 END ELSE -(CASE WHEN c_whole > 0 AND c_back < 0 - CAST(c_left AS bigint) THEN 1 ELSE 0 END) END AS c_share, CAST(v_whole AS bigint) + CASE WHEN CAST(v_left AS bigint) >= 0 THEN (CAST(v_left AS bigint) / n) + CASE WHEN v_k < CAST(v_left AS bigint) % n THEN 1 ELSE 0 END ELSE -(CASE WHEN v_whole > 0 AND v_back < 0 - CAST(v_left AS bigint) THEN 1 ELSE 0 END) END AS v_share,
    CASE WHEN c_left < 0 - c_held OR v_left < 0 - v_held THEN 1 ELSE 0 END AS unshared
  FROM k_ranked
),
k_conv_touched AS (
  SELECT u, cms, q, nv, bad, touched, min(CASE WHEN bad = 1 THEN cms END) OVER () AS bad_ms
  FROM (
    SELECT c.u AS u, c.cms AS cms, c.q AS q, c.nv AS nv, c.bad AS bad, CASE WHEN w.u IS NULL THEN 0 ELSE 1 END AS touched
    FROM k_conv AS c
    LEFT JOIN (SELECT DISTINCT u, cms FROM k_win) AS w ON w.u = c.u AND w.cms = c.cms
  ) AS c
),
k_out AS (
  SELECT 1 AS part, CAST(m AS bigint) AS m, ch AS ch, ca AS ca, CAST(sum(c_share) AS bigint) AS a, CAST(sum(v_share) AS bigint) AS b, CAST(sum(unshared) AS bigint) AS c, CAST(NULL AS bigint) AS d, CAST(NULL AS bigint) AS e, CAST(NULL AS bigint) AS f, CAST(NULL AS bigint) AS g, CAST(NULL AS double precision) AS h
  FROM k_shares
  GROUP BY m, ch, ca
  UNION ALL
  SELECT 2 AS part, CAST(NULL AS bigint) AS m, ch AS ch, ca AS ca, CAST(count(*) AS bigint) AS a, CAST(count(DISTINCT u) AS bigint) AS b, CAST(NULL AS bigint) AS c, CAST(NULL AS bigint) AS d, CAST(NULL AS bigint) AS e, CAST(NULL AS bigint) AS f, CAST(NULL AS bigint) AS g, CAST(NULL AS double precision) AS h
  FROM (SELECT DISTINCT u, o, ch, ca FROM k_win) AS t
  GROUP BY ch, ca
  UNION ALL
  SELECT 3 AS part, CAST(NULL AS bigint) AS m, ch AS ch, CAST(NULL AS text) AS ca, CAST(count(DISTINCT u) AS bigint) AS a, CAST(NULL AS bigint) AS b, CAST(NULL AS bigint) AS c, CAST(NULL AS bigint) AS d, CAST(NULL AS bigint) AS e, CAST(NULL AS bigint) AS f, CAST(NULL AS bigint) AS g, CAST(NULL AS double precision) AS h
  FROM k_win
  GROUP BY ch
  UNION ALL
  SELECT 4 AS part, CAST(min(CASE WHEN bad = 1 AND cms = bad_ms THEN cms END) AS bigint) AS m, min(CASE WHEN bad = 1 AND cms = bad_ms THEN u END) AS ch, CAST(NULL AS text) AS ca, CAST(count(*) AS bigint) AS a, CAST(sum(touched) AS bigint) AS b, CAST(sum(q) AS bigint) AS c, CAST(sum(nv) AS bigint) AS d, CAST(count(DISTINCT CASE WHEN touched = 0 THEN u END) AS bigint) AS e,
    CAST(sum(CASE WHEN touched = 0 THEN q ELSE 0 END) AS bigint) AS f, CAST(sum(bad) AS bigint) AS g, CAST(NULL AS double precision) AS h
  FROM k_conv_touched
  UNION ALL
  SELECT 5 AS part, CAST(NULL AS bigint) AS m, k_c.ch AS ch, k_c.ca AS ca, CAST(k_c.lo AS bigint) AS a, CAST(k_c.hi AS bigint) AS b, CAST(k_c.bad AS bigint) AS c, CAST(NULL AS bigint) AS d, CAST(NULL AS bigint) AS e, CAST(NULL AS bigint) AS f, CAST(NULL AS bigint) AS g, k_c.amount AS h
  FROM (
    SELECT ch, ca, lo, hi, amount, CASE WHEN ch IS NULL OR lo IS NULL OR hi IS NULL OR hi < lo OR NOT (amount >= 0 AND amount <= 1.7976931348623157e308) THEN 1 ELSE 0 END AS bad
    FROM (SELECT CAST("channel" AS text) AS ch, CAST("campaign" AS text) AS ca, (CAST("day" AS date) - DATE '1970-01-01') AS lo, (CAST("day" AS date) - DATE '1970-01-01') AS hi, CAST("amount" AS double precision) AS amount FROM "ads"."spend") AS s
  ) AS k_c
  CROSS JOIN k_bounds AS kb
  WHERE k_c.bad = 1 OR (k_c.hi >= kb.from_day AND k_c.lo <= kb.to_day)
)
SELECT b.from_day, b.to_day, b.invalid, r.part, r.m, r.ch, r.ca, r.a, r.b, r.c, r.d, r.e, r.f, r.g, r.h
FROM k_bounds AS b
LEFT JOIN k_out AS r ON TRUE
-- params: ["Europe/Paris","purchase","pro",100,2592000000,19783,19813,"direct","(direct)","$direct",259200000,3.1324367070884287e-15,6.778726354822545e-14,1.3691488853904128e-12,2.5678435993488206e-11,4.4455382718708116e-10,7.054911620801123e-9,1.01780860092397e-7,0.000001321548679014431,0.000015252733804059841,0.0001540353039338161,0.0013333558146428443,0.009618129107628477,0.05550410866482158,0.24022650695910072,0.6931471805599453,1,0.2,0.4]
