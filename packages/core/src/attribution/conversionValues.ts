import { IssueCollector, KpiValidationError } from '../errors';
import type { EventTable, PropertyValue } from '../events/event.types';
import { OPEN_END, toSubscriptionTable } from '../revenue/subscriptionTable';
import type { AttributionPropertyValue, AttributionSubscriptionValue, AttributionValue } from './attribution.types';

/**
 * Each counted conversion's value as a whole number of quanta, so that a
 * value can be shared among touches exactly: hundredths (by default) of a
 * property value, or twelfths of a minor unit of a subscription's monthly
 * value (the revenue code's exact unit).
 */
export interface ConversionValues {
  /** Quanta of each conversion, by its index in the counted rows. */
  readonly quanta: Float64Array;
  /** Quanta per unit of value: a value is `quanta / scale`. */
  readonly scale: number;
  /** Σ quanta: an exact integer. */
  readonly total: number;
  /** Conversions without a value. */
  readonly without: number;
}

/** Reads the value of every counted conversion (`rows`), or `null` without a value option. */
export function conversionValues(
  table: EventTable,
  days: Int32Array,
  rows: Int32Array,
  value: AttributionValue | undefined,
  timeZone: string,
): ConversionValues | null {
  if (value === undefined) return null;
  const values = 'subscriptions' in value ? subscriptionValues(table, days, rows, value, timeZone) : propertyValues(table, rows, value);
  let total = 0;
  for (let i = 0; i < values.quanta.length; i++) total += values.quanta[i] as number;
  if (total > Number.MAX_SAFE_INTEGER) {
    throw new KpiValidationError('options', [
      {
        index: null,
        path: 'options.value',
        expected: `a total value below ${Number.MAX_SAFE_INTEGER / values.scale}`,
        received: String(total / values.scale),
      },
    ]);
  }
  return { ...values, total };
}

type PartialValues = Omit<ConversionValues, 'total'>;

/** Where a conversion is, for an error message: the unit and the instant. */
const conversionPath = (table: EventTable, row: number, field: string): string =>
  `events[unit ${JSON.stringify(table.userIds[table.user[row] as number])} at ${new Date(table.time[row] as number).toISOString()}].${field}`;

function propertyValues(table: EventTable, rows: Int32Array, { property, decimals = 2 }: AttributionPropertyValue): PartialValues {
  const scale = 10 ** decimals;
  const quanta = new Float64Array(rows.length);
  const column = table.properties.get(property);
  if (!column) return { quanta, scale, without: rows.length };
  const issues = new IssueCollector('conversion values');
  const expected = `a finite number ≥ 0 with at most ${decimals} decimal${decimals === 1 ? '' : 's'} (see value.decimals), or null`;
  let without = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as number;
    const code = column.codes[row] as number;
    const given: PropertyValue = code < 0 ? null : (column.values[code] as PropertyValue);
    if (given === null) {
      without++;
      continue;
    }
    const scaled = typeof given === 'number' ? given * scale : Number.NaN;
    const whole = Math.round(scaled);
    // A decimal written in binary is a hair off its grid (19.99 × 100 = 1998.9999999999998): allow that, not a real extra digit.
    if (!(whole >= 0 && whole <= Number.MAX_SAFE_INTEGER && Math.abs(scaled - whole) <= 1e-9 * Math.max(1, whole))) {
      issues.add(null, conversionPath(table, row, `properties.${property}`), expected, given);
      continue;
    }
    quanta[i] = whole;
  }
  issues.throwIfAny();
  return { quanta, scale, without };
}

/**
 * A conversion's value is the monthly value of the subscriptions its customer
 * starts on its local day or up to `withinDays` later; a subscription goes to
 * the customer's latest counted conversion (by day, then time) on or before
 * its start day, so none is counted twice. Subscriptions that are never
 * active (ending the day they start) are no one's value.
 */
function subscriptionValues(
  table: EventTable,
  days: Int32Array,
  rows: Int32Array,
  { subscriptions, customerIdFrom = 'unit', withinDays = 0 }: AttributionSubscriptionValue,
  timeZone: string,
): PartialValues {
  const subs = toSubscriptionTable(subscriptions, timeZone);
  const codeOf = new Map<string, number>();
  subs.customerIds.forEach((id, code) => codeOf.set(id, code));
  const column = customerIdFrom === 'unit' ? undefined : table.properties.get(customerIdFrom.property);
  const customerOf = (row: number): string | null => {
    if (customerIdFrom === 'unit') return table.userIds[table.user[row] as number] as string;
    const code = column ? (column.codes[row] as number) : -1;
    const id = code < 0 ? null : (column!.values[code] as PropertyValue);
    return id === null ? null : String(id);
  };

  // Each customer's conversions, by day then time.
  const byCustomer = new Map<number, number[]>();
  for (let i = 0; i < rows.length; i++) {
    const id = customerOf(rows[i] as number);
    const customer = id === null ? undefined : codeOf.get(id);
    if (customer === undefined) continue;
    let list = byCustomer.get(customer);
    if (!list) byCustomer.set(customer, (list = []));
    list.push(i);
  }
  const quanta = new Float64Array(rows.length);
  const matched = new Uint8Array(rows.length);
  const dayOf = (i: number): number => days[rows[i] as number] as number;
  const timeOf = (i: number): number => table.time[rows[i] as number] as number;
  for (const [customer, list] of byCustomer) {
    list.sort((a, b) => dayOf(a) - dayOf(b) || timeOf(a) - timeOf(b));
    for (let r = subs.customerStart[customer] as number; r < (subs.customerStart[customer + 1] as number); r++) {
      const s = subs.order[r] as number;
      const start = subs.startDay[s] as number;
      if (subs.endDay[s] === start && start !== OPEN_END) continue;
      // The latest conversion on or before the start day.
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (dayOf(list[mid] as number) <= start) lo = mid + 1;
        else hi = mid;
      }
      if (lo === 0) continue;
      const conversion = list[lo - 1] as number;
      if (start - dayOf(conversion) > withinDays) continue;
      quanta[conversion]! += subs.twelfths[s] as number;
      matched[conversion] = 1;
    }
  }
  let without = 0;
  for (let i = 0; i < rows.length; i++) if (matched[i] === 0) without++;
  return { quanta, scale: 12, without };
}
