import * as z from 'zod';
import { timestampSchema } from '../events/event.schema';
import { toEpochMs } from '../events/timestamp';
import { localDateSchema } from '../options/common.schema';
import { MAX_SUBSCRIPTION_AMOUNT } from './subscriptionTable';

/**
 * zod schema of the subscription input: the declarative contract, for callers
 * who validate at their own edge. The revenue functions check rows with a
 * hand-written equivalent (tested to accept exactly the same rows) so that
 * validating a million subscriptions stays fast.
 */

/** A subscription boundary: a timestamp (epoch ms, `Date`, ISO-8601 with an offset) or a local date `YYYY-MM-DD`. */
export const subscriptionTimeSchema = /* @__PURE__ */ z.union([timestampSchema, localDateSchema]);

const isDate = (value: unknown): value is string => typeof value === 'string' && value.length === 10;

/** Whether `end` is written like `start` (both dates or both timestamps) and is not before it. */
function endNotBeforeStart(start: unknown, end: unknown): boolean {
  if (end === undefined || end === null) return true;
  if (isDate(start) !== isDate(end)) return false;
  // Local dates compare as text; timestamps as instants.
  return isDate(start) ? (end as string) >= start : toEpochMs(end) >= toEpochMs(start);
}

/**
 * One subscription: `amount` (a non-negative integer in minor units, e.g.
 * cents) is billed every `interval` from `start` until `end` (exclusive;
 * `null` or absent: still running). `end`, when given, is written like
 * `start` (both local dates or both timestamps) and is not before it.
 * Fields other than these five are ignored.
 */
export const subscriptionSchema = /* @__PURE__ */ z
  .object({
    customerId: z.string().min(1),
    amount: z.int().min(0).max(MAX_SUBSCRIPTION_AMOUNT),
    interval: z.enum(['month', 'year']),
    start: subscriptionTimeSchema,
    end: subscriptionTimeSchema.nullish(),
  })
  .refine((row) => endNotBeforeStart(row.start, row.end), {
    error: 'an end written like start (both dates or both timestamps) and not before it',
    path: ['end'],
  });

/** A list of subscriptions. */
export const subscriptionsSchema = /* @__PURE__ */ z.array(subscriptionSchema);
