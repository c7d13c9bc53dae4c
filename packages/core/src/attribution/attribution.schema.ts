import * as z from 'zod';
import { rangeOptionsShape, unitSchema } from '../options/common.schema';
import { funnelStepSchema } from '../funnel/funnel.schema';
import { parseCostPeriod } from './costs';

/** Default lookback: 30 days in ms. */
export const DEFAULT_ATTRIBUTION_LOOKBACK = 30 * 86_400_000;
/** Default half-life of the `time_decay` model: 7 days in ms. */
export const DEFAULT_HALF_LIFE = 7 * 86_400_000;
/** Default shares of the `position_based` model. */
export const DEFAULT_POSITION_WEIGHTS = { first: 0.4, middle: 0.2, last: 0.4 } as const;
/** Channels `last_non_direct` treats as direct by default (besides the empty channel). */
export const DEFAULT_DIRECT_CHANNELS: readonly string[] = ['direct', '(direct)', '$direct'];
/** The most models one call runs. */
export const MAX_ATTRIBUTION_MODELS = 20;

const propertyName = /* @__PURE__ */ z.string().min(1);
const share = /* @__PURE__ */ z.number().min(0);

const positionWeightsSchema = /* @__PURE__ */ z
  .strictObject({ first: share, middle: share, last: share })
  .refine((weights) => weights.first + weights.last > 0, { error: 'first + last > 0 (one or two touches share only those)' });

/** One model: its name, or `{ model, …parameters }`. */
export const attributionModelSchema = /* @__PURE__ */ z.union(
  [
    z.enum(['first_touch', 'last_touch', 'linear', 'time_decay', 'position_based', 'last_non_direct']),
    z.discriminatedUnion('model', [
      z.strictObject({ model: z.literal('first_touch') }),
      z.strictObject({ model: z.literal('last_touch') }),
      z.strictObject({ model: z.literal('linear') }),
      z.strictObject({ model: z.literal('time_decay'), halfLife: z.number().positive().optional() }),
      z.strictObject({ model: z.literal('position_based'), weights: positionWeightsSchema.optional() }),
      z.strictObject({ model: z.literal('last_non_direct'), direct: z.array(z.string()).optional() }),
    ]),
  ],
  {
    error: 'a model name (first_touch, last_touch, linear, time_decay, position_based, last_non_direct) or { model, …its parameters }',
  },
);

/** Which events are touches: those carrying a channel property, and/or those with given names. */
export const attributionTouchesSchema = /* @__PURE__ */ z
  .strictObject({
    channel: propertyName.optional(),
    names: z.array(z.string().min(1)).min(1).optional(),
    campaign: propertyName.optional(),
  })
  .refine((touches) => touches.channel !== undefined || touches.names !== undefined, {
    error: 'a channel property, touch event names, or both',
  });

/**
 * A conversion value read from the conversion event (`property`, `decimals`),
 * or from subscriptions (`subscriptions`, `customerIdFrom`, `withinDays`).
 * One object with a refinement rather than a union, so that a bad field is
 * reported under its own name.
 */
export const attributionValueSchema = /* @__PURE__ */ z
  .strictObject({
    property: propertyName.optional(),
    decimals: z.int().min(0).max(9).optional(),
    // Rows are checked by the revenue code's fast validator, naming `subscriptions[i].field`.
    subscriptions: z.array(z.unknown()).optional(),
    customerIdFrom: z
      .union([z.literal('unit'), z.strictObject({ property: propertyName })], { error: '"unit" or { property }' })
      .optional(),
    withinDays: z.int().min(0).optional(),
  })
  .superRefine((value, context) => {
    const byProperty = value.property !== undefined;
    if (byProperty === (value.subscriptions !== undefined)) {
      context.addIssue({
        code: 'custom',
        path: [],
        message: 'either { property, decimals? } or { subscriptions, customerIdFrom?, withinDays? }',
      });
      return;
    }
    const stray = byProperty ? (['customerIdFrom', 'withinDays'] as const) : (['decimals'] as const);
    for (const key of stray) {
      if (value[key] !== undefined) {
        context.addIssue({
          code: 'custom',
          path: [key],
          message: byProperty
            ? 'no such option with property (it goes with subscriptions)'
            : 'no such option with subscriptions (it goes with property)',
        });
      }
    }
  });

/** A cost entry: spend on a channel (or a campaign of it) over a period. */
export const attributionCostSchema = /* @__PURE__ */ z.strictObject({
  channel: z.string(),
  campaign: z.string().optional(),
  period: z.unknown().superRefine((period, context) => {
    const problem = parseCostPeriod(period);
    if (typeof problem === 'string') context.addIssue({ code: 'custom', message: problem });
  }),
  amount: z.number().min(0),
});

/** Options of `attribution`. */
export const attributionOptionsSchema = /* @__PURE__ */ z.strictObject({
  ...rangeOptionsShape,
  unit: unitSchema.optional(),
  conversion: funnelStepSchema,
  count: z.enum(['first', 'every']).optional(),
  touches: attributionTouchesSchema,
  lookback: z.number().min(0).optional(),
  models: z.array(attributionModelSchema).min(1).max(MAX_ATTRIBUTION_MODELS).optional(),
  value: attributionValueSchema.optional(),
  costs: z.array(attributionCostSchema).optional(),
});
