import type { Period } from '@kpikit/core';
import type { Formatter } from '../format/formatter';

const monthAxis = new Map<string, Intl.DateTimeFormat>();

/** The days of a full interval starting on `period` (`YYYY-MM-DD`). */
export function intervalDays(interval: Period, period: string): number {
  if (interval === 'day') return 1;
  if (interval === 'week') return 7;
  const [year, month] = period.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, month ?? 1, 0)).getUTCDate();
}

/** The full name of an interval: "Mar 4, 2024", "Week of Mar 4, 2024", "March 2024". */
export function periodName(interval: Period, period: string, fmt: Formatter): string {
  if (interval === 'month') return fmt.date(period, 'month');
  const date = fmt.date(period, 'medium');
  return interval === 'week' ? fmt.t('lifecycle.period.week', { date }) : date;
}

/** The axis label of an interval: "Mar 4", or "Mar 24" for a month. */
export function periodTick(interval: Period, period: string, fmt: Formatter): string {
  if (interval !== 'month') return fmt.date(period, 'short');
  let format = monthAxis.get(fmt.locale);
  if (!format) {
    format = new Intl.DateTimeFormat(fmt.locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
    monthAxis.set(fmt.locale, format);
  }
  const [year, month] = period.split('-').map(Number);
  return format.format(Date.UTC(year ?? 1970, (month ?? 1) - 1, 1));
}
