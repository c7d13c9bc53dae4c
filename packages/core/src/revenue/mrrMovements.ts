import { parseOptions } from '../options/parseOptions';
import { formatDay } from '../time/civil';
import { periodCalendar } from '../time/period';
import { forEachCustomerMrr } from './customerMrr';
import { dailyMrr } from './dailyMrr';
import { mrrMovementsOptionsSchema } from './revenue.schema';
import type { MrrMovementRow, MrrMovementsOptions, MrrMovementsResult, Subscription } from './revenue.types';
import { resolveSubscriptionRange } from './subscriptionRange';
import { toSubscriptionTable } from './subscriptionTable';

// Movement kinds, as indices into the per-month accumulators.
const NEW = 0;
const EXPANSION = 1;
const CONTRACTION = 2;
const CHURNED = 3;
const REACTIVATION = 4;
const KINDS = 5;

/**
 * MRR movements per calendar month, ChartMogul-style: why MRR changed.
 *
 * Each customer's MRR (the sum of their active subscriptions' monthly values)
 * is compared at the close of month `m − 1` and of month `m` (the last month
 * is measured on `to`). From 0 to positive is `new` when the customer never had
 * a positive MRR on any earlier day, else `reactivation`; from positive to 0 is
 * `churned`; up is `expansion`, down is `contraction`. Losses are negative, so
 * `net` is the plain sum of the five and equals `endMrr − startMrr`. Changes
 * that undo each other within a month are not movements. Amounts are in minor
 * units, exact multiples of 1/12.
 *
 * @throws {KpiValidationError} naming each bad subscription and field (`subscriptions[3].end`).
 * @example
 * mrrMovements(
 *   [
 *     { customerId: 'acme', amount: 1000, interval: 'month', start: '2024-01-10', end: '2024-02-10' },
 *     { customerId: 'acme', amount: 1500, interval: 'month', start: '2024-02-10' },
 *   ],
 *   { from: '2024-01-01', to: '2024-02-29' },
 * ).months.map(({ period, new: added, expansion, net }) => [period, added, expansion, net]);
 * // [['2024-01-01', 1000, 0, 1000], ['2024-02-01', 0, 500, 500]]
 */
export function mrrMovements(subscriptions: readonly Subscription[], options: MrrMovementsOptions = {}): MrrMovementsResult {
  const { from, to, timeZone = 'UTC' } = parseOptions(mrrMovementsOptionsSchema, options);
  const table = toSubscriptionTable(subscriptions, timeZone);
  const range = resolveSubscriptionRange(table, from, to);
  if (!range) return { from: null, to: null, timeZone, months: [] };
  const { fromDay, toDay } = range;

  // checkpoint[k] is the day month k − 1 is measured on; checkpoint[0] is the
  // day before the first month, so the first month has a start value too.
  const calendar = periodCalendar('month');
  const firstMonth = calendar.indexOf(fromDay);
  const monthCount = calendar.indexOf(toDay) - firstMonth + 1;
  const checkpoint = new Int32Array(monthCount + 1);
  checkpoint[0] = calendar.startOf(firstMonth) - 1;
  for (let k = 1; k <= monthCount; k++) checkpoint[k] = Math.min(calendar.endOf(firstMonth + k - 1), toDay);

  const amounts = new Float64Array(monthCount * KINDS);
  const counts = new Int32Array(monthCount * KINDS);
  const record = (k: number, kind: number, delta: number): void => {
    amounts[(k - 1) * KINDS + kind]! += delta;
    counts[(k - 1) * KINDS + kind]! += 1;
  };
  forEachCustomerMrr(table, (_customer, days, values, count) => {
    const firstPaid = days[0] as number; // the first change is from 0 to a positive MRR
    let next = 0; // next change not yet applied
    let current = 0;
    const advance = (day: number): void => {
      while (next < count && (days[next] as number) <= day) current = values[next++] as number;
    };
    advance(checkpoint[0] as number);
    let before = current;
    let k = 1;
    while (k <= monthCount && next < count) {
      // No change until the month holding the next change day: skip the months between.
      const changeDay = days[next] as number;
      if (changeDay > (checkpoint[k] as number)) k = firstCheckpointFrom(checkpoint, k, changeDay);
      if (k > monthCount) break;
      advance(checkpoint[k] as number);
      const after = current;
      if (after !== before) {
        if (before === 0) record(k, firstPaid > (checkpoint[k - 1] as number) ? NEW : REACTIVATION, after);
        else if (after === 0) record(k, CHURNED, -before);
        else record(k, after > before ? EXPANSION : CONTRACTION, after - before);
      }
      before = after;
      k++;
    }
  });

  const daily = dailyMrr(table, checkpoint[0], toDay);
  const at = (k: number): number => (checkpoint[k] as number) - (checkpoint[0] as number);
  const months: MrrMovementRow[] = [];
  for (let k = 1; k <= monthCount; k++) {
    const base = (k - 1) * KINDS;
    const amount = (kind: number): number => amounts[base + kind] as number;
    let net = 0;
    for (let kind = 0; kind < KINDS; kind++) net += amount(kind);
    const customers = (kind: number): number => counts[base + kind] as number;
    months.push({
      period: formatDay(calendar.startOf(firstMonth + k - 1)),
      date: formatDay(checkpoint[k] as number),
      startMrr: (daily.mrr[at(k - 1)] as number) / 12,
      endMrr: (daily.mrr[at(k)] as number) / 12,
      new: amount(NEW) / 12,
      expansion: amount(EXPANSION) / 12,
      contraction: amount(CONTRACTION) / 12,
      churned: amount(CHURNED) / 12,
      reactivation: amount(REACTIVATION) / 12,
      net: net / 12,
      customers: {
        start: daily.customers[at(k - 1)] as number,
        end: daily.customers[at(k)] as number,
        new: customers(NEW),
        expansion: customers(EXPANSION),
        contraction: customers(CONTRACTION),
        churned: customers(CHURNED),
        reactivation: customers(REACTIVATION),
      },
    });
  }
  return { from: formatDay(fromDay), to: formatDay(toDay), timeZone, months };
}

/** The smallest `k ≥ from` with `checkpoint[k] ≥ day`, or `checkpoint.length` when there is none. */
function firstCheckpointFrom(checkpoint: Int32Array, from: number, day: number): number {
  let lo = from;
  let hi = checkpoint.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((checkpoint[mid] as number) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
