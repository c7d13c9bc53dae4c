import type { Period, Weekday } from '../time/period';
import type { EventRangeOptions } from '../options/range.types';
import type { UnitOptions, UnitResult } from '../events/unit';

/** How a retention cell counts returning users. */
export type RetentionMode = 'exact' | 'unbounded';

/** Options of `retention`. */
export interface RetentionOptions extends EventRangeOptions, UnitOptions {
  /** Length of a cohort period and of each later period. */
  readonly period: Period;
  /** How many periods after the cohort period to report (N ≥ 1); cells run 0 … N. */
  readonly periods: number;
  /** `exact` (default): a return in period `cohort + k`; `unbounded`: in any period ≥ `cohort + k`. */
  readonly mode?: RetentionMode | undefined;
  /** Event whose first occurrence puts a user in a cohort. Default: any event. */
  readonly startEvent?: string | undefined;
  /** Event that counts as a return. Default: any event. */
  readonly returnEvent?: string | undefined;
  /** Weekday weeks start on, 0 = Sunday. Default 1 (Monday). */
  readonly weekStartsOn?: Weekday | undefined;
}

/** One cohort: the new users of one period, and how many came back after it. */
export interface RetentionCohort {
  /** First local date of the cohort period, `YYYY-MM-DD`. */
  readonly start: string;
  /** Users whose first start event falls in this period (inside the range). */
  readonly size: number;
  /** `counts[k]`: cohort users who returned in period `k` (exact) or in period `k` or later (unbounded); `counts[0] = size`. */
  readonly counts: readonly number[];
  /** `rates[k] = counts[k] / size`. */
  readonly rates: readonly number[];
  /** `incomplete[k]`: period `k` ends after `to`, so its count may still grow. */
  readonly incomplete: readonly boolean[];
}

/** Result of `retention`. */
export interface RetentionResult extends UnitResult {
  readonly period: Period;
  readonly periods: number;
  readonly mode: RetentionMode;
  /** The range used, or `null` when there are no events and no `from`/`to`. */
  readonly from: string | null;
  readonly to: string | null;
  readonly timeZone: string;
  /** Non-empty cohorts, oldest first; a triangle (later cohorts have fewer cells). */
  readonly cohorts: readonly RetentionCohort[];
  /** `average[k] = Σ counts[k] / Σ size` over the cohorts that have cell `k`; `null` where none has. */
  readonly average: readonly (number | null)[];
}
