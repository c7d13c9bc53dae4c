import type { EventTable } from '../events/event.types';
import { MS_PER_DAY } from './civil';
import { zoneSegments } from './zone';

// One column per table: the zone used last. Repeated metric calls in one
// zone reuse it; a new zone replaces it, so memory stays at 4 bytes per event.
const cache = new WeakMap<EventTable, { timeZone: string; days: Int32Array }>();

/**
 * The local calendar day number (days since 1970-01-01 in `timeZone`) of every
 * row of the table. `Intl` is consulted only to find the zone's offset
 * transitions over the table's time span, never per event.
 *
 * @example
 * const days = localDays(toEventTable(events), 'America/New_York');
 * formatDay(days[0]); // "2024-11-03"
 */
export function localDays(table: EventTable, timeZone: string): Int32Array {
  const hit = cache.get(table);
  if (hit?.timeZone === timeZone) return hit.days;
  const days = new Int32Array(table.length);
  if (table.length > 0) fillLocalDays(days, table.time, timeZone, table.minTime, table.maxTime);
  cache.set(table, { timeZone, days });
  return days;
}

function fillLocalDays(days: Int32Array, time: Float64Array, timeZone: string, minTime: number, maxTime: number): void {
  const { starts, offsets } = zoneSegments(timeZone, minTime, maxTime);
  const last = offsets.length - 1;
  if (last === 0) {
    const offset = offsets[0] as number;
    for (let i = 0; i < time.length; i++) days[i] = Math.floor(((time[i] as number) + offset) / MS_PER_DAY);
    return;
  }
  // Rows run in time order within each user, so the offset segment moves
  // forward a step at a time and jumps back only at a user boundary.
  let segment = 0;
  for (let i = 0; i < time.length; i++) {
    const t = time[i] as number;
    while (segment < last && t >= (starts[segment + 1] as number)) segment++;
    while (segment > 0 && t < (starts[segment] as number)) segment--;
    days[i] = Math.floor((t + (offsets[segment] as number)) / MS_PER_DAY);
  }
}
