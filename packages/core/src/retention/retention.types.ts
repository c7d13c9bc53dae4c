import type { PropertyValue } from '../events/event.types';
import type { Period, Weekday } from '../time/period';
import type { EventRangeOptions } from '../options/range.types';
import type { UnitOptions, UnitResult } from '../events/unit';

/** How a retention cell counts returning units. */
export type RetentionMode = 'exact' | 'unbounded';

/**
 * Who makes up a cohort.
 *
 * - `first`: the units whose first-ever start event falls in the period (new units; each unit is in one cohort at most);
 * - `recurring`: the units that did the start event in the period (a unit is in every cohort period where it did).
 */
export type RetentionCohortKind = 'first' | 'recurring';

/**
 * An event a retention table starts or counts from: an event name, or a name
 * plus property equality conditions (as a funnel step).
 */
export type RetentionEvent =
  | string
  | {
      /** Event name to match. */
      readonly name: string;
      /** Property values the event must carry (as `EventFilter.properties`: `null` matches null or absent). Default: none. */
      readonly where?: Readonly<Record<string, PropertyValue>> | undefined;
    };

/** Splits a retention table by a property of each cohort's start event. */
export interface RetentionBreakdown {
  /**
   * Property key whose value on the start event that put the unit in the cohort names its group: the unit's
   * first start event (`cohort: 'first'`), or its first start event in the cohort period (`'recurring'`).
   */
  readonly property: string;
}

/** Options of `retention`. */
export interface RetentionOptions extends EventRangeOptions, UnitOptions {
  /** Length of a cohort period and of each later period. */
  readonly period: Period;
  /** How many periods after the cohort period to report (N ≥ 1); cells run 0 … N. */
  readonly periods: number;
  /** `exact` (default): a return in period `cohort + k`; `unbounded`: in any period ≥ `cohort + k`. */
  readonly mode?: RetentionMode | undefined;
  /** `first` (default): cohorts of new units, by their first start event; `recurring`: every unit that did the start event in the period. */
  readonly cohort?: RetentionCohortKind | undefined;
  /** Event that puts a unit in a cohort. Default: any event. */
  readonly startEvent?: RetentionEvent | undefined;
  /** Event that counts as a return, or a list of them (any of). Default: any event. */
  readonly returnEvent?: RetentionEvent | readonly RetentionEvent[] | undefined;
  /** Report the table once per value of a property of the cohort's start event as well. */
  readonly breakdown?: RetentionBreakdown | undefined;
  /** Weekday weeks start on, 0 = Sunday. Default 1 (Monday). */
  readonly weekStartsOn?: Weekday | undefined;
}

/** One cohort: the units that started in one period, and how many came back after it. */
export interface RetentionCohort {
  /** First local date of the cohort period, `YYYY-MM-DD`. */
  readonly start: string;
  /** Units whose first start event falls in this period (`first`), or that did a start event in it (`recurring`); inside the range. */
  readonly size: number;
  /** `counts[k]`: cohort units who returned in period `k` (exact) or in period `k` or later (unbounded); `counts[0] = size`. */
  readonly counts: readonly number[];
  /** `rates[k] = counts[k] / size`. */
  readonly rates: readonly number[];
  /** `incomplete[k]`: period `k` ends after `to`, so its count may still grow. */
  readonly incomplete: readonly boolean[];
}

/** One breakdown group: the cohorts of the units whose start event carried one property value. */
export interface RetentionBreakdownGroup {
  /**
   * The property value; `null` where the start event lacks the property (or has it null); `"Other"` for the
   * group gathering the values beyond the top 10 (then `other` is true).
   */
  readonly value: PropertyValue;
  /** Whether this is the group of all values beyond the top 10. */
  readonly other: boolean;
  /** The group's non-empty cohorts, as `RetentionResult.cohorts`. */
  readonly cohorts: readonly RetentionCohort[];
  /** The group's size-weighted average per cell, as `RetentionResult.average`. */
  readonly average: readonly (number | null)[];
}

/** Result of a retention breakdown. */
export interface RetentionBreakdownResult {
  readonly property: string;
  /**
   * The 10 values with the largest total cohort size (ties by the value's string form), then "Other", then
   * `null`; empty groups are left out. The groups' cohorts add up to the overall table, cell by cell.
   */
  readonly groups: readonly RetentionBreakdownGroup[];
}

/** Result of `retention`. */
export interface RetentionResult extends UnitResult {
  readonly period: Period;
  readonly periods: number;
  readonly mode: RetentionMode;
  /** Present, as `"recurring"`, only for recurring cohorts; absent means `"first"`. */
  readonly cohort?: 'recurring';
  /** The range used, or `null` when there are no events and no `from`/`to`. */
  readonly from: string | null;
  readonly to: string | null;
  readonly timeZone: string;
  /** Non-empty cohorts, oldest first; a triangle (later cohorts have fewer cells). */
  readonly cohorts: readonly RetentionCohort[];
  /** `average[k] = Σ counts[k] / Σ size` over the cohorts that have cell `k`; `null` where none has. */
  readonly average: readonly (number | null)[];
  /** Present only when the `breakdown` option is given. */
  readonly breakdown?: RetentionBreakdownResult | undefined;
}
