import { BREAKDOWN_TOP_VALUES, parseDay, retention } from '@kpikit/core';
import type { RetentionEvent, RetentionOptions, RetentionResult } from '@kpikit/core';
import { indent, withQuery } from '../../query/context';
import { eventHead, selectWithBounds } from '../../query/events';
import { allOf, PropertySet } from '../../query/properties';
import { periodIndexSql } from '../../query/periods';
import type { MetricSql } from '../metric.types';
import { parseRetention, RETENTION_NULL_GROUP, RETENTION_OTHER_GROUP } from './parse';

/**
 * `retention` in SQL. In one pass over the events the database reduces them
 * to user-periods (`k_periods`): whether the period holds a return, and what
 * the cohorts need (the first start event's day or instant for first cohorts,
 * whether it holds a start event for recurring ones). From those it forms the
 * cohort users (`k_cohort_users`: one row per user for first cohorts, per
 * user and start period for recurring ones) and counts per cohort period and
 * cell `k`: the cohort size (`k = 0`; in exact mode without a return
 * condition, from the same join as the other cells), the users returning in period
 * `cohort + k` (exact), or, for unbounded mode, the users whose latest return
 * is in period `cohort + k` (`k` capped at `periods`). A breakdown reads the
 * start event that put the user in the cohort in a pass over the start
 * events (`k_starts`), ranks the values and counts per group as well. At
 * most `groups × cohorts × (periods + 1)` rows come back; `parse` builds the
 * triangles, the suffix sums of unbounded mode, the incomplete flags and the
 * weighted averages exactly as core does.
 */
export const retentionSql: MetricSql<RetentionOptions, RetentionResult> = {
  table: 'events',
  check(options) {
    const checked = options as RetentionOptions;
    retention([], checked);
    return checked;
  },
  compile(context, options) {
    const { params, dialect } = context;
    const { period, periods, mode = 'exact', cohort = 'first', breakdown, weekStartsOn = 1 } = options;
    const recurring = cohort === 'recurring';
    const periodOf = (day: string): string => periodIndexSql(context, period, day, weekStartsOn);
    const properties = new PropertySet(context);
    const startEvents = matchersOf(options.startEvent);
    const returnEvents = matchersOf(options.returnEvent);
    for (const event of startEvents ?? []) properties.addAll(event.where, 'options.startEvent.where');
    (returnEvents ?? []).forEach((event, i) => {
      properties.addAll(event.where, Array.isArray(options.returnEvent) ? `options.returnEvent[${i}].where` : 'options.returnEvent.where');
    });
    const value = breakdown ? properties.add(breakdown.property, 'options.breakdown.property') : null;
    const range = { from: options.from, to: options.to, timeZone: options.timeZone ?? 'UTC' };
    const head = eventHead(context, range, properties);
    const count = params.bigint(periods);
    const from = options.from === undefined ? null : params.bigint(parseDay(options.from) as number);
    const to = options.to === undefined ? null : params.bigint(parseDay(options.to) as number);
    // Only given bounds filter: a defaulted one holds every day of the data.
    const within = (day: string): string | null =>
      allOf(from === null ? null : `${day} >= ${from}`, to === null ? null : `${day} <= ${to}`);
    const anyOf = (events: readonly Matcher[] | undefined): string | null => {
      if (events === undefined) return null;
      const each = events.map(({ name, where }) => allOf(`n = ${params.text(name)}`, properties.condition(where)) as string);
      return each.length === 1 ? (each[0] as string) : `(${each.map((one) => `(${one})`).join(' OR ')})`;
    };
    const isStart = anyOf(startEvents);
    const isReturn = allOf(anyOf(returnEvents), within('d'));
    const isCohortStart = recurring ? allOf(isStart, within('d')) : null;
    // Where local days follow time, a user's first start event is on the least day, and with every event a
    // start event and no bound to check, the cohort is simply the user's first period.
    const firstPeriod = !recurring && value === null && head.monotonic && isStart === null && from === null && to === null;
    const first = head.monotonic ? 'd' : 'ms';
    const perPeriod = [
      ...(recurring || value !== null || firstPeriod
        ? []
        : [`min(${isStart === null ? first : `CASE WHEN ${isStart} THEN ${first} END`}) AS first_at`]),
      ...(recurring && value === null && isCohortStart !== null ? [`max(CASE WHEN ${isCohortStart} THEN 1 ELSE 0 END) AS st`] : []),
      ...(isReturn === null ? [] : [`max(CASE WHEN ${isReturn} THEN 1 ELSE 0 END) AS ret`]),
      ...(head.monotonic ? [] : ['min(d) AS lo', 'max(d) AS hi']),
    ];
    const firstDays = head.monotonic
      ? 'SELECT u, min(first_at) AS first_day\nFROM k_periods\nGROUP BY u'
      : head.selectDay(['u'], 'first_at', '(SELECT u, min(first_at) AS first_at FROM k_periods GROUP BY u) AS s', 'first_day');

    const ctes: [string, string][] = [
      ...head.ctes,
      [
        'k_periods',
        [
          // One pass over the events: per user and period, what the cohorts need, whether a return happened,
          // and the days seen.
          `SELECT ${['u', 'p', ...perPeriod].join(', ')}`,
          `FROM (SELECT u, n, ms, d${properties.carry()}, ${periodOf('d')} AS p FROM k_ev) AS e`,
          'GROUP BY u, p',
        ].join('\n'),
      ],
      ['k_bounds', head.bounds('k_periods', 'lo', 'hi')],
    ];
    if (value !== null) {
      const text = dialect.type('text');
      const startsWhere = recurring ? isCohortStart : isStart;
      // The start event that puts the user in the cohort: the first one (of the period, for recurring cohorts),
      // ties by the name's bytes; of exact duplicates differing in the value, the one without it, else the least text.
      const order = `ms, ${dialect.byteOrder('n')}, CASE WHEN bv IS NULL THEN 0 ELSE 1 END, ${dialect.byteOrder(`CAST(bv AS ${text})`)}`;
      ctes.push(
        [
          'k_starts',
          [
            `SELECT u, p, d, bv, row_number() OVER (PARTITION BY u${recurring ? ', p' : ''} ORDER BY ${order}) AS pick`,
            `FROM (SELECT u, n, ms, d${properties.carry()}, ${value} AS bv, ${periodOf('d')} AS p FROM k_ev) AS e`,
            ...(startsWhere === null ? [] : [`WHERE ${startsWhere}`]),
          ].join('\n'),
        ],
        [
          'k_cohort_users',
          `SELECT u, p AS cohort, bv, count(*) OVER (PARTITION BY bv) AS total\nFROM k_starts\nWHERE ${allOf('pick = 1', recurring ? null : within('d'))}`,
        ],
        [
          'k_value_ranks',
          // Non-NULL values ranked by their users' cohort memberships, then by their text; NULL is its own group.
          `SELECT a.*, dense_rank() OVER (ORDER BY CASE WHEN bv IS NULL THEN 1 ELSE 0 END, total DESC, ${dialect.byteOrder(`CAST(bv AS ${text})`)}) AS r\nFROM k_cohort_users AS a`,
        ],
        [
          'k_grouped',
          [
            `SELECT u, cohort, CAST(CASE WHEN bv IS NULL THEN ${RETENTION_NULL_GROUP} WHEN r <= ${BREAKDOWN_TOP_VALUES} THEN r ELSE ${RETENTION_OTHER_GROUP} END AS ${dialect.type('bigint')}) AS grp,`,
            `  CASE WHEN r <= ${BREAKDOWN_TOP_VALUES} THEN bv END AS tag`,
            'FROM k_value_ranks',
          ].join('\n'),
        ],
      );
    } else if (recurring) {
      ctes.push(['k_cohort_users', `SELECT u, p AS cohort\nFROM k_periods${isCohortStart === null ? '' : '\nWHERE st = 1'}`]);
    } else {
      ctes.push([
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
      ]);
    }

    const users = value === null ? 'k_cohort_users' : 'k_grouped';
    const tags = value === null ? '' : ', grp, tag';
    const cTags = value === null ? '' : ', c.grp, c.tag';
    const returned = (condition: string): string => (isReturn === null ? condition : `r.ret = 1 AND ${condition}`);
    // Without a return condition every cohort user has a row of its own cohort period in k_periods: in exact
    // mode the join counts cell 0, the cohort size, with the others, and no second pass over the cohort users
    // is needed.
    const sizesInJoin = mode === 'exact' && isReturn === null;
    const cells =
      mode === 'exact'
        ? [
            `SELECT c.cohort AS cohort, r.p - c.cohort AS k, count(*) AS users${cTags}`,
            `FROM ${users} AS c`,
            'JOIN k_periods AS r ON r.u = c.u',
            `WHERE ${returned(`r.p - c.cohort BETWEEN ${sizesInJoin ? 0 : 1} AND ${count}`)}`,
            `GROUP BY c.cohort, r.p - c.cohort${cTags}`,
          ].join('\n')
        : [
            // A user whose latest return is in cell r counts in every cell 1 … r: parse takes the suffix sums.
            `SELECT cohort, CASE WHEN reached > ${count} THEN ${count} ELSE reached END AS k, count(*) AS users${tags}`,
            'FROM (',
            `  SELECT c.u AS u, c.cohort AS cohort${cTags}, max(r.p - c.cohort) AS reached`,
            `  FROM ${users} AS c`,
            '  JOIN k_periods AS r ON r.u = c.u',
            ...(isReturn === null ? [] : ['  WHERE r.ret = 1']),
            `  GROUP BY c.u, c.cohort${cTags}`,
            ') AS latest',
            'WHERE reached >= 1',
            `GROUP BY cohort, CASE WHEN reached > ${count} THEN ${count} ELSE reached END${tags}`,
          ].join('\n');
    const sizes = `SELECT cohort, 0 AS k, count(*) AS users${tags}\nFROM ${users}\nGROUP BY cohort${tags}`;
    ctes.push(['k_cells', sizesInJoin ? cells : [sizes, cells].join('\nUNION ALL\n')]);
    if (value === null) return withQuery(context, ctes, selectWithBounds(context, 'k_cells', ['cohort', 'k', 'users']));
    ctes.push(['k_out', `SELECT cohort, k, users, grp, tag AS value, ${dialect.typeName('tag')} AS value_type\nFROM k_cells`]);
    return withQuery(context, ctes, selectWithBounds(context, 'k_out', ['cohort', 'k', 'users', 'grp', 'value', 'value_type']));
  },
  parse: parseRetention,
};

/** A start or return event as a name and its conditions. */
interface Matcher {
  readonly name: string;
  readonly where?: Readonly<Record<string, string | number | boolean | null>> | undefined;
}

/** The option's events as matchers (`undefined`: any event); core has checked them. */
function matchersOf(events: RetentionEvent | readonly RetentionEvent[] | undefined): Matcher[] | undefined {
  if (events === undefined) return undefined;
  const list = (Array.isArray(events) ? events : [events]) as RetentionEvent[];
  return list.map((event) => (typeof event === 'string' ? { name: event } : { name: event.name, where: event.where }));
}
