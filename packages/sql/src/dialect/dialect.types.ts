import type { Dialect, TimestampType } from '../target';

/** The SQL type of a bound parameter. */
export type ParamType = 'text' | 'bigint' | 'double' | 'boolean';

/**
 * What differs between the SQL engines: quoting, parameters, time-zone math
 * and a few functions. Everything else the compilers write is SQL that DuckDB,
 * PostgreSQL and ClickHouse all read the same way.
 */
export interface SqlDialect {
  readonly name: Dialect;
  /** Whether parameters are positional (`$1` …, an array) or named (`{p1:Type}`, an object). */
  readonly namedParams: boolean;
  /** One identifier, quoted so that any character in it is literal. */
  ident(name: string): string;
  /** The placeholder of parameter `index` (1-based), typed. */
  placeholder(index: number, type: ParamType): string;
  /** A SQL type name for casts. */
  type(type: ParamType | 'int' | 'date'): string;
  /** Epoch milliseconds (an integer, sub-millisecond digits dropped) of a time column. */
  epochMs(column: string, type: TimestampType): string;
  /** Local calendar day number (days since 1970-01-01) in `zone` of an epoch-ms expression. */
  localDay(ms: string, zone: string): string;
  /**
   * For dialects whose `localDay` is slow per row (DuckDB's ICU: about half
   * a microsecond), what the event queries need to convert once per UTC day
   * of the data instead (see `eventCtes`); absent where `localDay` is cheap.
   */
  readonly zoneTable?: ZoneTableSql | undefined;
  /** Day number of a DATE column. */
  dateDay(date: string): string;
  /** `year × 12 + month − 1` of a day number: consecutive integers per calendar month. */
  monthIndex(day: string): string;
  /** `floor(expr / divisor)` of an integer expression of either sign. */
  floorDiv(expr: string, divisor: number): string;
  /** Type-7 quantile aggregate (linear interpolation, as `percentile_cont`) of a DOUBLE expression. */
  quantile(expr: string, p: number): string;
  /** Bitwise AND of two integers. */
  bitAnd(a: string, b: string): string;
  /** Aggregate bitwise OR. */
  bitOrAgg(expr: string): string;
  /** The value of `expr` on the previous row of a window. */
  lag(expr: string, over: string): string;
  /** 1-based position of `part` in `text`, 0 when absent. */
  strpos(text: string, part: string): string;
  /** A text expression that compares and sorts byte by byte, whatever the database's collation. */
  byteOrder(text: string): string;
  /** The name of an expression's SQL type, as text (`BIGINT`, `bigint`, `Nullable(Int64)`). */
  typeName(expr: string): string;
  /** `a / b` of two non-negative integers, truncated, as an integer. */
  intDiv(a: string, b: string): string;
  /**
   * A window expression whose value on the last row (in `order`) of each
   * partition is the sum of the DOUBLE `value` added one row at a time in
   * `order`, from 0, as a JavaScript loop adds: floating-point sums depend on
   * their order, and an engine's own `sum` may add in any (DuckDB's window
   * sums combine partial sums in a tree). `partition` is a column list.
   */
  runningSum(value: string, order: string, partition: string): string;
  /**
   * A constant made a column value: ClickHouse (26.7) returns a constant
   * column of the left side of a `LEFT JOIN` as 0 when the right side is
   * empty and another left column is not constant; elsewhere `expr` itself.
   */
  materialize(expr: string): string;
  /** `LEFT JOIN <right> ON TRUE` for a right side that may be empty. */
  leftJoinAll(right: string): string;
  /** Text appended after the query (ClickHouse settings). */
  readonly suffix: string;
}

/** What converting time zones by the day takes: wall-clock times, a series of integers and arrays. */
export interface ZoneTableSql {
  /** The local wall-clock time in `zone` of an epoch-ms expression, as epoch ms (the wall clock read as UTC). */
  localMs(ms: string, zone: string): string;
  /** A FROM item: the integers `lo … hi` as column `g` of alias `r`, its bounds read from an earlier FROM item. */
  series(lo: string, hi: string): string;
  /** Aggregate: the values in an array ordered by `orderBy`. */
  arrayAgg(value: string, orderBy: string): string;
  /** Element `index` (1-based) of an array, NULL when out of range. */
  arrayAt(array: string, index: string): string;
}
