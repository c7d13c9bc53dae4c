import { asEventTable } from '../events/eventTable';
import { rangeDays, tableForUnit, withUnit, type UnitOptions, type UnitResult } from '../events/unit';
import type { EventInput } from '../events/event.types';
import { rowMask, type EventFilter } from '../events/filter';
import { parseOptions } from '../options/parseOptions';
import type { EventRangeOptions } from '../options/range.types';
import { formatDay } from '../time/civil';
import { localDays } from '../time/localDays';
import { periodCalendar, type Period, type Weekday } from '../time/period';
import { resolveRange } from '../time/range';
import { stickinessDistributionOptionsSchema } from './activity.schema';
import { forEachUnitPeriods, periodGrid, periodSpan } from './unitPeriods';

/** Options of {@link stickinessDistribution}. */
export interface StickinessDistributionOptions extends EventRangeOptions, UnitOptions {
  /** The intervals `[from, to]` is split into: `day` (default), `week` or `month`, calendar periods. */
  readonly interval?: Period | undefined;
  /** Weekday weeks start on with `interval: 'week'`, 0 = Sunday. Default 1 (Monday). */
  readonly weekStartsOn?: Weekday | undefined;
  /** Which events make a user active. Default: every event. */
  readonly where?: EventFilter | undefined;
}

/** Units active in exactly `activeIntervals` of the intervals, and in at least as many. */
export interface StickinessDistributionRow {
  /** k, from 1 to the number of intervals. */
  readonly activeIntervals: number;
  /** Units active in exactly k intervals. */
  readonly units: number;
  /** `units` over the units active at least once; `null` when there are none. */
  readonly share: number | null;
  /** Units active in k intervals or more. */
  readonly atLeast: number;
  /** `atLeast` over the units active at least once; `null` when there are none. */
  readonly atLeastShare: number | null;
}

/** Result of {@link stickinessDistribution}. */
export interface StickinessDistributionResult extends UnitResult {
  readonly interval: Period;
  /** The range split into intervals, or `null` when there are no events and no `from`/`to`. */
  readonly from: string | null;
  readonly to: string | null;
  readonly timeZone: string;
  /** N: the calendar intervals meeting `[from, to]`. */
  readonly intervals: number;
  /** `from` or `to` cuts the first or the last interval (only its days inside the range count). */
  readonly incomplete: boolean;
  /** Units active in at least one interval. */
  readonly units: number;
  /** Mean number of intervals a unit was active in, over those units; `null` when there are none. */
  readonly mean: number | null;
  /** One row per k = 1 … N. */
  readonly rows: readonly StickinessDistributionRow[];
}

/**
 * Stickiness as a distribution, as in PostHog's stickiness insight: how many
 * users (or groups) were active in exactly k of the intervals of a range.
 *
 * `[from, to]` is split into calendar intervals (days, weeks starting on
 * `weekStartsOn`, or months); a cut first or last interval counts only its
 * days inside the range. Each unit with a qualifying event in the range is
 * active in some number k of them (1 ≤ k ≤ N); row k counts those units,
 * their share of the units active at least once, and, cumulatively, the
 * units active in k intervals or more. `mean` is the average k. For the
 * ratio of average DAU to MAU, see `stickinessSummary`.
 *
 * @example
 * const { rows, mean } = stickinessDistribution(events, { from: '2024-03-04', to: '2024-03-10' });
 * rows[6]; // { activeIntervals: 7, units: 12, share: 0.1, atLeast: 12, atLeastShare: 0.1 }: active every day of the week
 */
export function stickinessDistribution(events: EventInput, options: StickinessDistributionOptions = {}): StickinessDistributionResult {
  const parsed = parseOptions(stickinessDistributionOptionsSchema, options);
  const { from, to, timeZone = 'UTC', where, interval = 'day', weekStartsOn = 1, unit: parsedUnit } = parsed;
  const unitTable = tableForUnit(asEventTable(events), parsedUnit);
  const { table } = unitTable;
  const days = localDays(table, timeZone);
  const range = resolveRange(rangeDays(unitTable, days, timeZone), from, to);
  if (!range) {
    return withUnit(
      { interval, from: null, to: null, timeZone, intervals: 0, incomplete: false, units: 0, mean: null, rows: [] },
      unitTable,
    );
  }
  const grid = periodGrid(periodCalendar(interval, weekStartsOn as Weekday), range.fromDay, range.toDay);
  // byCount[k]: units active in exactly k intervals.
  const byCount = new Float64Array(grid.count + 1);
  forEachUnitPeriods(table, days, rowMask(table, where), grid, (_unit, _periods, count) => {
    byCount[count]! += 1;
  });
  return withUnit(
    {
      interval,
      from: formatDay(range.fromDay),
      to: formatDay(range.toDay),
      timeZone,
      intervals: grid.count,
      incomplete: periodSpan(grid, 0).incomplete || periodSpan(grid, grid.count - 1).incomplete,
      ...stickinessDistributionRows(byCount),
    },
    unitTable,
  );
}

/**
 * The unit count, mean and rows of {@link stickinessDistribution} from
 * `byCount[k]`, the units active in exactly k intervals (k = 1 … N; index 0
 * is not read). Exported for engines that count the units elsewhere (SQL).
 *
 * @example
 * stickinessDistributionRows([0, 3, 1]).mean; // 1.25: three units active once, one twice
 */
export function stickinessDistributionRows(byCount: ArrayLike<number>): Pick<StickinessDistributionResult, 'units' | 'mean' | 'rows'> {
  let units = 0;
  let total = 0;
  for (let k = 1; k < byCount.length; k++) {
    units += byCount[k] as number;
    total += k * (byCount[k] as number);
  }
  const shareOf = (count: number): number | null => (units === 0 ? null : count / units);
  const rows: StickinessDistributionRow[] = [];
  let atLeast = units;
  for (let k = 1; k < byCount.length; k++) {
    const count = byCount[k] as number;
    rows.push({ activeIntervals: k, units: count, share: shareOf(count), atLeast, atLeastShare: shareOf(atLeast) });
    atLeast -= count;
  }
  return { units, mean: units === 0 ? null : total / units, rows };
}
