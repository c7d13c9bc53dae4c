import type { PropertyValue } from '../events/event.types';
import type { HistogramBin } from '../stats/summary';
import type { EventRangeOptions } from '../options/range.types';
import type { UnitOptions, UnitResult } from '../events/unit';

/**
 * How the steps of a funnel must follow each other.
 *
 * - `ordered`: each step is a later event than the previous one (timestamp ≥, never the same event); other events may come between.
 * - `strict`: as `ordered`, and the user does no other event strictly between two matched steps in time.
 * - `any`: the steps may happen in any order inside one conversion window.
 */
export type FunnelOrder = 'ordered' | 'strict' | 'any';

/** A funnel step: an event name, or a name plus property equality conditions. */
export type FunnelStep =
  | string
  | {
      /** Event name the step matches. */
      readonly name: string;
      /** Property values the event must carry (as `EventFilter.properties`: `null` matches null or absent). Default: none. */
      readonly where?: Readonly<Record<string, PropertyValue>> | undefined;
    };

/**
 * An event that disqualifies a conversion attempt when it happens strictly
 * between two of its steps.
 */
export interface FunnelExclusion {
  /** Event name that disqualifies. */
  readonly name: string;
  /** Property values the excluded event must carry (as `EventFilter.properties`). Default: none. */
  readonly where?: Readonly<Record<string, PropertyValue>> | undefined;
  /**
   * 0-based indices `[i, j]` (`i < j`) of the steps the event must fall between. When step `j` was not
   * reached, the attempt's window end takes its place. With `order: "any"` only `[0, last]`: an excluded event
   * (one matching no step) strictly after the window's start and up to its end disqualifies it, unless the
   * window has covered every step by then.
   */
  readonly between: readonly [number, number];
}

/**
 * How exclusions count a user.
 *
 * - `furthestAttempt`: the user is judged by their furthest attempt. A disqualified attempt counts as
 *   reaching the steps it had reached before the excluded event, and the next one if it got there; when no
 *   clean attempt goes as far as the furthest disqualified one, the user is left out of every step.
 *   PostHog's rule for ordered and strict funnels.
 * - `cleanAttempts`: disqualified attempts are set aside and the user counts by their furthest clean
 *   attempt (left out when none is clean). PostHog's rule for unordered funnels.
 */
export type FunnelExclusionMode = 'furthestAttempt' | 'cleanAttempts';

/**
 * Which event's value of the breakdown property names a user's group.
 *
 * - `first_touch`: the earliest value among the user's step events in the range (any step, any attempt),
 *   skipping events without it; at one millisecond, the value that sorts first. The default, as PostHog's
 *   default is its `first_touch`, which reads the exclusion events too (see the README).
 * - `last_touch`: the latest such value.
 * - `{ step: k }`: the value on step `k`'s event (0-based) of the attempt the user counts by; users who did
 *   not reach step `k` are in no group. `{ step: 0 }` is the step-1 event of that attempt. With
 *   `order: "any"` only `{ step: 0 }`: the event opening the user's window. Each user is in one group
 *   (PostHog puts a user in one group per distinct value of their step-`k` events).
 */
export type FunnelBreakdownAttribution = 'first_touch' | 'last_touch' | { readonly step: number };

/** Splits a funnel by an event property. */
export interface FunnelBreakdown {
  /** Property key whose value names the group. */
  readonly property: string;
  /** Which event's value counts. Default `"first_touch"`. */
  readonly attribution?: FunnelBreakdownAttribution | undefined;
}

/** Options of `funnel`. */
export interface FunnelOptions extends EventRangeOptions, UnitOptions {
  /** 2 to 20 steps, in funnel order. */
  readonly steps: readonly FunnelStep[];
  /** Conversion window in ms from the step-1 event, inclusive. Default 14 days. */
  readonly window?: number | undefined;
  /** How the steps must follow each other. Default `"ordered"`. */
  readonly order?: FunnelOrder | undefined;
  /** Events that disqualify an attempt between two steps (with `order: "any"`, only `between: [0, last]`). */
  readonly exclusions?: readonly FunnelExclusion[] | undefined;
  /**
   * How exclusions count a user. Default: PostHog's rule for the order, `"furthestAttempt"` for `ordered`
   * and `strict`, `"cleanAttempts"` for `any`.
   */
  readonly exclusionMode?: FunnelExclusionMode | undefined;
  /** Report the funnel once per value of an event property as well. */
  readonly breakdown?: FunnelBreakdown | undefined;
}

/** One step of a funnel result. */
export interface FunnelStepResult {
  /** Display label: the step's event name. */
  readonly name: string;
  /** Users who reached this step. */
  readonly count: number;
  /** `count / count of step 1`; `null` when nobody reached step 1. */
  readonly fromFirst: number | null;
  /** `count / count of the previous step` (step 1: 1); `null` when nobody reached the previous step. */
  readonly fromPrevious: number | null;
  /** Users lost since the previous step (0 for step 1). */
  readonly dropOff: number;
  /**
   * Median ms from the previous step over users who reached this one (with `order: "any"`, from the user's previous
   * distinct step reached); `null` for step 1 or nobody.
   */
  readonly median: number | null;
  /** Mean ms from the previous step; `null` as for `median`. */
  readonly mean: number | null;
  /** 90th percentile of ms from the previous step; `null` as for `median`. */
  readonly p90: number | null;
  /** Histogram of ms from the previous step; empty where `median` is `null`. */
  readonly histogram: readonly HistogramBin[];
}

/** One breakdown group: the users whose attributed value (see {@link FunnelBreakdownAttribution}) is one value. */
export interface FunnelBreakdownGroup {
  /**
   * The property value; `null` for users without one (the attributed event lacks the property or has it null);
   * `"Other"` for the group gathering values beyond the top 10 (then `other` is true).
   */
  readonly value: PropertyValue;
  /** Whether this is the group of all values beyond the top 10. */
  readonly other: boolean;
  readonly steps: readonly FunnelStepResult[];
}

/** Result of a funnel breakdown. */
export interface FunnelBreakdownResult {
  readonly property: string;
  /**
   * The top 10 values by step-1 count (ties by the value's string form), then "Other", then `null`; empty groups are
   * left out. Every user counted is in exactly one group, except with `{ step: k }`, where users who did not reach
   * step `k` are in none.
   */
  readonly groups: readonly FunnelBreakdownGroup[];
}

/** Result of `funnel`. */
export interface FunnelResult extends UnitResult {
  readonly order: FunnelOrder;
  /** Conversion window used, in ms. */
  readonly window: number;
  /** The range used, or `null` when there are no events and no `from`/`to`. */
  readonly from: string | null;
  readonly to: string | null;
  readonly timeZone: string;
  readonly steps: readonly FunnelStepResult[];
  /** Present only when the `breakdown` option is given. */
  readonly breakdown?: FunnelBreakdownResult | undefined;
}
