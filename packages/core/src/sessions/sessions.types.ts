import type { DistributionSummary } from '../stats/summary';
import type { EventRangeOptions } from '../options/range.types';

/** Options of `sessions`. */
export interface SessionsOptions extends EventRangeOptions {
  /** A gap between two events longer than this (ms, > 0) starts a new session; a gap of exactly this much does not. Default 30 minutes. */
  readonly inactivity?: number | undefined;
  /** Named sets of event names (e.g. `{ pages: ['page_view'], clicks: ['click', 'tap'] }`), each reported per session. */
  readonly sets?: Readonly<Record<string, readonly string[]>> | undefined;
}

/** Result of `sessions`. */
export interface SessionsResult {
  /** Users with at least one event in the range. */
  readonly users: number;
  /** Sessions over all those users. */
  readonly sessions: number;
  /** Events in the range (exact duplicates counted once). */
  readonly events: number;
  /** `sessions / users`; `null` when there are no users. */
  readonly sessionsPerUser: number | null;
  /** Mean session duration in ms (last − first event; a one-event session lasts 0); `null` with no sessions. */
  readonly meanDuration: number | null;
  /** Median session duration in ms (mean of the two middle values for an even count); `null` with no sessions. */
  readonly medianDuration: number | null;
  /** `events / sessions`; `null` with no sessions. */
  readonly eventsPerSession: number | null;
  /** For each named set: events whose name is in the set, divided by `sessions`; `null` with no sessions. */
  readonly perSession: Readonly<Record<string, number | null>>;
  /**
   * How many sessions each user had: mean (equal to `sessionsPerUser`),
   * median, p90 and a histogram of the per-user session counts, over the
   * users with an event in the range.
   */
  readonly sessionsPerUserDistribution: DistributionSummary;
}
