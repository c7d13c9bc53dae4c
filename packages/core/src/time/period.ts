import { civilFromDays, daysFromCivil, dayOfWeek } from './civil';

/** A bucketing period. */
export type Period = 'day' | 'week' | 'month';

/** Day of the week a week starts on: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * Maps local day numbers to period indices and back. Period indices are
 * consecutive integers, so "cohort + k" is plain addition.
 */
export interface PeriodCalendar {
  readonly period: Period;
  /** Index of the period containing a day. */
  indexOf(dayNumber: number): number;
  /** First day of a period. */
  startOf(index: number): number;
  /** Last day of a period. */
  endOf(index: number): number;
}

/**
 * A calendar for `period`; weeks start on `weekStartsOn` (default Monday).
 *
 * @example
 * const weeks = periodCalendar('week');
 * formatDay(weeks.startOf(weeks.indexOf(parseDay('2024-01-10')!))); // "2024-01-08"
 */
export function periodCalendar(period: Period, weekStartsOn: Weekday = 1): PeriodCalendar {
  switch (period) {
    case 'day':
      return { period, indexOf: (d) => d, startOf: (i) => i, endOf: (i) => i };
    case 'week': {
      // Shift so that day numbers of the chosen weekday are multiples of 7.
      const shift = (dayOfWeek(0) - weekStartsOn + 7) % 7;
      return {
        period,
        indexOf: (d) => Math.floor((d + shift) / 7),
        startOf: (i) => i * 7 - shift,
        endOf: (i) => i * 7 - shift + 6,
      };
    }
    case 'month':
      return {
        period,
        indexOf: (d) => {
          const { year, month } = civilFromDays(d);
          return year * 12 + month - 1;
        },
        startOf: (i) => daysFromCivil(Math.floor(i / 12), (((i % 12) + 12) % 12) + 1, 1),
        endOf: (i) => daysFromCivil(Math.floor((i + 1) / 12), ((((i + 1) % 12) + 12) % 12) + 1, 1) - 1,
      };
  }
}
