import * as z from 'zod';
import { eventFilterSchema, localMonthSchema, rangeOptionsShape } from '../options/common.schema';

/** Options of `activeUsers`. */
export const activeUsersOptionsSchema = /* @__PURE__ */ z.strictObject({
  ...rangeOptionsShape,
  where: eventFilterSchema.optional(),
});

/** Options of `stickinessSummary`. */
export const stickinessSummaryOptionsSchema = /* @__PURE__ */ z.strictObject({
  ...rangeOptionsShape,
  month: localMonthSchema,
  where: eventFilterSchema.optional(),
});
