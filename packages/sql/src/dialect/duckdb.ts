import type { SqlDialect } from './dialect.types';

const TYPES = { text: 'VARCHAR', bigint: 'BIGINT', double: 'DOUBLE', int: 'INTEGER', date: 'DATE' } as const;

/** DuckDB (with its bundled ICU time zones). */
export const duckdb: SqlDialect = {
  name: 'duckdb',
  namedParams: false,
  ident: (name) => `"${name.replaceAll('"', '""')}"`,
  placeholder: (index, type) => `CAST($${index} AS ${TYPES[type]})`,
  type: (type) => TYPES[type],
  // epoch_ms reads a naive TIMESTAMP as UTC and a TIMESTAMPTZ as the instant it is.
  epochMs: (column, type) => (type === 'epoch_ms' ? `CAST(floor(${column}) AS BIGINT)` : `epoch_ms(${column})`),
  // epoch_ms(BIGINT) is an exact naive UTC timestamp; AT TIME ZONE 'UTC' makes it an instant, whatever the session zone.
  localDay: (ms, zone) => `(CAST((epoch_ms(${ms}) AT TIME ZONE 'UTC') AT TIME ZONE ${zone} AS DATE) - DATE '1970-01-01')`,
  dateDay: (date) => `(CAST(${date} AS DATE) - DATE '1970-01-01')`,
  monthIndex: (day) => {
    const date = `(DATE '1970-01-01' + CAST(${day} AS INTEGER))`;
    return `(year(${date}) * 12 + month(${date}) - 1)`;
  },
  floorDiv: (expr, divisor) => `CAST(floor(CAST(${expr} AS DOUBLE) / ${divisor}) AS BIGINT)`,
  quantile: (expr, p) => `quantile_cont(${expr}, ${p})`,
  bitAnd: (a, b) => `(${a} & ${b})`,
  bitOrAgg: (expr) => `bit_or(${expr})`,
  lag: (expr, over) => `lag(${expr}) OVER (${over})`,
  strpos: (text, part) => `strpos(${text}, ${part})`,
  maxText: (expr) => `max(${expr})`,
  leftJoinAll: (right) => `LEFT JOIN ${right} ON TRUE`,
  suffix: '',
};
