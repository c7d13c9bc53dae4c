import * as z from 'zod';
import { timeZoneSchema } from '../options/common.schema';

const field = /* @__PURE__ */ z.string().min(1);

// Made on demand: a top-level object of zod calls would keep zod in every bundle.
const baseShape = () => ({
  timeZone: timeZoneSchema.optional(),
  dst: z.enum(['compatible', 'reject']).optional(),
  accountFrom: field.optional(),
  accountProperty: field.optional(),
  properties: z.array(field).optional(),
  invalid: z.enum(['throw', 'skip']).optional(),
});

/** The columns of a generic file. */
export const columnMappingSchema = /* @__PURE__ */ z.strictObject({
  user: z.union([field, z.array(field).min(1)]),
  name: field,
  time: field,
  timeFormat: z.enum(['auto', 'epoch-milliseconds', 'epoch-seconds', 'iso', 'local']).optional(),
  account: field.optional(),
  properties: z.union([z.literal('rest'), z.array(field)]).optional(),
});

/** Options of `createImporter` and `importEvents`. */
export const importOptionsSchema = /* @__PURE__ */ z.discriminatedUnion('format', [
  z.strictObject({ format: z.literal('segment'), ...baseShape() }),
  z.strictObject({ format: z.literal('posthog'), ...baseShape() }),
  z.strictObject({ format: z.literal('amplitude'), ...baseShape() }),
  z.strictObject({ format: z.literal('mixpanel'), timeUnit: z.enum(['seconds', 'milliseconds']).optional(), ...baseShape() }),
  z.strictObject({ format: z.literal('generic'), mapping: columnMappingSchema.optional(), ...baseShape() }),
]);
