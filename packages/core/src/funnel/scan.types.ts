import type { EventTable } from '../events/event.types';
import type { DayRange } from '../time/range';

/** An exclusion reduced to its step indices; its events are bit `index` of `FunnelScan.exclusionMasks`. */
export interface ExclusionSpan {
  /** 0-based index of the step after which the excluded event disqualifies. */
  readonly from: number;
  /** 0-based index of the step before which it disqualifies. */
  readonly to: number;
}

/** Everything a per-order scan needs, compiled once per call. */
export interface FunnelScan {
  readonly table: EventTable;
  /** Local day of every row, and the range whose rows count. */
  readonly days: Int32Array;
  readonly range: DayRange;
  /** Per row, bit `k` set when the row matches step `k` and lies in the range. */
  readonly stepMasks: Int32Array;
  /** Number of steps. */
  readonly steps: number;
  /** Event name of each step. */
  readonly stepNames: readonly string[];
  /** A key per step, equal for steps that match exactly the same events (same name and conditions). */
  readonly stepKeys: readonly string[];
  /** Conversion window in ms, inclusive. */
  readonly window: number;
  /** Per row, bit `x` set when the row matches exclusion `x` and lies in the range. */
  readonly exclusionMasks: Int32Array;
  readonly exclusions: readonly ExclusionSpan[];
  /**
   * `exclusionMode: "furthestAttempt"`: a user whose furthest attempt is disqualified is left out;
   * otherwise (`"cleanAttempts"`) disqualified attempts are set aside.
   */
  readonly furthestAttempt: boolean;
}

/**
 * Called once per user counted in the funnel, with the user's index in the
 * table, their depth (steps reached, ≥ 1), the table rows of the attempt's
 * matched steps `rows[0 … depth − 1]` (in `any` order only `rows[0]`: the
 * event opening the window), and the time of each step reached,
 * `times[0 … depth − 1]` (in `any` order, the instants the window reached 1,
 * 2, … distinct steps). `rows` and `times` are reused buffers: read them
 * inside the call.
 */
export type FunnelVisit = (user: number, depth: number, rows: Int32Array, times: Float64Array) => void;
