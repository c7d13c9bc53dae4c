import {
  activeUsers,
  funnel,
  lifecycle,
  localDays,
  parseDay,
  retention,
  sessions,
  stickinessDistribution,
  type EventTable,
} from '@kpikit/core';
import {
  FUNNEL_STEPS,
  FUNNEL_WINDOW,
  RETENTION_PERIODS,
  SESSION_INACTIVITY,
  type Cohort,
  type DailyActive,
  type DayCounts,
  type LifecycleWeek,
  type FunnelStepFigures,
  type MetricEngine,
  type SessionFigures,
} from '../results';

/** A zone other than UTC, used to evict the table's cached UTC day column. */
const OTHER_ZONE = 'Etc/GMT-1';

/**
 * kpikit over a prebuilt table. `cold: true` makes each call pay for the local
 * day column again (as the first call on a new table does) by caching another
 * zone's first; `cold: false` reuses the column cached by the previous call.
 * By account, `accounts` is the table with an `accountId` property; cold, each
 * call takes a fresh copy of it, so it re-keys the table by account and
 * computes its days again, as the first call on a new table does.
 */
export function kpikitEngine(table: EventTable, cold: boolean, accounts?: EventTable): MetricEngine & { prepare(): void } {
  let byAccount = accounts;
  return {
    name: cold ? 'kpikit (cold)' : 'kpikit (warm)',
    prepare() {
      if (cold) localDays(table, OTHER_ZONE);
      else localDays(table, 'UTC');
      if (cold && accounts) byAccount = { ...accounts };
    },
    lifecycle(): LifecycleWeek[] {
      return lifecycle(table, { interval: 'week', timeZone: 'UTC' }).rows.map((row) => ({
        startDay: parseDay(row.period)!,
        new: row.new,
        returning: row.returning,
        resurrecting: row.resurrecting,
        dormant: row.dormant,
      }));
    },
    stickinessDistribution(): DayCounts {
      return stickinessDistribution(table, { interval: 'day', timeZone: 'UTC' }).rows.map((row) => row.units);
    },
    ...(accounts
      ? {
          accountRetention(): Cohort[] {
            const result = retention(byAccount!, {
              period: 'week',
              periods: RETENTION_PERIODS,
              mode: 'exact',
              timeZone: 'UTC',
              unit: { group: 'accountId' },
            });
            return result.cohorts.map(({ start, counts }) => ({ startDay: parseDay(start)!, counts }));
          },
        }
      : {}),
    activeUsers(): DailyActive[] {
      return activeUsers(table, { timeZone: 'UTC' }).rows.map(({ date, dau, wau, mau }) => ({ day: parseDay(date)!, dau, wau, mau }));
    },
    retention(): Cohort[] {
      const result = retention(table, { period: 'week', periods: RETENTION_PERIODS, mode: 'exact', timeZone: 'UTC' });
      return result.cohorts.map(({ start, counts }) => ({ startDay: parseDay(start)!, counts }));
    },
    funnel(): FunnelStepFigures[] {
      const result = funnel(table, { steps: FUNNEL_STEPS, order: 'ordered', window: FUNNEL_WINDOW, timeZone: 'UTC' });
      return result.steps.map(({ count, median, mean }) => ({ count, median, mean }));
    },
    sessions(): SessionFigures {
      const {
        users,
        sessions: count,
        events,
        meanDuration,
        medianDuration,
        eventsPerSession,
      } = sessions(table, {
        inactivity: SESSION_INACTIVITY,
        timeZone: 'UTC',
      });
      return { users, sessions: count, events, meanDuration, medianDuration, eventsPerSession };
    },
  };
}
