WITH k_span AS (
  SELECT count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, `ts` AS t FROM `events`) AS s
),
k_ev AS (
  SELECT s.u AS u, s.n AS n, s.ms AS ms, s.p0 AS p0, s.p1 AS p1, s.p2 AS p2, s.p3 AS p3, toInt64(toDate32(fromUnixTimestamp64Milli(toInt64(s.ms), {p1:String}))) AS d
  FROM (SELECT CAST(`user_id` AS String) AS u, CAST(`event_name` AS String) AS n, toUnixTimestamp64Milli(toDateTime64(`ts`, 3, 'UTC')) AS ms, `plan` AS p0, `utm_source` AS p1, `utm_campaign` AS p2, `revenue` AS p3 FROM `events`) AS s
),
k_bounds AS (
  SELECT {p6:Int64} AS from_day, {p7:Int64} AS to_day, x.bad AS invalid
  FROM k_span AS x
),
k_rows AS (
  SELECT u, ms, d, max(CASE WHEN n = {p2:String} AND p0 = {p3:String} THEN 1 ELSE 0 END) AS cv, CASE WHEN count(*) = count(p1) THEN min(CAST(p1 AS String)) END AS ch,
    CASE WHEN count(*) = count(p2) THEN min(CAST(p2 AS String)) END AS ca, min(p3) AS v
  FROM k_ev
  GROUP BY u, n, ms, d
),
k_touches AS (
  SELECT u, ms, ch, CASE WHEN ch IS NULL THEN NULL ELSE ca END AS ca, row_number() OVER (PARTITION BY u ORDER BY ms, ch, ca NULLS FIRST) AS o
  FROM k_rows
  WHERE ch IS NOT NULL
),
k_conv AS (
  SELECT c.u AS u, c.ms AS cms,
    CASE WHEN c.v IS NULL OR NOT (floor((CAST(c.v AS Float64) * {p4:Float64}) + 0.5) >= 0 AND floor((CAST(c.v AS Float64) * {p4:Float64}) + 0.5) <= 9007199254740991 AND abs((CAST(c.v AS Float64) * {p4:Float64}) - floor((CAST(c.v AS Float64) * {p4:Float64}) + 0.5)) <= 1e-9 * greatest(1, floor((CAST(c.v AS Float64) * {p4:Float64}) + 0.5))) THEN 0 ELSE floor((CAST(c.v AS Float64) * {p4:Float64}) + 0.5) END AS q,
    CASE WHEN c.v IS NULL THEN 1 ELSE 0 END AS nv, CASE WHEN c.v IS NOT NULL AND NOT (floor((CAST(c.v AS Float64) * {p4:Float64}) + 0.5) >= 0 AND floor((CAST(c.v AS Float64) * {p4:Float64}) + 0.5) <= 9007199254740991 AND abs((CAST(c.v AS Float64) * {p4:Float64}) - floor((CAST(c.v AS Float64) * {p4:Float64}) + 0.5)) <= 1e-9 * greatest(1, floor((CAST(c.v AS Float64) * {p4:Float64}) + 0.5))) THEN 1 ELSE 0 END AS bad
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
  WHERE t.ms >= CAST(c.cms AS Float64) - {p5:Float64} AND t.ms <= c.cms
),
k_pos AS (
  SELECT u, cms, q, o, ch, ca, i, n, CAST(tms - max(tms) OVER (PARTITION BY u, cms) AS Float64) AS dt
    , max(CASE WHEN NOT (ch = '' OR ch IN ({p8:String}, {p9:String}, {p10:String})) THEN i END) OVER (PARTITION BY u, cms) AS nd_4
  FROM (SELECT u, cms, q, o, ch, ca, tms, row_number() OVER (PARTITION BY u, cms ORDER BY o) - 1 AS i, count(*) OVER (PARTITION BY u, cms) AS n FROM k_win) AS w
),
k_weights AS (
  SELECT u, cms, m, q, i, n, ch, ca, w, arrayFold((acc, x) -> acc + x, arrayMap(p -> p.2, arraySort(p -> p.1, groupArray((i, assumeNotNull(toFloat64(w)))) OVER (PARTITION BY u, cms, m ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))), toFloat64(0)) AS run
  FROM (
    SELECT x.u AS u, x.cms AS cms, x.m AS m, x.q AS q, x.i AS i, x.n AS n, x.ch AS ch, x.ca AS ca, CAST(CASE WHEN x.m = 0 THEN CASE WHEN i = 0 THEN 1.0 ELSE 0.0 END WHEN x.m = 1 THEN 1.0 WHEN x.m = 2 THEN CASE WHEN n = 1 THEN 1.0 ELSE CASE WHEN dx >= -1022 THEN ((((((((((((((({p12:Float64} * df + {p13:Float64}) * df + {p14:Float64}) * df + {p15:Float64}) * df + {p16:Float64}) * df + {p17:Float64}) * df + {p18:Float64}) * df + {p19:Float64}) * df + {p20:Float64}) * df + {p21:Float64}) * df + {p22:Float64}) * df + {p23:Float64}) * df + {p24:Float64}) * df + {p25:Float64}) * df + {p26:Float64}) * df + {p27:Float64}) * pow(CAST(2 AS Float64), dk) ELSE 0.0 END END WHEN x.m = 3 THEN CASE WHEN n = 1 THEN 1.0 WHEN i = 0 THEN {p29:Float64} WHEN i = n - 1 THEN {p29:Float64} ELSE {p28:Float64} / CAST(n - 2 AS Float64) END WHEN x.m = 4 THEN CASE WHEN i = coalesce(nd_4, n - 1) THEN 1.0 ELSE 0.0 END END AS Float64) AS w
    FROM (SELECT y.*, floor(y.dx) AS dk, y.dx - floor(y.dx) AS df FROM (SELECT z.*, z.dt / z.hl AS dx FROM (SELECT p.*, k.m AS m, k.hl AS hl FROM k_pos AS p CROSS JOIN (SELECT 0 AS m, CAST(1 AS Float64) AS hl UNION ALL SELECT 1 AS m, CAST(1 AS Float64) AS hl UNION ALL SELECT 2 AS m, {p11:Float64} AS hl UNION ALL SELECT 3 AS m, CAST(1 AS Float64) AS hl UNION ALL SELECT 4 AS m, CAST(1 AS Float64) AS hl) AS k) AS z) AS y) AS x
  ) AS x
),
k_exact AS (
  SELECT u, cms, m, i, n, ch, ca, floor((w / s) * CAST(16777216 AS Float64)) AS c_whole, (w / s) * CAST(16777216 AS Float64) - floor((w / s) * CAST(16777216 AS Float64)) AS c_rem, CAST(16777216 AS Float64) - sum(floor((w / s) * CAST(16777216 AS Float64))) OVER (PARTITION BY u, cms, m) AS c_left,
    floor((w / s) * CAST(q AS Float64)) AS v_whole, (w / s) * CAST(q AS Float64) - floor((w / s) * CAST(q AS Float64)) AS v_rem, CAST(q AS Float64) - sum(floor((w / s) * CAST(q AS Float64))) OVER (PARTITION BY u, cms, m) AS v_left
  FROM (SELECT u, cms, m, q, i, n, ch, ca, w, max(CASE WHEN i = n - 1 THEN run END) OVER (PARTITION BY u, cms, m) AS s FROM k_weights) AS x
),
k_ranked AS (
  SELECT u, cms, m, i, n, ch, ca, c_whole, c_left, v_whole, v_left, row_number() OVER (PARTITION BY u, cms, m ORDER BY c_rem DESC, i DESC) - 1 AS c_k, row_number() OVER (PARTITION BY u, cms, m, c_whole > 0 ORDER BY c_rem, i) - 1 AS c_back, sum(CASE WHEN c_whole > 0 THEN 1 ELSE 0 END) OVER (PARTITION BY u, cms, m) AS c_held, row_number() OVER (PARTITION BY u, cms, m ORDER BY v_rem DESC, i DESC) - 1 AS v_k, row_number() OVER (PARTITION BY u, cms, m, v_whole > 0 ORDER BY v_rem, i) - 1 AS v_back, sum(CASE WHEN v_whole > 0 THEN 1 ELSE 0 END) OVER (PARTITION BY u, cms, m) AS v_held
  FROM k_exact
),
k_shares AS (
  SELECT u, cms, m, ch, ca, CAST(c_whole AS Int64) + CASE WHEN CAST(c_left AS Int64) >= 0 THEN intDiv(CAST(c_left AS Int64), n) + CASE WHEN c_k < CAST(c_left AS Int64) % n THEN 1 ELSE 0 END ELSE -(CASE WHEN c_whole > 0 AND c_back < 0 - CAST(c_left AS Int64) THEN 1 ELSE 0 END) END AS c_share, CAST(v_whole AS Int64) + CASE WHEN CAST(v_left AS Int64) >= 0 THEN intDiv(CAST(v_left AS Int64), n) + CASE WHEN v_k < CAST(v_left AS Int64) % n THEN 1 ELSE 0 END ELSE -(CASE WHEN v_whole > 0 AND v_back < 0 - CAST(v_left AS Int64) THEN 1 ELSE 0 END) END AS v_share,
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
  SELECT 1 AS part, CAST(m AS Int64) AS m, ch AS ch, ca AS ca, CAST(sum(c_share) AS Int64) AS a, CAST(sum(v_share) AS Int64) AS b, CAST(sum(unshared) AS Int64) AS c, CAST(NULL AS Int64) AS d, CAST(NULL AS Int64) AS e, CAST(NULL AS Int64) AS f, CAST(NULL AS Int64) AS g, CAST(NULL AS Float64) AS h
  FROM k_shares
  GROUP BY m, ch, ca
  UNION ALL
  SELECT 2 AS part, CAST(NULL AS Int64) AS m, ch AS ch, ca AS ca, CAST(count(*) AS Int64) AS a, CAST(count(DISTINCT u) AS Int64) AS b, CAST(NULL AS Int64) AS c, CAST(NULL AS Int64) AS d, CAST(NULL AS Int64) AS e, CAST(NULL AS Int64) AS f, CAST(NULL AS Int64) AS g, CAST(NULL AS Float64) AS h
  FROM (SELECT DISTINCT u, o, ch, ca FROM k_win) AS t
  GROUP BY ch, ca
  UNION ALL
  SELECT 3 AS part, CAST(NULL AS Int64) AS m, ch AS ch, CAST(NULL AS String) AS ca, CAST(count(DISTINCT u) AS Int64) AS a, CAST(NULL AS Int64) AS b, CAST(NULL AS Int64) AS c, CAST(NULL AS Int64) AS d, CAST(NULL AS Int64) AS e, CAST(NULL AS Int64) AS f, CAST(NULL AS Int64) AS g, CAST(NULL AS Float64) AS h
  FROM k_win
  GROUP BY ch
  UNION ALL
  SELECT 4 AS part, CAST(min(CASE WHEN bad = 1 AND cms = bad_ms THEN cms END) AS Int64) AS m, min(CASE WHEN bad = 1 AND cms = bad_ms THEN u END) AS ch, CAST(NULL AS String) AS ca, CAST(count(*) AS Int64) AS a, CAST(sum(touched) AS Int64) AS b, CAST(sum(q) AS Int64) AS c, CAST(sum(nv) AS Int64) AS d, CAST(count(DISTINCT CASE WHEN touched = 0 THEN u END) AS Int64) AS e,
    CAST(sum(CASE WHEN touched = 0 THEN q ELSE 0 END) AS Int64) AS f, CAST(sum(bad) AS Int64) AS g, CAST(NULL AS Float64) AS h
  FROM k_conv_touched
)
SELECT b.from_day, b.to_day, b.invalid, r.part, r.m, r.ch, r.ca, r.a, r.b, r.c, r.d, r.e, r.f, r.g, r.h
FROM k_bounds AS b
LEFT JOIN k_out AS r ON 1 = 1
SETTINGS join_use_nulls = 1, cast_keep_nullable = 1, aggregate_functions_null_for_empty = 1, output_format_json_quote_64bit_integers = 0
-- params: {"p1":"Europe/Paris","p2":"purchase","p3":"pro","p4":100,"p5":2592000000,"p6":19783,"p7":19813,"p8":"direct","p9":"(direct)","p10":"$direct","p11":259200000,"p12":3.1324367070884287e-15,"p13":6.778726354822545e-14,"p14":1.3691488853904128e-12,"p15":2.5678435993488206e-11,"p16":4.4455382718708116e-10,"p17":7.054911620801123e-9,"p18":1.01780860092397e-7,"p19":0.000001321548679014431,"p20":0.000015252733804059841,"p21":0.0001540353039338161,"p22":0.0013333558146428443,"p23":0.009618129107628477,"p24":0.05550410866482158,"p25":0.24022650695910072,"p26":0.6931471805599453,"p27":1,"p28":0.2,"p29":0.4}
