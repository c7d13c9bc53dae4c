import * as z from 'zod';
import { localDateSchema, timeZoneSchema } from '../options/common.schema';

/** The most users `generateSampleData` makes. */
export const MAX_SAMPLE_USERS = 1_000_000;

/** The longest period `generateSampleData` covers, in days (about 10 years). */
export const MAX_SAMPLE_DAYS = 3660;

/** Options of `generateSampleData`. */
export const sampleDataOptionsSchema = /* @__PURE__ */ z.strictObject({
  seed: z.int().optional(),
  users: z.int().min(1).max(MAX_SAMPLE_USERS).optional(),
  days: z.int().min(1).max(MAX_SAMPLE_DAYS).optional(),
  start: localDateSchema.optional(),
  timeZone: timeZoneSchema.optional(),
});
