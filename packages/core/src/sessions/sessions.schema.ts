import * as z from 'zod';
import { rangeOptionsShape } from '../options/common.schema';

/** Default inactivity gap that ends a session: 30 minutes, in ms. */
export const DEFAULT_SESSION_INACTIVITY = 30 * 60 * 1000;

/** Options of `sessions`. */
export const sessionsOptionsSchema = /* @__PURE__ */ z.strictObject({
  ...rangeOptionsShape,
  inactivity: z.number().positive().optional(),
  sets: z.record(z.string().min(1), z.array(z.string().min(1))).optional(),
});
