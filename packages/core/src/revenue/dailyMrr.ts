import { forEachCustomerMrr } from './customerMrr';
import type { SubscriptionTable } from './subscriptionTable';

/** MRR and paying customers at the close of each day of a range. */
export interface DailyMrr {
  /** `mrr[d − fromDay]`: total MRR in twelfths of a minor unit (an exact integer). */
  readonly mrr: Float64Array;
  /** `customers[d − fromDay]`: customers whose MRR is positive. */
  readonly customers: Int32Array;
}

/**
 * Total MRR and paying customers on every local day of `[fromDay, toDay]`,
 * from difference arrays: each customer's changes are added once, then a
 * running sum gives every day. Subscriptions that began before `fromDay` count
 * from its first day.
 */
export function dailyMrr(table: SubscriptionTable, fromDay: number, toDay: number): DailyMrr {
  const span = toDay - fromDay + 1;
  const mrr = new Float64Array(span);
  const customers = new Int32Array(span);
  forEachCustomerMrr(table, (_customer, days, values, count) => {
    let previous = 0;
    for (let i = 0; i < count; i++) {
      const day = days[i] as number;
      if (day > toDay) break;
      const at = day < fromDay ? 0 : day - fromDay;
      const value = values[i] as number;
      mrr[at]! += value - previous;
      if (previous === 0) customers[at]! += 1;
      else if (value === 0) customers[at]! -= 1;
      previous = value;
    }
  });
  for (let i = 1; i < span; i++) {
    mrr[i]! += mrr[i - 1] as number;
    customers[i]! += customers[i - 1] as number;
  }
  return { mrr, customers };
}
