import { asEventTable } from '../events/eventTable';
import { rangeDays, tableForUnit, withUnit } from '../events/unit';
import type { EventInput } from '../events/event.types';
import { nameMask } from '../events/filter';
import { parseOptions } from '../options/parseOptions';
import { formatDay } from '../time/civil';
import { localDays } from '../time/localDays';
import { periodCalendar, type PeriodCalendar } from '../time/period';
import { resolveRange } from '../time/range';
import { retentionOptionsSchema } from './retention.schema';
import type { RetentionCohort, RetentionOptions, RetentionResult } from './retention.types';
import { tallyCohorts } from './tallyCohorts';

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
  const {
    period,
    periods,
    mode = 'exact',
    startEvent,
    returnEvent,
    from,
    to,
    timeZone = 'UTC',
    weekStartsOn = 1,
    unit: parsedUnit,
  } = parsed;
  const unitTable = tableForUnit(asEventTable(events), parsedUnit);
  const { table } = unitTable;
  const days = localDays(table, timeZone);
  const range = resolveRange(rangeDays(unitTable, days, timeZone), from, to);
  if (!range)
    return withUnit(
      { period, periods, mode, from: null, to: null, timeZone, cohorts: [], average: new Array<null>(periods + 1).fill(null) },
      unitTable,
    );

  const calendar = periodCalendar(period, weekStartsOn as 0 | 1 | 2 | 3 | 4 | 5 | 6);
  const { fromDay, toDay } = range;
  const firstPeriod = calendar.indexOf(fromDay);
  const cohortCount = calendar.indexOf(toDay) - firstPeriod + 1;
  // Period index of each day in range, relative to the first period: no calendar math per event.
  const periodOfDay = new Int32Array(toDay - fromDay + 1);
  for (let d = fromDay; d <= toDay; d++) periodOfDay[d - fromDay] = calendar.indexOf(d) - firstPeriod;

  const width = periods + 1;
  const counts = tallyCohorts({
    userStart: table.userStart,
    name: table.name,
    days,
    startNames: nameMask(table, startEvent),
    returnNames: nameMask(table, returnEvent),
    fromDay,
    periodOfDay,
    periods,
    unbounded: mode === 'unbounded',
    cohortCount,
  });

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
  return withUnit({ period, periods, mode, from: formatDay(fromDay), to: formatDay(toDay), timeZone, cohorts, average }, unitTable);
}

/** Number of cells (0 … periods) of a cohort whose period starts on or before `toDay`. */
function cellsUpTo(calendar: PeriodCalendar, cohortPeriod: number, toDay: number, periods: number): number {
  let k = 0;
  while (k <= periods && calendar.startOf(cohortPeriod + k) <= toDay) k++;
  return k;
}
