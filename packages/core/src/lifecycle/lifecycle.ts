import { forEachUnitPeriods, periodGrid, periodSpan, type PeriodGrid } from '../activity/unitPeriods';
import { asEventTable } from '../events/eventTable';
import type { EventInput, EventTable } from '../events/event.types';
import { rowMask } from '../events/filter';
import { rangeDays, tableForUnit, withUnit } from '../events/unit';
import { parseOptions } from '../options/parseOptions';
import { formatDay } from '../time/civil';
import { localDays } from '../time/localDays';
import { periodCalendar, type Weekday } from '../time/period';
import { resolveRange } from '../time/range';
import { lifecycleOptionsSchema } from './lifecycle.schema';
import type { LifecycleNewFrom, LifecycleOptions, LifecycleResult, LifecycleRow } from './lifecycle.types';
import { NEVER, newDays } from './newDays';

/**
 * Lifecycle, as PostHog's lifecycle insight: each interval's active users
 * split into new, returning and resurrecting, and the users it lost
 * (dormant), so that growth and churn show side by side.
 *
 * For each calendar interval (day, week starting on `weekStartsOn`, or month)
 * meeting `[from, to]`, a user is *active* with a qualifying event on one of
 * its days inside the range, and then exactly one of:
 *
 * - `returning`: also active in the previous interval;
 * - `new`: not, and this is the interval they are new in: by default that
 *   of their first-ever qualifying event in the data, on any date (see
 *   `newFrom` for a first event of a name, or a users table's `createdAt`);
 * - `resurrecting`: neither.
 *
 * `dormant` is minus the users active in the previous interval and not in
 * this one, so `new + returning + resurrecting = active` and
 * `dormant = −(active of the previous interval − returning)`. The interval
 * before the first one is read whole from the data, before `from`. An
 * interval the range cuts counts only its days inside and is `incomplete`.
 *
 * @example
 * const { rows } = lifecycle(events, { interval: 'week', from: '2024-01-08', to: '2024-01-21' });
 * rows[0]; // { period: '2024-01-08', new: 1, returning: 1, resurrecting: 0, dormant: -1, active: 2, days: 7, incomplete: false }
 */
export function lifecycle(events: EventInput, options: LifecycleOptions = {}): LifecycleResult {
  const parsed = parseOptions(lifecycleOptionsSchema, options);
  const { from, to, timeZone = 'UTC', where, interval = 'day', weekStartsOn = 1, unit: parsedUnit } = parsed;
  const newFrom: LifecycleNewFrom = parsed.newFrom ?? 'firstActivity';
  const unitTable = tableForUnit(asEventTable(events), parsedUnit);
  const { table } = unitTable;
  const days = localDays(table, timeZone);
  const range = resolveRange(rangeDays(unitTable, days, timeZone), from, to);
  if (!range) return withUnit({ interval, newFrom, from: null, to: null, timeZone, rows: [] }, unitTable);

  // Period 0 is the whole calendar period before the one holding `from`.
  const grid = periodGrid(periodCalendar(interval, weekStartsOn as Weekday), range.fromDay, range.toDay, true);
  const mask = rowMask(table, where);
  // The first active day comes with each unit's periods; the other readings of "new" need their own pass.
  const newDay = newFrom === 'firstActivity' ? null : newDays(table, days, mask, newFrom, timeZone);
  const tally = tallyLifecycle(table, days, mask, grid, newDay);
  const rows: LifecycleRow[] = [];
  for (let p = 1; p < grid.count; p++) {
    const { period, days: counted, incomplete } = periodSpan(grid, p);
    const fresh = tally.fresh[p] as number;
    const returning = tally.returning[p] as number;
    const resurrecting = tally.resurrecting[p] as number;
    rows.push({
      period,
      new: fresh,
      returning,
      resurrecting,
      dormant: 0 - (tally.dormant[p] as number),
      active: fresh + returning + resurrecting,
      days: counted,
      incomplete,
    });
  }
  return withUnit({ interval, newFrom, from: formatDay(range.fromDay), to: formatDay(range.toDay), timeZone, rows }, unitTable);
}

interface LifecycleTally {
  readonly fresh: Int32Array;
  readonly returning: Int32Array;
  readonly resurrecting: Int32Array;
  /** Units lost in each period (a positive count). */
  readonly dormant: Int32Array;
}

/** Counts, per period of the grid, each status from every unit's sorted active periods. */
function tallyLifecycle(
  table: EventTable,
  days: Int32Array,
  mask: Uint8Array | null,
  grid: PeriodGrid,
  newDay: Int32Array | null,
): LifecycleTally {
  const { calendar, count: periodCount } = grid;
  const tally = {
    fresh: new Int32Array(periodCount),
    returning: new Int32Array(periodCount),
    resurrecting: new Int32Array(periodCount),
    dormant: new Int32Array(periodCount),
  };
  forEachUnitPeriods(table, days, mask, grid, (unit, periods, count, leastDay) => {
    const day = newDay === null ? leastDay : (newDay[unit] as number);
    const newPeriod = day === NEVER ? -1 : calendar.indexOf(day) - grid.first;
    for (let j = 0; j < count; j++) {
      const p = periods[j] as number;
      if (p > 0) {
        if (j > 0 && periods[j - 1] === p - 1) tally.returning[p]! += 1;
        else if (p === newPeriod) tally.fresh[p]! += 1;
        else tally.resurrecting[p]! += 1;
      }
      const next = p + 1;
      if (next < periodCount && !(j + 1 < count && periods[j + 1] === next)) tally.dormant[next]! += 1;
    }
  });
  return tally;
}
