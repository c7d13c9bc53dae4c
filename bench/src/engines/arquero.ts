import * as aq from 'arquero';
import { eventColumns, type EventData } from '../generate';
import {
  byDay,
  cohortsFromCells,
  FUNNEL_STEPS,
  FUNNEL_WINDOW,
  RETENTION_PERIODS,
  SESSION_INACTIVITY,
  type Cohort,
  type DailyActive,
  type FunnelStepFigures,
  type MetricEngine,
  type SessionFigures,
} from '../results';

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

/** The first row of a rollup as a plain object. */
function firstRow(table: Table): Record<string, unknown> {
  return (table.objects()[0] ?? {}) as Record<string, unknown>;
}

/** A rolled-up number, `null` when there was nothing to aggregate. */
function orNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** `sum / count`, `null` for no values (arquero's `op.mean` keeps a running mean, whose rounding differs in the last bits). */
function meanOf(sum: unknown, count: unknown): number | null {
  return Number(count) === 0 ? null : Number(sum) / Number(count);
}

const [STEP_1, STEP_2, STEP_3] = FUNNEL_STEPS;

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
    funnel(): FunnelStepFigures[] {
      // Each user's step events in time order, step 1 before step 2 before step
      // 3 at the same instant (a later step may share the previous one's
      // timestamp). `fill_up` carries the next valid value back to every
      // earlier row: the next step-2 time at or after each row, the next
      // step-3 time, and, read on step-2 rows, the next step-3 time after the
      // next step-2 event.
      const attempts = events
        .filter(`d => d.name === '${STEP_1}' || d.name === '${STEP_2}' || d.name === '${STEP_3}'`)
        .derive({ step: `d => d.name === '${STEP_1}' ? 1 : d.name === '${STEP_2}' ? 2 : 3` })
        .groupby('user_id')
        .orderby('ts', 'step')
        .derive({
          next2: 'd => op.fill_up(d.step === 2 ? d.ts : null)',
          next3: 'd => op.fill_up(d.step === 3 ? d.ts : null)',
        })
        .derive({ next3after2: 'd => op.fill_up(d.step === 2 ? d.next3 : null)' })
        .filter('d => d.step === 1')
        // Where no later event exists the value is missing (undefined), and compares false.
        .derive({ t2: `d => d.next2 <= d.ts + ${FUNNEL_WINDOW} ? d.next2 : null` })
        .derive({ t3: `d => d.t2 !== null && d.next3after2 <= d.ts + ${FUNNEL_WINDOW} ? d.next3after2 : null` })
        .derive({ depth: 'd => d.t2 === null ? 1 : d.t3 === null ? 2 : 3' });
      // Per user the deepest attempt, the earliest among equals (rows are in time order).
      const best = attempts
        .derive({ deepest: 'd => op.max(d.depth)' })
        .filter('d => d.depth === d.deepest')
        .filter('d => op.row_number() === 1')
        .ungroup()
        .derive({ gap2: 'd => d.t2 === null ? null : d.t2 - d.ts', gap3: 'd => d.t3 === null ? null : d.t3 - d.t2' });
      const totals = firstRow(
        best.rollup({
          users1: 'd => op.count()',
          users2: 'd => op.valid(d.gap2)',
          users3: 'd => op.valid(d.gap3)',
          median2: 'd => op.median(d.gap2)',
          sum2: 'd => op.sum(d.gap2)',
          median3: 'd => op.median(d.gap3)',
          sum3: 'd => op.sum(d.gap3)',
        }),
      );
      return [
        { count: Number(totals.users1 ?? 0), median: null, mean: null },
        { count: Number(totals.users2 ?? 0), median: orNull(totals.median2), mean: meanOf(totals.sum2, totals.users2) },
        { count: Number(totals.users3 ?? 0), median: orNull(totals.median3), mean: meanOf(totals.sum3, totals.users3) },
      ];
    },
    sessions(): SessionFigures {
      // Each user's events in (time, name) order: exact duplicates sit next to
      // each other; a row starts a session when the gap before it exceeds the
      // inactivity, ends one when the gap after it does.
      const marked = events
        .groupby('user_id')
        .orderby('ts', 'name')
        .derive({
          newUser: 'd => op.row_number() === 1 ? 1 : 0',
          event: 'd => d.ts === op.lag(d.ts) && d.name === op.lag(d.name) ? 0 : 1',
          first: `d => d.ts - op.lag(d.ts, 1, -Infinity) > ${SESSION_INACTIVITY}`,
          last: `d => op.lead(d.ts, 1, Infinity) - d.ts > ${SESSION_INACTIVITY}`,
        });
      const totals = firstRow(marked.ungroup().rollup({ users: 'd => op.sum(d.newUser)', events: 'd => op.sum(d.event)' }));
      // A session's duration, on its last row: minus the latest session start so far.
      const spans = firstRow(
        marked
          .derive({ start: 'd => op.fill_down(d.first ? d.ts : null)' })
          .filter('d => d.last')
          .ungroup()
          .derive({ duration: 'd => d.ts - d.start' })
          .rollup({ sessions: 'd => op.count()', total: 'd => op.sum(d.duration)', median: 'd => op.median(d.duration)' }),
      );
      const sessions = Number(spans.sessions ?? 0);
      const eventCount = Number(totals.events ?? 0);
      return {
        users: Number(totals.users ?? 0),
        sessions,
        events: eventCount,
        meanDuration: meanOf(spans.total, sessions),
        medianDuration: orNull(spans.median),
        eventsPerSession: sessions === 0 ? null : eventCount / sessions,
      };
    },
  };
}
