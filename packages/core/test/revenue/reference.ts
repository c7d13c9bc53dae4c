import fc from 'fast-check';
import type { Subscription } from '../../src/revenue/revenue.types';

/**
 * Brute-force revenue arithmetic for tests: subscriptions with local-date
 * boundaries, every figure in exact integer twelfths of a minor unit, one day
 * at a time.
 */

const DAY = 86_400_000;

/** Day number of a `YYYY-MM-DD` date. */
export const dayOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY;

/** `YYYY-MM-DD` of a day number. */
export const dateOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/** Monthly value × 12 of one subscription. */
export const twelfthsOf = (s: Subscription): number => (s.interval === 'year' ? s.amount : 12 * s.amount);

const activeOn = (s: Subscription, day: number): boolean =>
  dayOf(s.start as string) <= day && (s.end === undefined || s.end === null || day < dayOf(s.end as string));

/** A customer's MRR × 12 at the close of `day`. */
export function customerMrr12(subscriptions: readonly Subscription[], customerId: string, day: number): number {
  let sum = 0;
  for (const s of subscriptions) if (s.customerId === customerId && activeOn(s, day)) sum += twelfthsOf(s);
  return sum;
}

/** Total MRR × 12 and paying customers at the close of `day`. */
export function totalOn(subscriptions: readonly Subscription[], day: number): { mrr12: number; customers: number } {
  let mrr12 = 0;
  let customers = 0;
  for (const id of new Set(subscriptions.map((s) => s.customerId))) {
    const value = customerMrr12(subscriptions, id, day);
    mrr12 += value;
    if (value > 0) customers += 1;
  }
  return { mrr12, customers };
}

/** The first day a customer ever pays (has a positive MRR), or Infinity. */
export function firstPaidDay(subscriptions: readonly Subscription[], customerId: string): number {
  let first = Number.POSITIVE_INFINITY;
  for (const s of subscriptions) {
    if (s.customerId !== customerId || s.amount === 0) continue;
    const start = dayOf(s.start as string);
    const empty = s.end !== undefined && s.end !== null && dayOf(s.end as string) <= start;
    if (!empty && start < first) first = start;
  }
  return first;
}

/** Movements × 12 between the close of `before` and of `after`, ChartMogul-style. */
export function movements12(subscriptions: readonly Subscription[], before: number, after: number) {
  const sums = { new: 0, expansion: 0, contraction: 0, churned: 0, reactivation: 0 };
  const counts = { new: 0, expansion: 0, contraction: 0, churned: 0, reactivation: 0 };
  for (const id of new Set(subscriptions.map((s) => s.customerId))) {
    const a = customerMrr12(subscriptions, id, before);
    const b = customerMrr12(subscriptions, id, after);
    if (a === b) continue;
    const kind =
      a === 0
        ? firstPaidDay(subscriptions, id) > before
          ? 'new'
          : 'reactivation'
        : b === 0
          ? 'churned'
          : b > a
            ? 'expansion'
            : 'contraction';
    sums[kind] += b - a;
    counts[kind] += 1;
  }
  return { sums, counts };
}

/** Back to exact twelfths from a reported amount (`x / 12` rounded once). */
export const in12 = (value: number): number => Math.round(value * 12);

const FIRST = dayOf('2023-11-01');

/** Random subscriptions of a few customers, written with local dates, Nov 2023 – Apr 2024. */
export const subscriptionsArb = fc.array(
  fc
    .record({
      customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      amount: fc.oneof(
        fc.constant(0),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 5 }).map((k) => k * 1200),
      ),
      interval: fc.constantFrom('month' as const, 'year' as const),
      start: fc.integer({ min: 0, max: 180 }),
      // Short stints too, so customers leave and return within a month.
      length: fc.option(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 120 })), { nil: undefined }),
    })
    .map(({ customerId, amount, interval, start, length }): Subscription => {
      const row = { customerId, amount, interval, start: dateOf(FIRST + start) };
      return length === undefined ? row : { ...row, end: dateOf(FIRST + start + length) };
    }),
  { maxLength: 25 },
);

/** A range of whole or partial months inside the data's span. */
export const rangeArb = fc
  .tuple(fc.integer({ min: -10, max: 170 }), fc.integer({ min: 0, max: 100 }))
  .map(([from, length]) => ({ from: dateOf(FIRST + from), to: dateOf(FIRST + from + length) }));
