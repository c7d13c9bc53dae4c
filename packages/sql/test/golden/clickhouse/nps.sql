WITH k_answers AS (
  SELECT CAST(`score` AS Float64) AS s
  FROM `survey`
  WHERE toInt64(toDate32(fromUnixTimestamp64Milli(toInt64(toUnixTimestamp64Milli(toDateTime64(`ts`, 3, 'UTC'))), {p1:String}))) >= {p2:Int64} AND toInt64(toDate32(fromUnixTimestamp64Milli(toInt64(toUnixTimestamp64Milli(toDateTime64(`ts`, 3, 'UTC'))), {p1:String}))) <= {p3:Int64}
)
SELECT
  count(*) AS total,
  sum(CASE WHEN s >= 9 AND s <= 10 THEN 1 ELSE 0 END) AS promoters,
  sum(CASE WHEN s >= 7 AND s < 9 THEN 1 ELSE 0 END) AS passives,
  sum(CASE WHEN s IS NULL OR s < 0 OR s > 10 OR s <> floor(s) THEN 1 ELSE 0 END) AS invalid
FROM k_answers
SETTINGS join_use_nulls = 1, cast_keep_nullable = 1, aggregate_functions_null_for_empty = 1, output_format_json_quote_64bit_integers = 0
-- params: {"p1":"Europe/Paris","p2":19723,"p3":19813}
