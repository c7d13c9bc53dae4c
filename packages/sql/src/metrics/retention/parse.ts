import { BREAKDOWN_TOP_VALUES, compareBreakdownValues, formatDay, periodCalendar, retentionCohortTable } from '@kpikit/core';
import type { PropertyValue, RetentionBreakdownGroup, RetentionCohortLayout, RetentionOptions, RetentionResult } from '@kpikit/core';
import { dataRows, rangeOf, requiredNumberAt } from '../../query/rows';
import type { SqlRow } from '../../query/rows';
import { propertyValue } from '../../query/values';
import { INVALID_EVENTS } from '../activeUsers';

/** Group codes of the breakdown: the top values are 1 … 10 by rank; then these. */
export const RETENTION_OTHER_GROUP = BREAKDOWN_TOP_VALUES + 1;
export const RETENTION_NULL_GROUP = BREAKDOWN_TOP_VALUES + 2;

/**
 * Core's retention result from the rows of the compiled query: one row per
 * non-empty (group, cohort, cell), group 0 when there is no breakdown. The
 * overall table is the sum of the groups'; the top groups are ordered as
 * core orders them (total cohort size, then the value), then "Other", then
 * `null`.
 */
export function parseRetention(rows: readonly SqlRow[], options: RetentionOptions): RetentionResult {
  const { period, periods, mode = 'exact', cohort = 'first', breakdown, timeZone = 'UTC', weekStartsOn = 1 } = options;
  const head = { period, periods, mode, ...(cohort === 'recurring' ? { cohort } : {}) };
  const range = rangeOf(rows, INVALID_EVENTS);
  if (!range) {
    const empty: RetentionResult = {
      ...head,
      from: null,
      to: null,
      timeZone,
      cohorts: [],
      average: new Array<null>(periods + 1).fill(null),
    };
    return breakdown ? { ...empty, breakdown: { property: breakdown.property, groups: [] } } : empty;
  }
  const { fromDay, toDay } = range;
  const calendar = periodCalendar(period, weekStartsOn);
  const firstPeriod = calendar.indexOf(fromDay);
  const cohortCount = calendar.indexOf(toDay) - firstPeriod + 1;
  const width = periods + 1;
  const cells = cohortCount * width;
  const groupCount = breakdown ? RETENTION_NULL_GROUP + 1 : 1;
  const counts = new Float64Array(groupCount * cells);
  const values = new Map<number, PropertyValue>();
  for (const i of dataRows(rows, 'cohort')) {
    const c = requiredNumberAt(rows, i, 'cohort') - firstPeriod;
    const k = requiredNumberAt(rows, i, 'k');
    const group = breakdown ? requiredNumberAt(rows, i, 'grp') : 0;
    if (c < 0 || c >= cohortCount || k < 0 || k > periods || group < 0 || group >= groupCount) continue;
    counts[group * cells + c * width + k]! += requiredNumberAt(rows, i, 'users');
    if (group >= 1 && group < RETENTION_OTHER_GROUP && !values.has(group)) {
      values.set(group, propertyValue((rows[i] as SqlRow).value, (rows[i] as SqlRow).value_type));
    }
  }
  if (mode === 'unbounded') {
    for (let row = 0; row < counts.length; row += width) {
      for (let k = periods - 1; k >= 1; k--) counts[row + k]! += counts[row + k + 1] as number;
    }
  }
  const overall = new Float64Array(cells);
  for (let g = 0; g < groupCount; g++) for (let i = 0; i < cells; i++) overall[i]! += counts[g * cells + i] as number;
  const layout: RetentionCohortLayout = { calendar, firstPeriod, cohortCount, periods, toDay };
  const result = { ...head, from: formatDay(fromDay), to: formatDay(toDay), timeZone, ...retentionCohortTable(overall, 0, layout) };
  if (!breakdown) return result;

  const size = (group: number): number => {
    let total = 0;
    for (let c = 0; c < cohortCount; c++) total += counts[group * cells + c * width] as number;
    return total;
  };
  const top = [...values.keys()]
    .filter((group) => size(group) > 0)
    .sort((a, b) => size(b) - size(a) || compareBreakdownValues(values.get(a) ?? null, values.get(b) ?? null));
  const groups: RetentionBreakdownGroup[] = [];
  const add = (group: number, value: PropertyValue, other: boolean): void => {
    const table = retentionCohortTable(counts, group * cells, layout);
    if (table.cohorts.length > 0) groups.push({ value, other, ...table });
  };
  for (const group of top) add(group, values.get(group) ?? null, false);
  add(RETENTION_OTHER_GROUP, 'Other', true);
  add(RETENTION_NULL_GROUP, null, false);
  return { ...result, breakdown: { property: breakdown.property, groups } };
}
