import { activeUsers, localDays, parseDay, retention, type EventTable } from '@kpikit/core';
import { RETENTION_PERIODS, type Cohort, type DailyActive, type MetricEngine } from '../results';

/** A zone other than UTC, used to evict the table's cached UTC day column. */
const OTHER_ZONE = 'Etc/GMT-1';

/**
 * kpikit over a prebuilt table. `cold: true` makes each call pay for the local
 * day column again (as the first call on a new table does) by caching another
 * zone's first; `cold: false` reuses the column cached by the previous call.
 */
export function kpikitEngine(table: EventTable, cold: boolean): MetricEngine & { prepare(): void } {
  return {
    name: cold ? 'kpikit (cold)' : 'kpikit (warm)',
    prepare() {
      if (cold) localDays(table, OTHER_ZONE);
      else localDays(table, 'UTC');
    },
    activeUsers(): DailyActive[] {
      return activeUsers(table, { timeZone: 'UTC' }).rows.map(({ date, dau, wau, mau }) => ({ day: parseDay(date)!, dau, wau, mau }));
    },
    retention(): Cohort[] {
      const result = retention(table, { period: 'week', periods: RETENTION_PERIODS, mode: 'exact', timeZone: 'UTC' });
      return result.cohorts.map(({ start, counts }) => ({ startDay: parseDay(start)!, counts }));
    },
  };
}
