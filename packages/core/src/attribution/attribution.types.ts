import type { PropertyValue } from '../events/event.types';
import type { EventRangeOptions } from '../options/range.types';
import type { Subscription } from '../revenue/revenue.types';
import type { UnitOptions, UnitResult } from '../events/unit';

/** The attribution models. */
export type AttributionModelName = 'first_touch' | 'last_touch' | 'linear' | 'time_decay' | 'position_based' | 'last_non_direct';

/** Relative shares of the first, middle and last touches in the `position_based` model (normalised by their sum). */
export interface PositionWeights {
  readonly first: number;
  readonly middle: number;
  readonly last: number;
}

/**
 * A model to run: its name (with default parameters), or an object naming it
 * with parameters.
 */
export type AttributionModel =
  | AttributionModelName
  | { readonly model: 'first_touch' | 'last_touch' | 'linear' }
  | {
      readonly model: 'time_decay';
      /** Half-life in ms: a touch this much earlier than another gets half its weight. Default 7 days. */
      readonly halfLife?: number | undefined;
    }
  | {
      readonly model: 'position_based';
      /** Default `{ first: 0.4, middle: 0.2, last: 0.4 }`; `first + last` must be positive. */
      readonly weights?: PositionWeights | undefined;
    }
  | {
      readonly model: 'last_non_direct';
      /** Channels that count as direct, besides the empty channel `""`. Default `["direct", "(direct)", "$direct"]`. */
      readonly direct?: readonly string[] | undefined;
    };

/** A model as it was run: its name and every parameter, defaults filled in. */
export type AttributionModelSpec =
  | { readonly model: 'first_touch' | 'last_touch' | 'linear' }
  | { readonly model: 'time_decay'; readonly halfLife: number }
  /** `weights` normalised to add up to 1. */
  | { readonly model: 'position_based'; readonly weights: PositionWeights }
  | { readonly model: 'last_non_direct'; readonly direct: readonly string[] };

/** The conversion event: a name, or a name plus property equality conditions (as a funnel step). */
export type AttributionConversion =
  | string
  | {
      readonly name: string;
      /** Property values the event must carry (`null` matches null or absent). Default: none. */
      readonly where?: Readonly<Record<string, PropertyValue>> | undefined;
    };

/**
 * Which events are touches, and their channel.
 *
 * - `{ channel: 'utm_source' }`: every event carrying that property (not null) is a touch on the channel it names;
 * - `{ names: ['ad_click', 'newsletter_open'] }`: events with those names are touches, the channel being the event name;
 * - both: events with those names that carry the property.
 *
 * `campaign` names a property read from each touch as its campaign (absent or null: no campaign).
 */
export interface AttributionTouches {
  readonly channel?: string | undefined;
  readonly names?: readonly string[] | undefined;
  readonly campaign?: string | undefined;
}

/** The value of a conversion read from a numeric property of the conversion event. */
export interface AttributionPropertyValue {
  /** Property holding the value: a finite number ≥ 0; absent or null means no value. */
  readonly property: string;
  /**
   * Decimal places the value is split in: credited values are whole multiples of 10^−decimals.
   * Default 2 (cents of a value in major units); 0 for a value in minor units already.
   */
  readonly decimals?: number | undefined;
}

/**
 * The value of a conversion as the monthly value (MRR) of the subscriptions
 * its customer started on the conversion's local day, or up to `withinDays`
 * days later. Each subscription goes to at most one conversion: the
 * customer's latest counted conversion on or before its start day.
 */
export interface AttributionSubscriptionValue {
  readonly subscriptions: readonly Subscription[];
  /**
   * Where the customer id is read: `"unit"` (default) is the id of the unit
   * that converted (the `userId`); `{ property }` is a property of the
   * conversion event, e.g. an account id.
   */
  readonly customerIdFrom?: 'unit' | { readonly property: string } | undefined;
  /** Days after the conversion day a subscription may start and still be its value (integer ≥ 0). Default 0. */
  readonly withinDays?: number | undefined;
}

/** How a conversion's value is found. */
export type AttributionValue = AttributionPropertyValue | AttributionSubscriptionValue;

/** The local dates a cost was spent over. */
export type AttributionCostPeriod =
  /** A calendar month `YYYY-MM`, or one day `YYYY-MM-DD`. */
  | string
  /** Inclusive local dates. */
  | { readonly from: string; readonly to: string };

/**
 * Spend on a channel (or one campaign of it) over a period, in the unit of the
 * conversion value (minor units for subscription values). It is spread evenly
 * over the period's local days; the days inside `[from, to]` count.
 */
export interface AttributionCost {
  readonly channel: string;
  readonly campaign?: string | undefined;
  readonly period: AttributionCostPeriod;
  /** A finite number ≥ 0. */
  readonly amount: number;
}

/** Which conversions count: each unit's first-ever one, or every one. */
export type AttributionCount = 'first' | 'every';

/** Options of `attribution`. */
export interface AttributionOptions extends EventRangeOptions, UnitOptions {
  /** The conversion event. */
  readonly conversion: AttributionConversion;
  /**
   * `"first"` (default): a unit's first-ever conversion in the data, counted when it falls in `[from, to]`;
   * `"every"`: every conversion event in `[from, to]`.
   */
  readonly count?: AttributionCount | undefined;
  /** Which events are touches and what their channel is. */
  readonly touches: AttributionTouches;
  /** How far back before a conversion touches count, in ms, inclusive at both ends. Default 30 days. */
  readonly lookback?: number | undefined;
  /** The models to run, in the order reported. Default `["last_touch"]`. */
  readonly models?: readonly AttributionModel[] | undefined;
  /** How a conversion's value is found. Default: none (values are `null`). */
  readonly value?: AttributionValue | undefined;
  /** Spend per channel and period, for cost per conversion and return on spend. */
  readonly costs?: readonly AttributionCost[] | undefined;
}

/** The figures of a channel, a campaign of one, or the `none` row. */
export interface AttributionFigures {
  /** Conversions credited: a sum of per-conversion shares (multiples of 2^−24). */
  readonly conversions: number;
  /** Value credited; `null` without a `value` option. */
  readonly value: number | null;
  /** Distinct touches on it that lie in the lookback of a counted conversion (any model; 0 for `none`). */
  readonly touches: number;
  /** Distinct units that converted with a touch on it in the lookback (`none`: units with an untouched conversion). */
  readonly units: number;
  /** Spend in `[from, to]`; `null` when no cost entry for it overlaps the range (unknown, not free). */
  readonly cost: number | null;
  /** `cost / conversions`; `null` when either is unknown or 0 conversions were credited. */
  readonly costPerConversion: number | null;
  /** `value / cost` (return on ad spend); `null` without a value, a cost, or with a cost of 0. */
  readonly returnOnSpend: number | null;
}

/** A campaign of a channel. */
export interface AttributionCampaignRow extends AttributionFigures {
  /** The campaign; `null` for touches without one. */
  readonly campaign: string | null;
}

/** A channel's row, or the `none` row (`channel: null`) of conversions without a touch in the lookback. */
export interface AttributionRow extends AttributionFigures {
  readonly channel: string | null;
  /** Present with the `touches.campaign` option: the channel split by campaign (empty for `none`). */
  readonly campaigns?: readonly AttributionCampaignRow[] | undefined;
}

/** One model's credit: every channel (same rows, same order in every model), then the `none` row. */
export type AttributionModelResult = AttributionModelSpec & {
  readonly rows: readonly AttributionRow[];
};

/** Result of `attribution`. */
export interface AttributionResult extends UnitResult {
  /** The range conversions were counted in, or `null` when there are no events and no `from`/`to`. */
  readonly from: string | null;
  readonly to: string | null;
  readonly timeZone: string;
  readonly count: AttributionCount;
  /** Lookback used, in ms. */
  readonly lookback: number;
  /** Conversions counted: in every model, the rows' `conversions` add up to exactly this. */
  readonly conversions: number;
  /** Of those, conversions with at least one touch in their lookback. */
  readonly touched: number;
  /** Total value of the counted conversions; `null` without a `value` option. */
  readonly value: number | null;
  /** Counted conversions without a value (property absent or null; no subscription matched); `null` without a `value` option. */
  readonly withoutValue: number | null;
  readonly models: readonly AttributionModelResult[];
}
