import { parseDay } from '@kpikit/core';
import type { TimestampType } from '../target';
import type { CompileContext } from './context';
import type { ZoneTableSql } from '../dialect/dialect.types';
import type { PropertySet } from './properties';
import { groupColumn, unitCte } from './unit';
import { usersCheckCte } from './users';
import { DAY_MS, fixedLocalDay, fixedOffset } from './zone';

/** The range and zone of an event metric. */
export interface RangeSpec {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly timeZone: string;
}

/** The most UTC days converted one by one (a century); rows beyond are converted each on its own. */
const ZONE_DAYS = 36_600;

/** The head of an event query, before its range (see {@link eventHead}). */
export interface EventHead {
  /** `k_span` (most plans), `k_zone` (zones of changing offset, some dialects) and `k_ev`. */
  readonly ctes: [string, string][];
  /**
   * `SELECT <columns>, <local day of ms> AS <as> FROM <from>`: a query over a
   * FROM item aliased `s` whose columns include the epoch-ms column `ms`.
   */
  selectDay(columns: readonly string[], ms: string, from: string, as: string): string;
  /**
   * Whether local days never decrease as time goes on (a zone of fixed
   * offset), so that a user's first event is on the user's least day. In a
   * zone whose clock is turned back at midnight it can be a day later.
   */
  readonly monotonic: boolean;
  /**
   * The SQL of `k_bounds`, one row `(from_day, to_day, invalid)`: the given
   * bounds, or the local days of the earliest and latest event (the least
   * `lo` and greatest `hi` of `grouped`, a CTE over `k_ev`, unless the span
   * already holds them), and the number of invalid rows.
   */
  bounds(grouped: string, lo: string, hi: string): string;
}

/**
 * The common head of every event query, as named CTEs:
 *
 * - `span`: the first and last local day of the data (`lo_day`, `hi_day`) in
 *   a zone of fixed offset, or UTC day (`g0`, `g1`) for the zone table; and
 *   the number of invalid rows `bad` (a NULL or empty user or name, a NULL
 *   time), which `parse` reports as an error, so no other part of the query
 *   needs to leave such rows out;
 * - `zone (g0, uniform, o, offs)`, zones of changing offset on dialects with
 *   a zone table: see {@link zonedSelectDay};
 * - `ev (u, n, ms, d, p0, …)`: the table's rows, user and name as text, time
 *   as epoch ms, its local day number `d` in the zone, and the columns of the
 *   properties the query reads (`properties`, all registered before this call).
 *
 * In a zone of fixed offset (UTC, `Etc/GMT+5`) the local day is integer
 * arithmetic on every dialect, and the zone is not sent to the database.
 * With `target.checkRows: false` no row is checked.
 *
 * The table is read by subqueries, not a shared CTE, which DuckDB would copy.
 */
export function eventHead(context: CompileContext, range: RangeSpec, properties?: PropertySet): EventHead {
  const { dialect, params, table } = context;
  const bigint = dialect.type('bigint');
  const text = dialect.type('text');
  const user = `CAST(${context.column('userId')} AS ${text})`;
  const name = `CAST(${context.column('name')} AS ${text})`;
  const timestamp = context.column('timestamp');
  const toMs = (column: string): string => dialect.epochMs(column, context.setting('timestampType') as TimestampType);
  // At a group's grain the group is the unit: rows without one are left out of `k_ev`, and counted in `k_unit`.
  const group = context.unit ? groupColumn(context, context.unit.group) : null;
  const rows = properties ? properties.from(table, user) : table;
  const source = `(SELECT ${group?.id ?? user} AS u, ${name} AS n, ${toMs(timestamp)} AS ms${properties?.selectList() ?? ''} FROM ${rows}${group ? ` WHERE ${group.grouped}` : ''})`;
  const { checkRows } = context;
  // The span reads the time as stored: it is NULL exactly when its epoch ms is, and only its extremes are converted.
  const spanOf = (columns: readonly string[]): [string, string] => [
    'k_span',
    [
      `SELECT ${[...columns, ...(checkRows ? ["count(*) - count(CASE WHEN u <> '' AND n <> '' AND t IS NOT NULL THEN 1 END) AS bad"] : [])].join(', ')}`,
      `FROM (SELECT ${checkRows ? `${user} AS u, ${name} AS n, ` : ''}${timestamp} AS t FROM ${table}) AS s`,
    ].join('\n'),
  ];
  const invalidRows = checkRows ? 'k_span' : `(SELECT CAST(0 AS ${bigint}) AS bad)`;
  const carried = ['u', 'n', 'ms', ...(properties?.names() ?? [])];
  // A defaulted bound is the local day of every event, grouped or not: with a
  // group, the days come from all rows rather than from the metric's own.
  const allDays = (selectDay: EventHead['selectDay']): [string, string] => [
    'k_all_days',
    selectDay(['ms'], 'ms', `(SELECT ${toMs(timestamp)} AS ms FROM ${table}) AS s`, 'd'),
  ];
  const defaulted = range.from === undefined || range.to === undefined;
  const head = (selectDay: EventHead['selectDay'], ctes: [string, string][], monotonic = false): EventHead => ({
    selectDay,
    monotonic,
    bounds: (grouped, lo, hi) =>
      monotonic
        ? boundsSql(context, range, 'k_span', 'lo_day', 'hi_day', invalidRows)
        : group && defaulted
          ? boundsSql(context, range, 'k_all_days', 'd', 'd', invalidRows)
          : boundsSql(context, range, grouped, lo, hi, invalidRows),
    ctes: [
      ...ctes,
      ...(group && defaulted && !monotonic ? [allDays(selectDay)] : []),
      ...(context.unit ? [unitCte(context, context.unit.group, toMs)] : []),
      ...(properties?.readsUsers() ? [usersCheckCte(context)] : []),
      ['k_ev', selectDay(carried, 'ms', `${source} AS s`, 'd')],
    ],
  });
  const byExpression =
    (localDay: (ms: string) => string): EventHead['selectDay'] =>
    (columns, ms, from, as) =>
      `SELECT ${[...columns.map((column) => `s.${column} AS ${column}`), `${localDay(`s.${ms}`)} AS ${as}`].join(', ')}\nFROM ${from}`;

  const offset = fixedOffset(range.timeZone);
  if (offset !== null) {
    // Local days follow time: the first and last day of the data are those of its extremes.
    const localDay = (ms: string): string => fixedLocalDay(context, ms, offset);
    return head(byExpression(localDay), [spanOf([`${localDay(toMs('min(t)'))} AS lo_day`, `${localDay(toMs('max(t)'))} AS hi_day`])], true);
  }
  const zone = params.text(range.timeZone);
  const zoneTable = dialect.zoneTable;
  if (!zoneTable)
    return head(
      byExpression((ms) => dialect.localDay(ms, zone)),
      checkRows ? [spanOf([])] : [],
    );
  const day = (x: string): string => dialect.floorDiv(x, DAY_MS);
  const first = 'r.g * 86400000';
  const last = 'r.g * 86400000 + 86399999';
  return head(
    (columns, ms, from, as) => zonedSelectDay(context, zone, columns, ms, from, as),
    [
      spanOf([`${day(toMs('min(t)'))} AS g0`, `${day(toMs('max(t)'))} AS g1`]),
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
    ],
  );
}

/**
 * {@link eventHead} and `bounds (from_day, to_day, invalid)`: one row, the
 * range as day numbers (`from`/`to` when given, else the local days of the
 * earliest and latest event, a defaulted bound never crossing a given one;
 * `NULL` with no events and no bounds) and the number of invalid rows.
 */
export function eventCtes(context: CompileContext, range: RangeSpec, properties?: PropertySet): [string, string][] {
  const head = eventHead(context, range, properties);
  return [...head.ctes, ['k_bounds', head.bounds('k_ev', 'd', 'd')]];
}

/**
 * {@link EventHead.selectDay} in a zone whose offset changes, on a dialect
 * with a zone table. The conversions are made once per UTC day of the data:
 * `offs[i]` is the zone's offset on UTC day `g0 + i − 1` when it is the same
 * at its first and last millisecond (NULL on a day the offset changes), and
 * then the day is `floor((ms + offset) / day)`, integer arithmetic; when one
 * offset covers the whole span (`uniform`: data inside one DST period) every
 * row takes that path at once. Rows on a day the offset changes, and beyond a
 * century of data, are converted each on its own. Exact unless a zone changes
 * its offset and back within one UTC day (two switches less than a day apart).
 */
function zonedSelectDay(context: CompileContext, zone: string, columns: readonly string[], ms: string, from: string, as: string): string {
  const { dialect } = context;
  const table = dialect.zoneTable as ZoneTableSql;
  const offset = `CASE WHEN z.uniform THEN z.o ELSE ${table.arrayAt('z.offs', `${dialect.floorDiv(`s.${ms}`, DAY_MS)} - z.g0 + 1`)} END`;
  const kept = [...new Set([...columns, ms])];
  return [
    `SELECT ${columns.join(', ')}, CASE WHEN off IS NULL THEN ${dialect.localDay(ms, zone)} ELSE ${dialect.floorDiv(`${ms} + off`, DAY_MS)} END AS ${as}`,
    'FROM (',
    `  SELECT ${kept.map((column) => `s.${column} AS ${column}`).join(', ')}, ${offset} AS off`,
    `  FROM ${from}`,
    '  CROSS JOIN k_zone AS z',
    ') AS s',
  ].join('\n');
}

/**
 * One row `(from_day, to_day, invalid)`: the given bounds, or the least `lo`
 * and greatest `hi` of `source` for a missing one, with the invalid rows
 * counted in `checks` (`bad`). When `source` is `checks` itself, it is one
 * row holding all three, and is read once.
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
  // A given bound beside a defaulted one is a constant beside a column: see `materialize`.
  const fromDay = from === null ? (to === null ? 'm.lo' : `coalesce(least(m.lo, ${to}), ${to})`) : dialect.materialize(from);
  const toDay = to === null ? (from === null ? 'm.hi' : `coalesce(greatest(m.hi, ${from}), ${from})`) : dialect.materialize(to);
  const select = `SELECT CAST(${fromDay} AS ${bigint}) AS from_day, CAST(${toDay} AS ${bigint}) AS to_day`;
  if (source === checks) return `${select}, m.bad AS invalid\nFROM (SELECT ${lo} AS lo, ${hi} AS hi, bad FROM ${source}) AS m`;
  return [
    `${select}, x.bad AS invalid`,
    `FROM (SELECT min(${lo}) AS lo, max(${hi}) AS hi FROM ${source}) AS m`,
    `CROSS JOIN ${checks} AS x`,
  ].join('\n');
}

/** The final SELECT: the bounds row joined to the metric's rows, so the range comes back even with no data rows. */
export function selectWithBounds(context: CompileContext, data: string, columns: readonly string[], properties?: PropertySet): string {
  const unit = context.unit ? ['x.unit_groups', 'x.unit_ungrouped'] : [];
  const users = properties?.readsUsers() ? ['y.users_invalid'] : [];
  const list = ['b.from_day', 'b.to_day', 'b.invalid', ...unit, ...users, ...columns.map((column) => `r.${column}`)].join(', ');
  const from = [
    'k_bounds AS b',
    ...(context.unit ? ['CROSS JOIN k_unit AS x'] : []),
    ...(users.length > 0 ? ['CROSS JOIN k_users_check AS y'] : []),
  ].join('\n');
  return `SELECT ${list}\nFROM ${from}\n${context.dialect.leftJoinAll(`${data} AS r`)}`;
}
