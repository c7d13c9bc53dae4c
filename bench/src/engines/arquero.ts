import * as aq from 'arquero';
import { eventColumns, type EventData } from '../generate';
import { byDay, cohortsFromCells, RETENTION_PERIODS, type Cohort, type DailyActive, type MetricEngine } from '../results';

type Table = ReturnType<typeof aq.table>;

/** The events as an arquero table `(user_id, name, ts)`: strings and epoch ms, as they would be loaded. */
export function arqueroTable(data: EventData): Table {
  const { userId, name, timestamp } = eventColumns(data);
  return aq.table({ user_id: userId, name, ts: timestamp });
}

/** A cumulative sum over the table's order (arquero types `rolling` as `any`). */
function runningSum(column: string): object {
  return aq.rolling(`d => op.sum(d.${column})`) as object;
}

/** Numbers of a column, read back into a plain array. */
function numbers(table: Table, column: string): number[] {
  return Array.from(table.array(column) as ArrayLike<unknown>, Number);
}

/**
 * The same computations with arquero verbs (expressions as strings, which
 * arquero parses and compiles to JavaScript once per verb).
 */
export function arqueroEngine(events: Table): MetricEngine {
  return {
    name: 'arquero',
    activeUsers(): DailyActive[] {
      // Each user's events by UTC day, the day of the row before, and only the
      // first row of each day: distinct (user, day) with the user's previous
      // active day. A day newly covers a W-day window from max(day, previous + W).
      const starts = events
        .derive({ day: 'd => op.floor(d.ts / 86400000)' })
        .groupby('user_id')
        .orderby('day')
        .derive({ previous: 'd => op.lag(d.day, 1, -100000)' })
        .filter('d => d.day !== d.previous')
        .ungroup()
        .unorder()
        .derive({
          week_start: 'd => op.greatest(d.day, d.previous + 7)',
          month_start: 'd => op.greatest(d.day, d.previous + 30)',
        });
      const dau = starts.groupby('day').count({ as: 'dau' });
      const weekStarts = starts.groupby({ day: 'd => d.week_start' }).count({ as: 'w' });
      const monthStarts = starts.groupby({ day: 'd => d.month_start' }).count({ as: 'm' });
      const days = numbers(dau, 'day');
      const first = Math.min(...days);
      const last = Math.max(...days);
      const range = Array.from({ length: last - first + 30 }, (_, i) => first - 29 + i);
      const rows = aq
        .table({ day: range })
        .lookup(dau, 'day', 'dau')
        .lookup(weekStarts, 'day', 'w')
        .lookup(monthStarts, 'day', 'm')
        .orderby('day')
        .derive({ dau: 'd => d.dau || 0', w: 'd => d.w || 0', m: 'd => d.m || 0' })
        // A coverage ends W days after an active day: the −1s of a day are the DAU of W days before.
        .derive({ dw: 'd => d.w - op.lag(d.dau, 7, 0)', dm: 'd => d.m - op.lag(d.dau, 30, 0)' })
        .derive({ wau: runningSum('dw'), mau: runningSum('dm') })
        .filter(`d => d.day >= ${first}`);
      const [day, dauColumn, wau, mau] = [numbers(rows, 'day'), numbers(rows, 'dau'), numbers(rows, 'wau'), numbers(rows, 'mau')];
      return byDay(day.map((value, i) => ({ day: value, dau: dauColumn[i]!, wau: wau[i]!, mau: mau[i]! })));
    },
    retention(): Cohort[] {
      // Distinct (user, Monday-based week), the user's first week, then users per (cohort, weeks since).
      const cells = events
        .groupby({ user_id: 'd => d.user_id', week: 'd => op.floor((op.floor(d.ts / 86400000) + 3) / 7)' })
        .count()
        .groupby('user_id')
        .derive({ cohort: 'd => op.min(d.week)' })
        .ungroup()
        .derive({ k: 'd => d.week - d.cohort' })
        .filter(`d => d.k <= ${RETENTION_PERIODS}`)
        .groupby('cohort', 'k')
        .count({ as: 'users' });
      const [cohort, k, users] = [numbers(cells, 'cohort'), numbers(cells, 'k'), numbers(cells, 'users')];
      return cohortsFromCells(cohort.map((week, i) => [week, k[i]!, users[i]!] as const));
    },
  };
}
