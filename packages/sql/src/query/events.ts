import { parseDay } from '@kpikit/core';
import type { TimestampType } from '../target';
import type { CompileContext } from './context';

/** The range and zone of an event metric. */
export interface RangeSpec {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly timeZone: string;
}

/**
 * The common head of every event query, as named CTEs:
 *
 * - `src (u, n, ms)`: the table's rows, user and name as text, time as epoch ms;
 * - `ev (u, n, ms, d)`: the valid rows with their local day number `d` in the zone;
 * - `bounds (from_day, to_day, invalid)`: one row, the range as day numbers
 *   (`from`/`to` when given, else the local days of the earliest and latest
 *   event, a defaulted bound never crossing a given one; `NULL` with no events
 *   and no bounds) and the number of invalid rows (a NULL or empty user or
 *   name, a NULL time), which `parse` reports as an error.
 */
export function eventCtes(context: CompileContext, range: RangeSpec): [string, string][] {
  const { dialect, params, table } = context;
  const text = dialect.type('text');
  const user = `CAST(${context.column('userId')} AS ${text})`;
  const name = `CAST(${context.column('name')} AS ${text})`;
  const ms = dialect.epochMs(context.column('timestamp'), context.setting('timestampType') as TimestampType);
  const valid = `u IS NOT NULL AND u <> '' AND n IS NOT NULL AND n <> '' AND ms IS NOT NULL`;
  const zone = params.text(range.timeZone);
  return [
    ['k_src', `SELECT ${user} AS u, ${name} AS n, ${ms} AS ms\nFROM ${table}`],
    ['k_ev', `SELECT u, n, ms, ${dialect.localDay('ms', zone)} AS d\nFROM k_src\nWHERE ${valid}`],
    ['k_bounds', boundsSql(context, range, 'k_ev', 'd', `SELECT count(*) AS bad FROM k_src WHERE NOT (${valid})`)],
  ];
}

/**
 * One row `(from_day, to_day, invalid)`: the given bounds, or the extreme
 * `dayColumn` of `source` for a missing one, with the count of `invalidSql`.
 */
export function boundsSql(
  context: CompileContext,
  range: { from?: string | undefined; to?: string | undefined },
  source: string,
  dayColumn: string,
  invalidSql: string,
): string {
  const { params, dialect } = context;
  const bigint = dialect.type('bigint');
  const from = range.from === undefined ? null : params.bigint(parseDay(range.from) as number);
  const to = range.to === undefined ? null : params.bigint(parseDay(range.to) as number);
  const checks = `(${invalidSql}) AS x`;
  if (from !== null && to !== null) return `SELECT ${from} AS from_day, ${to} AS to_day, x.bad AS invalid\nFROM ${checks}`;
  // A defaulted bound never crosses the given one; with no data it equals it.
  const fromDay = from ?? (to === null ? 'm.lo' : `coalesce(least(m.lo, ${to}), ${to})`);
  const toDay = to ?? (from === null ? 'm.hi' : `coalesce(greatest(m.hi, ${from}), ${from})`);
  return [
    `SELECT CAST(${fromDay} AS ${bigint}) AS from_day, CAST(${toDay} AS ${bigint}) AS to_day, x.bad AS invalid`,
    `FROM (SELECT min(${dayColumn}) AS lo, max(${dayColumn}) AS hi FROM ${source}) AS m`,
    `CROSS JOIN ${checks}`,
  ].join('\n');
}

/** The final SELECT: the bounds row joined to the metric's rows, so the range comes back even with no data rows. */
export function selectWithBounds(context: CompileContext, data: string, columns: readonly string[]): string {
  const list = ['b.from_day', 'b.to_day', 'b.invalid', ...columns.map((column) => `r.${column}`)].join(', ');
  return `SELECT ${list}\nFROM k_bounds AS b\n${context.dialect.leftJoinAll(`${data} AS r`)}`;
}
