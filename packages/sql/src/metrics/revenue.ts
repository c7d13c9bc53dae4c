import { formatDay, mrr, mrrMovements, periodCalendar } from '@kpikit/core';
import type { MrrMovementRow, MrrMovementsOptions, MrrMovementsResult, MrrOptions, MrrResult, MrrRow } from '@kpikit/core';
import { withQuery } from '../query/context';
import type { CompileContext } from '../query/context';
import { selectWithBounds } from '../query/events';
import { dataRows, rangeOf, requiredNumberAt } from '../query/rows';
import type { SqlRow } from '../query/rows';
import { dailyChangesSql, INVALID_SUBSCRIPTIONS, subscriptionCtes } from '../query/subscriptions';
import type { MetricSql } from './metric.types';

// Row kinds of the movements query: daily changes, then the five movements.
const DAILY = 0;
/** Days before `from` that daily changes are kept for: the opening checkpoint is at most this far back. */
const OPENING_LEAD = 31;
const KINDS = ['new', 'expansion', 'contraction', 'churned', 'reactivation'] as const;

/** MRR (twelfths) and paying customers at the close of each day of `[first, last]`, from the daily-change rows. */
function dailyTotals(
  rows: readonly SqlRow[],
  indices: readonly number[],
  first: number,
  last: number,
): { mrr: Float64Array; customers: Float64Array } {
  const span = last - first + 1;
  const mrrByDay = new Float64Array(span);
  const customers = new Float64Array(span);
  for (const i of indices) {
    const at = requiredNumberAt(rows, i, 'at_day') - first;
    if (at < 0 || at >= span) continue;
    mrrByDay[at]! += requiredNumberAt(rows, i, 'amount');
    customers[at]! += requiredNumberAt(rows, i, 'users');
  }
  for (let i = 1; i < span; i++) {
    mrrByDay[i]! += mrrByDay[i - 1] as number;
    customers[i]! += customers[i - 1] as number;
  }
  return { mrr: mrrByDay, customers };
}

/**
 * `mrr` in SQL. The database turns subscriptions into each customer's MRR
 * change days (a running sum per customer) and returns, per day up to `to`,
 * the change of total MRR and of paying customers (earlier days folded into
 * `from`); `parse` sums them day by day and reads each period as core does.
 */
export const mrrSql: MetricSql<MrrOptions, MrrResult> = {
  table: 'subscriptions',
  check(options) {
    const checked = (options ?? {}) as MrrOptions;
    mrr([], checked);
    return checked;
  },
  compile(context: CompileContext, options) {
    return withQuery(
      context,
      [
        ...subscriptionCtes(context, { from: options.from, to: options.to, timeZone: options.timeZone ?? 'UTC' }),
        ['k_daily', dailyChangesSql('b.from_day')],
      ],
      selectWithBounds(context, 'k_daily', ['at_day', 'amount', 'users']),
    );
  },
  parse(rows, options) {
    const { granularity = 'month', timeZone = 'UTC' } = options;
    const range = rangeOf(rows, INVALID_SUBSCRIPTIONS);
    if (!range) return { from: null, to: null, timeZone, granularity, rows: [] };
    const { fromDay, toDay } = range;
    const daily = dailyTotals(rows, dataRows(rows, 'at_day'), fromDay, toDay);
    const row = (period: number, day: number): MrrRow => {
      const twelfths = daily.mrr[day - fromDay] as number;
      const customers = daily.customers[day - fromDay] as number;
      return {
        period: formatDay(period),
        date: formatDay(day),
        mrr: twelfths / 12,
        customers,
        arpu: customers === 0 ? null : twelfths / (12 * customers),
      };
    };
    const result: MrrRow[] = [];
    if (granularity === 'day') {
      for (let day = fromDay; day <= toDay; day++) result.push(row(day, day));
    } else {
      const months = periodCalendar('month');
      for (let m = months.indexOf(fromDay); m <= months.indexOf(toDay); m++)
        result.push(row(months.startOf(m), Math.min(months.endOf(m), toDay)));
    }
    return { from: formatDay(fromDay), to: formatDay(toDay), timeZone, granularity, rows: result };
  },
};

/**
 * `mrrMovements` in SQL. Each customer's MRR change days fall into the month
 * whose close they affect (bucket `k`, 0 before the first month); per customer
 * and bucket, the value before its first change and after its last one give
 * the movement (new when the customer's first paid day is in that bucket,
 * else reactivation; churned; expansion; contraction; none when the changes
 * cancel out). The database returns the movements summed per month and kind,
 * and the daily changes from the day before the first month; `parse` lays
 * them out as core does.
 */
export const mrrMovementsSql: MetricSql<MrrMovementsOptions, MrrMovementsResult> = {
  table: 'subscriptions',
  check(options) {
    const checked = (options ?? {}) as MrrMovementsOptions;
    mrrMovements([], checked);
    return checked;
  },
  compile(context: CompileContext, options) {
    const { dialect } = context;
    const month = (day: string): string => dialect.monthIndex(day);
    // Changes before the opening checkpoint (the day before the first month) only set its value:
    // fold them into a day at most a month before `from`, on or before it.
    const opening = `b.from_day - ${OPENING_LEAD}`;
    const bucket = (day: string): string =>
      `CASE WHEN ${month(day)} < ${month('b.from_day')} THEN 0 ELSE ${month(day)} - ${month('b.from_day')} + 1 END`;
    const kind = [
      'CASE',
      `  WHEN before_value = 0 THEN CASE WHEN first_bucket = bucket THEN 1 ELSE 5 END`,
      '  WHEN after_value = 0 THEN 4',
      '  WHEN after_value > before_value THEN 2',
      '  ELSE 3',
      'END',
    ].join('\n');
    const amount =
      'CASE WHEN after_value = 0 THEN -before_value WHEN before_value = 0 THEN after_value ELSE after_value - before_value END';
    return withQuery(
      context,
      [
        ...subscriptionCtes(context, { from: options.from, to: options.to, timeZone: options.timeZone ?? 'UTC' }),
        [
          'k_bucketed',
          [
            `SELECT v.c, v.at_day, v.value, v.value - v.delta AS previous, ${bucket('v.at_day')} AS bucket,`,
            `  ${bucket('min(v.at_day) OVER (PARTITION BY v.c)')} AS first_bucket`,
            'FROM k_values_ AS v',
            'CROSS JOIN k_bounds AS b',
            'WHERE v.at_day <= b.to_day',
          ].join('\n'),
        ],
        [
          'k_ranked',
          'SELECT c, value, previous, bucket, first_bucket,\n  row_number() OVER (PARTITION BY c, bucket ORDER BY at_day) AS first_in,\n  row_number() OVER (PARTITION BY c, bucket ORDER BY at_day DESC) AS last_in\nFROM k_bucketed',
        ],
        [
          'k_per_customer',
          'SELECT c, bucket, max(first_bucket) AS first_bucket,\n  max(CASE WHEN first_in = 1 THEN previous END) AS before_value,\n  max(CASE WHEN last_in = 1 THEN value END) AS after_value\nFROM k_ranked\nWHERE bucket >= 1\nGROUP BY c, bucket',
        ],
        [
          'k_movements',
          `SELECT bucket AS at_day, ${kind.replaceAll('\n', ' ')} AS part, sum(${amount}) AS amount, count(*) AS users\nFROM k_per_customer\nWHERE after_value <> before_value\nGROUP BY bucket, ${kind.replaceAll('\n', ' ')}`,
        ],
        ['k_daily', `SELECT at_day, ${DAILY} AS part, amount, users\nFROM (\n${dailyChangesSql(opening)}\n) AS x`],
        ['k_parts', 'SELECT at_day, part, amount, users FROM k_daily\nUNION ALL\nSELECT at_day, part, amount, users FROM k_movements'],
      ],
      selectWithBounds(context, 'k_parts', ['at_day', 'part', 'amount', 'users']),
    );
  },
  parse(rows, options) {
    const { timeZone = 'UTC' } = options;
    const range = rangeOf(rows, INVALID_SUBSCRIPTIONS);
    if (!range) return { from: null, to: null, timeZone, months: [] };
    const { fromDay, toDay } = range;
    const calendar = periodCalendar('month');
    const firstMonth = calendar.indexOf(fromDay);
    const monthCount = calendar.indexOf(toDay) - firstMonth + 1;
    const checkpoint = new Int32Array(monthCount + 1);
    checkpoint[0] = calendar.startOf(firstMonth) - 1;
    for (let k = 1; k <= monthCount; k++) checkpoint[k] = Math.min(calendar.endOf(firstMonth + k - 1), toDay);

    const data = dataRows(rows, 'part');
    const first = fromDay - OPENING_LEAD;
    const daily = dailyTotals(
      rows,
      data.filter((i) => requiredNumberAt(rows, i, 'part') === DAILY),
      first,
      toDay,
    );
    const amounts = new Float64Array(monthCount * KINDS.length);
    const counts = new Float64Array(monthCount * KINDS.length);
    for (const i of data) {
      const part = requiredNumberAt(rows, i, 'part');
      const k = requiredNumberAt(rows, i, 'at_day');
      if (part === DAILY || k < 1 || k > monthCount || part > KINDS.length) continue;
      amounts[(k - 1) * KINDS.length + part - 1]! += requiredNumberAt(rows, i, 'amount');
      counts[(k - 1) * KINDS.length + part - 1]! += requiredNumberAt(rows, i, 'users');
    }
    const at = (k: number): number => (checkpoint[k] as number) - first;
    const months: MrrMovementRow[] = [];
    for (let k = 1; k <= monthCount; k++) {
      const base = (k - 1) * KINDS.length;
      const amount = (kind: number): number => amounts[base + kind] as number;
      const customers = (kind: number): number => counts[base + kind] as number;
      let net = 0;
      for (let kind = 0; kind < KINDS.length; kind++) net += amount(kind);
      months.push({
        period: formatDay(calendar.startOf(firstMonth + k - 1)),
        date: formatDay(checkpoint[k] as number),
        startMrr: (daily.mrr[at(k - 1)] as number) / 12,
        endMrr: (daily.mrr[at(k)] as number) / 12,
        new: amount(0) / 12,
        expansion: amount(1) / 12,
        contraction: amount(2) / 12,
        churned: amount(3) / 12,
        reactivation: amount(4) / 12,
        net: net / 12,
        customers: {
          start: daily.customers[at(k - 1)] as number,
          end: daily.customers[at(k)] as number,
          new: customers(0),
          expansion: customers(1),
          contraction: customers(2),
          churned: customers(3),
          reactivation: customers(4),
        },
      });
    }
    return { from: formatDay(fromDay), to: formatDay(toDay), timeZone, months };
  },
};
