import type { EventInput, PropertyValue } from '../events/event.types';
import { funnel } from '../funnel/funnel';
import type { FunnelExclusionMode, FunnelOrder, FunnelStep } from '../funnel/funnel.types';
import { parseOptions } from '../options/parseOptions';
import type { HistogramBin } from '../stats/summary';
import { conversionRateOptionsSchema } from './adoption.schema';
import type { EventRangeOptions } from '../options/range.types';
import type { UnitOptions, UnitResult } from '../events/unit';

/** Options of {@link conversionRate}. */
export interface ConversionRateOptions extends EventRangeOptions, UnitOptions {
  /** The step users convert from (visitor, trial, …): an event name or `{ name, where? }`. */
  readonly fromStep: FunnelStep;
  /** The step they convert to (trial, SQL, PQL, paid, …). */
  readonly toStep: FunnelStep;
  /** Conversion window in ms from the `fromStep` event, inclusive. Default 14 days. */
  readonly window?: number | undefined;
  /** How the two steps must follow each other, as in `funnel`. Default `"ordered"`. */
  readonly order?: FunnelOrder | undefined;
  /** Events that disqualify a conversion when they happen between the two steps (with `order: "any"`, inside the window). */
  readonly exclusions?:
    readonly { readonly name: string; readonly where?: Readonly<Record<string, PropertyValue>> | undefined }[] | undefined;
  /** How exclusions count a user, as in `funnel`. Default: `"furthestAttempt"`, `"cleanAttempts"` with `order: "any"`. */
  readonly exclusionMode?: FunnelExclusionMode | undefined;
}

/** Result of {@link conversionRate}. */
export interface ConversionRateResult extends UnitResult {
  readonly order: FunnelOrder;
  readonly window: number;
  /** The range used, or `null` when there are no events and no `from`/`to`. */
  readonly from: string | null;
  readonly to: string | null;
  readonly timeZone: string;
  /** Users who did `fromStep` (the funnel's step 1). */
  readonly entered: number;
  /** Of those, users who went on to `toStep` (step 2). */
  readonly converted: number;
  /** `converted / entered`, in [0, 1]; `null` when nobody entered. */
  readonly rate: number | null;
  /** Median ms from `fromStep` to `toStep` over converted users (with `order: "any"`, from the first step done to the other); `null` when none. */
  readonly median: number | null;
  /** Mean ms from `fromStep` to `toStep`; `null` as for `median`. */
  readonly mean: number | null;
  /** 90th percentile of ms from `fromStep` to `toStep`; `null` as for `median`. */
  readonly p90: number | null;
  /** Histogram of ms from `fromStep` to `toStep`; empty where `median` is `null`. */
  readonly histogram: readonly HistogramBin[];
}

/**
 * A conversion rate (visitor → trial, visitor → SQL, trial → PQL,
 * trial → paid): the two-step funnel `[fromStep, toStep]`, with the funnel's
 * order, window, exclusions and range rules.
 *
 * @example
 * conversionRate(events, { fromStep: 'trial_start', toStep: 'subscribe', window: 30 * 86_400_000 });
 * // { order: 'ordered', window: 2592000000, …, entered: 40, converted: 10, rate: 0.25, median: …, mean: …, p90: …, histogram: […] }
 */
export function conversionRate(events: EventInput, options: ConversionRateOptions): ConversionRateResult {
  const { fromStep, toStep, exclusions, ...rest } = parseOptions(conversionRateOptionsSchema, options);
  const result = funnel(events, {
    ...rest,
    steps: [fromStep, toStep] as FunnelStep[],
    ...(exclusions && exclusions.length > 0
      ? { exclusions: exclusions.map((exclusion) => ({ ...exclusion, between: [0, 1] as const })) }
      : {}),
  });
  const [entered, converted] = result.steps;
  return {
    order: result.order,
    window: result.window,
    from: result.from,
    to: result.to,
    timeZone: result.timeZone,
    entered: entered?.count ?? 0,
    converted: converted?.count ?? 0,
    rate: converted?.fromPrevious ?? null,
    median: converted?.median ?? null,
    mean: converted?.mean ?? null,
    p90: converted?.p90 ?? null,
    histogram: converted?.histogram ?? [],
    ...(result.unit ? { unit: result.unit } : {}),
  };
}
