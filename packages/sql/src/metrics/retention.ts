import { formatDay, parseDay, periodCalendar, retention } from '@kpikit/core';
import type { PeriodCalendar, RetentionCohort, RetentionOptions, RetentionResult } from '@kpikit/core';
import { indent, withQuery } from '../query/context';
import { eventHead, selectWithBounds } from '../query/events';
import { allOf } from '../query/properties';
import { periodIndexSql } from '../query/periods';
import { dataRows, rangeOf, requiredNumberAt } from '../query/rows';
import { INVALID_EVENTS } from './activeUsers';
import type { MetricSql } from './metric.types';

/**
 * `retention` in SQL. In one pass over the events the database reduces them
 * to user-periods (`k_periods`); from those it finds each user's first start
 * event (over all the data), keeps the users whose first one falls in
 * `[from, to]`, and counts per cohort period and cell `k`: the cohort size
 * (`k = 0`), the users returning in period `cohort + k` (exact), or, for
 * unbounded mode, the users whose latest return is in period `cohort + k`
 * (`k` capped at `periods`). At most `cohorts × (periods + 1)` rows come back;
 * `parse` builds the triangle, the suffix sums of unbounded mode, the
 * incomplete flags and the weighted averages exactly as core does.
 */
export const retentionSql: MetricSql<RetentionOptions, RetentionResult> = {
  table: 'events',
  check(options) {
    const checked = options as RetentionOptions;
    retention([], checked);
    return checked;
  },
  compile(context, options) {
    const { params } = context;
    const { period, periods, mode = 'exact', startEvent, returnEvent, weekStartsOn = 1 } = options;
    const periodOf = (day: string): string => periodIndexSql(context, period, day, weekStartsOn);
    const range = { from: options.from, to: options.to, timeZone: options.timeZone ?? 'UTC' };
    const head = eventHead(context, range);
    const count = params.bigint(periods);
    const from = options.from === undefined ? null : params.bigint(parseDay(options.from) as number);
    const to = options.to === undefined ? null : params.bigint(parseDay(options.to) as number);
    // Only given bounds filter: a defaulted one holds every day of the data.
    const within = (day: string): string | null =>
      allOf(from === null ? null : `${day} >= ${from}`, to === null ? null : `${day} <= ${to}`);
    const isStart = startEvent === undefined ? null : `n = ${params.text(startEvent)}`;
    const isReturn = allOf(returnEvent === undefined ? null : `n = ${params.text(returnEvent)}`, within('d'));
    // Where local days follow time, a user's first start event is on the least day, and with every event a
    // start event and no bound to check, the cohort is simply the user's first period.
    const firstPeriod = head.monotonic && isStart === null && from === null && to === null;
    const first = head.monotonic ? 'd' : 'ms';
    const perPeriod = [
      ...(firstPeriod ? [] : [`min(${isStart === null ? first : `CASE WHEN ${isStart} THEN ${first} END`}) AS first_at`]),
      ...(isReturn === null ? [] : [`max(CASE WHEN ${isReturn} THEN 1 ELSE 0 END) AS ret`]),
      ...(head.monotonic ? [] : ['min(d) AS lo', 'max(d) AS hi']),
    ];
    const firstDays = head.monotonic
      ? 'SELECT u, min(first_at) AS first_day\nFROM k_periods\nGROUP BY u'
      : head.selectDay(['u'], 'first_at', '(SELECT u, min(first_at) AS first_at FROM k_periods GROUP BY u) AS s', 'first_day');
    const returned = (condition: string): string => (isReturn === null ? condition : `r.ret = 1 AND ${condition}`);
    const cells =
      mode === 'exact'
        ? [
            'SELECT c.cohort AS cohort, r.p - c.cohort AS k, count(*) AS users',
            'FROM k_cohort_users AS c',
            'JOIN k_periods AS r ON r.u = c.u',
            `WHERE ${returned(`r.p - c.cohort BETWEEN 1 AND ${count}`)}`,
            'GROUP BY c.cohort, r.p - c.cohort',
          ].join('\n')
        : [
            // A user whose latest return is in cell r counts in every cell 1 … r: parse takes the suffix sums.
            `SELECT cohort, CASE WHEN reached > ${count} THEN ${count} ELSE reached END AS k, count(*) AS users`,
            'FROM (',
            '  SELECT c.u AS u, c.cohort AS cohort, max(r.p - c.cohort) AS reached',
            '  FROM k_cohort_users AS c',
            '  JOIN k_periods AS r ON r.u = c.u',
            ...(isReturn === null ? [] : ['  WHERE r.ret = 1']),
            '  GROUP BY c.u, c.cohort',
            ') AS latest',
            'WHERE reached >= 1',
            `GROUP BY cohort, CASE WHEN reached > ${count} THEN ${count} ELSE reached END`,
          ].join('\n');
    return withQuery(
      context,
      [
        ...head.ctes,
        [
          'k_periods',
          [
            // One pass over the events: per user and period, what the cohorts need (the first start event:
            // its day where days follow time, else its instant), whether a return happened, and the days seen.
            `SELECT ${['u', 'p', ...perPeriod].join(', ')}`,
            `FROM (SELECT u, n, ms, d, ${periodOf('d')} AS p FROM k_ev) AS e`,
            'GROUP BY u, p',
          ].join('\n'),
        ],
        ['k_bounds', head.bounds('k_periods', 'lo', 'hi')],
        [
          'k_cohort_users',
          firstPeriod
            ? 'SELECT u, min(p) AS cohort\nFROM k_periods\nGROUP BY u'
            : [
                `SELECT u, ${periodOf('first_day')} AS cohort`,
                'FROM (',
                indent(firstDays),
                ') AS firsts',
                `WHERE ${within('first_day') ?? 'first_day IS NOT NULL'}`,
              ].join('\n'),
        ],
        ['k_cells', [`SELECT cohort, 0 AS k, count(*) AS users\nFROM k_cohort_users\nGROUP BY cohort`, cells].join('\nUNION ALL\n')],
      ],
      selectWithBounds(context, 'k_cells', ['cohort', 'k', 'users']),
    );
  },
  parse(rows, options) {
    const { period, periods, mode = 'exact', timeZone = 'UTC', weekStartsOn = 1 } = options;
    const range = rangeOf(rows, INVALID_EVENTS);
    if (!range)
      return { period, periods, mode, from: null, to: null, timeZone, cohorts: [], average: new Array<null>(periods + 1).fill(null) };
    const { fromDay, toDay } = range;
    const calendar = periodCalendar(period, weekStartsOn);
    const firstPeriod = calendar.indexOf(fromDay);
    const cohortCount = calendar.indexOf(toDay) - firstPeriod + 1;
    const width = periods + 1;
    const counts = new Float64Array(cohortCount * width);
    for (const i of dataRows(rows, 'cohort')) {
      const c = requiredNumberAt(rows, i, 'cohort') - firstPeriod;
      const k = requiredNumberAt(rows, i, 'k');
      if (c >= 0 && c < cohortCount && k >= 0 && k <= periods) counts[c * width + k]! += requiredNumberAt(rows, i, 'users');
    }
    if (mode === 'unbounded') {
      for (let c = 0; c < cohortCount; c++) {
        for (let k = periods - 1; k >= 1; k--) counts[c * width + k]! += counts[c * width + k + 1] as number;
      }
    }

    const cohorts: RetentionCohort[] = [];
    const totals = new Float64Array(width);
    const sizes = new Float64Array(width);
    for (let c = 0; c < cohortCount; c++) {
      const size = counts[c * width] as number;
      if (size === 0) continue;
      const cohortPeriod = firstPeriod + c;
      const cellCount = cellsUpTo(calendar, cohortPeriod, toDay, periods);
      const row = Array.from(counts.subarray(c * width, c * width + cellCount));
      for (let k = 0; k < cellCount; k++) {
        totals[k]! += row[k] as number;
        sizes[k]! += size;
      }
      cohorts.push({
        start: formatDay(calendar.startOf(cohortPeriod)),
        size,
        counts: row,
        rates: row.map((n) => n / size),
        incomplete: row.map((_, k) => calendar.endOf(cohortPeriod + k) > toDay),
      });
    }
    const average = Array.from(totals, (total, k) => ((sizes[k] as number) === 0 ? null : total / (sizes[k] as number)));
    return { period, periods, mode, from: formatDay(fromDay), to: formatDay(toDay), timeZone, cohorts, average };
  },
};

/** Number of cells (0 … periods) of a cohort whose period starts on or before `toDay`. */
function cellsUpTo(calendar: PeriodCalendar, cohortPeriod: number, toDay: number, periods: number): number {
  let k = 0;
  while (k <= periods && calendar.startOf(cohortPeriod + k) <= toDay) k++;
  return k;
}
