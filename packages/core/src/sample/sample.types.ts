import type { NorthStarDefinition } from '../northStar/northStar.types';

/** Options of `generateSampleData`. */
export interface SampleDataOptions {
  /** Seed of the pseudo-random generator: the same seed gives the same data. Default 42. */
  readonly seed?: number | undefined;
  /** Number of users signing up over the period. Default 2000. */
  readonly users?: number | undefined;
  /** Length of the period in local days. Default 90. */
  readonly days?: number | undefined;
  /** First local date of the period, `YYYY-MM-DD`. Default `"2024-01-01"`. */
  readonly start?: string | undefined;
  /** IANA zone whose working hours shape daily usage. Default `"UTC"`. */
  readonly timeZone?: string | undefined;
}

/** Names of the generated events. */
export type SampleEventName =
  | 'signup'
  | 'login'
  | 'page_view'
  | 'feature_used'
  | 'view_pricing'
  | 'start_trial'
  | 'activate'
  | 'invite_teammate'
  | 'upgrade'
  | 'downgrade'
  | 'cancel'
  | 'pay'
  | 'ad_click'
  | 'visit';

/** Plans of the generated product. */
export type SamplePlan = 'free' | 'pro' | 'business';

/** Acquisition channels of the generated users (`referral`: invited by a teammate, or through a partner). */
export type SampleSource = 'organic' | 'ads' | 'referral' | 'social';

/** Marketing channels of the touches before sign-up, as their `utm_source`. */
export type SampleChannel = 'google' | 'linkedin' | 'newsletter' | 'partner' | 'direct';

/** Properties of a generated event (objects are shared between events and frozen). */
// A type, not an interface, so that it fits the `Record` of `KpiEvent.properties`.
export type SampleEventProperties = {
  /** The user's plan when the event happened (after the change, on `upgrade`/`downgrade`/`cancel`). */
  readonly plan: SamplePlan;
  /** The channel the user signed up from (that of the last touch before sign-up; `referral` when invited). */
  readonly source: SampleSource;
  /** The user's account (B2B workspace): every event carries it. */
  readonly accountId: string;
  /** On `feature_used` only: which feature. */
  readonly feature?: string | undefined;
  /** On `ad_click` and `visit` only: the touch's channel. */
  readonly utm_source?: SampleChannel | undefined;
};

/** One generated event; a valid `KpiEvent`. */
export interface SampleEvent {
  readonly userId: string;
  readonly name: SampleEventName;
  /** Epoch milliseconds. */
  readonly timestamp: number;
  readonly properties: SampleEventProperties;
}

/** The generated events as columns, the shape `eventTableFromColumns` takes. */
export interface SampleEventColumns {
  readonly userId: readonly string[];
  readonly name: readonly SampleEventName[];
  /** Epoch milliseconds. */
  readonly timestamp: readonly number[];
  readonly properties: {
    readonly plan: readonly SamplePlan[];
    readonly source: readonly SampleSource[];
    readonly accountId: readonly string[];
    /** `undefined` (absent) but on `feature_used`. */
    readonly feature: readonly (string | undefined)[];
    /** `undefined` (absent) but on `ad_click` and `visit`. */
    readonly utm_source: readonly (SampleChannel | undefined)[];
  };
}

/** One generated subscription, as the revenue metrics take it. */
export interface SampleSubscription {
  /** The paying user's id: customers are users. */
  readonly customerId: string;
  /** Price per interval in minor units (cents). */
  readonly amount: number;
  readonly interval: 'month' | 'year';
  /** Epoch ms the subscription starts. */
  readonly start: number;
  /** Epoch ms it ends (exclusive); absent while it runs past the period. */
  readonly end?: number | undefined;
}

/**
 * What one marketing channel cost in one local month of the period: an
 * `AttributionCost`, so the rows can be `attribution`'s `costs` as they are.
 */
export interface SampleMarketingCost {
  readonly channel: SampleChannel;
  /** The local month `YYYY-MM` when it lies wholly inside the period; else its local dates inside, `{ from, to }` (inclusive). */
  readonly period: string | { readonly from: string; readonly to: string };
  /** Spend in minor units (cents), the currency of the subscriptions. */
  readonly amount: number;
}

/** Result of `generateSampleData`. */
export interface SampleData {
  /**
   * Grouped by user, each user's events in time order; no two events of a
   * user share a timestamp. Made on first read: a caller that only needs a
   * table builds it from {@link SampleData.columns} without a million objects.
   */
  readonly events: SampleEvent[];
  /** The same events as columns, for `eventTableFromColumns` (made on first read too). */
  readonly columns: SampleEventColumns;
  readonly surveys: {
    /** NPS answers, 0..10. */
    readonly nps: number[];
    /** CSAT answers, 1..5. */
    readonly csat: number[];
    /** CES answers, 1..7 (7 = easiest). */
    readonly ces: number[];
  };
  /** Ordered by customer, then start. */
  readonly subscriptions: SampleSubscription[];
  /**
   * Marketing spend per local month of the period and channel (every pair, 0 where
   * nothing was spent), month by month in channel order: paid clicks at a
   * cost per click, a partner bounty per sign-up, a flat newsletter budget.
   * Ready for `attribution(table, { touches: { channel: 'utm_source' }, costs: marketingCosts, … })`.
   */
  readonly marketingCosts: SampleMarketingCost[];
  /** A North Star tree of the generated product, valued from the data (last 7 days against the 7 before). */
  readonly northStar: NorthStarDefinition;
}
