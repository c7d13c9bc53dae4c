import { parseOptions } from '../options/parseOptions';
import { formatDay } from '../time/civil';
import { periodCalendar } from '../time/period';
import { dailyMrr } from './dailyMrr';
import { mrrOptionsSchema } from './revenue.schema';
import type { MrrOptions, MrrResult, MrrRow, Subscription } from './revenue.types';
import { resolveSubscriptionRange } from './subscriptionRange';
import { toSubscriptionTable } from './subscriptionTable';

/**
 * Monthly recurring revenue over time: one row per local day or per month.
 *
 * A subscription's monthly value is its `amount` (monthly plan) or
 * `amount / 12` (yearly plan); it is active on local day `d` when
 * `start ≤ d < end`, where a timestamp stands for the local day containing it.
 * `MRR(d)` is the sum of the monthly values of the subscriptions active on
 * `d`, i.e. the MRR at the close of `d`. With `granularity: 'month'` each
 * month is measured on its last day (or on `to` for a month in progress), as
 * end-of-month MRR. Amounts are integers in minor units and sums are kept
 * exact in twelfths of a minor unit, divided by 12 once per reported value.
 *
 * @throws {KpiValidationError} naming each bad subscription and field (`subscriptions[3].end`).
 * @example
 * mrr(
 *   [
 *     { customerId: 'acme', amount: 1000, interval: 'month', start: '2024-01-15' },
 *     { customerId: 'globex', amount: 12000, interval: 'year', start: '2024-02-01', end: '2025-02-01' },
 *   ],
 *   { from: '2024-01-01', to: '2024-03-31' },
 * ).rows.map((row) => row.mrr); // [1000, 2000, 2000]
 */
export function mrr(subscriptions: readonly Subscription[], options: MrrOptions = {}): MrrResult {
  const { from, to, granularity = 'month', timeZone = 'UTC' } = parseOptions(mrrOptionsSchema, options);
  const table = toSubscriptionTable(subscriptions, timeZone);
  const range = resolveSubscriptionRange(table, from, to);
  if (!range) return { from: null, to: null, timeZone, granularity, rows: [] };
  const { fromDay, toDay } = range;
  const daily = dailyMrr(table, fromDay, toDay);

  const row = (period: number, day: number): MrrRow => {
    const twelfths = daily.mrr[day - fromDay] as number;
    const customers = daily.customers[day - fromDay] as number;
    // Divide the exact sum once, so each reported value is the nearest number to the true one.
    const arpu = customers === 0 ? null : twelfths / (12 * customers);
    return { period: formatDay(period), date: formatDay(day), mrr: twelfths / 12, customers, arpu };
  };
  const rows: MrrRow[] = [];
  if (granularity === 'day') {
    for (let day = fromDay; day <= toDay; day++) rows.push(row(day, day));
  } else {
    const months = periodCalendar('month');
    for (let m = months.indexOf(fromDay); m <= months.indexOf(toDay); m++)
      rows.push(row(months.startOf(m), Math.min(months.endOf(m), toDay)));
  }
  return { from: formatDay(fromDay), to: formatDay(toDay), timeZone, granularity, rows };
}
