import { asEventTable } from '../events/eventTable';
import { rangeDays, tableForUnit, withUnit, type UnitOptions, type UnitResult } from '../events/unit';
import type { EventInput } from '../events/event.types';
import { rowMask, type EventFilter } from '../events/filter';
import { parseOptions } from '../options/parseOptions';
import { formatDay } from '../time/civil';
import { localDays } from '../time/localDays';
import { resolveRange } from '../time/range';
import { activeUsersOptionsSchema } from './activity.schema';
import { forEachUserDays } from './userDays';
import type { EventRangeOptions } from '../options/range.types';

/** Options of {@link activeUsers}. */
export interface ActiveUsersOptions extends EventRangeOptions, UnitOptions {
  /** Which events make a user active. Default: every event. */
  readonly where?: EventFilter | undefined;
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

/** Result of {@link activeUsers}. */
export interface ActiveUsersResult extends UnitResult {
  /** First reported date, or `null` when there are no events and no `from`. */
  readonly from: string | null;
  readonly to: string | null;
  readonly timeZone: string;
  readonly rows: readonly ActiveUsersRow[];
}

const WEEK = 7;
const MONTH = 30;

/**
 * Daily, weekly and monthly active users and stickiness, one row per local day.
 *
 * For each day `d` in `[from, to]`: `dau` counts distinct users with a
 * qualifying event on `d`, `wau` on days `[d − 6, d]`, `mau` on days
 * `[d − 29, d]`; `stickiness = dau / mau`. Windows reach back before `from`
 * when there are events there.
 *
 * @example
 * const { rows } = activeUsers(events, { from: '2024-03-01', to: '2024-03-31', timeZone: 'Europe/Paris' });
 * rows[0]; // { date: '2024-03-01', dau: 12, wau: 40, mau: 95, stickiness: 0.126… }
 */
export function activeUsers(events: EventInput, options: ActiveUsersOptions = {}): ActiveUsersResult {
  const { from, to, timeZone = 'UTC', where, unit: parsedUnit } = parseOptions(activeUsersOptionsSchema, options);
  const unitTable = tableForUnit(asEventTable(events), parsedUnit);
  const { table } = unitTable;
  const days = localDays(table, timeZone);
  const range = resolveRange(rangeDays(unitTable, days, timeZone), from, to);
  if (!range) return withUnit({ from: null, to: null, timeZone, rows: [] }, unitTable);

  // Difference arrays over [base, toDay]: a user active on day a (previously on
  // day p) newly covers days max(a, p + W) … a + W − 1 of a W-day window.
  const base = range.fromDay - (MONTH - 1);
  const span = range.toDay - base + 2;
  const dau = new Int32Array(span);
  const wau = new Int32Array(span);
  const mau = new Int32Array(span);
  forEachUserDays(table, days, rowMask(table, where), base, range.toDay, (_user, active, count) => {
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
  return withUnit({ from: formatDay(range.fromDay), to: formatDay(range.toDay), timeZone, rows }, unitTable);
}

function cover(diff: Int32Array, first: number, last: number, span: number): void {
  if (first > last) return;
  diff[first]! += 1;
  if (last + 1 < span) diff[last + 1]! -= 1;
}
