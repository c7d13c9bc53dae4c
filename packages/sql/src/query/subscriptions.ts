import { MAX_SUBSCRIPTION_AMOUNT } from '@kpikit/core';
import type { BoundaryType } from '../target';
import type { CompileContext } from './context';
import { boundsSql } from './events';
import { localDayIn } from './zone';

/** What `parse` reports for invalid subscription rows. */
export const INVALID_SUBSCRIPTIONS = `no row with a NULL or empty customer id, an amount that is not an integer from 0 to ${MAX_SUBSCRIPTION_AMOUNT}, an interval other than 'month' or 'year', a NULL start, or an end before its start`;

/**
 * The common head of the revenue queries, as named CTEs:
 *
 * - `sub_src`: the rows, boundaries as local day numbers (`s_day`, `e_day`,
 *   NULL while running) and a validity flag;
 * - `subs (c, tw, s_day, e_day)`: the valid rows, with the monthly value in
 *   twelfths of a minor unit (`amount` for a yearly plan, `12 × amount` for a
 *   monthly one: exact integers), an end on an earlier local day moved to the
 *   start (a clock turned back at midnight);
 * - `bounds (from_day, to_day, invalid)`: the range (default: the earliest
 *   start and the latest start or end) and the count of invalid rows;
 * - `changes (c, at_day, delta)`: per customer and day, the net change of the
 *   customer's MRR, only where it really changes.
 */
export function subscriptionCtes(
  context: CompileContext,
  range: { from?: string | undefined; to?: string | undefined; timeZone: string },
): [string, string][] {
  const { dialect } = context;
  const text = dialect.type('text');
  const double = dialect.type('double');
  const bigint = dialect.type('bigint');
  const boundary = context.setting('boundaryType') as BoundaryType;
  // Dates name local days directly; instants are compared as instants, then bucketed in the zone.
  const point = (column: string): string =>
    boundary === 'date' ? `CAST(${column} AS ${dialect.type('date')})` : dialect.epochMs(column, boundary);
  const day = (value: string): string => (boundary === 'date' ? dialect.dateDay(value) : localDayIn(context, value, range.timeZone));
  const valid = [
    `c IS NOT NULL AND c <> ''`,
    `amt IS NOT NULL AND amt >= 0 AND amt <= ${MAX_SUBSCRIPTION_AMOUNT} AND amt = floor(amt)`,
    `iv IN ('month', 'year')`,
    's_at IS NOT NULL',
    '(e_at IS NULL OR e_at >= s_at)',
  ].join(' AND ');
  return [
    [
      'k_sub_raw',
      [
        `SELECT CAST(${context.column('customerId')} AS ${text}) AS c, CAST(${context.column('amount')} AS ${double}) AS amt,`,
        `  CAST(${context.column('interval')} AS ${text}) AS iv, ${point(context.column('start'))} AS s_at, ${point(context.column('end'))} AS e_at`,
        `FROM ${context.table}`,
      ].join('\n'),
    ],
    ['k_sub_src', `SELECT c, amt, iv, s_at, e_at, CASE WHEN ${valid} THEN 1 ELSE 0 END AS ok\nFROM k_sub_raw`],
    [
      'k_subs',
      [
        `SELECT c, CASE WHEN iv = 'year' THEN CAST(amt AS ${bigint}) ELSE CAST(amt AS ${bigint}) * 12 END AS tw, s_day,`,
        '  CASE WHEN e_day IS NULL THEN NULL WHEN e_day < s_day THEN s_day ELSE e_day END AS e_day',
        `FROM (SELECT c, amt, iv, ${day('s_at')} AS s_day, ${day('e_at')} AS e_day FROM k_sub_src WHERE ok = 1) AS d`,
      ].join('\n'),
    ],
    ['k_sub_days', 'SELECT s_day AS d FROM k_subs\nUNION ALL\nSELECT e_day AS d FROM k_subs WHERE e_day IS NOT NULL'],
    ['k_bounds', boundsSql(context, range, 'k_sub_days', 'd', 'd', '(SELECT count(*) AS bad FROM k_sub_src WHERE ok = 0)')],
    [
      'k_changes',
      [
        'SELECT c, at_day, sum(change) AS delta',
        'FROM (',
        '  SELECT c, s_day AS at_day, tw AS change FROM k_subs WHERE tw > 0 AND (e_day IS NULL OR e_day > s_day)',
        '  UNION ALL',
        '  SELECT c, e_day AS at_day, -tw AS change FROM k_subs WHERE tw > 0 AND e_day > s_day',
        ') AS moves',
        'GROUP BY c, at_day',
        'HAVING sum(change) <> 0',
      ].join('\n'),
    ],
    [
      'k_values_',
      `SELECT c, at_day, delta, sum(delta) OVER (PARTITION BY c ORDER BY at_day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS value\nFROM k_changes`,
    ],
  ];
}

/**
 * Per day up to `to`, the change of total MRR (twelfths) and of paying
 * customers; days before `first` (a SQL expression) are folded into it, as the
 * opening value.
 */
export function dailyChangesSql(first: string): string {
  return [
    `SELECT CASE WHEN v.at_day < ${first} THEN ${first} ELSE v.at_day END AS at_day, sum(v.delta) AS amount,`,
    '  sum(CASE WHEN v.value = v.delta THEN 1 WHEN v.value = 0 THEN -1 ELSE 0 END) AS users',
    'FROM k_values_ AS v',
    'CROSS JOIN k_bounds AS b',
    'WHERE v.at_day <= b.to_day',
    `GROUP BY CASE WHEN v.at_day < ${first} THEN ${first} ELSE v.at_day END`,
  ].join('\n');
}
