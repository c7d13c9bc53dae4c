import { asEventTable } from '../events/eventTable';
import { rangeDays, tableForUnit, withUnit, type UnitOptions, type UnitResult } from '../events/unit';
import type { EventInput } from '../events/event.types';
import { rowMask, type EventFilter } from '../events/filter';
import { parseOptions } from '../options/parseOptions';
import { parseDay } from '../time/civil';
import { localDays } from '../time/localDays';
import { resolveRange } from '../time/range';
import { periodCalendar } from '../time/period';
import { stickinessSummaryOptionsSchema } from './activity.schema';
import { forEachUserDays } from './userDays';

/** Options of {@link stickinessSummary}. */
export interface StickinessSummaryOptions extends UnitOptions {
  /** The calendar month, `YYYY-MM`. */
  readonly month: string;
  /** Days before this local date are not counted. Default: the date of the earliest event. */
  readonly from?: string | undefined;
  /** Days after this local date are not counted (a month in progress). Default: the date of the latest event. */
  readonly to?: string | undefined;
  /** IANA zone whose calendar days are counted. Default `"UTC"`. */
  readonly timeZone?: string | undefined;
  /** Which events make a user active. Default: every event. */
  readonly where?: EventFilter | undefined;
}

/** Result of {@link stickinessSummary}. */
export interface StickinessSummaryResult extends UnitResult {
  readonly month: string;
  readonly timeZone: string;
  /** Days of the month inside `[from, to]`: the days averaged over. */
  readonly days: number;
  /** Mean daily active users over those days (a day without events counts 0); `null` when `days` is 0. */
  readonly averageDau: number | null;
  /** Distinct users active on any of those days. */
  readonly mau: number;
  /** `averageDau / mau`; `null` when `mau` is 0. */
  readonly score: number | null;
}

/**
 * Monthly stickiness as the classic ratio of average DAU to MAU.
 *
 * Over the month's days that lie in `[from, to]`, `averageDau` is the mean
 * number of distinct active users per day and `mau` the number of distinct
 * users active on any of them; `score = averageDau / mau`. A month still in
 * progress counts only its elapsed days.
 *
 * @example
 * stickinessSummary(events, { month: '2024-03', timeZone: 'Europe/Paris' });
 * // { month: '2024-03', timeZone: 'Europe/Paris', days: 31, averageDau: 100, mau: 500, score: 0.2 }
 */
export function stickinessSummary(events: EventInput, options: StickinessSummaryOptions): StickinessSummaryResult {
  const { month, from, to, timeZone = 'UTC', where, unit: parsedUnit } = parseOptions(stickinessSummaryOptionsSchema, options);
  const unitTable = tableForUnit(asEventTable(events), parsedUnit);
  const { table } = unitTable;
  const days = localDays(table, timeZone);
  const months = periodCalendar('month');
  const index = months.indexOf(parseDay(`${month}-01`) as number);
  const range = resolveRange(rangeDays(unitTable, days, timeZone), from, to);
  const first = Math.max(months.startOf(index), range?.fromDay ?? Number.POSITIVE_INFINITY);
  const last = Math.min(months.endOf(index), range?.toDay ?? Number.NEGATIVE_INFINITY);
  const dayCount = Math.max(0, last - first + 1);

  let userDays = 0;
  let mau = 0;
  if (dayCount > 0) {
    forEachUserDays(table, days, rowMask(table, where), first, last, (_user, _active, count) => {
      userDays += count;
      mau += 1;
    });
  }
  const averageDau = dayCount === 0 ? null : userDays / dayCount;
  const score = averageDau === null || mau === 0 ? null : averageDau / mau;
  return withUnit({ month, timeZone, days: dayCount, averageDau, mau, score }, unitTable);
}
