import type { EventFilter } from '../events/filter';
import type { UnitOptions, UnitResult } from '../events/unit';
import type { EventRangeOptions } from '../options/range.types';
import type { Period, Weekday } from '../time/period';

/** Options of `lifecycle`. */
export interface LifecycleOptions extends EventRangeOptions, UnitOptions {
  /** The intervals classified: `day` (default), `week` or `month`, calendar periods. */
  readonly interval?: Period | undefined;
  /** Weekday weeks start on with `interval: 'week'`, 0 = Sunday. Default 1 (Monday). */
  readonly weekStartsOn?: Weekday | undefined;
  /** Which events make a user active. Default: every event. */
  readonly where?: EventFilter | undefined;
  /**
   * What makes a unit new in an interval (when it is active there and was
   * not in the previous one). Default `'firstActivity'`.
   */
  readonly newFrom?: LifecycleNewFrom | undefined;
}

/**
 * Which interval a unit is new in:
 *
 * - `'firstActivity'`: that of its first-ever qualifying event in the data;
 * - `{ event }`: that of its first-ever event of that name (e.g. `"signup"`),
 *   whatever its properties;
 * - `'createdAt'`: that of its creation time, the `user.createdAt` event
 *   property that `joinUsers` puts on every event from a users table (a
 *   group's: its earliest user's), as PostHog's lifecycle uses the person's
 *   creation time. A unit without one is never new.
 */
export type LifecycleNewFrom = 'firstActivity' | 'createdAt' | { readonly event: string };

/** One interval of `lifecycle`: its active users by status, and the users it lost. */
export interface LifecycleRow {
  /** First local date of the calendar period, `YYYY-MM-DD`, even when it lies before `from`. */
  readonly period: string;
  /** Active now, not in the previous interval, and new here (see {@link LifecycleNewFrom}). */
  readonly new: number;
  /** Active now and in the previous interval. */
  readonly returning: number;
  /** Active now, not in the previous interval, and not new. */
  readonly resurrecting: number;
  /** Minus the users active in the previous interval and not now (≤ 0, as charts stack it below the axis). */
  readonly dormant: number;
  /** Users active in this interval: `new + returning + resurrecting`. */
  readonly active: number;
  /** Days of the interval inside `[from, to]`: the days counted. */
  readonly days: number;
  /** `from` or `to` cuts the interval: its counts cover only `days` of its days. */
  readonly incomplete: boolean;
}

/** Result of `lifecycle`. */
export interface LifecycleResult extends UnitResult {
  readonly interval: Period;
  readonly newFrom: LifecycleNewFrom;
  /** The range classified, or `null` when there are no events and no `from`/`to`. */
  readonly from: string | null;
  readonly to: string | null;
  readonly timeZone: string;
  /** One row per calendar interval meeting `[from, to]`, oldest first. */
  readonly rows: readonly LifecycleRow[];
}
