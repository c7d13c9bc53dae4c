import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay, parseDay, periodCalendar } from '../../src/index';
import type { Weekday } from '../../src/index';
import { dateOfDayNumber, dayNumberOf, weekdayOf } from '../support/reference';

const day = (text: string): number => dayNumberOf(text);
const weekdayArb = fc.integer({ min: 0, max: 6 }) as fc.Arbitrary<Weekday>;
// 1600-01-01 … 2400-12-31: both sides of day 0 and several century rules.
const dayArb = fc.integer({ min: dayNumberOf('1600-01-01'), max: dayNumberOf('2400-12-31') });

describe('periodCalendar: day', () => {
  it('is the identity on day numbers', () => {
    const days = periodCalendar('day');
    fc.assert(
      fc.property(dayArb, (d) => {
        expect(days.indexOf(d)).toBe(d);
        expect(days.startOf(d)).toBe(d);
        expect(days.endOf(d)).toBe(d);
      }),
      { numRuns: 100 },
    );
  });
});

describe('periodCalendar: week', () => {
  it('starts weeks on Monday by default', () => {
    const weeks = periodCalendar('week');
    // 2024-01-10 is a Wednesday; its week runs Monday 2024-01-08 … Sunday 2024-01-14.
    const index = weeks.indexOf(parseDay('2024-01-10')!);
    expect(formatDay(weeks.startOf(index))).toBe('2024-01-08');
    expect(formatDay(weeks.endOf(index))).toBe('2024-01-14');
    expect(weeks.indexOf(parseDay('2024-01-07')!)).toBe(index - 1);
    expect(weeks.indexOf(parseDay('2024-01-15')!)).toBe(index + 1);
  });

  it('honours every weekStartsOn for a known week (2024-01-10 is a Wednesday)', () => {
    // Start of the week containing Wednesday 2024-01-10 for each first weekday, Sunday first.
    const expectedStarts = ['2024-01-07', '2024-01-08', '2024-01-09', '2024-01-10', '2024-01-04', '2024-01-05', '2024-01-06'];
    for (let w = 0; w <= 6; w++) {
      const weeks = periodCalendar('week', w as Weekday);
      const index = weeks.indexOf(day('2024-01-10'));
      expect(dateOfDayNumber(weeks.startOf(index)), `weekStartsOn ${w}`).toBe(expectedStarts[w]);
      expect(weeks.endOf(index) - weeks.startOf(index)).toBe(6);
    }
  });

  it('maps every day into a 7-day week starting on the chosen weekday (property)', () => {
    fc.assert(
      fc.property(dayArb, weekdayArb, (d, w) => {
        const weeks = periodCalendar('week', w);
        const i = weeks.indexOf(d);
        const start = weeks.startOf(i);
        const end = weeks.endOf(i);
        expect(start).toBeLessThanOrEqual(d);
        expect(end).toBeGreaterThanOrEqual(d);
        expect(end - start).toBe(6);
        expect(weekdayOf(start)).toBe(w);
        // Round trips and adjacency: indices are consecutive integers.
        expect(weeks.indexOf(start)).toBe(i);
        expect(weeks.indexOf(end)).toBe(i);
        expect(weeks.startOf(i + 1)).toBe(end + 1);
        expect(weeks.indexOf(end + 1)).toBe(i + 1);
        expect(weeks.indexOf(start - 1)).toBe(i - 1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('periodCalendar: month', () => {
  it('handles month ends, leap Februaries and the year boundary', () => {
    const months = periodCalendar('month');
    const cases: [string, string, string][] = [
      ['2024-02-15', '2024-02-01', '2024-02-29'],
      ['2023-02-28', '2023-02-01', '2023-02-28'],
      ['1900-02-10', '1900-02-01', '1900-02-28'],
      ['2000-02-10', '2000-02-01', '2000-02-29'],
      ['2024-12-31', '2024-12-01', '2024-12-31'],
      ['2025-01-01', '2025-01-01', '2025-01-31'],
      ['1969-12-31', '1969-12-01', '1969-12-31'],
    ];
    for (const [inside, start, end] of cases) {
      const i = months.indexOf(day(inside));
      expect(dateOfDayNumber(months.startOf(i)), inside).toBe(start);
      expect(dateOfDayNumber(months.endOf(i)), inside).toBe(end);
    }
    // December and the following January are consecutive periods.
    expect(months.indexOf(day('2025-01-01'))).toBe(months.indexOf(day('2024-12-31')) + 1);
  });

  it('maps every day into its calendar month (property)', () => {
    const months = periodCalendar('month');
    fc.assert(
      fc.property(dayArb, (d) => {
        const i = months.indexOf(d);
        const start = months.startOf(i);
        const end = months.endOf(i);
        const text = dateOfDayNumber(d);
        expect(dateOfDayNumber(start)).toBe(`${text.slice(0, 7)}-01`);
        expect(dateOfDayNumber(end).slice(0, 7)).toBe(text.slice(0, 7));
        expect(dateOfDayNumber(end + 1).slice(8)).toBe('01');
        expect(months.indexOf(start)).toBe(i);
        expect(months.indexOf(end)).toBe(i);
        expect(months.startOf(i + 1)).toBe(end + 1);
        expect(months.endOf(i - 1)).toBe(start - 1);
      }),
      { numRuns: 300 },
    );
  });
});
