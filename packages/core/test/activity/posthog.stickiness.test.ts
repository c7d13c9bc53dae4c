/**
 * PostHog's own stickiness cases (`test_stickiness_query_runner.py`),
 * translated to `stickinessDistribution`: PostHog's `data[k − 1]` is our
 * `rows[k − 1].units`, its cumulative mode our `atLeast`, its `count` our
 * `units`. PostHog's weeks start on Sunday unless the team says otherwise.
 *
 * Not translated, as kpikit has no equivalent: `test_stickiness_runs` and
 * `test_stickiness_runs_with_poe` (they assert only the response's type),
 * `test_stickiness_data_warehouse` and `…_with_entity_property_filter` (a
 * warehouse table), `test_labels` (display text), `test_interval_hour`,
 * `test_interval_hour_last_days` and `test_cumulative_stickiness_with_intervals`
 * (hourly intervals), `test_interval_2_day` and `test_interval_2_day_filtering`
 * (`intervalCount`), `test_criteria` and `test_cumulative_stickiness_with_criteria`
 * (a minimum number of events per interval), `test_limit_is_context_aware`
 * (query machinery).
 */
import { describe, expect, it } from 'vitest';
import { stickinessDistribution } from '../../src/index';
import type { KpiEvent, StickinessDistributionOptions, StickinessDistributionResult } from '../../src/index';
import { journeys, timelines, type JourneyEvent } from '../support/journeys';

const days = (from: number, to: number, step = 1): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d += step) out.push(`2020-01-${String(d).padStart(2, '0')}T12:00:00Z`);
  return out;
};

/** `_create_test_events`: p1 views and leaves a page on Jan 11–19, p2 every other day; every event carries the person's properties. */
function testEvents(): KpiEvent[] {
  const person = (times: string[], properties: Record<string, string | number | boolean>): JourneyEvent[] => [
    ...times.map((at): JourneyEvent => ['$pageview', at, properties]),
    ...times.map((at): JourneyEvent => ['$pageleave', at, properties]),
  ];
  return journeys({
    p1: person(days(11, 19), { $browser: 'Chrome', prop: 10, bool_field: true, $group_0: 'org:1' }),
    p2: person(days(11, 19, 2), { $browser: 'Firefox', prop: 10, bool_field: false, $group_0: 'org:1' }),
  });
}

const defaults = { from: '2020-01-11', to: '2020-01-20', where: { name: '$pageview' } } as const;
const data = (result: StickinessDistributionResult): number[] => result.rows.map((row) => row.units);
const cumulative = (result: StickinessDistributionResult): number[] => result.rows.map((row) => row.atLeast);
const run = (events: readonly KpiEvent[], options: StickinessDistributionOptions = {}): StickinessDistributionResult =>
  stickinessDistribution(events, { ...defaults, ...options });

// p1 is active on 9 days, p2 on 5, of the 10 days of the range.
const nineAndFive = [0, 0, 0, 0, 1, 0, 0, 0, 1, 0];
const onlyP1 = [0, 0, 0, 0, 0, 0, 0, 0, 1, 0];

describe('PostHog stickiness cases', () => {
  it('test_days: one bucket per day of the range', () => {
    expect(run(testEvents()).rows.map((row) => row.activeIntervals)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('test_count', () => {
    expect(run(testEvents()).units).toBe(2);
  });

  it('test_interval_day', () => {
    expect(data(run(testEvents(), { interval: 'day' }))).toEqual(nineAndFive);
  });

  it('test_interval_week: Sunday weeks, both active in all three', () => {
    const result = run(testEvents(), { interval: 'week', weekStartsOn: 0 });
    expect(result.intervals).toBe(3);
    expect(data(result)).toEqual([0, 0, 2]);
  });

  it('test_interval_full_weeks: the last 30 days on Jan 23', () => {
    const result = run(testEvents(), { interval: 'week', weekStartsOn: 0, from: '2019-12-24', to: '2020-01-23' });
    expect(data(result)).toEqual([0, 0, 2, 0, 0]);
  });

  it('test_interval_month', () => {
    const result = run(testEvents(), { interval: 'month' });
    expect(result.intervals).toBe(1);
    expect(data(result)).toEqual([2]);
  });

  it('test_property_filtering', () => {
    expect(data(run(testEvents(), { where: { name: '$pageview', properties: { $browser: 'Chrome' } } }))).toEqual(onlyP1);
  });

  it('test_property_filtering_hogql: `properties.$browser == "Chrome"` is a property equality', () => {
    expect(data(run(testEvents(), { where: { name: '$pageview', properties: { $browser: 'Chrome' } } }))).toEqual(onlyP1);
  });

  it('test_event_filtering: the condition on the series', () => {
    expect(data(run(testEvents(), { where: { name: '$pageview', properties: { $browser: 'Chrome' } } }))).toEqual(onlyP1);
  });

  it('test_any_event', () => {
    expect(data(stickinessDistribution(testEvents(), { from: defaults.from, to: defaults.to }))).toEqual(nineAndFive);
  });

  it('test_actions: an action of one event with a property is a `where`', () => {
    expect(data(run(testEvents(), { where: { name: '$pageview', properties: { $browser: 'Chrome' } } }))).toEqual(onlyP1);
  });

  it('test_compare: the previous ten days, as a second call', () => {
    expect(run(testEvents()).units).toBe(2);
    expect(run(testEvents(), { from: '2020-01-01', to: '2020-01-10' }).units).toBe(0);
  });

  it('test_compare_to: the same range a day earlier', () => {
    const current = run(testEvents(), { from: '2020-01-12', to: '2020-01-20' });
    expect(current.units).toBe(2);
    expect(data(current)).toEqual([0, 0, 0, 1, 0, 0, 0, 1, 0]);
    const previous = run(testEvents(), { from: '2020-01-11', to: '2020-01-19' });
    expect(previous.units).toBe(2);
    expect(data(previous)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('test_filter_test_accounts: the team’s test-account filter keeps the Chrome events', () => {
    expect(data(run(testEvents(), { where: { name: '$pageview', properties: { $browser: 'Chrome' } } }))).toEqual(onlyP1);
  });

  it('test_group_aggregations: the organization is active on 9 days', () => {
    expect(data(run(testEvents(), { unit: { group: '$group_0' } }))).toEqual(onlyP1);
  });

  it('test_hogql_aggregations: counting distinct values of `prop` is a unit keyed by it', () => {
    // Both persons carry prop = 10: one unit, active on the 9 days either was.
    expect(data(run(testEvents(), { unit: { group: 'prop' } }))).toEqual(onlyP1);
  });
});

describe('PostHog cumulative stickiness and actors', () => {
  const threeUsers = timelines({
    p1: ['2020-01-11T12:00:00Z', '2020-01-12T12:00:00Z', '2020-01-13T12:00:00Z'],
    p2: ['2020-01-11T12:00:00Z', '2020-01-12T12:00:00Z'],
    p3: ['2020-01-11T12:00:00Z'],
  });
  const threeDays = { from: '2020-01-11', to: '2020-01-13' } as const;

  it('test_cumulative_stickiness', () => {
    const result = stickinessDistribution(threeUsers, threeDays);
    expect(cumulative(result)).toEqual([3, 2, 1]);
    expect(result.units).toBe(3);
  });

  it('test_cumulative_stickiness_with_property_filter', () => {
    const events = journeys({
      p1: days(11, 13).map((at): JourneyEvent => ['$pageview', at, { browser: 'Chrome' }]),
      p2: days(11, 12).map((at): JourneyEvent => ['$pageview', at, { browser: 'Safari' }]),
    });
    expect(cumulative(stickinessDistribution(events, { ...threeDays, where: { properties: { browser: 'Chrome' } } }))).toEqual([1, 1, 1]);
  });

  it('test_cumulative_stickiness_zero_days: no events', () => {
    const result = stickinessDistribution([], threeDays);
    expect(cumulative(result)).toEqual([0, 0, 0]);
    expect(result.rows.map((row) => row.atLeastShare)).toEqual([null, null, null]);
  });

  it('test_actor_query_cumulative: users active on k days or more', () => {
    expect(cumulative(stickinessDistribution(threeUsers, threeDays))).toEqual([3, 2, 1]);
  });

  it('test_actor_query_non_cumulative: users active on exactly k days', () => {
    expect(data(stickinessDistribution(threeUsers, threeDays))).toEqual([1, 1, 1]);
  });

  it('test_actor_query_with_operator: at least 2 days, at most 2 days', () => {
    const result = stickinessDistribution(threeUsers, threeDays);
    expect(result.rows[1]!.atLeast).toBe(2);
    expect(result.units - result.rows[2]!.atLeast).toBe(2);
  });
});
