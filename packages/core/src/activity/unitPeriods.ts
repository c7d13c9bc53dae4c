import type { EventTable } from '../events/event.types';
import { formatDay } from '../time/civil';
import type { PeriodCalendar } from '../time/period';

/**
 * The calendar periods (days, weeks or months) an engagement metric reports
 * over `[fromDay, toDay]`, and the period each local day counts in. Periods
 * are numbered from 0; with a look-back, period 0 is the whole calendar
 * period before the one holding `fromDay`, and the days between its end and
 * `fromDay` count in none.
 */
export interface PeriodGrid {
  readonly calendar: PeriodCalendar;
  /** The calendar's index of period 0. */
  readonly first: number;
  /** Number of periods. */
  readonly count: number;
  /** First day of `periodOfDay`. */
  readonly minDay: number;
  /** Period of each day from `minDay` to `toDay`, or −1 for a day that counts in none. */
  readonly periodOfDay: Int32Array;
  readonly fromDay: number;
  readonly toDay: number;
}

/** The {@link PeriodGrid} of a range, with the calendar period before it when `lookback` is set. */
export function periodGrid(calendar: PeriodCalendar, fromDay: number, toDay: number, lookback = false): PeriodGrid {
  const first = calendar.indexOf(fromDay) - (lookback ? 1 : 0);
  const minDay = lookback ? calendar.startOf(first) : fromDay;
  const lookbackEnd = lookback ? calendar.endOf(first) : minDay - 1;
  const periodOfDay = new Int32Array(toDay - minDay + 1);
  for (let day = minDay; day <= toDay; day++) {
    periodOfDay[day - minDay] = day > lookbackEnd && day < fromDay ? -1 : calendar.indexOf(day) - first;
  }
  return { calendar, first, count: calendar.indexOf(toDay) - first + 1, minDay, periodOfDay, fromDay, toDay };
}

/** How a reported period lies against the range: its name, its days inside the range, and whether the range cuts it. */
export interface PeriodSpan {
  /** First local day of the calendar period, `YYYY-MM-DD` (before `from` when the range cuts it). */
  readonly period: string;
  /** Days of the period inside `[from, to]`. */
  readonly days: number;
  /** The range cuts the period: some of its days lie before `from` or after `to`. */
  readonly incomplete: boolean;
}

/** The {@link PeriodSpan} of period `p` of a grid. */
export function periodSpan(grid: PeriodGrid, p: number): PeriodSpan {
  const start = grid.calendar.startOf(grid.first + p);
  const end = grid.calendar.endOf(grid.first + p);
  const days = Math.min(end, grid.toDay) - Math.max(start, grid.fromDay) + 1;
  return { period: formatDay(start), days, incomplete: days < end - start + 1 };
}

/**
 * Calls `visit(unit, periods, count)` for every unit (row run of the table)
 * with a qualifying event (`mask[row] === 1`, or any when `mask` is `null`) on
 * a day that counts in a period of the grid; `periods[0 … count)` are that
 * unit's distinct active periods, ascending, and `leastDay` the least local
 * day of its qualifying events anywhere in the data (its first active day,
 * for lifecycle). The buffer is reused between calls.
 */
export function forEachUnitPeriods(
  table: EventTable,
  localDays: Int32Array,
  mask: Uint8Array | null,
  grid: PeriodGrid,
  visit: (unit: number, periods: Int32Array, count: number, leastDay: number) => void,
): void {
  const { userStart } = table;
  const { minDay, periodOfDay } = grid;
  const span = periodOfDay.length;
  // stamp[p] = the last unit seen active in period p: distinct periods without a set per unit.
  const stamp = new Int32Array(grid.count).fill(-1);
  const buffer = new Int32Array(grid.count);
  for (let u = 0; u + 1 < userStart.length; u++) {
    const end = userStart[u + 1] as number;
    let count = 0;
    let ordered = true;
    let leastDay = 2 ** 31 - 1;
    for (let row = userStart[u] as number; row < end; row++) {
      if (mask !== null && mask[row] === 0) continue;
      const day = localDays[row] as number;
      if (day < leastDay) leastDay = day;
      const offset = day - minDay;
      if (offset < 0 || offset >= span) continue;
      const p = periodOfDay[offset] as number;
      if (p < 0 || stamp[p] === u) continue;
      stamp[p] = u;
      // Rows are in time order: periods step back only when a zone turns its clock back across midnight.
      if (count > 0 && p < (buffer[count - 1] as number)) ordered = false;
      buffer[count++] = p;
    }
    if (count === 0) continue;
    if (!ordered) buffer.subarray(0, count).sort();
    visit(u, buffer, count, leastDay);
  }
}
