import type { EventTable } from '../events/event.types';
import { zoneClock } from './zone';

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
  if (hit && hit.timeZone === timeZone) return hit.days;
  const days = new Int32Array(table.length);
  if (table.length > 0) {
    const clock = zoneClock(timeZone, table.minTime, table.maxTime);
    const time = table.time;
    for (let i = 0; i < days.length; i++) days[i] = clock.localDay(time[i] as number);
  }
  cache.set(table, { timeZone, days });
  return days;
}
