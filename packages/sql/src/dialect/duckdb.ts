import type { SqlDialect } from './dialect.types';
import { truncatingFloorDiv } from './floorDiv';

const INTEGER_TYPES = "'TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'UTINYINT', 'USMALLINT', 'UINTEGER'";

const TYPES = { text: 'VARCHAR', bigint: 'BIGINT', double: 'DOUBLE', int: 'INTEGER', boolean: 'BOOLEAN', date: 'DATE' } as const;

/** DuckDB (with its bundled ICU time zones). */
export const duckdb: SqlDialect = {
  name: 'duckdb',
  namedParams: false,
  ident: (name) => `"${name.replaceAll('"', '""')}"`,
  placeholder: (index, type) => `CAST($${index} AS ${TYPES[type]})`,
  type: (type) => TYPES[type],
  // epoch_ms reads a naive TIMESTAMP as UTC and a TIMESTAMPTZ as the instant it is.
  epochMs: (column, type) => (type === 'epoch_ms' ? epochMsOfNumber(column) : `epoch_ms(${column})`),
  // epoch_ms(BIGINT) is an exact naive UTC timestamp; AT TIME ZONE 'UTC' makes it an instant, whatever the session zone.
  localDay: (ms, zone) => `(CAST((epoch_ms(${ms}) AT TIME ZONE 'UTC') AT TIME ZONE ${zone} AS DATE) - DATE '1970-01-01')`,
  zoneTable: {
    localMs: (ms, zone) => `epoch_ms(CAST((epoch_ms(${ms}) AT TIME ZONE 'UTC') AT TIME ZONE ${zone} AS TIMESTAMP))`,
    series: (lo, hi) => `range(${lo}, ${hi} + 1) AS r(g)`,
    arrayAgg: (value, orderBy) => `list(${value} ORDER BY ${orderBy})`,
    arrayAt: (array, index) => `${array}[${index}]`,
  },
  dateDay: (date) => `(CAST(${date} AS DATE) - DATE '1970-01-01')`,
  monthIndex: (day) => {
    const date = `(DATE '1970-01-01' + CAST(${day} AS INTEGER))`;
    return `(year(${date}) * 12 + month(${date}) - 1)`;
  },
  // `//` truncates BIGINTs: integer operations only (no DOUBLE per row).
  floorDiv: (expr, divisor) => truncatingFloorDiv(expr, divisor, '//'),
  quantile: (expr, p) => `quantile_cont(${expr}, ${p})`,
  bitAnd: (a, b) => `(${a} & ${b})`,
  bitOrAgg: (expr) => `bit_or(${expr})`,
  lag: (expr, over) => `lag(${expr}) OVER (${over})`,
  strpos: (text, part) => `strpos(${text}, ${part})`,
  byteOrder: (text) => text,
  typeName: (expr) => `typeof(${expr})`,
  intDiv: (a, b) => `(${a} // ${b})`,
  // list_reduce is a left fold: ((w0 + w1) + w2) + …, on every row of the partition.
  runningSum: (value, order, partition) =>
    `list_reduce(list(${value} ORDER BY ${order}) OVER (PARTITION BY ${partition}), lambda a, b: a + b)`,
  materialize: (expr) => expr,
  leftJoinAll: (right) => `LEFT JOIN ${right} ON TRUE`,
  suffix: '',
};

/**
 * Whole epoch ms of a number column. An integer column is the number itself:
 * `typeof` is folded when the query is planned, so no row pays for the other
 * branch. Otherwise the floor: floor() would turn a number into a DOUBLE and
 * back, trunc() keeps it, and the comparison floors a negative fraction.
 */
function epochMsOfNumber(column: string): string {
  const floored = `CAST(trunc(${column}) AS BIGINT) - CAST(${column} < trunc(${column}) AS BIGINT)`;
  return `(CASE WHEN typeof(${column}) IN (${INTEGER_TYPES}) THEN CAST(${column} AS BIGINT) ELSE ${floored} END)`;
}
