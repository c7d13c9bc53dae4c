import type { RetentionBreakdownGroup, RetentionResult } from '@kpikit/core';
import type { Formatter } from '../format/formatter';
import type { RetentionBreakdownModel } from './retentionGrid.types';

/** The key of the overall cohorts in the breakdown selector. */
export const BREAKDOWN_ALL = '$all';
/** The key of the group whose start event lacks the property. */
export const BREAKDOWN_NONE = '$none';

/** A group's key: its value as a string, `'$none'` for the group without the property. */
export const groupKey = (group: RetentionBreakdownGroup): string => (group.value === null ? BREAKDOWN_NONE : String(group.value));

/**
 * The table to draw for a key: the group's cohorts and average in place of
 * the overall ones, or the result itself for `'$all'`, a result without a
 * breakdown or a key matching no group.
 */
export function selectGroup(result: RetentionResult, key: string): RetentionResult {
  if (key === BREAKDOWN_ALL || !result.breakdown) return result;
  const group = result.breakdown.groups.find((candidate) => groupKey(candidate) === key);
  return group ? { ...result, cohorts: group.cohorts, average: group.average } : result;
}

/** The selector's label and options ("All", then the groups labelled as the funnel's legend labels them), or `null` without a breakdown. */
export function breakdownModel(result: RetentionResult | null, key: string, fmt: Formatter): RetentionBreakdownModel | null {
  if (!result?.breakdown) return null;
  const { groups, property } = result.breakdown;
  const options = [
    { key: BREAKDOWN_ALL, label: fmt.t('retention.breakdownAll') },
    ...groups.map((group) => ({ key: groupKey(group), label: group.value === null ? fmt.t('funnel.none') : String(group.value) })),
  ];
  return {
    label: fmt.t('retention.breakdown', { property }),
    options,
    value: options.some((option) => option.key === key) ? key : BREAKDOWN_ALL,
  };
}
