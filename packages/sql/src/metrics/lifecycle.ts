import { formatDay, lifecycle, periodCalendar } from '@kpikit/core';
import type { LifecycleNewFrom, LifecycleOptions, LifecycleResult, LifecycleRow } from '@kpikit/core';
import { indent, withQuery } from '../query/context';
import { selectWithBounds } from '../query/events';
import { periodIndexSql } from '../query/periods';
import { dataRows, INVALID_EVENTS, numberAt, rangeOf } from '../query/rows';
import { periodSpans, unitPeriodsCtes } from '../query/unitPeriods';
import type { MetricSql } from './metric.types';

/** The event property `joinUsers` writes a users table's `createdAt` to: here, a column of epoch ms. */
const CREATED_AT = 'user.createdAt';

/**
 * `lifecycle` in SQL. From the active unit-periods (the whole period before
 * `from`'s included) the database finds each unit's previous and next active
 * period with window functions and each unit's new period (that of its first
 * qualifying or `newFrom.event` event, or of its least `user.createdAt`
 * column, epoch ms, converted in the zone), then counts per period the
 * active, returning and new units, and the units lost after each period. At
 * most two rows per period come back; `parse` takes resurrecting as the rest
 * of the active units and dormant as minus the lost ones.
 */
export const lifecycleSql: MetricSql<LifecycleOptions, LifecycleResult> = {
  table: 'events',
  check(options) {
    const checked = (options ?? {}) as LifecycleOptions;
    lifecycle([], checked);
    return checked;
  },
  compile(context, options) {
    const { dialect, params } = context;
    const { interval = 'day', weekStartsOn = 1 } = options;
    const newFrom: LifecycleNewFrom = options.newFrom ?? 'firstActivity';
    const fromCreation = newFrom === 'createdAt';
    const { ctes, selectDay, extraAliases } = unitPeriodsCtes(context, options, {
      lookback: true,
      ...(fromCreation
        ? { properties: [[CREATED_AT, 'options.newFrom']] }
        : { newCondition: (filter) => (newFrom === 'firstActivity' ? filter : `e.n = ${params.text(newFrom.event)}`) }),
    });
    const created = extraAliases.get(CREATED_AT);
    const newPeriods = created
      ? [
          `SELECT c.u AS u, ${periodIndexSql(context, interval, 'c.cd', weekStartsOn)} AS np`,
          'FROM (',
          indent(selectDay(['u'], 'ms', `(SELECT u, min(${dialect.epochMs(created, 'epoch_ms')}) AS ms FROM k_ev GROUP BY u) AS s`, 'cd')),
          ') AS c',
          'WHERE c.cd IS NOT NULL',
        ].join('\n')
      : 'SELECT u, min(CASE WHEN nw = 1 THEN p END) AS np\nFROM k_unit_all\nGROUP BY u';
    return withQuery(
      context,
      [
        ...ctes,
        ['k_new', newPeriods],
        [
          'k_walk',
          `SELECT u, p, ${dialect.lag('p', 'PARTITION BY u ORDER BY p')} AS prev, ${dialect.lag('p', 'PARTITION BY u ORDER BY p DESC')} AS next\nFROM k_unit_periods`,
        ],
        [
          'k_counts',
          [
            'SELECT w.p AS p, count(*) AS act, sum(CASE WHEN w.prev = w.p - 1 THEN 1 ELSE 0 END) AS ret,',
            '  sum(CASE WHEN w.prev = w.p - 1 THEN 0 WHEN w.p = nw.np THEN 1 ELSE 0 END) AS fresh, 0 AS gone',
            'FROM k_walk AS w',
            'LEFT JOIN k_new AS nw ON nw.u = w.u',
            'GROUP BY w.p',
            'UNION ALL',
            // Lost after period p: active in p and not in p + 1.
            'SELECT w.p + 1 AS p, 0 AS act, 0 AS ret, 0 AS fresh, count(*) AS gone',
            'FROM k_walk AS w',
            'WHERE w.next IS NULL OR w.next <> w.p + 1',
            'GROUP BY w.p + 1',
          ].join('\n'),
        ],
      ],
      selectWithBounds(context, 'k_counts', ['p', 'act', 'ret', 'fresh', 'gone']),
    );
  },
  parse(rows, options) {
    const { interval = 'day', timeZone = 'UTC', weekStartsOn = 1 } = options;
    const newFrom: LifecycleNewFrom = options.newFrom ?? 'firstActivity';
    const range = rangeOf(rows, INVALID_EVENTS);
    if (!range) return { interval, newFrom, from: null, to: null, timeZone, rows: [] };
    const { first, spans } = periodSpans(periodCalendar(interval, weekStartsOn), range.fromDay, range.toDay);
    const n = spans.length;
    const sums = { act: new Float64Array(n), ret: new Float64Array(n), fresh: new Float64Array(n), gone: new Float64Array(n) };
    for (const i of dataRows(rows, 'p')) {
      const p = (numberAt(rows, i, 'p') as number) - first;
      if (p < 0 || p >= n) continue;
      for (const key of ['act', 'ret', 'fresh', 'gone'] as const) sums[key][p]! += numberAt(rows, i, key) ?? 0;
    }
    const result: LifecycleRow[] = spans.map((span, p) => {
      const active = sums.act[p] as number;
      const returning = sums.ret[p] as number;
      const fresh = sums.fresh[p] as number;
      return {
        period: span.period,
        new: fresh,
        returning,
        resurrecting: active - returning - fresh,
        dormant: 0 - (sums.gone[p] as number),
        active,
        days: span.days,
        incomplete: span.incomplete,
      };
    });
    return { interval, newFrom, from: formatDay(range.fromDay), to: formatDay(range.toDay), timeZone, rows: result };
  },
};
