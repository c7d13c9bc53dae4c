import * as z from 'zod';
import { eventFilterSchema, rangeOptionsShape, unitSchema } from '../options/common.schema';

/** The fewest and most steps a funnel takes. */
export const MIN_FUNNEL_STEPS = 2;
export const MAX_FUNNEL_STEPS = 20;
/** The most exclusions a funnel takes. */
export const MAX_FUNNEL_EXCLUSIONS = 20;
/** Default conversion window: 14 days in ms. */
export const DEFAULT_FUNNEL_WINDOW = 14 * 86_400_000;

const whereSchema = /* @__PURE__ */ eventFilterSchema.shape.properties;

const nonEmptyName = (value: unknown): boolean => typeof value === 'string' && value.length > 0;

/**
 * A funnel step: an event name, or `{ name, where? }`. The object's name is
 * checked by a refinement rather than its shape so that a missing or empty
 * name is reported at `steps[i].name`, not as an unmatched union.
 */
export const funnelStepSchema = /* @__PURE__ */ z.union(
  [
    z.string().min(1),
    z
      .strictObject({ name: z.unknown().optional(), where: whereSchema })
      .refine((step) => nonEmptyName(step.name), { path: ['name'], error: 'a non-empty event name' }),
  ],
  { error: 'an event name or { name, where? }' },
);

/** An event that disqualifies an attempt between steps `between[0]` and `between[1]` (0-based). */
export const funnelExclusionSchema = /* @__PURE__ */ z.strictObject({
  name: z.string().min(1),
  where: whereSchema,
  between: z.tuple([z.int().min(0), z.int().min(0)]),
});

/** How exclusions count a user: by their furthest attempt (PostHog's ordered funnels) or by their clean attempts. */
export const funnelExclusionModeSchema = /* @__PURE__ */ z.enum(['furthestAttempt', 'cleanAttempts']);

/** Whose value a breakdown reads: `"first_touch"`, `"last_touch"` or `{ step }` (0-based). */
export const funnelBreakdownAttributionSchema = /* @__PURE__ */ z.union(
  [
    z.enum(['first_touch', 'last_touch']),
    z.strictObject({
      step: z
        .int()
        .min(0)
        .max(MAX_FUNNEL_STEPS - 1),
    }),
  ],
  { error: '"first_touch", "last_touch" or { step: k }' },
);

/** Options of `funnel`. */
export const funnelOptionsSchema = /* @__PURE__ */ z
  .strictObject({
    ...rangeOptionsShape,
    unit: unitSchema.optional(),
    steps: z.array(funnelStepSchema).min(MIN_FUNNEL_STEPS).max(MAX_FUNNEL_STEPS),
    window: z.number().positive().optional(),
    order: z.enum(['ordered', 'strict', 'any']).optional(),
    exclusions: z.array(funnelExclusionSchema).max(MAX_FUNNEL_EXCLUSIONS).optional(),
    exclusionMode: funnelExclusionModeSchema.optional(),
    breakdown: z.strictObject({ property: z.string().min(1), attribution: funnelBreakdownAttributionSchema.optional() }).optional(),
  })
  .superRefine((options, context) => {
    const exclusions = options.exclusions ?? [];
    const last = options.steps.length - 1;
    const attribution = options.breakdown?.attribution;
    if (typeof attribution === 'object') {
      if (attribution.step > last) {
        context.addIssue({ code: 'custom', path: ['breakdown', 'attribution', 'step'], message: `a step index ≤ ${last}` });
      } else if (attribution.step > 0 && options.order === 'any') {
        context.addIssue({
          code: 'custom',
          path: ['breakdown', 'attribution', 'step'],
          message: 'step 0 with order "any" (the event opening the window; its other steps have no event of their own)',
        });
      }
    }
    exclusions.forEach(({ between: [i, j] }, index) => {
      if (i >= j || j > last) {
        context.addIssue({
          code: 'custom',
          path: ['exclusions', index, 'between'],
          message: `two step indices [i, j] with i < j ≤ ${last}`,
        });
      } else if (options.order === 'any' && (i !== 0 || j !== last)) {
        context.addIssue({
          code: 'custom',
          path: ['exclusions', index, 'between'],
          message: `[0, ${last}] with order "any": its steps have no order, so an exclusion spans the whole funnel`,
        });
      }
    });
  });
