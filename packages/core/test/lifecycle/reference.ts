/**
 * A slow, obviously-correct lifecycle: every event's local date from `Intl`,
 * each unit's status in each period read off sets of active periods. It
 * never calls the code under test.
 */
import type { KpiEvent, LifecycleNewFrom, LifecycleOptions, LifecycleResult } from '../../src/index';
import { datedEvents, periodEnd, periodStart, referencePeriods, referenceRange, type Interval } from '../support/engagement';
import { addDays, intlLocalDate, msOf, withoutDuplicates } from '../support/reference';

export type Status = 'new' | 'returning' | 'resurrecting' | 'dormant' | 'none';

export interface ReferenceLifecycle {
  readonly result: LifecycleResult;
  /** Each unit's status in each reported period, oldest first. */
  readonly statuses: ReadonlyMap<string, readonly Status[]>;
}

/** The period start a unit is new in under `newFrom`, or `null` when it never is. */
function newPeriodOf(
  events: readonly KpiEvent[],
  unit: string,
  newFrom: LifecycleNewFrom,
  qualifies: (e: KpiEvent) => boolean,
  timeZone: string,
  interval: Interval,
  weekStartsOn: number,
): string | null {
  const mine = events.filter((e) => e.userId === unit);
  let dates: string[];
  if (newFrom === 'createdAt') {
    dates = mine
      .map((e) => e.properties?.['user.createdAt'])
      .filter((ms): ms is number => typeof ms === 'number')
      .map((ms) => intlLocalDate(ms, timeZone));
  } else {
    const chosen = newFrom === 'firstActivity' ? mine.filter(qualifies) : mine.filter((e) => e.name === newFrom.event);
    dates = chosen.map((e) => intlLocalDate(msOf(e), timeZone));
  }
  if (dates.length === 0) return null;
  return periodStart(dates.sort()[0]!, interval, weekStartsOn);
}

export function referenceLifecycle(input: readonly KpiEvent[], options: LifecycleOptions): ReferenceLifecycle {
  // One copy of each exact duplicate, as `datedEvents` keeps: `dated[i]` is `events[i]`'s.
  const events = withoutDuplicates(input);
  const timeZone = options.timeZone ?? 'UTC';
  const interval = options.interval ?? 'day';
  const weekStartsOn = options.weekStartsOn ?? 1;
  const newFrom = options.newFrom ?? 'firstActivity';
  const dated = datedEvents(events, timeZone, options.where);
  const range = referenceRange(dated, options);
  if (!range) return { result: { interval, newFrom, from: null, to: null, timeZone, rows: [] }, statuses: new Map() };

  const periods = referencePeriods(range, interval, weekStartsOn);
  // The period before the first, whole: its dates before `from` count.
  const before = periodStart(addDays(periods[0]!.period, -1), interval, weekStartsOn);
  const spans = [{ first: before, last: periodEnd(before, interval) }, ...periods];
  const units = [...new Set(dated.map((e) => e.unit))].sort();
  const activeIn = (unit: string, span: { first: string; last: string }): boolean =>
    dated.some((e) => e.ok && e.unit === unit && e.date >= span.first && e.date <= span.last);
  const qualifies = (e: KpiEvent): boolean => dated[events.indexOf(e)]!.ok;

  const statuses = new Map<string, Status[]>();
  for (const unit of units) {
    const born = newPeriodOf(events, unit, newFrom, qualifies, timeZone, interval, weekStartsOn);
    const list: Status[] = [];
    for (let i = 1; i < spans.length; i++) {
      const now = activeIn(unit, spans[i]!);
      const previous = activeIn(unit, spans[i - 1]!);
      if (now) list.push(previous ? 'returning' : born === periods[i - 1]!.period ? 'new' : 'resurrecting');
      else list.push(previous ? 'dormant' : 'none');
    }
    statuses.set(unit, list);
  }
  const count = (i: number, status: Status): number => [...statuses.values()].filter((list) => list[i] === status).length;
  const rows = periods.map((p, i) => {
    const fresh = count(i, 'new');
    const returning = count(i, 'returning');
    const resurrecting = count(i, 'resurrecting');
    return {
      period: p.period,
      new: fresh,
      returning,
      resurrecting,
      dormant: 0 - count(i, 'dormant'), // never −0
      active: fresh + returning + resurrecting,
      days: p.days,
      incomplete: p.incomplete,
    };
  });
  return { result: { interval, newFrom, ...range, timeZone, rows }, statuses };
}
