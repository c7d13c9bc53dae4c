/**
 * Slow, obviously-correct references for the engagement metrics (active users
 * by period, the stickiness distribution, lifecycle): every event's local date
 * from `Intl`, periods from `Date` arithmetic, counts from sets. They never
 * call the code under test.
 */
import type { EventFilter, KpiEvent } from '../../src/index';
import { addDays, dateOfDayNumber, dayNumberOf, intlLocalDate, msOf, sortedUnique, weekdayOf, withoutDuplicates } from './reference';

export type Interval = 'day' | 'week' | 'month';

/** Whether an event qualifies under a filter, read straight from the contract (null matches absent). */
export function qualifies(e: KpiEvent, where: EventFilter | undefined): boolean {
  if (!where) return true;
  if (where.name !== undefined) {
    const names: readonly string[] = typeof where.name === 'string' ? [where.name] : where.name;
    if (!names.includes(e.name)) return false;
  }
  for (const [key, value] of Object.entries(where.properties ?? {})) {
    const actual = e.properties?.[key];
    if (value === null ? actual !== null && actual !== undefined : actual !== value) return false;
  }
  return true;
}

/** First date of the calendar period holding `date`. */
export function periodStart(date: string, interval: Interval, weekStartsOn = 1): string {
  if (interval === 'day') return date;
  if (interval === 'month') return `${date.slice(0, 7)}-01`;
  const day = dayNumberOf(date);
  return dateOfDayNumber(day - ((weekdayOf(day) - weekStartsOn + 7) % 7));
}

/** Last date of the calendar period starting on `start`. */
export function periodEnd(start: string, interval: Interval): string {
  if (interval === 'day') return start;
  if (interval === 'week') return addDays(start, 6);
  const [year, month] = start.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${String(year + 1).padStart(4, '0')}-01-01` : `${start.slice(0, 5)}${String(month + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/** Start dates of the calendar periods meeting `[from, to]`, oldest first. */
export function periodsBetween(from: string, to: string, interval: Interval, weekStartsOn = 1): string[] {
  const starts: string[] = [];
  for (let start = periodStart(from, interval, weekStartsOn); start <= to; start = addDays(periodEnd(start, interval), 1))
    starts.push(start);
  return starts;
}

/** An event reduced to what the references read. */
export interface DatedEvent {
  readonly unit: string;
  readonly name: string;
  readonly date: string;
  readonly ok: boolean;
}

/**
 * The events as the contract counts them (one copy of an exact duplicate, see
 * {@link withoutDuplicates}), each with its local date and whether it qualifies.
 */
export function datedEvents(events: readonly KpiEvent[], timeZone: string, where: EventFilter | undefined): DatedEvent[] {
  return withoutDuplicates(events).map((e) => ({
    unit: e.userId,
    name: e.name,
    date: intlLocalDate(msOf(e), timeZone),
    ok: qualifies(e, where),
  }));
}

/** The range of a metric: `from`/`to`, else the dates of the earliest and latest event (a defaulted bound never crosses a given one). */
export function referenceRange(
  dated: readonly DatedEvent[],
  options: { from?: string | undefined; to?: string | undefined },
): { from: string; to: string } | null {
  const dates = sortedUnique(dated.map((e) => e.date));
  if (dates.length === 0 && options.from === undefined && options.to === undefined) return null;
  let from = options.from ?? dates[0];
  let to = options.to ?? dates[dates.length - 1];
  if (from === undefined) from = to!;
  if (to === undefined) to = from;
  if (options.from === undefined && from > to) from = to;
  if (options.to === undefined && to < from) to = from;
  return { from, to };
}

/** Distinct units with a qualifying event on a date in `[first, last]`. */
export function unitsActive(dated: readonly DatedEvent[], first: string, last: string): Set<string> {
  return new Set(dated.filter((e) => e.ok && e.date >= first && e.date <= last).map((e) => e.unit));
}

/** One period of a range: its name, its dates inside the range, and whether the range cuts it. */
export interface ReferencePeriod {
  readonly period: string;
  readonly first: string;
  readonly last: string;
  readonly days: number;
  readonly incomplete: boolean;
}

export function referencePeriods(range: { from: string; to: string }, interval: Interval, weekStartsOn = 1): ReferencePeriod[] {
  return periodsBetween(range.from, range.to, interval, weekStartsOn).map((period) => {
    const end = periodEnd(period, interval);
    const first = period < range.from ? range.from : period;
    const last = end > range.to ? range.to : end;
    return { period, first, last, days: dayNumberOf(last) - dayNumberOf(first) + 1, incomplete: first !== period || last !== end };
  });
}
