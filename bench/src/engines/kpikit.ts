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
 * How a timed call finds the table: `first`, a copy never used before (its
 * day column made in fresh memory, its accounts read again), as the first
 * call on a new table; `cold`, the table last used in another zone, so the
 * call computes each event's local day again (into the column that zone
 * used), as every call does after a change of zone, and as DuckDB and
 * arquero derive the day in every query; `warm`, its UTC column cached.
 */
export type KpikitMode = 'first' | 'cold' | 'warm';

/** A metric call in another zone, so the next one in UTC computes its days again. */
function evictDays(table: EventTable): void {
  lifecycle(table, { interval: 'day', timeZone: OTHER_ZONE, from: '2024-01-01', to: '2024-01-01' });
}

/**
 * kpikit over a prebuilt table, found as {@link KpikitMode} says. By account,
 * `accounts` is the table with an `accountId` property.
 */
export function kpikitEngine(source: EventTable, mode: KpikitMode, accounts?: EventTable): MetricEngine & { prepare(): void } {
  let table = source;
  let byAccount = accounts;
  return {
    name: `kpikit (${mode})`,
    prepare() {
      if (mode === 'first') {
        table = { ...source };
        byAccount = accounts && { ...accounts };
      } else if (mode === 'cold') {
        evictDays(source);
        if (accounts) evictDays(accounts);
      } else {
        localDays(source, 'UTC');
        if (accounts) localDays(accounts, 'UTC');
      }
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
