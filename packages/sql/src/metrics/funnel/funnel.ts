import { compareBreakdownValues, DEFAULT_FUNNEL_WINDOW, funnel, funnelStepResults, formatDay } from '@kpikit/core';
import type { FunnelBreakdownGroup, FunnelOptions, FunnelResult, FunnelStepResult, PropertyValue } from '@kpikit/core';
import { withQuery } from '../../query/context';
import { eventCtes, selectWithBounds } from '../../query/events';
import { dataRows, rangeOf, requiredNumberAt } from '../../query/rows';
import type { SqlRow } from '../../query/rows';
import { summariesOf } from '../../query/summary';
import type { GroupSummary } from '../../query/summary';
import { INVALID_EVENTS } from '../activeUsers';
import { propertyValue } from '../../query/values';
import type { MetricSql } from '../metric.types';
import { anyAttempts, anyTimes, checkAnyOrder } from './any';
import { orderedAttempts } from './ordered';
import { funnelPlan, matches, positionsCte, relevantEventsCte, stepNames } from './plan';
import type { Cte, FunnelPlan } from './plan';
import { strictAttempts } from './strict';
import { funnelColumns, funnelTail, GROUP_STRIDE, NULL_GROUP, OTHER_GROUP } from './tail';

/**
 * `funnel` in SQL, every order, with step conditions, exclusions (either
 * `exclusionMode`) and a breakdown (every attribution): per user the attempt
 * counted and its step times (see the builders of each order and `funnelTail`), then per
 * breakdown group and step the users reaching it and the distribution of the
 * time from the previous step, summarised in the database. `parse` forms
 * core's step results and groups.
 */
export const funnelSql: MetricSql<FunnelOptions, FunnelResult> = {
  table: 'events',
  check(options) {
    const checked = options as FunnelOptions;
    funnel([], checked);
    return checked;
  },
  compile(context, options) {
    const plan = funnelPlan(context, options);
    const order = options.order ?? 'ordered';
    if (order === 'any') checkAnyOrder(plan);
    const head = eventCtes(context, { from: options.from, to: options.to, timeZone: options.timeZone ?? 'UTC' }, plan.properties);
    const attempts: Cte[] = [positionsCte(plan.names.length)];
    let lookup: string | null = null;
    if (order === 'ordered') {
      attempts.push(...orderedAttempts(plan));
      lookup = 'k_nexts';
    } else if (order === 'strict') {
      attempts.push(...strictAttempts(plan));
      if (plan.exclusions.length > 0) {
        attempts.push(...exclusionLookup(plan));
        lookup = 'k_excl_next';
      }
    } else {
      attempts.push(...anyAttempts(plan));
    }
    const timing =
      order === 'any' ? (users: string) => anyTimes(plan, users, plan.breakdown !== null && typeof plan.attribution === 'object') : null;
    return withQuery(
      context,
      [...head, ...attempts, ...funnelTail(plan, lookup, timing)],
      selectWithBounds(context, 'k_out', funnelColumns(plan), plan.properties),
    );
  },
  parse(rows, options) {
    const { window = DEFAULT_FUNNEL_WINDOW, order = 'ordered', timeZone = 'UTC' } = options;
    const names = stepNames(options);
    const range = rangeOf(rows, INVALID_EVENTS);
    const data = range ? dataRows(rows, 'k') : [];
    const groups = summariesOf(rows, data);
    const result: FunnelResult = {
      order,
      window,
      from: range ? formatDay(range.fromDay) : null,
      to: range ? formatDay(range.toDay) : null,
      timeZone,
      steps: stepResults(names, groups, 0),
    };
    if (!options.breakdown) return result;
    return { ...result, breakdown: { property: options.breakdown.property, groups: breakdownGroups(rows, data, names, groups) } };
  },
};

/** For strict funnels with exclusions: per instant of a relevant event, the next event of each exclusion strictly after it. */
function exclusionLookup(plan: FunnelPlan): Cte[] {
  const { exclusions } = plan;
  const frame = 'OVER (PARTITION BY u ORDER BY ms RANGE BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)';
  const columns = exclusions.map(({ matcher }, x) => `min(CASE WHEN ${matches(plan, matcher)} THEN ms END) ${frame} AS ax_${x}`);
  return [
    relevantEventsCte(plan, 'k_excl_events'),
    [
      'k_excl_next',
      `SELECT DISTINCT u, ms, ${exclusions.map((_, x) => `ax_${x}`).join(', ')}\nFROM (\n  SELECT u, ms,\n    ${columns.join(',\n    ')}\n  FROM k_excl_events\n) AS w`,
    ],
  ];
}

/** Core's step results of one group (`group × GROUP_STRIDE + step` keys the summaries). */
function stepResults(names: readonly string[], groups: ReadonlyMap<number, GroupSummary>, group: number): FunnelStepResult[] {
  const counts = names.map((_, k) => groups.get(group * GROUP_STRIDE + k)?.n ?? 0);
  return funnelStepResults(names, counts, (k) => groups.get(group * GROUP_STRIDE + k));
}

/**
 * The breakdown groups: the database ranked the values (which ten are on
 * top); here they are ordered as core orders them (users, then the value's
 * string form), followed by "Other" and the NULL group when they have users.
 */
function breakdownGroups(
  rows: readonly SqlRow[],
  data: readonly number[],
  names: readonly string[],
  groups: ReadonlyMap<number, GroupSummary>,
): FunnelBreakdownGroup[] {
  const values = new Map<number, PropertyValue>();
  for (const i of data) {
    const group = Math.floor(requiredNumberAt(rows, i, 'k') / GROUP_STRIDE);
    if (group >= 1 && group < OTHER_GROUP && !values.has(group))
      values.set(group, propertyValue((rows[i] as SqlRow).value, (rows[i] as SqlRow).value_type));
  }
  const size = (group: number): number => groups.get(group * GROUP_STRIDE)?.n ?? 0;
  const top = [...values.keys()]
    .filter((group) => size(group) > 0)
    .sort((a, b) => size(b) - size(a) || compareBreakdownValues(values.get(a) ?? null, values.get(b) ?? null));
  const result: FunnelBreakdownGroup[] = top.map((group) => ({
    value: values.get(group) ?? null,
    other: false,
    steps: stepResults(names, groups, group),
  }));
  if (size(OTHER_GROUP) > 0) result.push({ value: 'Other', other: true, steps: stepResults(names, groups, OTHER_GROUP) });
  if (size(NULL_GROUP) > 0) result.push({ value: null, other: false, steps: stepResults(names, groups, NULL_GROUP) });
  return result;
}
