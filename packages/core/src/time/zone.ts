import { daysFromCivil, MS_PER_DAY } from './civil';

/**
 * A time zone's UTC offsets over a span of instants, precomputed once so that
 * bucketing an event is an array search and a division, never an `Intl` call.
 */
export interface ZoneClock {
  readonly timeZone: string;
  /** UTC offset in ms (local − UTC) in force at an instant. */
  offsetAt(ms: number): number;
  /** Local calendar day number (days since 1970-01-01) of an instant. */
  localDay(ms: number): number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `timeZone` is an IANA zone name (or alias) this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  if (formatters.has(timeZone)) return true;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

// Instants beyond these are bucketed with the offset in force at the bound.
const FIRST_INSTANT = daysFromCivil(1, 1, 1) * MS_PER_DAY;
const LAST_INSTANT = daysFromCivil(9999, 12, 31) * MS_PER_DAY;

/** The zone's offset at an instant, read from `Intl` (slow: used only to find transitions). */
export function intlOffsetAt(timeZone: string, ms: number): number {
  const seconds = Math.floor(Math.min(Math.max(ms, FIRST_INSTANT), LAST_INSTANT) / 1000) * 1000;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of formatterFor(timeZone).formatToParts(seconds)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'era':
        bc = part.value.startsWith('B');
        break;
      default:
        break;
    }
  }
  const localYear = bc ? 1 - year : year;
  const local = daysFromCivil(localYear, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
  return local - seconds;
}

// Offsets change at most a few times a year; sampling daily and bisecting each
// change to the second finds every transition that lasts longer than a day.
const SAMPLE_MS = MS_PER_DAY;

/**
 * Starts (UTC ms) and offsets of the zone's constant-offset segments that
 * cover `[fromMs, toMs]`. The first segment starts at −Infinity.
 */
export function zoneSegments(timeZone: string, fromMs: number, toMs: number): ZoneSegments {
  const known = segmentCache.get(timeZone);
  if (known && known.fromMs <= fromMs && toMs <= known.toMs) return known;
  const computed = { ...findSegments(timeZone, fromMs, toMs), fromMs, toMs };
  segmentCache.set(timeZone, computed);
  return computed;
}

/** A zone's constant-offset segments over a span of instants. */
export interface ZoneSegments {
  readonly starts: Float64Array;
  readonly offsets: Float64Array;
}

// The last span computed per zone: repeated metric calls over one table reuse it.
const segmentCache = new Map<string, ZoneSegments & { fromMs: number; toMs: number }>();

function findSegments(timeZone: string, fromMs: number, toMs: number): ZoneSegments {
  const starts: number[] = [Number.NEGATIVE_INFINITY];
  const offsets: number[] = [];
  const begin = Math.floor(fromMs / SAMPLE_MS) * SAMPLE_MS - SAMPLE_MS;
  const end = toMs + SAMPLE_MS;
  let previous = intlOffsetAt(timeZone, begin);
  offsets.push(previous);
  for (let at = begin + SAMPLE_MS; ; at += SAMPLE_MS) {
    const sampleAt = Math.min(at, end);
    const current = intlOffsetAt(timeZone, sampleAt);
    if (current !== previous) {
      // Bisect on whole seconds: transitions happen on a second boundary.
      let lo = (sampleAt - SAMPLE_MS) / 1000;
      let hi = Math.floor(sampleAt / 1000);
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (intlOffsetAt(timeZone, mid * 1000) === previous) lo = mid;
        else hi = mid;
      }
      starts.push(hi * 1000);
      offsets.push(current);
      previous = current;
    }
    if (sampleAt >= end) break;
  }
  return { starts: Float64Array.from(starts), offsets: Float64Array.from(offsets) };
}

/**
 * Builds a {@link ZoneClock} for instants in `[fromMs, toMs]` (instants outside
 * still work, at the cost of `Intl` look-ups done once per call of this function).
 *
 * @example
 * const clock = zoneClock('Europe/Paris', Date.UTC(2024, 0, 1), Date.UTC(2024, 11, 31));
 * formatDay(clock.localDay(Date.parse('2024-03-30T23:30:00Z'))); // "2024-03-31"
 */
export function zoneClock(timeZone: string, fromMs: number, toMs: number): ZoneClock {
  const lo = Number.isFinite(fromMs) ? fromMs : 0;
  const hi = Number.isFinite(toMs) ? Math.max(toMs, lo) : lo;
  const { starts, offsets } = zoneSegments(timeZone, lo, hi);
  const last = starts.length - 1;
  const only = offsets[0] as number;
  const offsetAt = (ms: number): number => {
    // Outside the precomputed span, ask Intl rather than guess.
    if (ms < lo - SAMPLE_MS || ms > hi + SAMPLE_MS) return intlOffsetAt(timeZone, ms);
    if (last === 0) return only;
    let a = 0;
    let b = last;
    while (a < b) {
      const mid = (a + b + 1) >> 1;
      if ((starts[mid] as number) <= ms) a = mid;
      else b = mid - 1;
    }
    return offsets[a] as number;
  };
  return {
    timeZone,
    offsetAt,
    localDay: (ms) => Math.floor((ms + offsetAt(ms)) / MS_PER_DAY),
  };
}
