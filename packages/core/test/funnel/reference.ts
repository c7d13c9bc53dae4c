/**
 * A deliberately naive funnel, straight from the definitions: it enumerates
 * every assignment of distinct events to steps. Exponential, so only for tiny
 * inputs, but obviously right, which is what the fast scans are checked
 * against.
 */
import type { PropertyValue } from '../../src/index';

export interface RefEvent {
  readonly userId: string;
  readonly name: string;
  readonly timestamp: number;
  readonly properties?: Readonly<Record<string, PropertyValue>>;
}

export interface RefStep {
  readonly name: string;
  readonly where?: Readonly<Record<string, PropertyValue>>;
}

export interface RefExclusion extends RefStep {
  readonly between: readonly [number, number];
}

export interface RefOptions {
  readonly steps: readonly RefStep[];
  readonly order: 'ordered' | 'strict' | 'any';
  readonly window: number;
  readonly exclusions?: readonly RefExclusion[];
  /** Default as core's: `furthestAttempt` for ordered and strict, `cleanAttempts` for any. */
  readonly exclusionMode?: 'furthestAttempt' | 'cleanAttempts';
  /** Inclusive UTC day numbers; events outside are dropped. */
  readonly fromDay?: number;
  readonly toDay?: number;
}

/**
 * What the reference reports per user counted: depth, the attempt's matched
 * events (in any order only the event opening the window), step times, and
 * the user's in-range events matching any step.
 */
export interface RefUser {
  readonly userId: string;
  readonly depth: number;
  readonly matched: readonly RefEvent[];
  readonly times: readonly number[] | null;
  readonly stepEvents: readonly RefEvent[];
}

export type RefAttribution = 'first_touch' | 'last_touch' | { readonly step: number };

const DAY = 86_400_000;

export const matches = (event: RefEvent, step: RefStep): boolean =>
  event.name === step.name && Object.entries(step.where ?? {}).every(([key, value]) => (event.properties?.[key] ?? null) === value);

/** Drops exact duplicates (same user, name, timestamp), keeping the first seen. */
export function dedupe(events: readonly RefEvent[]): RefEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => {
    const key = JSON.stringify([event.userId, event.name, event.timestamp]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function referenceUsers(events: readonly RefEvent[], options: RefOptions): RefUser[] {
  const inRange = dedupe(events).filter((event) => {
    const day = Math.floor(event.timestamp / DAY);
    return (options.fromDay === undefined || day >= options.fromDay) && (options.toDay === undefined || day <= options.toDay);
  });
  const byUser = new Map<string, RefEvent[]>();
  for (const event of inRange) byUser.set(event.userId, [...(byUser.get(event.userId) ?? []), event]);
  const users: RefUser[] = [];
  for (const [userId, own] of byUser) {
    const user = options.order === 'any' ? anyUser(own, options) : chainUser(own, options);
    const stepEvents = own.filter((event) => options.steps.some((step) => matches(event, step)));
    if (user) users.push({ userId, ...user, stepEvents });
  }
  return users;
}

/** Every chain (distinct events, steps 0 … d − 1 in order) that the order allows, grouped by its step-1 event. */
function chainsFrom(start: RefEvent, own: readonly RefEvent[], options: RefOptions): RefEvent[][] {
  const chains: RefEvent[][] = [];
  const extend = (chain: RefEvent[]): void => {
    chains.push(chain);
    const k = chain.length;
    if (k === options.steps.length) return;
    const previous = chain[k - 1] as RefEvent;
    for (const event of own) {
      if (chain.includes(event) || !matches(event, options.steps[k] as RefStep)) continue;
      if (event.timestamp < previous.timestamp || event.timestamp > start.timestamp + options.window) continue;
      if (options.order === 'strict' && own.some((other) => other.timestamp > previous.timestamp && other.timestamp < event.timestamp)) {
        continue;
      }
      extend([...chain, event]);
    }
  };
  extend([start]);
  return chains;
}

function lexicographicallyEarlier(a: readonly RefEvent[], b: readonly RefEvent[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = (a[i] as RefEvent).timestamp;
    const y = (b[i] as RefEvent).timestamp;
    if (x !== y) return x < y;
  }
  return false;
}

/**
 * −1 when no exclusion disqualifies the chain; else its reach: the steps
 * matched strictly before the earliest excluded event, plus one, at most the
 * chain's length.
 */
function disqualifiedReach(chain: readonly RefEvent[], own: readonly RefEvent[], options: RefOptions): number {
  const windowEnd = (chain[0] as RefEvent).timestamp + options.window;
  const times = (options.exclusions ?? []).flatMap(({ between: [i, j], ...exclusion }) => {
    if (i >= chain.length) return [];
    const after = (chain[i] as RefEvent).timestamp;
    return own
      .filter(
        (event) =>
          !chain.includes(event) &&
          matches(event, exclusion) &&
          event.timestamp > after &&
          (j < chain.length ? event.timestamp < (chain[j] as RefEvent).timestamp : event.timestamp <= windowEnd),
      )
      .map((event) => event.timestamp);
  });
  if (times.length === 0) return -1;
  const first = Math.min(...times);
  return Math.min(chain.length, chain.filter((event) => event.timestamp < first).length + 1);
}

function chainUser(own: readonly RefEvent[], options: RefOptions): Omit<RefUser, 'userId' | 'stepEvents'> | null {
  let best: RefEvent[] | null = null;
  let furthestDisqualified = 0;
  const starts = own.filter((event) => matches(event, options.steps[0] as RefStep)).sort((a, b) => a.timestamp - b.timestamp);
  for (const start of starts) {
    // The attempt: its deepest chains, and among them the earliest step by step.
    let attempt: RefEvent[] | null = null;
    for (const chain of chainsFrom(start, own, options)) {
      if (!attempt || chain.length > attempt.length || (chain.length === attempt.length && lexicographicallyEarlier(chain, attempt))) {
        attempt = chain;
      }
    }
    if (!attempt) continue;
    const reach = disqualifiedReach(attempt, own, options);
    if (reach >= 0) {
      furthestDisqualified = Math.max(furthestDisqualified, reach);
      continue;
    }
    if (!best || attempt.length > best.length) best = attempt;
  }
  if (!best) return null;
  // Judged by the furthest attempt: left out when a disqualified attempt goes further than every clean one.
  if ((options.exclusionMode ?? 'furthestAttempt') === 'furthestAttempt' && furthestDisqualified > best.length) return null;
  return { depth: best.length, matched: best, times: best.map((event) => event.timestamp) };
}

/** The most steps that distinct events in `events` can cover at once, by trying every assignment. */
function coverable(events: readonly RefEvent[], steps: readonly RefStep[]): number {
  const go = (k: number, used: ReadonlySet<RefEvent>): number => {
    if (k === steps.length) return 0;
    let most = go(k + 1, used);
    for (const event of events) {
      if (!used.has(event) && matches(event, steps[k] as RefStep)) most = Math.max(most, 1 + go(k + 1, new Set([...used, event])));
    }
    return most;
  };
  return go(0, new Set());
}

/**
 * Any order: every window `[t, t + window]` opened by a step event. An
 * excluded event (matching an exclusion and no step) strictly after `t` and
 * inside the window disqualifies it, unless the events up to that
 * millisecond cover every step; a disqualified window reaches the steps
 * covered strictly before it, plus one.
 */
function anyUser(own: readonly RefEvent[], options: RefOptions): Omit<RefUser, 'userId' | 'stepEvents'> | null {
  const { steps, window } = options;
  const isStep = (event: RefEvent): boolean => steps.some((step) => matches(event, step));
  const isExcludedEvent = (event: RefEvent): boolean =>
    !isStep(event) && (options.exclusions ?? []).some((exclusion) => matches(event, exclusion));
  const cover = (from: number, to: number, inclusive: boolean): number =>
    coverable(
      own.filter((event) => event.timestamp >= from && (inclusive ? event.timestamp <= to : event.timestamp < to)),
      steps,
    );
  const starts = [...new Set(own.filter(isStep).map((event) => event.timestamp))].sort((a, b) => a - b);
  let depth = 0;
  let opening = 0;
  let furthestDisqualified = 0;
  for (const t of starts) {
    const covered = cover(t, t + window, true);
    const excluded = own.filter((event) => isExcludedEvent(event) && event.timestamp > t && event.timestamp <= t + window);
    const at = Math.min(...excluded.map((event) => event.timestamp));
    if (excluded.length > 0 && cover(t, at, true) < steps.length) {
      furthestDisqualified = Math.max(furthestDisqualified, Math.min(covered, cover(t, at, false) + 1));
      continue;
    }
    if (covered > depth) {
      depth = covered;
      opening = t;
    }
  }
  if (depth === 0) return null;
  if ((options.exclusionMode ?? 'cleanAttempts') === 'furthestAttempt' && furthestDisqualified > depth) return null;
  const lowestStep = (event: RefEvent): number => steps.findIndex((step) => matches(event, step));
  const first = own
    .filter((event) => event.timestamp === opening && isStep(event))
    .sort((a, b) => lowestStep(a) - lowestStep(b))[0] as RefEvent;
  // Step k's time: the first instant the window covers k + 1 distinct steps.
  const instants = [...new Set(own.map((event) => event.timestamp))].filter((t) => t >= opening).sort((a, b) => a - b);
  const times = Array.from({ length: depth }, (_, k) => instants.find((t) => cover(opening, t, true) > k) as number);
  return { depth, matched: [first], times };
}

/** Median of an even count: the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function meanOf(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Per step: users reaching it, and the times from the previous step over them. */
export function referenceSteps(users: readonly RefUser[], steps: number): { count: number; gaps: number[] }[] {
  return Array.from({ length: steps }, (_, k) => {
    const reached = users.filter((user) => user.depth > k);
    return {
      count: reached.length,
      gaps: k === 0 ? [] : reached.flatMap((user) => (user.times ? [(user.times[k] as number) - (user.times[k - 1] as number)] : [])),
    };
  });
}

/** Breakdown values in order: by string form, then by type. */
export function compareValues(a: PropertyValue, b: PropertyValue): number {
  const x = String(a);
  const y = String(b);
  if (x !== y) return x < y ? -1 : 1;
  return typeof a === typeof b ? 0 : typeof a < typeof b ? -1 : 1;
}

/** The value naming a user's breakdown group: `null` for none, `undefined` when the user is in no group. */
export function attributedValue(user: RefUser, property: string, attribution: RefAttribution): PropertyValue | undefined {
  const valueOf = (event: RefEvent): PropertyValue => event.properties?.[property] ?? null;
  if (typeof attribution === 'object') {
    return user.depth <= attribution.step ? undefined : valueOf(user.matched[attribution.step] as RefEvent);
  }
  const carrying = user.stepEvents.filter((event) => valueOf(event) !== null);
  if (carrying.length === 0) return null;
  const times = carrying.map((event) => event.timestamp);
  const at = attribution === 'first_touch' ? Math.min(...times) : Math.max(...times);
  return carrying
    .filter((event) => event.timestamp === at)
    .map(valueOf)
    .sort(compareValues)[0];
}
