import * as z from 'zod';
import { activityIntervalSchema } from '../activity/activity.schema';
import { eventFilterSchema, rangeOptionsShape, unitSchema, weekStartsOnSchema } from '../options/common.schema';

/** Options of `lifecycle`. */
export const lifecycleOptionsSchema = /* @__PURE__ */ z.strictObject({
  ...rangeOptionsShape,
  unit: unitSchema.optional(),
  where: eventFilterSchema.optional(),
  interval: activityIntervalSchema.optional(),
  weekStartsOn: weekStartsOnSchema.optional(),
  newFrom: z.union([z.enum(['firstActivity', 'createdAt']), z.strictObject({ event: z.string().min(1) })]).optional(),
});
