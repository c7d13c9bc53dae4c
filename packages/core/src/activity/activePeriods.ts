import type { EventTable } from '../events/event.types';
import type { PeriodCalendar } from '../time/period';
import type { DayRange } from '../time/range';
import type { ActiveUsersPeriodRow } from './activeUsers';
import { forEachUnitPeriods, periodGrid, periodSpan } from './unitPeriods';

/**
 * The rows of `activeUsers` by week or month: per calendar period meeting the
 * range, the distinct units with a qualifying event on its days inside it.
 */
export function activePeriodRows(
  table: EventTable,
  days: Int32Array,
  mask: Uint8Array | null,
  calendar: PeriodCalendar,
  range: DayRange,
): ActiveUsersPeriodRow[] {
  const grid = periodGrid(calendar, range.fromDay, range.toDay);
  const active = new Int32Array(grid.count);
  forEachUnitPeriods(table, days, mask, grid, (_unit, periods, count) => {
    for (let i = 0; i < count; i++) active[periods[i] as number]! += 1;
  });
  return Array.from(active, (units, p) => ({ ...periodSpan(grid, p), active: units }));
}
