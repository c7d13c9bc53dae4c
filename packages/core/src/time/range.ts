import { KpiValidationError } from '../errors';
import { parseDay } from './civil';
import { knownDayBounds } from './localDays';

/** An inclusive range of local day numbers. */
export interface DayRange {
  readonly fromDay: number;
  readonly toDay: number;
}

/**
 * The inclusive day range a metric covers: `from`/`to` when given, else the
 * local dates of the earliest and latest event (`null` when there is neither).
 * Options are assumed already validated as `YYYY-MM-DD`.
 */
export function resolveRange(days: Int32Array, from: string | undefined, to: string | undefined): DayRange | null {
  const { first, last } = from === undefined || to === undefined ? dayBounds(days) : { first: Number.NaN, last: Number.NaN };
  if (from !== undefined && to !== undefined) {
    const fromDay = parseDay(from) as number;
    const toDay = parseDay(to) as number;
    if (fromDay > toDay) {
      throw new KpiValidationError('options', [
        { index: null, path: 'options.to', expected: `a date on or after from (${from})`, received: JSON.stringify(to) },
      ]);
    }
    return { fromDay, toDay };
  }
  // A defaulted bound never crosses the given one: data wholly outside the
  // range leaves a one-day range with no qualifying events, not an error.
  if (from !== undefined) {
    const fromDay = parseDay(from) as number;
    return { fromDay, toDay: Number.isNaN(last) ? fromDay : Math.max(last, fromDay) };
  }
  if (to !== undefined) {
    const toDay = parseDay(to) as number;
    return { fromDay: Number.isNaN(first) ? toDay : Math.min(first, toDay), toDay };
  }
  return Number.isNaN(first) ? null : { fromDay: first, toDay: last };
}

/** Earliest and latest day of a day column (`NaN` when it is empty); known without a pass for the metrics' cached columns. */
function dayBounds(days: Int32Array): { readonly first: number; readonly last: number } {
  const known = knownDayBounds(days);
  if (known) return known;
  let first = Number.NaN;
  let last = Number.NaN;
  for (let i = 0; i < days.length; i++) {
    const day = days[i] as number;
    if (!(day >= first)) first = day;
    if (!(day <= last)) last = day;
  }
  return { first, last };
}
