import { formatDay, periodCalendar } from '@kpikit/core';
import type { ActiveUsersOptions, ActiveUsersPeriodResult } from '@kpikit/core';
import type { CompileContext } from '../query/context';
import { withQuery } from '../query/context';
import { selectWithBounds } from '../query/events';
import { dataRows, INVALID_EVENTS, rangeOf, requiredNumberAt, type SqlRow } from '../query/rows';
import { periodSpans, unitPeriodsCtes } from '../query/unitPeriods';

/**
 * `activeUsers` by week or month in SQL: the distinct units per calendar
 * period with a qualifying event on its days inside `[from, to]`. One row
 * per active period comes back; `parse` names the periods and their spans.
 */
export function compileActivePeriods(context: CompileContext, options: ActiveUsersOptions): string {
  const { ctes } = unitPeriodsCtes(context, options);
  return withQuery(
    context,
    [...ctes, ['k_active', 'SELECT p, count(*) AS active\nFROM k_unit_periods\nGROUP BY p']],
    selectWithBounds(context, 'k_active', ['p', 'active']),
  );
}

export function parseActivePeriods(
  rows: readonly SqlRow[],
  options: ActiveUsersOptions & { interval: 'week' | 'month' },
): ActiveUsersPeriodResult {
  const { interval, timeZone = 'UTC', weekStartsOn = 1 } = options;
  const range = rangeOf(rows, INVALID_EVENTS);
  if (!range) return { interval, from: null, to: null, timeZone, rows: [] };
  const { first, spans } = periodSpans(periodCalendar(interval, weekStartsOn), range.fromDay, range.toDay);
  const active = new Float64Array(spans.length);
  for (const i of dataRows(rows, 'p')) {
    const p = requiredNumberAt(rows, i, 'p') - first;
    if (p >= 0 && p < spans.length) active[p]! += requiredNumberAt(rows, i, 'active');
  }
  return {
    interval,
    from: formatDay(range.fromDay),
    to: formatDay(range.toDay),
    timeZone,
    rows: spans.map((span, p) => ({ ...span, active: active[p] as number })),
  };
}
