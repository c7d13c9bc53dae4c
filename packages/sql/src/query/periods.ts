import type { Period, Weekday } from '@kpikit/core';
import type { CompileContext } from './context';

/**
 * SQL for the index of the period holding a local day number, numbered as
 * core's `periodCalendar` numbers them (so `parse` names periods with it):
 * the day itself, `floor((day + shift) / 7)` with weeks starting on
 * `weekStartsOn`, or `year × 12 + month − 1`.
 */
export function periodIndexSql(context: CompileContext, period: Period, day: string, weekStartsOn: Weekday = 1): string {
  switch (period) {
    case 'day':
      return day;
    case 'week': {
      // 1970-01-01 (day 0) was a Thursday (weekday 4): shift so the chosen weekday's days are multiples of 7.
      const shift = (4 - weekStartsOn + 7) % 7;
      return context.dialect.floorDiv(shift === 0 ? day : `${day} + ${shift}`, 7);
    }
    case 'month':
      return context.dialect.monthIndex(day);
  }
}
