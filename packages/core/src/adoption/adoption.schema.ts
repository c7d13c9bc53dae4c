import * as z from 'zod';
import { eventFilterSchema, rangeOptionsShape, unitSchema } from '../options/common.schema';
import { funnelExclusionModeSchema, funnelStepSchema, MAX_FUNNEL_EXCLUSIONS } from '../funnel/funnel.schema';

/** Options of `productAdoptionRate`. */
export const productAdoptionRateOptionsSchema = /* @__PURE__ */ z.strictObject({
  ...rangeOptionsShape,
  unit: unitSchema.optional(),
  signupEvent: z.string().min(1).optional(),
});

/** Options of `featureAdoptionRate`. */
export const featureAdoptionRateOptionsSchema = /* @__PURE__ */ z.strictObject({
  ...rangeOptionsShape,
  unit: unitSchema.optional(),
  feature: z.union([z.string().min(1), eventFilterSchema], { error: 'an event name or { name?, properties? }' }),
  activeWhere: eventFilterSchema.optional(),
});

/** Options of `activation`. */
export const activationOptionsSchema = /* @__PURE__ */ z.strictObject({
  ...rangeOptionsShape,
  unit: unitSchema.optional(),
  signupEvent: z.string().min(1),
  ahaEvent: z.string().min(1),
  days: z.int().min(1),
});

/** Options of `conversionRate`. */
export const conversionRateOptionsSchema = /* @__PURE__ */ z.strictObject({
  ...rangeOptionsShape,
  unit: unitSchema.optional(),
  fromStep: funnelStepSchema,
  toStep: funnelStepSchema,
  window: z.number().positive().optional(),
  order: z.enum(['ordered', 'strict', 'any']).optional(),
  exclusions: z
    .array(z.strictObject({ name: z.string().min(1), where: eventFilterSchema.shape.properties }))
    .max(MAX_FUNNEL_EXCLUSIONS)
    .optional(),
  exclusionMode: funnelExclusionModeSchema.optional(),
});
