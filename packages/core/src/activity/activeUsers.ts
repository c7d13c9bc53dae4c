import { asEventTable } from '../events/eventTable';
import { rangeDays, tableForUnit, withUnit, type UnitOptions, type UnitResult } from '../events/unit';
import type { EventInput } from '../events/event.types';
import { rowMask, type EventFilter } from '../events/filter';
import { parseOptions } from '../options/parseOptions';
import { formatDay } from '../time/civil';
import { localDays } from '../time/localDays';
import { resolveRange } from '../time/range';
import { periodCalendar, type Period, type Weekday } from '../time/period';
import { activeUsersOptionsSchema } from './activity.schema';
import { activePeriodRows } from './activePeriods';
import { forEachUserDays } from './userDays';
import type { DayRange } from '../time/range';
import type { EventRangeOptions } from '../options/range.types';
import type { EventTable } from '../events/event.types';

/** Options of {@link activeUsers}. */
export interface ActiveUsersOptions extends EventRangeOptions, UnitOptions {
  /** Which events make a user active. Default: every event. */
  readonly where?: EventFilter | undefined;
  /**
   * `day` (default): one row per day with DAU, WAU (7 days), MAU (30 days) and
   * stickiness; `week` or `month`: one row per calendar week or month with the
   * users active in it (an {@link ActiveUsersPeriodResult}).
   */
  readonly interval?: Period | undefined;
  /** Weekday weeks start on with `interval: 'week'`, 0 = Sunday. Default 1 (Monday). */
  readonly weekStartsOn?: Weekday | undefined;
}

/** One local day of {@link activeUsers}. */
export interface ActiveUsersRow {
  /** The local date, `YYYY-MM-DD`. */
  readonly date: string;
  /** Distinct users active that day. */
  readonly dau: number;
  /** Distinct users active in the 7 days ending that day. */
  readonly wau: number;
  /** Distinct users active in the 30 days ending that day. */
  readonly mau: number;
  /** `dau / mau`; `null` when `mau` is 0. */
  readonly stickiness: number | null;
}

/** Result of {@link activeUsers} by day (the default interval). */
export interface ActiveUsersResult extends UnitResult {
  readonly interval: 'day';
  /** First reported date, or `null` when there are no events and no `from`. */
  readonly from: string | null;
  readonly to: string | null;
  readonly timeZone: string;
  readonly rows: readonly ActiveUsersRow[];
}

/** One calendar week or month of {@link activeUsers}. */
export interface ActiveUsersPeriodRow {
  /** First local date of the calendar period, `YYYY-MM-DD`, even when it lies before `from`. */
  readonly period: string;
  /** Distinct users active on the period's days inside `[from, to]`. */
  readonly active: number;
  /** Days of the period inside `[from, to]`: the days counted. */
  readonly days: number;
  /** `from` or `to` cuts the period: its count covers only `days` of its days. */
  readonly incomplete: boolean;
}

/** Result of {@link activeUsers} by week or month. */
export interface ActiveUsersPeriodResult extends UnitResult {
  readonly interval: 'week' | 'month';
  /** The range counted, or `null` when there are no events and no `from`/`to`. */
  readonly from: string | null;
  readonly to: string | null;
  readonly timeZone: string;
  /** One row per calendar period meeting `[from, to]`, oldest first. */
  readonly rows: readonly ActiveUsersPeriodRow[];
}

/**
 * What {@link activeUsers} returns for options of type `O`: by day unless `O`
 * asks for weeks or months; the union when the interval is only known at run
 * time (narrow it on `result.interval`).
 */
export type ActiveUsersResultFor<O> = O extends { readonly interval: 'week' | 'month' }
  ? ActiveUsersPeriodResult
  : // Options without an interval key are by day (a weak-type check would not say so).
    'interval' extends keyof O
    ? O extends { readonly interval?: 'day' | undefined }
      ? ActiveUsersResult
      : ActiveUsersResult | ActiveUsersPeriodResult
    : ActiveUsersResult;

const WEEK = 7;
const MONTH = 30;

/**
 * Active users per day, or per calendar week or month.
 *
 * By day (the default): for each day `d` in `[from, to]`, `dau` counts
 * distinct users with a qualifying event on `d`, `wau` on days `[d − 6, d]`,
 * `mau` on days `[d − 29, d]`; `stickiness = dau / mau`. Windows reach back
 * before `from` when there are events there.
 *
 * With `interval: 'week'` or `'month'`: one row per calendar week (starting on
 * `weekStartsOn`) or month meeting `[from, to]`, named by its first local day,
 * with the distinct users active on its days inside `[from, to]`; a period the
 * range cuts counts only those days and is flagged `incomplete`.
 *
 * @example
 * const { rows } = activeUsers(events, { from: '2024-03-01', to: '2024-03-31', timeZone: 'Europe/Paris' });
 * rows[0]; // { date: '2024-03-01', dau: 12, wau: 40, mau: 95, stickiness: 0.126… }
 * const weekly = activeUsers(events, { from: '2024-03-01', to: '2024-03-31', interval: 'week' });
 * weekly.rows[0]; // { period: '2024-02-26', active: 31, days: 3, incomplete: true }
 */
export function activeUsers(
  events: EventInput,
  options?: ActiveUsersOptions & { readonly interval?: 'day' | undefined },
): ActiveUsersResult;
export function activeUsers(
  events: EventInput,
  options: ActiveUsersOptions & { readonly interval: 'week' | 'month' },
): ActiveUsersPeriodResult;
export function activeUsers(events: EventInput, options?: ActiveUsersOptions): ActiveUsersResult | ActiveUsersPeriodResult;
export function activeUsers(events: EventInput, options: ActiveUsersOptions = {}): ActiveUsersResult | ActiveUsersPeriodResult {
  const parsed = parseOptions(activeUsersOptionsSchema, options);
  const { from, to, timeZone = 'UTC', where, interval = 'day', weekStartsOn = 1, unit: parsedUnit } = parsed;
  const unitTable = tableForUnit(asEventTable(events), parsedUnit);
  const { table } = unitTable;
  const days = localDays(table, timeZone);
  const range = resolveRange(rangeDays(unitTable, days, timeZone), from, to);
  if (interval !== 'day') {
    const calendar = periodCalendar(interval, weekStartsOn as Weekday);
    const rows = range ? activePeriodRows(table, days, rowMask(table, where), calendar, range) : [];
    return withUnit({ interval, ...bounds(range), timeZone, rows }, unitTable);
  }
  const rows = range ? dailyRows(table, days, rowMask(table, where), range) : [];
  return withUnit({ interval, ...bounds(range), timeZone, rows }, unitTable);
}

const bounds = (range: DayRange | null): { from: string | null; to: string | null } =>
  range ? { from: formatDay(range.fromDay), to: formatDay(range.toDay) } : { from: null, to: null };

function dailyRows(table: EventTable, days: Int32Array, mask: Uint8Array | null, range: DayRange): ActiveUsersRow[] {
  // Difference arrays over [base, toDay]: a user active on day a (previously on
  // day p) newly covers days max(a, p + W) … a + W − 1 of a W-day window.
  const base = range.fromDay - (MONTH - 1);
  const span = range.toDay - base + 2;
  const dau = new Int32Array(span);
  const wau = new Int32Array(span);
  const mau = new Int32Array(span);
  forEachUserDays(table, days, mask, base, range.toDay, (_user, active, count) => {
    let previous = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < count; i++) {
      const day = (active[i] as number) - base;
      dau[day]! += 1;
      cover(wau, Math.max(day, previous + WEEK), day + WEEK - 1, span);
      cover(mau, Math.max(day, previous + MONTH), day + MONTH - 1, span);
      previous = day;
    }
  });

  const rows: ActiveUsersRow[] = [];
  let weekly = 0;
  let monthly = 0;
  for (let i = 0; i <= range.toDay - base; i++) {
    weekly += wau[i] as number;
    monthly += mau[i] as number;
    if (i < MONTH - 1) continue;
    const daily = dau[i] as number;
    rows.push({ date: formatDay(base + i), dau: daily, wau: weekly, mau: monthly, stickiness: monthly === 0 ? null : daily / monthly });
  }
  return rows;
}

function cover(diff: Int32Array, first: number, last: number, span: number): void {
  if (first > last) return;
  diff[first]! += 1;
  if (last + 1 < span) diff[last + 1]! -= 1;
}
