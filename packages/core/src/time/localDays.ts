import type { EventTable } from '../events/event.types';
import { MS_PER_DAY } from './civil';
import { zoneSegments } from './zone';

/** A table's day column in one zone, its least and greatest day, and whether a caller outside the metrics holds it. */
interface DayColumn {
  timeZone: string;
  readonly days: Int32Array;
  first: number;
  last: number;
  shared: boolean;
}

// One column per table: the zone used last. Repeated metric calls in one
// zone reuse it; a new zone rewrites it in place (unless `localDays` handed
// it out), so memory stays at 4 bytes per event and a change of zone pays
// for computing the days, not for fresh memory: on a 10M-event table, a new
// 40 MB column costs about 6× the same writes into one already touched.
const cache = new WeakMap<EventTable, DayColumn>();
// The bounds of every column made here, for `dayBounds`, whichever table it is for.
const bounds = new WeakMap<Int32Array, DayColumn>();

/**
 * The metrics' day column: each row's local day in `timeZone`, cached per
 * table. A column for another zone is rewritten in place unless it was
 * handed out by {@link sharedLocalDays}, so a metric must not keep it past
 * its call, nor ask for the same table in two zones at once.
 */
export function localDays(table: EventTable, timeZone: string): Int32Array {
  const hit = cache.get(table);
  if (hit?.timeZone === timeZone) return hit.days;
  const column: DayColumn =
    hit && !hit.shared && hit.days.length === table.length
      ? hit
      : { timeZone, days: new Int32Array(table.length), first: Number.NaN, last: Number.NaN, shared: false };
  column.timeZone = timeZone;
  if (table.length > 0) {
    const [first, last] = fillLocalDays(column.days, table.time, timeZone, table.minTime, table.maxTime);
    column.first = first;
    column.last = last;
  }
  cache.set(table, column);
  bounds.set(column.days, column);
  return column.days;
}

/**
 * The local calendar day number (days since 1970-01-01 in `timeZone`) of every
 * row of the table. `Intl` is consulted only to find the zone's offset
 * transitions over the table's time span, never per event. The column is
 * cached for the metrics' next calls in the zone, and never rewritten once
 * returned here.
 *
 * @example
 * const days = localDays(toEventTable(events), 'America/New_York');
 * formatDay(days[0]); // "2024-11-03"
 */
export function sharedLocalDays(table: EventTable, timeZone: string): Int32Array {
  const days = localDays(table, timeZone);
  (cache.get(table) as DayColumn).shared = true;
  return days;
}

/** The least and greatest day of a column made by {@link localDays}, or `null` for any other array. */
export function knownDayBounds(days: Int32Array): { readonly first: number; readonly last: number } | null {
  return bounds.get(days) ?? null;
}

/** Writes each row's local day and returns the least and greatest. */
function fillLocalDays(days: Int32Array, time: Float64Array, timeZone: string, minTime: number, maxTime: number): [number, number] {
  const { starts, offsets } = zoneSegments(timeZone, minTime, maxTime);
  const last = offsets.length - 1;
  let least = Number.POSITIVE_INFINITY;
  let greatest = Number.NEGATIVE_INFINITY;
  if (last === 0) {
    const offset = offsets[0] as number;
    for (let i = 0; i < time.length; i++) {
      const day = Math.floor(((time[i] as number) + offset) / MS_PER_DAY);
      days[i] = day;
      if (day < least) least = day;
      if (day > greatest) greatest = day;
    }
    return [least, greatest];
  }
  // Rows run in time order within each user, so the offset segment moves
  // forward a step at a time and jumps back only at a user boundary.
  let segment = 0;
  for (let i = 0; i < time.length; i++) {
    const t = time[i] as number;
    while (segment < last && t >= (starts[segment + 1] as number)) segment++;
    while (segment > 0 && t < (starts[segment] as number)) segment--;
    const day = Math.floor((t + (offsets[segment] as number)) / MS_PER_DAY);
    days[i] = day;
    if (day < least) least = day;
    if (day > greatest) greatest = day;
  }
  return [least, greatest];
}
