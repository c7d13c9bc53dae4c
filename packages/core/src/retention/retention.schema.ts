import * as z from 'zod';
import { rangeOptionsShape, weekStartsOnSchema, unitSchema } from '../options/common.schema';

/** The most periods a retention table reports after the cohort period. */
export const MAX_RETENTION_PERIODS = 1000;

/** Options of `retention`. */
export const retentionOptionsSchema = /* @__PURE__ */ z.strictObject({
  ...rangeOptionsShape,
  unit: unitSchema.optional(),
  period: z.enum(['day', 'week', 'month']),
  periods: z.int().min(1).max(MAX_RETENTION_PERIODS),
  mode: z.enum(['exact', 'unbounded']).optional(),
  startEvent: z.string().min(1).optional(),
  returnEvent: z.string().min(1).optional(),
  weekStartsOn: weekStartsOnSchema.optional(),
});
