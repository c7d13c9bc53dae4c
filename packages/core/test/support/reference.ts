/**
 * Slow, obviously-correct helpers the tests compare the library against. They
 * use only `Intl`, `Date.UTC` and plain arrays, never the code under test.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { KpiValidationError } from '../../src/index';
import type { KpiEvent, PropertyValue } from '../../src/index';

export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date (`YYYY-MM-DD`) of an instant in a zone, read straight from `Intl`. */
export function intlLocalDate(ms: number, timeZone: string): string {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(ms).map((part) => [part.type, part.value]));
  return `${String(parts.year).padStart(4, '0')}-${String(parts.month)}-${String(parts.day)}`;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, through `Date` (years 0 to 9999). */
export function dayNumberOf(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  return new Date(0).setUTCFullYear(year, month - 1, day) / MS_PER_DAY;
}

/** `YYYY-MM-DD` of a day number, through `Date` (years 0 to 9999). */
export function dateOfDayNumber(dayNumber: number): string {
  const date = new Date(dayNumber * MS_PER_DAY);
  const year = date.getUTCFullYear();
  return `${String(year).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** Weekday of a day number, 0 = Sunday, through `Date`. */
export function weekdayOf(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCDay();
}

/** A date `n` days after (or before, when negative) another. */
export function addDays(date: string, n: number): string {
  return dateOfDayNumber(dayNumberOf(date) + n);
}

/** Every date from `from` to `to` inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = dayNumberOf(from); d <= dayNumberOf(to); d++) dates.push(dateOfDayNumber(d));
  return dates;
}

/** Epoch ms of an ISO string, failing loudly on a typo in a test. */
export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad ISO string in test: ${iso}`);
  return ms;
}

/** A Fisher–Yates shuffle driven by fast-check's random source. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0 || 1;
  for (let i = copy.length - 1; i > 0; i--) {
    // xorshift32: deterministic per seed, so a failure replays.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const j = (state >>> 0) % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Runs `action` and returns the `KpiValidationError` it throws (failing the test otherwise). */
export function validationErrorOf(action: () => unknown): KpiValidationError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(KpiValidationError);
    expect((error as Error).name).toBe('KpiValidationError');
    return error as KpiValidationError;
  }
  throw new Error('expected a KpiValidationError, but nothing was thrown');
}

/** The paths named by the error a call throws. */
export function issuePathsOf(action: () => unknown): string[] {
  return validationErrorOf(action).issues.map((issue) => issue.path);
}

/** Zones with unusual offsets or DST rules, for property tests. */
export const ZONES = [
  'UTC',
  'Europe/Paris',
  'America/New_York',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Pacific/Apia',
  'Asia/Tehran',
  'Etc/GMT+12',
  'Pacific/Kiritimati',
  'America/Juneau',
] as const;

/**
 * Instants where interesting things happen in some zone (DST changes, skipped
 * and repeated days, offset changes at midnight), so that small random data
 * near them exercises the edge cases.
 */
export const ANCHORS = [
  at('2024-03-31T01:00:00Z'), // Europe/Paris spring forward
  at('2024-10-27T01:00:00Z'), // Europe/Paris fall back
  at('2024-03-10T07:00:00Z'), // America/New_York spring forward
  at('2024-11-03T06:00:00Z'), // America/New_York fall back
  at('2024-04-07T03:00:00Z'), // America/Santiago, midnight change
  at('2024-09-08T04:00:00Z'), // America/Santiago, midnight change
  at('2011-12-30T10:00:00Z'), // Pacific/Apia skips 2011-12-30
  at('2022-09-21T19:30:00Z'), // Asia/Tehran, its last DST end (at local midnight)
  at('1867-10-19T00:31:13Z'), // America/Juneau: the local date steps back from 10-19 to 10-18
  at('2000-01-01T00:00:00Z'),
] as const;

export const zoneArb = fc.constantFrom(...ZONES);

/** Quarter hours from an anchor: often within two hours of it (right at the transition), else anywhere within `days` days. */
const quartersFromAnchor = (days: number): fc.Arbitrary<number> =>
  fc.oneof(
    { arbitrary: fc.integer({ min: -8, max: 8 }), weight: 1 },
    { arbitrary: fc.integer({ min: -days * 96, max: days * 96 }), weight: 3 },
  );

/**
 * Instants within `days` days either side of one anchor (kept together so a
 * clock built over them spans months, not centuries): on a quarter hour, or a
 * millisecond either side of one, or anywhere.
 */
export const instantsNear = (days: number, maxLength: number): fc.Arbitrary<number[]> =>
  fc.constantFrom(...ANCHORS).chain((anchor) =>
    fc.array(
      fc
        .tuple(quartersFromAnchor(days), fc.constantFrom(0, 0, -1, 1, 1234, 899_999))
        .map(([quarters, jitter]) => anchor + quarters * 900_000 + jitter),
      { minLength: 1, maxLength },
    ),
  );

/** Small random event sets: a few users, names and property values, clustered near one anchor. */
export interface EventSetOptions {
  readonly maxEvents?: number;
  readonly spanDays?: number;
}

export const eventsArb = ({ maxEvents = 40, spanDays = 70 }: EventSetOptions = {}): fc.Arbitrary<KpiEvent[]> =>
  fc.constantFrom(...ANCHORS).chain((anchor) =>
    fc
      .array(
        fc.record({
          userId: fc.constantFrom('u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6'),
          name: fc.constantFrom('a', 'b', 'c'),
          // Quarter-hour steps with a little jitter: many events share a day, a few sit on midnights.
          offset: quartersFromAnchor(spanDays),
          jitter: fc.constantFrom(0, 0, 0, -1, 1, 59_999),
          plan: fc.constantFrom<PropertyValue | undefined>('free', 'pro', null, undefined),
        }),
        { maxLength: maxEvents, size: 'max' },
      )
      .map((rows) =>
        rows.map(({ userId, name, offset, jitter, plan }) => ({
          userId,
          name,
          timestamp: anchor + offset * 900_000 + jitter,
          ...(plan === undefined ? {} : { properties: { plan } }),
        })),
      ),
  );

/** Distinct values of a list, sorted. */
export function sortedUnique<T extends string | number>(values: Iterable<T>): T[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Epoch ms of an event's timestamp as the contract defines it (test data uses only valid ones). */
export function msOf(event: KpiEvent): number {
  const { timestamp } = event;
  return typeof timestamp === 'number' ? timestamp : timestamp instanceof Date ? timestamp.getTime() : Date.parse(timestamp);
}

/**
 * The events as the contract counts them: one per (user, name, instant), the
 * copy kept being the one whose sorted properties serialise smallest.
 */
export function withoutDuplicates(events: readonly KpiEvent[]): KpiEvent[] {
  const signature = (e: KpiEvent): string =>
    JSON.stringify(
      Object.entries(e.properties ?? {})
        .filter(([, value]) => value !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  const kept = new Map<string, KpiEvent>();
  for (const e of events) {
    const key = JSON.stringify([e.userId, e.name, msOf(e)]);
    const other = kept.get(key);
    if (!other || signature(e) < signature(other)) kept.set(key, e);
  }
  return [...kept.values()];
}
