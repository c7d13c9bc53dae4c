import { OPEN_END, type SubscriptionTable } from './subscriptionTable';

/**
 * Calls `visit(customer, days, values, count)` for every customer whose MRR
 * ever changes: `days[0 … count)` are the local days on which it changes,
 * ascending, and `values[i]` is the customer's MRR (in twelfths of a minor
 * unit) from `days[i]` until the next change. It is 0 before `days[0]`.
 * Changes that cancel out on one day (an upgrade ending one subscription and
 * starting another at the same price) are not reported. The buffers are
 * reused between calls: copy what must outlive the callback.
 */
export function forEachCustomerMrr(
  table: SubscriptionTable,
  visit: (customer: number, days: Int32Array, values: Float64Array, count: number) => void,
): void {
  const { customerStart, order, startDay, endDay, twelfths } = table;
  let deltaDay = new Int32Array(64);
  let deltaValue = new Float64Array(64);
  let days = new Int32Array(64);
  let values = new Float64Array(64);
  let index = new Int32Array(64);
  for (let c = 0; c + 1 < customerStart.length; c++) {
    const begin = customerStart[c] as number;
    const end = customerStart[c + 1] as number;
    if (2 * (end - begin) > deltaDay.length) {
      const size = 4 * (end - begin);
      deltaDay = new Int32Array(size);
      deltaValue = new Float64Array(size);
      index = new Int32Array(size);
      days = new Int32Array(size);
      values = new Float64Array(size);
    }
    // One +value at the start day and one −value at the end day per subscription.
    let m = 0;
    for (let r = begin; r < end; r++) {
      const s = order[r] as number;
      const value = twelfths[s] as number;
      const first = startDay[s] as number;
      const last = endDay[s] as number;
      if (value === 0 || first === last) continue;
      deltaDay[m] = first;
      deltaValue[m++] = value;
      if (last !== OPEN_END) {
        deltaDay[m] = last;
        deltaValue[m++] = -value;
      }
    }
    if (m === 0) continue;
    for (let i = 0; i < m; i++) index[i] = i;
    sortByDay(index, m, deltaDay);

    // Sum each day's deltas; keep the days on which the value really moves.
    let count = 0;
    let current = 0;
    for (let i = 0; i < m;) {
      const day = deltaDay[index[i] as number] as number;
      let next = current;
      for (; i < m && deltaDay[index[i] as number] === day; i++) next += deltaValue[index[i] as number] as number;
      if (next === current) continue;
      days[count] = day;
      values[count++] = next;
      current = next;
    }
    if (count > 0) visit(c, days, values, count);
  }
}

/** Sorts `index[0, m)` by `day[index]`: insertion sort for the usual handful, native sort beyond. */
function sortByDay(index: Int32Array, m: number, day: Int32Array): void {
  if (m <= 24) {
    for (let i = 1; i < m; i++) {
      const item = index[i] as number;
      const key = day[item] as number;
      let j = i - 1;
      while (j >= 0 && (day[index[j] as number] as number) > key) {
        index[j + 1] = index[j] as number;
        j--;
      }
      index[j + 1] = item;
    }
    return;
  }
  index.subarray(0, m).sort((a, b) => (day[a] as number) - (day[b] as number));
}
