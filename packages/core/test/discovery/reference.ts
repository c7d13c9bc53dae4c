/**
 * A plain, slow reading of the activation-candidates definition over event
 * objects, for the property tests: local dates straight from `Intl`, every
 * window and count by array filters, no table, no typed arrays.
 */
import type { KpiEvent, PropertyValue } from '../../src/index';
import { intlLocalDate, msOf } from '../support/reference';

const DAY = 86_400_000;

export interface RefCandidate {
  readonly name: string;
  readonly where?: Readonly<Record<string, PropertyValue>>;
}

export interface RefOptions {
  readonly startEvent: string;
  readonly days: number;
  readonly mode: 'window' | 'unbounded';
  readonly day: number;
  /** Outcome window length (window mode). */
  readonly outcomeDays: number;
  readonly returnEvent?: { readonly name?: string; readonly properties?: Readonly<Record<string, PropertyValue>> };
  readonly from?: string;
  readonly to?: string;
  readonly timeZone: string;
}

interface RefEvent {
  readonly userId: string;
  readonly name: string;
  readonly t: number;
  readonly properties: Readonly<Record<string, PropertyValue | undefined>>;
}

/** One eligible unit: retained or not, and its events in the action window (start event itself excluded). */
export interface RefUnit {
  readonly retained: boolean;
  readonly actions: readonly RefEvent[];
}

export interface RefWorld {
  readonly newUnits: number;
  readonly censored: number;
  readonly eligible: RefUnit[];
}

/** `null` matches null or absent; otherwise typed equality. */
export function matchesWhere(event: RefEvent, where: Readonly<Record<string, PropertyValue>> | undefined): boolean {
  return Object.entries(where ?? {}).every(([key, value]) =>
    value === null ? event.properties[key] === null || event.properties[key] === undefined : event.properties[key] === value,
  );
}

export function referenceWorld(input: readonly KpiEvent[], options: RefOptions): RefWorld {
  // Exact duplicates count once (the tests give duplicates identical properties).
  const seen = new Set<string>();
  const events: RefEvent[] = [];
  for (const event of input) {
    const t = msOf(event);
    const key = JSON.stringify([event.userId, event.name, t]);
    if (seen.has(key)) continue;
    seen.add(key);
    events.push({ userId: event.userId, name: event.name, t, properties: event.properties ?? {} });
  }
  const local = (t: number): string => intlLocalDate(t, options.timeZone);
  const dates = events.map((event) => local(event.t)).sort();
  const from = options.from ?? dates[0];
  const to = options.to ?? dates.at(-1);
  const lastDate = dates.at(-1);
  const users = [...new Set(events.map((event) => event.userId))];
  let newUnits = 0;
  let censored = 0;
  const eligible: RefUnit[] = [];
  for (const user of users) {
    const own = events.filter((event) => event.userId === user);
    const starts = own.filter((event) => event.name === options.startEvent).sort((a, b) => a.t - b.t);
    const start = starts[0];
    if (!start || from === undefined || to === undefined) continue;
    const date = local(start.t);
    if (date < from || date > to) continue;
    newUnits += 1;
    const t0 = start.t;
    // Observed when the last millisecond the outcome needs falls on or before the data's last local date.
    const needed = options.day + (options.mode === 'window' ? options.outcomeDays : 1);
    if (lastDate === undefined || local(t0 + needed * DAY - 1) > lastDate) {
      censored += 1;
      continue;
    }
    const outcomeEnd = options.mode === 'window' ? t0 + (options.day + options.outcomeDays) * DAY : Infinity;
    const ret = options.returnEvent;
    const retained = own.some(
      (event) =>
        event.t >= t0 + options.day * DAY &&
        event.t < outcomeEnd &&
        (ret === undefined || ((ret.name === undefined || event.name === ret.name) && matchesWhere(event, ret.properties))),
    );
    const actions = own.filter((event) => event !== start && event.t >= t0 && event.t < t0 + options.days * DAY);
    eligible.push({ retained, actions });
  }
  return { newUnits, censored, eligible };
}

/** Times a unit did a candidate in its action window. */
export function timesDone(unit: RefUnit, candidate: RefCandidate): number {
  return unit.actions.filter((event) => event.name === candidate.name && matchesWhere(event, candidate.where)).length;
}

/** The 2×2 table of a signal: every condition met (`atLeast` times or more) vs not, by retained. */
export function referenceCounts(
  world: RefWorld,
  conditions: readonly (RefCandidate & { readonly atLeast: number })[],
): { did: { retained: number; notRetained: number }; didNot: { retained: number; notRetained: number } } {
  const counts = { did: { retained: 0, notRetained: 0 }, didNot: { retained: 0, notRetained: 0 } };
  for (const unit of world.eligible) {
    const met = conditions.every((condition) => timesDone(unit, condition) >= condition.atLeast);
    counts[met ? 'did' : 'didNot'][unit.retained ? 'retained' : 'notRetained'] += 1;
  }
  return counts;
}

type Condition = { readonly name: string; readonly where?: Readonly<Record<string, PropertyValue>> | undefined; readonly atLeast: number };
type Ranked = { readonly score: number | null; readonly reach: number | null; readonly conditions: readonly Condition[] };

const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The documented order of two conditions: event name; no property condition
 * before any, then the conditions key by key (key, then the value's JSON
 * text), fewer first when one list starts the other; then the threshold.
 */
export function referenceConditionOrder(x: Condition, y: Condition): number {
  if (x.name !== y.name) return text(x.name, y.name);
  const a = Object.entries(x.where ?? {}).sort(([p], [q]) => text(p, q));
  const b = Object.entries(y.where ?? {}).sort(([p], [q]) => text(p, q));
  for (let i = 0; i < a.length && i < b.length; i++) {
    if (a[i]![0] !== b[i]![0]) return text(a[i]![0], b[i]![0]);
    const [va, vb] = [JSON.stringify(a[i]![1]), JSON.stringify(b[i]![1])];
    if (va !== vb) return text(va, vb);
  }
  if (a.length !== b.length) return a.length - b.length;
  return x.atLeast - y.atLeast;
}

/** The documented ranking: score (null last), reach (null last), singles before pairs, then condition by condition. */
export function referenceRankOrder(x: Ranked, y: Ranked): number {
  const descending = (p: number | null, q: number | null): number => (p === q ? 0 : p === null ? 1 : q === null ? -1 : p > q ? -1 : 1);
  const byScore = descending(x.score, y.score);
  if (byScore !== 0) return byScore;
  const byReach = descending(x.reach, y.reach);
  if (byReach !== 0) return byReach;
  if (x.conditions.length !== y.conditions.length) return x.conditions.length - y.conditions.length;
  for (let i = 0; i < x.conditions.length; i++) {
    const order = referenceConditionOrder(x.conditions[i]!, y.conditions[i]!);
    if (order !== 0) return order;
  }
  return 0;
}
