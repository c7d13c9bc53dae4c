import { ACTIVATE, AD_CLICK, CHANNELS, FEATURES, FREE, PLANS, SIGNUP, SOURCES, VISIT } from './sampleNames';
import { EARLIER, WEEK_0, WEEK_1, WEEK_2, type SampleState } from './sampleState';
import type { SampleEventProperties } from './sample.types';

/** A paid period of one user: plan, seats and interval are constant over `[start, end)`. */
export interface Segment {
  readonly start: number;
  end: number;
  readonly plan: number;
  readonly seats: number;
  readonly interval: 'month' | 'year';
}

/** Slots of an account's property objects: plan × source × (feature or channel) detail. */
export const ACCOUNT_SLOTS = PLANS.length * SOURCES.length * 16;

/** Starts a new account: its events share property objects among themselves only. */
export function startAccount(state: SampleState, accountId: string): void {
  state.account = accountId;
  state.accountKeys.fill(-1);
}

/** The key of the frozen properties object of the current account for a plan, source and detail, made on first use. */
function propertiesKey(state: SampleState, plan: number, source: number, name: number, detail: number): number {
  const touch = name === AD_CLICK || name === VISIT;
  const slot = (plan * SOURCES.length + source) * 16 + (touch ? 8 : 0) + detail;
  const known = state.accountKeys[slot] as number;
  if (known >= 0) return known;
  const base = { plan: PLANS[plan]!, source: SOURCES[source]!, accountId: state.account };
  const properties: SampleEventProperties =
    detail === 0 ? base : touch ? { ...base, utm_source: CHANNELS[detail - 1]! } : { ...base, feature: FEATURES[detail - 1]! };
  state.properties.push(Object.freeze(properties));
  state.accountKeys[slot] = state.properties.length - 1;
  return state.properties.length - 1;
}

/** Sorts the user's packed events, makes their times strictly increasing, and writes them out with their plan. */
export function emit(state: SampleState, user: number, userId: string, source: number, segments: readonly Segment[]): void {
  const { calendar, tally } = state;
  const packed = state.buffer.subarray(0, state.count).sort();
  let previous = Number.NEGATIVE_INFINITY;
  let seg = 0;
  let flags = 0;
  for (const value of packed) {
    const time0 = Math.floor(value / 128);
    const code = value - time0 * 128;
    // A millisecond later rather than an exact duplicate that would count once.
    const time = time0 > previous ? time0 : previous + 1;
    if (time >= calendar.endMs) break;
    previous = time;
    while (seg < segments.length && segments[seg]!.end <= time) seg++;
    const plan = seg < segments.length && segments[seg]!.start <= time ? segments[seg]!.plan : FREE;
    const name = code >> 3;
    // Columns, not objects: a million small objects cost more to make and collect than the simulation.
    state.events.userId.push(userId);
    state.events.name.push(name);
    state.events.time.push(time);
    state.events.properties.push(propertiesKey(state, plan, source, name, code & 7));

    const day = calendar.clock.localDay(time) - calendar.startDay;
    const week = Math.floor((calendar.days - 1 - day) / 7);
    if (plan !== FREE) flags |= week === 0 ? WEEK_0 : week === 1 ? WEEK_1 : week === 2 ? WEEK_2 : EARLIER;
    if (week <= 1 && name === SIGNUP) tally.signups[week as 0 | 1] += 1;
    if (week <= 1 && name === ACTIVATE) tally.activations[week as 0 | 1] += 1;
  }
  tally.paying[user] = flags;
}
