import { formatDay, periodCalendar, stickinessDistribution, stickinessDistributionRows } from '@kpikit/core';
import type { StickinessDistributionOptions, StickinessDistributionResult } from '@kpikit/core';
import { withQuery } from '../query/context';
import { selectWithBounds } from '../query/events';
import { dataRows, INVALID_EVENTS, rangeOf, requiredNumberAt } from '../query/rows';
import { periodSpans, unitPeriodsCtes } from '../query/unitPeriods';
import type { MetricSql } from './metric.types';

/**
 * `stickinessDistribution` in SQL. From the active unit-periods the database
 * counts, for each k, the units active in exactly k periods of the range: at
 * most N rows come back; `parse` builds the shares, the cumulative counts and
 * the mean with core's own `stickinessDistributionRows`.
 */
export const stickinessDistributionSql: MetricSql<StickinessDistributionOptions, StickinessDistributionResult> = {
  table: 'events',
  check(options) {
    const checked = (options ?? {}) as StickinessDistributionOptions;
    stickinessDistribution([], checked);
    return checked;
  },
  compile(context, options) {
    const { ctes } = unitPeriodsCtes(context, options);
    return withQuery(
      context,
      [
        ...ctes,
        ['k_by_count', 'SELECT k, count(*) AS units\nFROM (SELECT u, count(*) AS k FROM k_unit_periods GROUP BY u) AS c\nGROUP BY k'],
      ],
      selectWithBounds(context, 'k_by_count', ['k', 'units']),
    );
  },
  parse(rows, options) {
    const { interval = 'day', timeZone = 'UTC', weekStartsOn = 1 } = options;
    const range = rangeOf(rows, INVALID_EVENTS);
    if (!range) return { interval, from: null, to: null, timeZone, intervals: 0, incomplete: false, units: 0, mean: null, rows: [] };
    const { spans } = periodSpans(periodCalendar(interval, weekStartsOn), range.fromDay, range.toDay);
    const byCount = new Float64Array(spans.length + 1);
    for (const i of dataRows(rows, 'k')) {
      const k = requiredNumberAt(rows, i, 'k');
      if (k >= 1 && k <= spans.length) byCount[k]! += requiredNumberAt(rows, i, 'units');
    }
    return {
      interval,
      from: formatDay(range.fromDay),
      to: formatDay(range.toDay),
      timeZone,
      intervals: spans.length,
      incomplete: (spans[0]?.incomplete ?? false) || (spans[spans.length - 1]?.incomplete ?? false),
      ...stickinessDistributionRows(byCount),
    };
  },
};
