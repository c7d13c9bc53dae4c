import type { SqlDialect } from './dialect.types';
import { truncatingFloorDiv } from './floorDiv';

const TYPES = { text: 'text', bigint: 'bigint', double: 'double precision', int: 'integer', boolean: 'boolean', date: 'date' } as const;

/** PostgreSQL (12 or later; PGlite too). */
export const postgres: SqlDialect = {
  name: 'postgres',
  namedParams: false,
  ident: (name) => `"${name.replaceAll('"', '""')}"`,
  placeholder: (index, type) => `CAST($${index} AS ${TYPES[type]})`,
  type: (type) => TYPES[type],
  // extract(epoch …) reads a naive timestamp as UTC. It is a double before PostgreSQL 14: truncate to the
  // millisecond first, then round, so that no 0.999… ever loses a millisecond.
  epochMs: (column, type) =>
    type === 'epoch_ms'
      ? `CAST(floor(${column}) AS bigint)`
      : `CAST(round(extract(epoch FROM date_trunc('milliseconds', ${column})) * 1000) AS bigint)`,
  // Integer interval arithmetic from the epoch: no floating-point seconds, so an event at local midnight stays on its day.
  localDay: (ms, zone) =>
    `(CAST((TIMESTAMPTZ '1970-01-01 00:00:00+00' + ${ms} * INTERVAL '1 millisecond') AT TIME ZONE ${zone} AS date) - DATE '1970-01-01')`,
  zoneTable: {
    localMs: (ms, zone) =>
      `CAST(round(extract(epoch FROM ((TIMESTAMPTZ '1970-01-01 00:00:00+00' + ${ms} * INTERVAL '1 millisecond') AT TIME ZONE ${zone})) * 1000) AS bigint)`,
    series: (lo, hi) => `generate_series(${lo}, ${hi}) AS r(g)`,
    arrayAgg: (value, orderBy) => `array_agg(${value} ORDER BY ${orderBy})`,
    arrayAt: (array, index) => `(${array})[${index}]`,
  },
  dateDay: (date) => `(CAST(${date} AS date) - DATE '1970-01-01')`,
  monthIndex: (day) => {
    const date = `(DATE '1970-01-01' + CAST(${day} AS integer))`;
    return `(CAST(extract(year FROM ${date}) AS integer) * 12 + CAST(extract(month FROM ${date}) AS integer) - 1)`;
  },
  // bigint `/` truncates: integer operations only.
  floorDiv: (expr, divisor) => truncatingFloorDiv(expr, divisor, '/'),
  quantile: (expr, p) => `percentile_cont(${p}) WITHIN GROUP (ORDER BY ${expr})`,
  bitAnd: (a, b) => `(${a} & ${b})`,
  bitOrAgg: (expr) => `bit_or(${expr})`,
  lag: (expr, over) => `lag(${expr}) OVER (${over})`,
  strpos: (text, part) => `strpos(${text}, ${part})`,
  byteOrder: (text) => `(${text} COLLATE "C")`,
  typeName: (expr) => `CAST(pg_typeof(${expr}) AS text)`,
  intDiv: (a, b) => `(${a} / ${b})`,
  // A window sum from the partition's start adds its rows one at a time in the window's order (float8pl).
  runningSum: (value, order, partition) =>
    `sum(CAST(${value} AS double precision)) OVER (PARTITION BY ${partition} ORDER BY ${order} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`,
  materialize: (expr) => expr,
  leftJoinAll: (right) => `LEFT JOIN ${right} ON TRUE`,
  suffix: '',
};
