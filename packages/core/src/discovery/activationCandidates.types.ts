import type { EventFilter } from '../events/filter';
import type { PropertyValue } from '../events/event.types';
import type { EventRangeOptions } from '../options/range.types';
import type { UnitOptions, UnitResult } from '../events/unit';

/** A candidate action: an event name, or a name plus property equality conditions. */
export type ActivationCandidateEvent =
  | string
  | {
      /** Event name the candidate matches. */
      readonly name: string;
      /** Property values the event must carry (as `EventFilter.properties`: `null` matches null or absent). Default: none. */
      readonly where?: Readonly<Record<string, PropertyValue>> | undefined;
    };

/**
 * How retention is measured after the start event, in days of 24 h.
 *
 * - `window` (default): active in `[day, day + days)` days after the start event;
 * - `unbounded`: active at any time from `day` days after the start event to the end of the data.
 */
export type ActivationOutcomeMode = 'window' | 'unbounded';

/** What makes a new unit *retained*. */
export interface ActivationOutcomeOptions {
  /** `window` (default) or `unbounded`. */
  readonly mode?: ActivationOutcomeMode | undefined;
  /** First day of the outcome window, in days of 24 h after the start event: at least the action window's `days`. Default: the later of 7 and `days`. */
  readonly day?: number | undefined;
  /** Length of the outcome window in days (window mode only). Default 7. */
  readonly days?: number | undefined;
  /** Which events count as being active: an event name or a filter. Default: any event. */
  readonly returnEvent?: string | EventFilter | undefined;
}

/** Options of `activationCandidates`. `from`/`to` select the units by the local date of their start event. */
export interface ActivationCandidatesOptions extends EventRangeOptions, UnitOptions {
  /** The event whose first occurrence makes a unit new and starts its clock. Default `"signup"`. */
  readonly startEvent?: string | undefined;
  /** Length of the action window: candidate actions count in the first `days × 24 h` after the start event. Default 7. */
  readonly days?: number | undefined;
  /** What makes a unit retained. Default: active in days [7, 14) after the start event. */
  readonly outcome?: ActivationOutcomeOptions | undefined;
  /** The candidate actions. Default: every event name in the data but `startEvent`. */
  readonly candidates?: readonly ActivationCandidateEvent[] | undefined;
  /** Thresholds: for each candidate, "did it at least k times" for each k. Default `[1, 2, 3, 5]`. */
  readonly atLeast?: readonly number[] | undefined;
  /** Also test "did both" for every two of the `pairs` best-scoring candidates (0 … 20). Default 0. */
  readonly pairs?: number | undefined;
  /** Leave out signals done by fewer eligible units than this. Default 1 (signals nobody did are left out). */
  readonly minUnits?: number | undefined;
}

/** One condition of a signal: a candidate action done at least `atLeast` times in the action window. */
export interface ActivationCondition {
  readonly name: string;
  /** Property conditions of the candidate; absent for a plain event name. */
  readonly where?: Readonly<Record<string, PropertyValue>> | undefined;
  readonly atLeast: number;
}

/** Eligible units split by whether they met a signal's conditions and whether they were retained. */
export interface ActivationCounts {
  readonly did: { readonly retained: number; readonly notRetained: number };
  readonly didNot: { readonly retained: number; readonly notRetained: number };
}

/** A candidate signal ("did E at least k times", or two such conditions at once) and how it relates to retention. */
export interface ActivationCandidate {
  /** 1-based position in the ranking. */
  readonly rank: number;
  /** Plain-text name of the signal: `invite_teammate`, `page_view ≥ 3`, `a & b ≥ 2`, `feature_used {"feature":"reports"}`. */
  readonly label: string;
  /** One condition, or two for a pair. A unit meets the signal when it meets every condition. */
  readonly conditions: readonly ActivationCondition[];
  /** The 2×2 table; its four counts add up to the eligible units. */
  readonly counts: ActivationCounts;
  /** Eligible units who met the signal. */
  readonly units: number;
  /** `units / eligible`: the share of eligible new units who met the signal; `null` when none is eligible. */
  readonly reach: number | null;
  /** Retention of the units who met the signal; `null` when none did. Equal to `precision`. */
  readonly retentionIfDid: number | null;
  /** Retention of the units who did not; `null` when every unit did. */
  readonly retentionIfNot: number | null;
  /** `retentionIfDid − retentionIfNot`; `null` when either is. */
  readonly lift: number | null;
  /** `lift / retentionIfNot`; `null` when that is `null` or 0. */
  readonly relativeLift: number | null;
  /** 95 % interval of the lift (Newcombe's hybrid score interval); `null` when the lift is. Always contains the lift. */
  readonly liftInterval: { readonly lower: number; readonly upper: number } | null;
  /** P(retained | met the signal): the positive predictive value. `null` when no unit met it. */
  readonly precision: number | null;
  /** P(met the signal | retained): the true positive rate (sensitivity). `null` when no unit was retained. */
  readonly recall: number | null;
  /** The phi coefficient of "met the signal" and "retained" (Amplitude's correlation); `null` when a margin is 0. */
  readonly correlation: number | null;
  /** The ranking score: the phi coefficient with the lift's lower 95 % bound in place of the lift; `null` when `correlation` is. */
  readonly score: number | null;
}

/** Result of `activationCandidates`. */
export interface ActivationCandidatesResult extends UnitResult {
  /** The range of start dates used, or `null` when there are no events and no `from`/`to`. */
  readonly from: string | null;
  readonly to: string | null;
  readonly timeZone: string;
  readonly startEvent: string;
  /** The action window, in days of 24 h. */
  readonly days: number;
  /** The outcome used; `days` is `null` in unbounded mode. */
  readonly outcome: { readonly mode: ActivationOutcomeMode; readonly day: number; readonly days: number | null };
  /** The last local date the data covers (that of the latest event); an outcome window must close by its end. `null` without events. */
  readonly dataEnd: string | null;
  /** Units whose first-ever start event falls in `[from, to]`. */
  readonly newUnits: number;
  /** Of those, the units whose outcome window closes after the data ends: left out of every count below. */
  readonly censored: number;
  /** `newUnits − censored`: the units every signal's 2×2 table splits. */
  readonly eligible: number;
  /** Eligible units that were retained. */
  readonly retained: number;
  /** `retained / eligible`; `null` when none is eligible. */
  readonly retention: number | null;
  /** The signals, best score first. */
  readonly candidates: readonly ActivationCandidate[];
}
