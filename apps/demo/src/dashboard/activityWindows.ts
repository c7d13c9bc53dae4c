import { formatDay, parseDay, periodCalendar, type Period } from '@kpikit/core';

/** How many of the range's last days the days-active histogram counts. */
export const DAYS_ACTIVE_WINDOW = 7;

/** Local dates, `YYYY-MM-DD`, from and to. */
export interface DayWindow {
  readonly from: string;
  readonly to: string;
}

/**
 * The dates the lifecycle covers: the range from the first interval that
 * starts inside it (a Monday, the 1st of a month), so the first bar is a
 * whole period and not a cut one that would read as a drop. A range too
 * short to hold the start of an interval is taken whole.
 *
 * @example
 * lifecycleWindow({ from: '2024-03-31', to: '2024-06-28' }, 'week'); // { from: '2024-04-01', to: '2024-06-28' }
 */
export function lifecycleWindow(range: DayWindow, period: Period): DayWindow {
  const from = day(range.from);
  const to = day(range.to);
  const calendar = periodCalendar(period);
  const index = calendar.indexOf(from);
  const whole = calendar.startOf(index) === from ? from : calendar.startOf(index + 1);
  return { from: formatDay(whole <= to ? whole : from), to: range.to };
}

/**
 * The dates the days-active histogram covers: the range's last
 * {@link DAYS_ACTIVE_WINDOW} days, or all of a shorter range.
 *
 * @example
 * daysActiveWindow({ from: '2024-03-31', to: '2024-06-28' }); // { from: '2024-06-22', to: '2024-06-28' }
 */
export function daysActiveWindow(range: DayWindow): DayWindow {
  const to = day(range.to);
  return { from: formatDay(Math.max(day(range.from), to - DAYS_ACTIVE_WINDOW + 1)), to: range.to };
}

function day(date: string): number {
  const parsed = parseDay(date);
  if (parsed === null) throw new Error(`Not a date: ${date}`);
  return parsed;
}
