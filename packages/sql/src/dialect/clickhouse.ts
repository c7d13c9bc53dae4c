import type { SqlDialect } from './dialect.types';

// Date32, not Date: Date holds no day before 1970.
const TYPES = { text: 'String', bigint: 'Int64', double: 'Float64', int: 'Int32', boolean: 'Bool', date: 'Date32' } as const;

/** ClickHouse with the new analyzer (the default since 24.3; tested on 26.7 through chDB). */
export const clickhouse: SqlDialect = {
  name: 'clickhouse',
  namedParams: true,
  // Inside back quotes ClickHouse reads backslash escapes: escape the backslash itself, then the quote.
  ident: (name) => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``,
  placeholder: (index, type) => `{p${index}:${TYPES[type]}}`,
  type: (type) => TYPES[type],
  epochMs: (column, type) =>
    type === 'epoch_ms' ? `toInt64(floor(${column}))` : `toUnixTimestamp64Milli(toDateTime64(${column}, 3, 'UTC'))`,
  localDay: (ms, zone) => `toInt64(toDate32(fromUnixTimestamp64Milli(toInt64(${ms}), ${zone})))`,
  dateDay: (date) => `toInt64(toDate32(${date}))`,
  monthIndex: (day) => {
    const date = `toDate32(toInt32(${day}))`;
    return `(toInt64(toYear(${date})) * 12 + toInt64(toMonth(${date})) - 1)`;
  },
  floorDiv: (expr, divisor) => `toInt64(floor(toFloat64(${expr}) / ${divisor}))`,
  quantile: (expr, p) => `quantileExactInclusive(${p})(${expr})`,
  bitAnd: (a, b) => `bitAnd(${a}, ${b})`,
  bitOrAgg: (expr) => `groupBitOr(${expr})`,
  // toNullable: without it the first row of a partition would see 0, not NULL.
  lag: (expr, over) => `lagInFrame(toNullable(${expr})) OVER (${over} ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)`,
  strpos: (text, part) => `toInt64(position(${text}, ${part}))`,
  byteOrder: (text) => text,
  typeName: (expr) => `toTypeName(${expr})`,
  intDiv: (a, b) => `intDiv(${a}, ${b})`,
  // arrayFold is a left fold over the partition's values sorted by their order, on every row.
  runningSum: (value, order, partition) =>
    `arrayFold((acc, x) -> acc + x, arrayMap(p -> p.2, arraySort(p -> p.1, groupArray((${order}, assumeNotNull(toFloat64(${value})))) OVER (PARTITION BY ${partition} ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))), toFloat64(0))`,
  materialize: (expr) => `materialize(${expr})`,
  leftJoinAll: (right) => `LEFT JOIN ${right} ON 1 = 1`,
  // As in the other dialects: outer joins fill missing values with NULL, a cast keeps a NULL a NULL,
  // and min, max or sum over no rows is NULL.
  // 64-bit integers come back as JSON numbers, not strings, in the JSON formats.
  suffix:
    '\nSETTINGS join_use_nulls = 1, cast_keep_nullable = 1, aggregate_functions_null_for_empty = 1, output_format_json_quote_64bit_integers = 0',
};
