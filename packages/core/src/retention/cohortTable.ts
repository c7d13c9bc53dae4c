import { formatDay } from '../time/civil';
import type { PeriodCalendar } from '../time/period';
import type { RetentionCohort } from './retention.types';

/** Where a table of counts sits on the calendar. */
export interface CohortLayout {
  readonly calendar: PeriodCalendar;
  /** Period index of the range's first period. */
  readonly firstPeriod: number;
  readonly cohortCount: number;
  readonly periods: number;
  /** Last local day of the range. */
  readonly toDay: number;
}

/** A triangle of cohorts and its size-weighted average per cell. */
export interface CohortTable {
  readonly cohorts: RetentionCohort[];
  readonly average: (number | null)[];
}

/**
 * Turns counts (`cohortCount × (periods + 1)` cells from `offset`, cell 0 of
 * each cohort its size) into the non-empty cohorts, oldest first, each with
 * the cells whose period starts on or before `to` and their incomplete flags,
 * and the size-weighted average of each cell over the cohorts that have it.
 */
export function cohortTable(counts: ArrayLike<number>, offset: number, layout: CohortLayout): CohortTable {
  const { calendar, firstPeriod, cohortCount, periods, toDay } = layout;
  const width = periods + 1;
  const cohorts: RetentionCohort[] = [];
  const totals = new Float64Array(width);
  const sizes = new Float64Array(width);
  for (let c = 0; c < cohortCount; c++) {
    const base = offset + c * width;
    const size = counts[base] as number;
    if (size === 0) continue;
    const cohortPeriod = firstPeriod + c;
    const cellCount = cellsUpTo(calendar, cohortPeriod, toDay, periods);
    const row: number[] = [];
    for (let k = 0; k < cellCount; k++) {
      row.push(counts[base + k] as number);
      totals[k]! += row[k] as number;
      sizes[k]! += size;
    }
    cohorts.push({
      start: formatDay(calendar.startOf(cohortPeriod)),
      size,
      counts: row,
      rates: row.map((count) => count / size),
      incomplete: row.map((_, k) => calendar.endOf(cohortPeriod + k) > toDay),
    });
  }
  const average = Array.from(totals, (total, k) => ((sizes[k] as number) === 0 ? null : total / (sizes[k] as number)));
  return { cohorts, average };
}

/** Number of cells (0 … periods) of a cohort whose period starts on or before `toDay`. */
function cellsUpTo(calendar: PeriodCalendar, cohortPeriod: number, toDay: number, periods: number): number {
  let k = 0;
  while (k <= periods && calendar.startOf(cohortPeriod + k) <= toDay) k++;
  return k;
}
