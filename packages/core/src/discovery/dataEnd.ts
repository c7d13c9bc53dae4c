import type { EventTable } from '../events/event.types';
import { MS_PER_DAY } from '../time/civil';
import { zoneClock } from '../time/zone';

/**
 * The last local day of the data and the first instant after it (the close
 * of that day in `timeZone`), or `null` for an empty table. The data are taken
 * to cover the whole local day of their latest event, as `to` does elsewhere.
 */
export function dataEnd(
  table: EventTable,
  days: Int32Array,
  timeZone: string,
): { readonly lastDay: number; readonly closesAt: number } | null {
  if (table.length === 0) return null;
  let lastDay = days[0] as number;
  for (let i = 1; i < days.length; i++) if ((days[i] as number) > lastDay) lastDay = days[i] as number;
  // Over the table's whole span too, so the zone's cached offsets still serve the next metric call.
  const clock = zoneClock(timeZone, table.minTime, table.maxTime + 3 * MS_PER_DAY);
  // The local day of `lo` is at most lastDay, that of `hi` after it (no offset moves by two days).
  let lo = table.maxTime;
  let hi = table.maxTime + 3 * MS_PER_DAY;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (clock.localDay(mid) > lastDay) hi = mid;
    else lo = mid;
  }
  return { lastDay, closesAt: hi };
}
