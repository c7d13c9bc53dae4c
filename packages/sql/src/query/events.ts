import { parseDay } from '@kpikit/core';
import type { TimestampType } from '../target';
import type { CompileContext } from './context';
import type { PropertySet } from './properties';

/** The range and zone of an event metric. */
export interface RangeSpec {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly timeZone: string;
}

const DAY_MS = 86_400_000;
/** The most UTC days converted one by one (a century); rows beyond are converted each on its own. */
const ZONE_DAYS = 36_600;

/** The head of an event query, before its range (see {@link eventHead}). */
export interface EventHead {
  /** `k_span` (some dialects or checks), `k_zone` (some dialects) and `k_ev`. */
  readonly ctes: [string, string][];
  /** The bound zone parameter. */
  readonly zone: string;
  /** The FROM item of the invalid-row count `bad`: `k_span`, or a subquery over the caller's table of {@link ROW_CHECKS}. */
  checks(grouped: string): string;
}

/**
 * Aggregates that count a group's rows and its valid ones (the user is the
 * group's: checked once per group), for queries that group the events by user
 * in their first pass and so check the rows there instead of in a pass of
 * their own (`eventHead(…, { checksInGroups: true })`).
 */
export const ROW_CHECKS = "count(*) AS c_all, count(CASE WHEN n IS NOT NULL AND n <> '' AND ms IS NOT NULL THEN 1 END) AS c_ok";

/**
 * The common head of every event query, as named CTEs:
 *
 * - `span (g0, g1, bad)`: the first and last UTC day of the data (dialects
 *   with a zone table) and the number of invalid rows (a NULL or empty user or
 *   name, a NULL time), which `parse` reports as an error: so no other part of
 *   the query needs to leave such rows out;
 * - `zone (g0, uniform, o, offs)`, dialects with a zone table only: see {@link localDaySql};
 * - `ev (u, n, ms, d, p0, …)`: the table's rows, user and name as text, time
 *   as epoch ms, its local day number `d` in the zone, and the columns of the
 *   properties the query reads (`properties`, all registered before this call).
 *
 * The table is read by subqueries, not a shared CTE, which DuckDB would copy.
 */
export function eventHead(
  context: CompileContext,
  range: RangeSpec,
  properties?: PropertySet,
  { checksInGroups = false }: { checksInGroups?: boolean } = {},
): EventHead {
  const { dialect, params, table } = context;
  const text = dialect.type('text');
  const user = `CAST(${context.column('userId')} AS ${text})`;
  const name = `CAST(${context.column('name')} AS ${text})`;
  const timestamp = context.column('timestamp');
  const toMs = (column: string): string => dialect.epochMs(column, context.setting('timestampType') as TimestampType);
  const source = `(SELECT ${user} AS u, ${name} AS n, ${toMs(timestamp)} AS ms${properties?.selectList() ?? ''} FROM ${table})`;
  // The checks read the time as stored: it is NULL exactly when its epoch ms is, and the span converts only its extremes.
  const checked = `(SELECT ${user} AS u, ${name} AS n, ${timestamp} AS t FROM ${table})`;
  const zone = params.text(range.timeZone);
  const bad = `count(*) - count(CASE WHEN u IS NOT NULL AND u <> '' AND n IS NOT NULL AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad`;
  const checks = (grouped: string): string =>
    checksInGroups
      ? `(SELECT sum(CAST(CASE WHEN u IS NULL OR u = '' THEN c_all ELSE c_all - c_ok END AS ${dialect.type('bigint')})) AS bad FROM ${grouped})`
      : 'k_span';
  const zoneTable = dialect.zoneTable;
  if (!zoneTable) {
    return {
      zone,
      checks,
      ctes: [
        ...(checksInGroups ? [] : [['k_span', `SELECT ${bad}\nFROM ${checked} AS s`] as [string, string]]),
        ['k_ev', `SELECT u, n, ms, ${dialect.localDay('ms', zone)} AS d${properties?.carry() ?? ''}\nFROM ${source} AS s`],
      ],
    };
  }
  const day = (x: string): string => dialect.floorDiv(x, DAY_MS);
  const first = 'r.g * 86400000';
  const last = 'r.g * 86400000 + 86399999';
  const span = `${day(toMs('min(t)'))} AS g0, ${day(toMs('max(t)'))} AS g1`;
  return {
    zone,
    checks,
    ctes: [
      [
        'k_span',
        checksInGroups
          ? `SELECT ${span}\nFROM (SELECT ${timestamp} AS t FROM ${table}) AS s`
          : `SELECT ${span}, ${bad}\nFROM ${checked} AS s`,
      ],
      [
        'k_zone',
        [
          // Covering the whole span with one offset: every row takes the fast path.
          `SELECT min(g) AS g0, max(span_hi) = min(span_lo) + count(*) - 1 AND min(o0) = max(o0) AND bool_and(o0 = o1) AS uniform, min(o0) AS o,`,
          `  ${zoneTable.arrayAgg('CASE WHEN o0 = o1 THEN o0 END', 'g')} AS offs`,
          'FROM (',
          `  SELECT r.g AS g, s.g0 AS span_lo, s.g1 AS span_hi, ${zoneTable.localMs(first, zone)} - (${first}) AS o0, ${zoneTable.localMs(`(${last})`, zone)} - (${last}) AS o1`,
          `  FROM k_span AS s, ${zoneTable.series('s.g0', `least(s.g1, s.g0 + ${ZONE_DAYS - 1})`)}`,
          ') AS days',
        ].join('\n'),
      ],
      [
        'k_ev',
        `SELECT s.u AS u, s.n AS n, s.ms AS ms, ${localDaySql(context, 's.ms', zone, 'z')} AS d${properties?.carry('s.') ?? ''}\nFROM ${source} AS s\nCROSS JOIN k_zone AS z`,
      ],
    ],
  };
}

/**
 * {@link eventHead} and `bounds (from_day, to_day, invalid)`: one row, the
 * range as day numbers (`from`/`to` when given, else the local days of the
 * earliest and latest event, a defaulted bound never crossing a given one;
 * `NULL` with no events and no bounds) and the number of invalid rows.
 */
export function eventCtes(context: CompileContext, range: RangeSpec, properties?: PropertySet): [string, string][] {
  const head = eventHead(context, range, properties);
  return [...head.ctes, ['k_bounds', boundsSql(context, range, 'k_ev', 'd', 'd', head.checks('k_ev'))]];
}

/** `CROSS JOIN k_zone AS alias` for dialects with a zone table ('' otherwise), to use {@link localDaySql} on later rows. */
export function zoneJoin(context: CompileContext, alias: string): string {
  return context.dialect.zoneTable ? `CROSS JOIN k_zone AS ${alias}` : '';
}

/**
 * The local day of `ms` in the zone. With a zone table (`zoneAlias` names the
 * joined `k_zone` row) the conversions are made once per UTC day of the data:
 * `offs[i]` is the zone's offset on UTC day `g0 + i − 1` when it is the same at
 * its first and last millisecond (NULL on a day the offset changes), and then
 * the day is `floor((ms + offset) / day)`, integer arithmetic; when one offset
 * covers the whole span (`uniform`: UTC, a fixed-offset zone, or data inside
 * one DST period) every row takes that path at once. Rows on a day the offset
 * changes, and beyond a century of data, are converted each on its own.
 * Exact unless a zone changes its offset and back within one UTC day (two
 * switches less than a day apart).
 */
export function localDaySql(context: CompileContext, ms: string, zone: string, zoneAlias: string): string {
  const { dialect } = context;
  const table = dialect.zoneTable;
  if (!table) return dialect.localDay(ms, zone);
  const offset = table.arrayAt(`${zoneAlias}.offs`, `${dialect.floorDiv(ms, DAY_MS)} - ${zoneAlias}.g0 + 1`);
  return [
    `CASE WHEN ${zoneAlias}.uniform THEN ${dialect.floorDiv(`${ms} + ${zoneAlias}.o`, DAY_MS)}`,
    `WHEN ${offset} IS NOT NULL THEN ${dialect.floorDiv(`${ms} + ${offset}`, DAY_MS)}`,
    `ELSE ${dialect.localDay(ms, zone)} END`,
  ].join(' ');
}

/**
 * One row `(from_day, to_day, invalid)`: the given bounds, or the least `lo`
 * and greatest `hi` of `source` for a missing one, with the invalid rows
 * counted in `k_span`.
 */
export function boundsSql(
  context: CompileContext,
  range: { from?: string | undefined; to?: string | undefined },
  source: string,
  lo: string,
  hi: string,
  checks = 'k_span',
): string {
  const { params, dialect } = context;
  const bigint = dialect.type('bigint');
  const from = range.from === undefined ? null : params.bigint(parseDay(range.from) as number);
  const to = range.to === undefined ? null : params.bigint(parseDay(range.to) as number);
  if (from !== null && to !== null) return `SELECT ${from} AS from_day, ${to} AS to_day, x.bad AS invalid\nFROM ${checks} AS x`;
  // A defaulted bound never crosses the given one; with no data it equals it.
  const fromDay = from ?? (to === null ? 'm.lo' : `coalesce(least(m.lo, ${to}), ${to})`);
  const toDay = to ?? (from === null ? 'm.hi' : `coalesce(greatest(m.hi, ${from}), ${from})`);
  return [
    `SELECT CAST(${fromDay} AS ${bigint}) AS from_day, CAST(${toDay} AS ${bigint}) AS to_day, x.bad AS invalid`,
    `FROM (SELECT min(${lo}) AS lo, max(${hi}) AS hi FROM ${source}) AS m`,
    `CROSS JOIN ${checks} AS x`,
  ].join('\n');
}

/** The final SELECT: the bounds row joined to the metric's rows, so the range comes back even with no data rows. */
export function selectWithBounds(context: CompileContext, data: string, columns: readonly string[]): string {
  const list = ['b.from_day', 'b.to_day', 'b.invalid', ...columns.map((column) => `r.${column}`)].join(', ');
  return `SELECT ${list}\nFROM k_bounds AS b\n${context.dialect.leftJoinAll(`${data} AS r`)}`;
}
