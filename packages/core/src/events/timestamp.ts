/** The largest magnitude of epoch ms a `Date` can hold. */
export const MAX_TIMESTAMP = 8.64e15;

// RFC 3339 date-time with a mandatory `Z` or ±hh:mm offset, real calendar dates only
// (the same grammar as zod's `z.iso.datetime({ offset: true })`).
const ISO_WITH_OFFSET =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8])))T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** What a timestamp must be, in words, for error messages. */
export const TIMESTAMP_EXPECTED = 'epoch milliseconds, a valid Date, or an ISO-8601 string with Z or an offset';

/**
 * Epoch ms of an accepted timestamp, or `NaN` when it is not one. Digits past
 * the millisecond in an ISO string are truncated.
 */
export function toEpochMs(value: unknown): number {
  if (typeof value === 'number') return value >= -MAX_TIMESTAMP && value <= MAX_TIMESTAMP ? value : Number.NaN;
  if (typeof value === 'string') return ISO_WITH_OFFSET.test(value) ? Date.parse(value) : Number.NaN;
  if (value instanceof Date) return value.getTime();
  return Number.NaN;
}

/** Why a rejected timestamp was rejected, to help the caller fix it. */
export function timestampProblem(value: unknown): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+)?$/.test(value)) {
    return `${TIMESTAMP_EXPECTED} (a date-time without an offset is ambiguous)`;
  }
  return TIMESTAMP_EXPECTED;
}
