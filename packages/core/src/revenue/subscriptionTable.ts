import { IssueCollector, KpiValidationError } from '../errors';
import { TIMESTAMP_EXPECTED, toEpochMs } from '../events/timestamp';
import { parseDay } from '../time/civil';
import { zoneClock } from '../time/zone';

/**
 * The largest `amount`: twelve times it is still an exact integer, so a
 * yearly plan's monthly value (`amount / 12`) can be summed exactly in
 * twelfths of a minor unit.
 */
export const MAX_SUBSCRIPTION_AMOUNT = Math.floor(Number.MAX_SAFE_INTEGER / 12);

/** `endDay` of a subscription that is still running. */
export const OPEN_END = 2_147_483_647;

/**
 * Subscriptions validated and normalised once per call: local day numbers,
 * monthly values in twelfths of a minor unit (exact integers), grouped by
 * customer.
 */
export interface SubscriptionTable {
  readonly length: number;
  /** Distinct customer ids; a subscription's customer is an index into it. */
  readonly customerIds: readonly string[];
  /** Local day the subscription starts counting. */
  readonly startDay: Int32Array;
  /** First local day it no longer counts ({@link OPEN_END} while running); never before `startDay`. */
  readonly endDay: Int32Array;
  /** Monthly value × 12: `amount` for a yearly plan, `12 × amount` for a monthly one. */
  readonly twelfths: Float64Array;
  /** Subscription indices grouped by customer: customer `c`'s are `order[customerStart[c]]` … `order[customerStart[c + 1] − 1]`. */
  readonly order: Int32Array;
  readonly customerStart: Int32Array;
}

const TIME_EXPECTED = `${TIMESTAMP_EXPECTED}, or a local date YYYY-MM-DD`;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

// How a boundary was written.
const TIMESTAMP = 0;
const DATE = 1;
const ABSENT = 2;

/**
 * Validates subscription rows (the same rules as `subscriptionSchema`) and
 * normalises them. Local dates name days directly; timestamps are mapped to
 * the local day that contains them in `timeZone`.
 *
 * @throws {KpiValidationError} naming each bad row and field (`subscriptions[3].end`).
 */
export function toSubscriptionTable(subscriptions: unknown, timeZone: string): SubscriptionTable {
  if (!Array.isArray(subscriptions)) {
    throw new KpiValidationError('subscriptions', [
      { index: null, path: 'subscriptions', expected: 'an array of subscriptions', received: typeof subscriptions },
    ]);
  }
  const rows = subscriptions as readonly unknown[];
  const n = rows.length;
  const issues = new IssueCollector('subscriptions');
  const customer = new Int32Array(n);
  const twelfths = new Float64Array(n);
  // Epoch ms or day number, as written; converted to days once the instants' span is known.
  const startValue = new Float64Array(n);
  const endValue = new Float64Array(n);
  const startKind = new Uint8Array(n);
  const endKind = new Uint8Array(n);
  const customerIds: string[] = [];
  const codes = new Map<string, number>();
  let lastId: string | undefined;
  let lastCode = 0;
  let minMs = Number.POSITIVE_INFINITY;
  let maxMs = Number.NEGATIVE_INFINITY;

  for (let i = 0; i < n; i++) {
    const row: unknown = rows[i];
    if (typeof row !== 'object' || row === null) {
      issues.add(i, `subscriptions[${i}]`, 'a subscription object', row);
      continue;
    }
    const { customerId, amount, interval, start, end } = row as Record<string, unknown>;
    if (typeof customerId !== 'string' || customerId.length === 0) {
      issues.add(i, `subscriptions[${i}].customerId`, 'a non-empty string', customerId);
    } else {
      // Exports usually list a customer's subscriptions together: skip the look-up then.
      if (customerId !== lastId) {
        let code = codes.get(customerId);
        if (code === undefined) {
          code = customerIds.length;
          customerIds.push(customerId);
          codes.set(customerId, code);
        }
        lastId = customerId;
        lastCode = code;
      }
      customer[i] = lastCode;
    }
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0 || amount > MAX_SUBSCRIPTION_AMOUNT) {
      issues.add(
        i,
        `subscriptions[${i}].amount`,
        `an integer number of minor units (e.g. cents) from 0 to ${MAX_SUBSCRIPTION_AMOUNT}`,
        amount,
      );
    }
    if (interval !== 'month' && interval !== 'year') {
      issues.add(i, `subscriptions[${i}].interval`, 'one of "month", "year"', interval);
    } else if (typeof amount === 'number') {
      twelfths[i] = interval === 'year' ? amount : amount * 12;
    }

    const startIs = kindOf(start);
    const startAt = valueOf(start, startIs);
    startKind[i] = startIs;
    startValue[i] = startAt;
    const startOk = startIs !== ABSENT && !Number.isNaN(startAt);
    if (!startOk) {
      issues.add(i, `subscriptions[${i}].start`, TIME_EXPECTED, start);
    } else if (startIs === TIMESTAMP) {
      if (startAt < minMs) minMs = startAt;
      if (startAt > maxMs) maxMs = startAt;
    }
    const endIs = kindOf(end);
    const endAt = valueOf(end, endIs);
    endKind[i] = endIs;
    endValue[i] = endAt;
    if (Number.isNaN(endAt)) {
      issues.add(i, `subscriptions[${i}].end`, `${TIME_EXPECTED}, or null while running`, end);
    } else if (endIs !== ABSENT && startOk) {
      if (endIs !== startIs) {
        issues.add(i, `subscriptions[${i}].end`, startIs === DATE ? 'a local date YYYY-MM-DD, like start' : 'a timestamp, like start', end);
      } else if (endAt < startAt) {
        issues.add(i, `subscriptions[${i}].end`, 'a time on or after start', end);
      } else if (endIs === TIMESTAMP && endAt > maxMs) {
        maxMs = endAt;
      }
    }
  }
  issues.throwIfAny();

  const startDay = new Int32Array(n);
  const endDay = new Int32Array(n);
  const clock = Number.isFinite(minMs) ? zoneClock(timeZone, minMs, maxMs) : null;
  for (let i = 0; i < n; i++) {
    const s = startValue[i] as number;
    const e = endValue[i] as number;
    const first = startKind[i] === DATE ? s : (clock as NonNullable<typeof clock>).localDay(s);
    const kind = endKind[i];
    const last = kind === ABSENT ? OPEN_END : kind === DATE ? e : (clock as NonNullable<typeof clock>).localDay(e);
    startDay[i] = first;
    // A clock turned back across midnight can put a later instant on an earlier
    // local day: such a subscription covers no day rather than a negative span.
    endDay[i] = Math.max(first, last);
  }

  // Counting sort by customer: each customer's subscriptions become one run.
  const customerCount = customerIds.length;
  const customerStart = new Int32Array(customerCount + 1);
  for (let i = 0; i < n; i++) customerStart[(customer[i] as number) + 1]! += 1;
  for (let c = 0; c < customerCount; c++) customerStart[c + 1]! += customerStart[c] as number;
  const cursor = customerStart.slice(0, customerCount);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[cursor[customer[i] as number]!++] = i;

  return { length: n, customerIds, startDay, endDay, twelfths, order, customerStart };
}

/** How a boundary is written: a local date, a timestamp (perhaps invalid), or absent. */
function kindOf(value: unknown): number {
  if (value === undefined || value === null) return ABSENT;
  return typeof value === 'string' && value.length === 10 && LOCAL_DATE.test(value) ? DATE : TIMESTAMP;
}

/** A boundary's day number (date) or epoch ms (timestamp); `NaN` when it is not a valid one. */
function valueOf(value: unknown, kind: number): number {
  if (kind === ABSENT) return 0;
  if (kind === TIMESTAMP) return toEpochMs(value);
  return parseDay(value as string) ?? Number.NaN;
}
