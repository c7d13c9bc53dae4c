import * as z from 'zod';
import { MAX_TIMESTAMP } from './timestamp';

/**
 * zod schemas of the event input: the declarative contract, for callers who
 * validate at their own edge. kpikit's functions check rows with a hand-written
 * equivalent (tested to accept exactly the same values) so that validating
 * millions of rows stays fast.
 */

/** A property value: string, finite number, boolean or null (`undefined` means absent). */
export const propertyValueSchema = /* @__PURE__ */ z.union([z.string(), z.number(), z.boolean(), z.null(), z.undefined()]);

/** Epoch ms (finite, within the `Date` range), a valid `Date`, or an ISO-8601 string with `Z` or an offset. */
export const timestampSchema = /* @__PURE__ */ z.union([
  z.number().min(-MAX_TIMESTAMP).max(MAX_TIMESTAMP),
  z.date(),
  z.iso.datetime({ offset: true }),
]);

/** One event. Fields other than these four are ignored. */
export const eventSchema = /* @__PURE__ */ z.object({
  userId: z.string().min(1),
  name: z.string().min(1),
  timestamp: timestampSchema,
  properties: z.record(z.string(), propertyValueSchema).optional(),
});
