import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, formatDay, parseDay } from '../../src/index';
import { dateOfDayNumber, dayNumberOf } from '../support/reference';

// Day numbers of 0000-01-01 and 9999-12-31, computed with Date.
const FIRST_DAY = dayNumberOf('0000-01-01');
const LAST_DAY = dayNumberOf('9999-12-31');

describe('parseDay / formatDay', () => {
  it('anchors day 0 at 1970-01-01 and counts both ways from it', () => {
    expect(parseDay('1970-01-01')).toBe(0);
    expect(parseDay('1970-01-02')).toBe(1);
    expect(parseDay('1969-12-31')).toBe(-1);
    // 2024-01-01: 54 years of 365 days plus 13 leap days (1972 … 2020).
    expect(parseDay('2024-01-01')).toBe(54 * 365 + 13);
    expect(formatDay(54 * 365 + 13)).toBe('2024-01-01');
    expect(formatDay(-1)).toBe('1969-12-31');
  });

  it('round-trips every day from year 0 to 9999 and agrees with Date', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), (day) => {
        const text = formatDay(day);
        expect(text).toBe(dateOfDayNumber(day));
        expect(parseDay(text)).toBe(day);
        const { year, month, day: dayOfMonth } = civilFromDays(day);
        expect(daysFromCivil(year, month, dayOfMonth)).toBe(day);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts real leap days and rejects impossible dates instead of rolling them over', () => {
    expect(parseDay('2024-02-29')).toBe(dayNumberOf('2024-02-29'));
    expect(parseDay('2000-02-29')).toBe(dayNumberOf('2000-02-29'));
    for (const text of [
      '2023-02-29',
      '1900-02-29',
      '2100-02-29',
      '2024-02-30',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-01-00',
      '2024-01-32',
    ]) {
      expect(parseDay(text), text).toBeNull();
    }
  });

  it('rejects anything but YYYY-MM-DD', () => {
    for (const text of [
      '2024-1-01',
      '2024-01-1',
      '24-01-01',
      ' 2024-01-01',
      '2024-01-01 ',
      '2024-01-01T00:00',
      '2024/01/01',
      '20240101',
      '',
      '+2024-01-01',
    ]) {
      expect(parseDay(text), JSON.stringify(text)).toBeNull();
    }
  });
});
