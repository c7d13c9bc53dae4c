import type { PropertyValue } from '../events/event.types';
import { compareBreakdownValues } from '../funnel/breakdownOrder';
import { BREAKDOWN_TOP_VALUES } from '../funnel/funnelTally';

/** The value codes of a breakdown column split into the groups a result shows. */
export interface RankedValues {
  /** Codes of the values with a group of their own, biggest first. */
  readonly top: readonly number[];
  /** Codes of the other non-null values with a positive total: they share the "Other" group. */
  readonly rest: readonly number[];
}

/**
 * Ranks a property column's values as every breakdown does: the
 * {@link BREAKDOWN_TOP_VALUES} non-null values with the largest total (ties by
 * the value's string form, then its type: {@link compareBreakdownValues}) get
 * a group each, the other values with a positive total share "Other". Values
 * whose total is 0, and `null`, are in neither list: `null` (like an absent
 * property) is a group of its own, which the caller adds.
 *
 * @example
 * rankBreakdownValues(['free', 'pro', null], (code) => [3, 5, 9][code]!); // { top: [1, 0], rest: [] }
 */
export function rankBreakdownValues(values: readonly PropertyValue[], totalOf: (code: number) => number): RankedValues {
  const ranked: number[] = [];
  for (let code = 0; code < values.length; code++) if (values[code] !== null && totalOf(code) > 0) ranked.push(code);
  ranked.sort((a, b) => totalOf(b) - totalOf(a) || compareBreakdownValues(values[a] ?? null, values[b] ?? null));
  return { top: ranked.slice(0, BREAKDOWN_TOP_VALUES), rest: ranked.slice(BREAKDOWN_TOP_VALUES) };
}
