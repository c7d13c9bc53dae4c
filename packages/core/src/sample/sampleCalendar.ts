import { dayOfWeek, MS_PER_DAY } from '../time/civil';
import { zoneClock, type ZoneClock } from '../time/zone';

/** The local days of the sample period, mapped to UTC once. */
export interface SampleCalendar {
  readonly clock: ZoneClock;
  /** Local day number of the first day. */
  readonly startDay: number;
  readonly days: number;
  /** UTC ms of the first local midnight, and of the one ending the period. */
  readonly startMs: number;
  readonly endMs: number;
  /** Whether day `d` (0-based) falls on a Saturday or Sunday. */
  readonly weekend: Uint8Array;
  /** UTC ms of `msOfDay` local time on day `d` (0-based). */
  toUtc(d: number, msOfDay: number): number;
}

/** Builds the calendar of `days` local days from `startDay` in `timeZone`. */
export function sampleCalendar(startDay: number, days: number, timeZone: string): SampleCalendar {
  const clock = zoneClock(timeZone, (startDay - 2) * MS_PER_DAY, (startDay + days + 2) * MS_PER_DAY);
  const midnight = (day: number): number => {
    const local = day * MS_PER_DAY;
    return local - clock.offsetAt(local - clock.offsetAt(local));
  };
  // One offset per day, read at local noon: a day's usage happens in daytime,
  // so a night-time transition moves at most a few night events by an hour.
  const offsets = new Float64Array(days);
  const weekend = new Uint8Array(days);
  for (let d = 0; d < days; d++) {
    offsets[d] = clock.offsetAt(midnight(startDay + d) + MS_PER_DAY / 2);
    const weekday = dayOfWeek(startDay + d);
    weekend[d] = weekday === 0 || weekday === 6 ? 1 : 0;
  }
  return {
    clock,
    startDay,
    days,
    startMs: midnight(startDay),
    endMs: midnight(startDay + days),
    weekend,
    toUtc: (d, msOfDay) => (startDay + d) * MS_PER_DAY + msOfDay - (offsets[d] as number),
  };
}
