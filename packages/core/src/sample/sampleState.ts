import type { Random } from './random';
import type { SampleCalendar } from './sampleCalendar';
import type { SampleEventProperties, SampleSubscription } from './sample.types';

/** Flags of a user's weeks counted back from the period's end, for the North Star tree. */
export const WEEK_0 = 1; // active while paying in the last 7 days
export const WEEK_1 = 2; // … in the 7 days before
export const WEEK_2 = 4; // … in the 7 days before those
export const EARLIER = 8; // … in any earlier day

/** What the North Star tree is valued from, summed over users. */
export interface SampleTally {
  /** Per user, the OR of the week flags above. */
  readonly paying: Uint8Array;
  /** Sign-ups and activations in the last week [0] and the week before [1]. */
  readonly signups: [number, number];
  readonly activations: [number, number];
}

/** The generator's shared state: outputs and reused buffers. */
export interface SampleState {
  readonly random: Random;
  readonly calendar: SampleCalendar;
  /** Cumulative weights of the sign-up day of an account's first user. */
  readonly signupDays: Float64Array;
  /** The events, one entry per event in each: user id, name code, epoch ms, and key of its shared properties. */
  readonly events: { readonly userId: string[]; readonly name: number[]; readonly time: number[]; readonly properties: number[] };
  readonly subscriptions: SampleSubscription[];
  readonly tally: SampleTally;
  /** Frozen property objects shared by the events of one account, plan, source and detail. */
  readonly properties: SampleEventProperties[];
  /** The current account's id, and the keys of its property objects made so far (−1: none yet). */
  account: string;
  readonly accountKeys: Int32Array;
  /** One user's events packed as `time × 128 + name × 8 + detail`, so a typed sort orders them by time, then name. */
  buffer: Float64Array;
  count: number;
}

/**
 * Adds an event to the current user's buffer; `detail` is the feature of
 * `feature_used` or the channel of a touch (1…, 0 = none). Events at or after
 * the period's end are dropped.
 */
export function add(state: SampleState, time: number, name: number, detail = 0): void {
  if (time >= state.calendar.endMs) return;
  if (state.count === state.buffer.length) {
    const grown = new Float64Array(state.buffer.length * 2);
    grown.set(state.buffer);
    state.buffer = grown;
  }
  state.buffer[state.count++] = Math.floor(time) * 128 + name * 8 + detail;
}
