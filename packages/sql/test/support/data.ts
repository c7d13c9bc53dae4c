/** Random test data clustered around the instants where time zones misbehave. */
import fc from 'fast-check';
import type { KpiEvent } from '@kpikit/core';

export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** Epoch ms of an ISO string, failing loudly on a typo in a test. */
export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad ISO string in test: ${iso}`);
  return ms;
}

/** Zones with DST (northern and southern, at midnight, by 30 minutes), odd offsets, and fixed offsets (no zone lookup in SQL). */
export const ZONES = [
  'UTC',
  'Etc/GMT+5',
  'Europe/Paris',
  'America/New_York',
  'Asia/Kathmandu',
  'America/Santiago',
  'Australia/Lord_Howe',
] as const;

/** Instants where some zone changes its offset. */
export const ANCHORS = [
  at('2024-03-31T01:00:00Z'), // Europe/Paris spring forward
  at('2024-10-27T01:00:00Z'), // Europe/Paris fall back
  at('2024-03-10T07:00:00Z'), // America/New_York spring forward
  at('2024-11-03T06:00:00Z'), // America/New_York fall back
  at('2024-04-07T03:00:00Z'), // America/Santiago, back an hour at midnight
  at('2024-09-08T04:00:00Z'), // America/Santiago, forward an hour at midnight (the local day starts at 01:00)
  at('2024-04-06T15:00:00Z'), // Australia/Lord_Howe, back 30 minutes
] as const;

export const zoneArb = fc.constantFrom(...ZONES);

/** A Fisher–Yates shuffle driven by a seed, so a failure replays. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0 || 1;
  for (let i = copy.length - 1; i > 0; i--) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const j = (state >>> 0) % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

export interface EventSetOptions {
  readonly maxEvents?: number;
  /** Days either side of the anchor. */
  readonly spanDays?: number;
  readonly names?: readonly string[];
  readonly users?: number;
}

/**
 * Small event sets: a few users and names, on quarter hours near an anchor
 * (so many events tie to the millisecond and some sit on local midnights),
 * with some exact duplicates, in shuffled order.
 */
export const eventsArb = ({ maxEvents = 40, spanDays = 45, names = ['a', 'b', 'c'], users = 6 }: EventSetOptions = {}): fc.Arbitrary<
  KpiEvent[]
> =>
  fc
    .record({
      anchor: fc.constantFrom(...ANCHORS),
      rows: fc.array(
        fc.record({
          user: fc.integer({ min: 0, max: users - 1 }),
          name: fc.constantFrom(...names),
          // Mostly within two hours of the anchor or on any quarter hour of the span.
          quarters: fc.oneof(
            { arbitrary: fc.integer({ min: -8, max: 8 }), weight: 1 },
            { arbitrary: fc.integer({ min: -spanDays * 96, max: spanDays * 96 }), weight: 3 },
          ),
          jitter: fc.constantFrom(0, 0, 0, -1, 1, 60_000),
          copies: fc.constantFrom(1, 1, 1, 1, 2),
        }),
        { maxLength: maxEvents, size: 'max' },
      ),
      seed: fc.integer(),
    })
    .map(({ anchor, rows, seed }) =>
      shuffled(
        rows.flatMap(({ user, name, quarters, jitter, copies }) =>
          Array.from({ length: copies }, () => ({ userId: `u${user}`, name, timestamp: anchor + quarters * 900_000 + jitter })),
        ),
        seed,
      ),
    );

/** `YYYY-MM-DD` of an instant in a zone, straight from Intl. */
export function localDate(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  return `${String(parts.year)}-${String(parts.month)}-${String(parts.day)}`;
}

/** A date `n` days after another. */
export function addDays(date: string, n: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + n * MS_PER_DAY;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Optional `from`/`to` near the data: absent, or a few days inside or outside
 * its span, so defaulted and given bounds both get exercised.
 */
export const rangeArb = (events: readonly KpiEvent[], timeZone: string): fc.Arbitrary<{ from?: string; to?: string }> => {
  const times = events.map((e) => e.timestamp as number);
  const first = times.length > 0 ? localDate(Math.min(...times), timeZone) : '2024-03-01';
  const last = times.length > 0 ? localDate(Math.max(...times), timeZone) : '2024-03-20';
  return fc
    .record({
      from: fc.option(fc.integer({ min: -3, max: 20 }), { nil: undefined }),
      to: fc.option(fc.integer({ min: -20, max: 3 }), { nil: undefined }),
    })
    .map(({ from, to }) => {
      const range: { from?: string; to?: string } = {};
      if (from !== undefined) range.from = addDays(first, from);
      if (to !== undefined) range.to = addDays(last, to);
      // An explicit from after to is an error, tested elsewhere.
      if (range.from !== undefined && range.to !== undefined && range.from > range.to) delete range.to;
      return range;
    });
};

/** The property columns of {@link withProperties}' events: a text, an integer and a boolean. */
export const PROPERTY_COLUMNS = [
  { key: 'plan', type: 'text' },
  { key: 'seats', type: 'bigint' },
  { key: 'beta', type: 'boolean' },
] as const;

/**
 * Events with properties drawn per event: `plan` (one of a few strings, or
 * absent), `seats` (a small integer, or absent) and `beta` (a boolean, or
 * absent). Copies of an event (exact duplicates) carry the same properties.
 */
export const withProperties = (
  events: fc.Arbitrary<KpiEvent[]>,
  plans: readonly string[] = ['free', 'pro', 'team'],
): fc.Arbitrary<KpiEvent[]> =>
  events.chain((list) =>
    fc
      .array(
        fc.record({
          plan: fc.option(fc.constantFrom(...plans), { nil: undefined, freq: 4 }),
          seats: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined, freq: 4 }),
          beta: fc.option(fc.boolean(), { nil: undefined, freq: 3 }),
        }),
        { minLength: list.length, maxLength: list.length },
      )
      .map((drawn) => {
        // The same properties for every copy of one (user, name, time).
        const byEvent = new Map<string, Record<string, string | number | boolean>>();
        return list.map((event, i) => {
          const id = `${event.userId}\u0000${event.name}\u0000${String(event.timestamp)}`;
          let properties = byEvent.get(id);
          if (!properties) {
            const { plan, seats, beta } = drawn[i]!;
            properties = {
              ...(plan === undefined ? {} : { plan }),
              ...(seats === undefined ? {} : { seats }),
              ...(beta === undefined ? {} : { beta }),
            };
            byEvent.set(id, properties);
          }
          return { ...event, properties };
        });
      }),
  );
