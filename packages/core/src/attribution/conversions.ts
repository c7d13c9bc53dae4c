import type { EventTable } from '../events/event.types';
import { compileFilter } from '../events/filter';
import type { DayRange } from '../time/range';
import type { AttributionCount } from './attribution.types';
import type { EventMatcher } from '../funnel/stepMasks';

/**
 * The rows of the conversions that count, in table order (by unit, then
 * time): with `"first"`, each unit's first-ever conversion event in the data
 * when its local day lies in the range; with `"every"`, every conversion
 * event in the range. A unit has at most one conversion per millisecond (the
 * table keeps one event per unit, name and time).
 */
export function conversionRows(
  table: EventTable,
  days: Int32Array,
  range: DayRange,
  conversion: EventMatcher,
  count: AttributionCount,
): Int32Array {
  const matches = compileFilter(table, { name: conversion.name, properties: conversion.where });
  const { userStart } = table;
  const { fromDay, toDay } = range;
  const rows: number[] = [];
  const inRange = (row: number): boolean => {
    const day = days[row] as number;
    return day >= fromDay && day <= toDay;
  };
  for (let unit = 0; unit + 1 < userStart.length; unit++) {
    const end = userStart[unit + 1] as number;
    for (let row = userStart[unit] as number; row < end; row++) {
      if (!matches(row)) continue;
      if (count === 'first') {
        if (inRange(row)) rows.push(row);
        break;
      }
      if (inRange(row)) rows.push(row);
    }
  }
  return Int32Array.from(rows);
}
