import { asEventTable } from '../events/eventTable';
import type { EventInput } from '../events/event.types';
import { compileFilter } from '../events/filter';
import { parseOptions } from '../options/parseOptions';
import { formatDay } from '../time/civil';
import { localDays } from '../time/localDays';
import { periodCalendar, type PeriodCalendar } from '../time/period';
import { resolveRange } from '../time/range';
import { retentionOptionsSchema } from './retention.schema';
import type { RetentionCohort, RetentionOptions, RetentionResult } from './retention.types';

/**
 * Retention cohorts: new users grouped by the period of their first
 * `startEvent`, and how many of them did a `returnEvent` in each later period.
 *
 * A user's cohort is the period of their first-ever `startEvent` in the data;
 * users whose first one lies outside `[from, to]` are in no cohort. Cell `k`
 * (0 ≤ k ≤ `periods`) counts cohort users returning in period `cohort + k`
 * (`exact`) or in any period from `cohort + k` up to `to` (`unbounded`); cell 0
 * is the cohort size. Only returns inside `[from, to]` count. A cell exists when
 * its period starts on or before `to` and is `incomplete` when it ends after it.
 *
 * @example
 * const result = retention(events, { period: 'week', periods: 2, from: '2024-01-01', to: '2024-01-21' });
 * result.cohorts[0]; // { start: '2024-01-01', size: 10, counts: [10, 4, 2], rates: [1, 0.4, 0.2], incomplete: [false, false, false] }
 */
export function retention(events: EventInput, options: RetentionOptions): RetentionResult {
  const parsed = parseOptions(retentionOptionsSchema, options);
  const { period, periods, mode = 'exact', startEvent, returnEvent, from, to, timeZone = 'UTC', weekStartsOn = 1 } = parsed;
  const table = asEventTable(events);
  const days = localDays(table, timeZone);
  const range = resolveRange(days, from, to);
  if (!range)
    return { period, periods, mode, from: null, to: null, timeZone, cohorts: [], average: new Array<null>(periods + 1).fill(null) };

  const calendar = periodCalendar(period, weekStartsOn as 0 | 1 | 2 | 3 | 4 | 5 | 6);
  const { fromDay, toDay } = range;
  const firstPeriod = calendar.indexOf(fromDay);
  const cohortCount = calendar.indexOf(toDay) - firstPeriod + 1;
  // Period index of each day in range, relative to the first period: no calendar math per event.
  const periodOfDay = new Int32Array(toDay - fromDay + 1);
  for (let d = fromDay; d <= toDay; d++) periodOfDay[d - fromDay] = calendar.indexOf(d) - firstPeriod;

  const width = periods + 1;
  const counts = new Int32Array(cohortCount * width);
  const isStart = compileFilter(table, startEvent === undefined ? undefined : { name: startEvent });
  const isReturn = compileFilter(table, returnEvent === undefined ? undefined : { name: returnEvent });
  const { userStart } = table;

  for (let u = 0; u + 1 < userStart.length; u++) {
    const begin = userStart[u] as number;
    const end = userStart[u + 1] as number;
    let first = begin;
    while (first < end && !isStart(first)) first++;
    if (first === end) continue;
    const startDay = days[first] as number;
    if (startDay < fromDay || startDay > toDay) continue;
    const cohort = periodOfDay[startDay - fromDay] as number;
    const cells = cohort * width;
    counts[cells]! += 1;
    let reached = 0; // highest k counted so far for this user
    for (let row = begin; row < end; row++) {
      const day = days[row] as number;
      if (day < fromDay || day > toDay || !isReturn(row)) continue;
      const k = (periodOfDay[day - fromDay] as number) - cohort;
      if (k <= 0) continue;
      if (mode === 'unbounded') {
        if (k > reached) reached = k;
      } else if (k <= periods && k !== reached) {
        // Rows are in time order, so periods rarely step back; a set of seen
        // cells is needed only for that rare case (a transition at midnight).
        if (k > reached || !seenBefore(days, row, begin, isReturn, fromDay, toDay, periodOfDay, cohort, k)) counts[cells + k]! += 1;
        if (k > reached) reached = k;
      }
    }
    if (mode === 'unbounded' && reached > 0) counts[cells + Math.min(reached, periods)]! += 1;
  }
  if (mode === 'unbounded') {
    // A user whose latest return is in period r counts in every cell 1 … r.
    for (let c = 0; c < cohortCount; c++) {
      for (let k = periods - 1; k >= 1; k--) counts[c * width + k]! += counts[c * width + k + 1] as number;
    }
  }

  const cohorts: RetentionCohort[] = [];
  const totals = new Float64Array(width);
  const sizes = new Float64Array(width);
  for (let c = 0; c < cohortCount; c++) {
    const size = counts[c * width] as number;
    if (size === 0) continue;
    const cohortPeriod = firstPeriod + c;
    const cellCount = cellsUpTo(calendar, cohortPeriod, toDay, periods);
    const row = Array.from(counts.subarray(c * width, c * width + cellCount));
    row[0] = size;
    for (let k = 0; k < cellCount; k++) {
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
  return { period, periods, mode, from: formatDay(fromDay), to: formatDay(toDay), timeZone, cohorts, average };
}

/** Number of cells (0 … periods) of a cohort whose period starts on or before `toDay`. */
function cellsUpTo(calendar: PeriodCalendar, cohortPeriod: number, toDay: number, periods: number): number {
  let k = 0;
  while (k <= periods && calendar.startOf(cohortPeriod + k) <= toDay) k++;
  return k;
}

/** Whether an earlier return row of the same user already counted cell `k`. */
function seenBefore(
  days: Int32Array,
  row: number,
  begin: number,
  isReturn: (row: number) => boolean,
  fromDay: number,
  toDay: number,
  periodOfDay: Int32Array,
  cohort: number,
  k: number,
): boolean {
  for (let r = begin; r < row; r++) {
    const day = days[r] as number;
    if (day >= fromDay && day <= toDay && isReturn(r) && (periodOfDay[day - fromDay] as number) - cohort === k) return true;
  }
  return false;
}
