import { resolveRange, type DayRange } from '../time/range';
import { OPEN_END, type SubscriptionTable } from './subscriptionTable';

/**
 * The inclusive day range a revenue series covers: `from`/`to` when given,
 * else the earliest start day and the latest start or end day (the last day
 * on which MRR can change); `null` with no subscriptions and no bounds.
 */
export function resolveSubscriptionRange(table: SubscriptionTable, from: string | undefined, to: string | undefined): DayRange | null {
  const { startDay, endDay } = table;
  const days = new Int32Array(2 * table.length);
  let m = 0;
  for (let i = 0; i < table.length; i++) {
    days[m++] = startDay[i] as number;
    if (endDay[i] !== OPEN_END) days[m++] = endDay[i] as number;
  }
  return resolveRange(days.subarray(0, m), from, to);
}
