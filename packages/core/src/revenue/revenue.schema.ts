import * as z from 'zod';
import { rangeOptionsShape } from '../options/common.schema';

/** Options of `mrr`. */
export const mrrOptionsSchema = /* @__PURE__ */ z.strictObject({
  ...rangeOptionsShape,
  granularity: z.enum(['day', 'month']).optional(),
});

/** Options of `mrrMovements`. */
export const mrrMovementsOptionsSchema = /* @__PURE__ */ z.strictObject({ ...rangeOptionsShape });
