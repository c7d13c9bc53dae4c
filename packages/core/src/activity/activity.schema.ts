import * as z from 'zod';
import { eventFilterSchema, localMonthSchema, rangeOptionsShape, unitSchema } from '../options/common.schema';

/** Options of `activeUsers`. */
export const activeUsersOptionsSchema = /* @__PURE__ */ z.strictObject({
  ...rangeOptionsShape,
  unit: unitSchema.optional(),
  where: eventFilterSchema.optional(),
});

/** Options of `stickinessSummary`. */
export const stickinessSummaryOptionsSchema = /* @__PURE__ */ z.strictObject({
  ...rangeOptionsShape,
  unit: unitSchema.optional(),
  month: localMonthSchema,
  where: eventFilterSchema.optional(),
});
