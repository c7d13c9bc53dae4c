import * as z from 'zod';
import { eventFilterSchema, localMonthSchema, rangeOptionsShape, unitSchema, weekStartsOnSchema } from '../options/common.schema';

/** The calendar interval an engagement metric buckets activity by. */
export const activityIntervalSchema = /* @__PURE__ */ z.enum(['day', 'week', 'month']);

/** Options of `activeUsers`. */
export const activeUsersOptionsSchema = /* @__PURE__ */ z.strictObject({
  ...rangeOptionsShape,
  unit: unitSchema.optional(),
  where: eventFilterSchema.optional(),
  interval: activityIntervalSchema.optional(),
  weekStartsOn: weekStartsOnSchema.optional(),
});

/** Options of `stickinessSummary`. */
export const stickinessSummaryOptionsSchema = /* @__PURE__ */ z.strictObject({
  ...rangeOptionsShape,
  unit: unitSchema.optional(),
  month: localMonthSchema,
  where: eventFilterSchema.optional(),
});

/** Options of `stickinessDistribution`. */
export const stickinessDistributionOptionsSchema = /* @__PURE__ */ z.strictObject({
  ...rangeOptionsShape,
  unit: unitSchema.optional(),
  where: eventFilterSchema.optional(),
  interval: activityIntervalSchema.optional(),
  weekStartsOn: weekStartsOnSchema.optional(),
});
