import * as z from 'zod';
import { eventMatchSchema, rangeOptionsShape, weekStartsOnSchema, unitSchema } from '../options/common.schema';

/** The most periods a retention table reports after the cohort period. */
export const MAX_RETENTION_PERIODS = 1000;
/** The most events a retention's `returnEvent` list takes. */
export const MAX_RETURN_EVENTS = 20;

/** Options of `retention`. */
export const retentionOptionsSchema = /* @__PURE__ */ z.strictObject({
  ...rangeOptionsShape,
  unit: unitSchema.optional(),
  period: z.enum(['day', 'week', 'month']),
  periods: z.int().min(1).max(MAX_RETENTION_PERIODS),
  mode: z.enum(['exact', 'unbounded']).optional(),
  cohort: z.enum(['first', 'recurring']).optional(),
  startEvent: eventMatchSchema.optional(),
  returnEvent: z
    .union([eventMatchSchema, z.array(eventMatchSchema).min(1).max(MAX_RETURN_EVENTS)], {
      error: `an event name, { name, where? }, or a list of 1 to ${MAX_RETURN_EVENTS} of them`,
    })
    .optional(),
  breakdown: z.strictObject({ property: z.string().min(1) }).optional(),
  weekStartsOn: weekStartsOnSchema.optional(),
});
