/**
 * PostHog's own trends cases for the active-users maths (`dau`,
 * `weekly_active`, `monthly_active`) from `test_trends.py` and
 * `test_trends_query_runner.py`, translated to `activeUsers`: on a daily
 * chart PostHog's DAU, weekly and monthly active users are our `dau`, `wau`
 * and `mau` (windows of 1, 7 and 30 days ending on the day); with a week or
 * month interval they are our `interval: 'week' | 'month'` rows. A breakdown
 * by an event property is a `where` on each value; a table's single number is
 * the row of `to`. PostHog's weeks start on Sunday by default.
 *
 * Not translated, as kpikit has no equivalent: `test_weekly_active_users_hourly`
 * and `test_weekly_active_users_hourly_full_week` (hourly intervals),
 * `…_aggregated_range_wider_than_week_with_sampling` and
 * `test_dau_with_breakdown_filtering_with_sampling` (sampling),
 * `test_weekly_active_users_daily_based_on_action_with_zero_person_ids` (every
 * kpikit event has a user), `test_weekly_active_users_filtering` and
 * `test_breakdown_weekly_active_users_daily_based_on_action` (a condition
 * matching any of several values, and a cohort: `where` takes one value per key).
 */
import { describe, expect, it } from 'vitest';
import { activeUsers, joinUsers } from '../../src/index';
import type { ActiveUsersOptions, EventInput, KpiEvent } from '../../src/index';
import { journeys, timelines, utc, type JourneyEvent } from '../support/journeys';

/** One daily column over the range. */
function daily(events: EventInput, column: 'dau' | 'wau' | 'mau', options: Omit<ActiveUsersOptions, 'interval'>): number[] {
  return activeUsers(events, { ...options, interval: 'day' }).rows.map((row) => row[column]);
}

/** `_create_active_users_events`: p0 on Jan 3 (twice) and Jan 12, p1 on Jan 9–11, p2 on Jan 9 and 11. */
const activeUsersEvents = journeys({
  p0: [
    ['$pageview', '2020-01-03T11:00:00Z', { key: 'val' }],
    ['$pageview', '2020-01-03T12:00:00Z', { key: 'val' }],
    ['$pageview', '2020-01-12T12:00:00Z', { key: 'val' }],
  ],
  p1: [
    ['$pageview', '2020-01-09T12:00:00Z', { key: 'bor' }],
    ['$pageview', '2020-01-10T12:00:00Z', { key: 'bor' }],
    ['$pageview', '2020-01-11T12:00:00Z', { key: 'val' }],
  ],
  p2: [
    ['$pageview', '2020-01-09T12:00:00Z', { key: 'val' }],
    ['$pageview', '2020-01-11T12:00:00Z', { key: 'bor' }],
  ],
});
const pageviews = { name: '$pageview' } as const;

describe('PostHog weekly active users (test_trends.py)', () => {
  it('test_weekly_active_users_aggregated_range_wider_than_week: the table shows the WAU of the last day', () => {
    const rows = activeUsers(activeUsersEvents, { from: '2020-01-01', to: '2020-01-18', where: pageviews }).rows;
    expect(rows.at(-1)).toMatchObject({ date: '2020-01-18', wau: 1 });
  });

  it('test_weekly_active_users_aggregated_range_narrower_than_week', () => {
    const rows = activeUsers(activeUsersEvents, { from: '2020-01-11', to: '2020-01-12', where: pageviews }).rows;
    expect(rows.at(-1)).toMatchObject({ date: '2020-01-12', wau: 3 });
  });

  const wauJan8to19 = [1, 3, 2, 2, 3, 3, 3, 3, 3, 3, 1, 0];

  it('test_weekly_active_users_daily, in UTC and in zones either side of it', () => {
    for (const timeZone of ['UTC', 'America/Phoenix', 'Asia/Tokyo']) {
      const result = activeUsers(activeUsersEvents, { from: '2020-01-08', to: '2020-01-19', where: pageviews, timeZone });
      expect(result.rows.map((row) => row.date)).toEqual([
        '2020-01-08',
        '2020-01-09',
        '2020-01-10',
        '2020-01-11',
        '2020-01-12',
        '2020-01-13',
        '2020-01-14',
        '2020-01-15',
        '2020-01-16',
        '2020-01-17',
        '2020-01-18',
        '2020-01-19',
      ]);
      expect(result.rows.map((row) => row.wau)).toEqual(wauJan8to19);
    }
  });

  it('test_weekly_active_users_daily_based_on_action: the action of $pageview is a `where` on its name', () => {
    expect(daily(activeUsersEvents, 'wau', { from: '2020-01-08', to: '2020-01-19', where: pageviews })).toEqual(wauJan8to19);
  });

  it('test_weekly_active_users_weekly: with a week interval, the unique users of each Sunday week', () => {
    const result = activeUsers(activeUsersEvents, {
      interval: 'week',
      weekStartsOn: 0,
      from: '2019-12-29',
      to: '2020-01-18',
      where: pageviews,
    });
    expect(result.rows.map((row) => row.period)).toEqual(['2019-12-29', '2020-01-05', '2020-01-12']);
    expect(result.rows.map((row) => row.active)).toEqual([1, 2, 1]);
  });

  it('test_weekly_active_groups_daily: organizations by $group_0; one event per user, name and millisecond (documented)', () => {
    // `_create_event_count_per_actor_events`'s "viewed video" events, and one more of bouba on Jan 19.
    const events = journeys({
      anonymous_id: [['viewed video', '2020-01-01 00:06:02', { color: 'red', $group_0: 'bouba' }]],
      blabla: [
        ['viewed video', '2020-01-01 00:06:02', { $group_0: 'bouba' }],
        ['viewed video', '2020-01-05 19:06:34', { color: 'blue', $group_0: 'bouba' }],
        ['viewed video', '2020-01-19 00:00:00', { $group_0: 'bouba' }],
      ],
      reeree: [['viewed video', '2020-01-01 00:06:02', { color: 'blue', $group_0: 'bouba' }]],
      tintin: [
        ['sign up', '2020-01-01 00:06:02', { $group_0: 'kiki' }],
        ['viewed video', '2020-01-04 23:17:00', { color: 'red', $group_0: 'kiki' }],
        ['viewed video', '2020-01-05 19:06:34', { color: 'red' }],
        ['viewed video', '2020-01-05 19:06:34', { color: 'red', $group_0: 'bouba' }],
        ['viewed video', '2020-01-05 19:06:34', { color: 'blue', $group_0: 'kiki' }],
      ],
      murmur: [['sign up', '2020-01-03 19:06:34', { $group_0: 'kiki' }]],
    });
    const options = { from: '2020-01-08', to: '2020-01-19', where: { name: 'viewed video' }, unit: { group: '$group_0' } } as const;
    // PostHog: [2, 2, 2, 2, 0, …, 0, 1]. tintin's three Jan 5 views share one millisecond; PostHog keeps all three (each
    // has its own id), kpikit keeps one event per user, name and millisecond (documented), the one with bouba, so kiki
    // is not active on Jan 5 and the WAU of Jan 11 (Jan 5–11) counts bouba alone.
    expect(daily(events, 'wau', options)).toEqual([2, 2, 2, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
    // The same views a millisecond apart are three events, and kpikit's numbers are PostHog's.
    const jan5 = utc('2020-01-05 19:06:34');
    const apart = events.map((e, i) => (e.userId === 'tintin' && e.timestamp === jan5 ? { ...e, timestamp: jan5 + i } : e));
    expect(daily(apart, 'wau', options)).toEqual([2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('test_breakdown_weekly_active_users_daily: the one value of `key`', () => {
    const events = journeys({
      p1: ['2020-01-09', '2020-01-10', '2020-01-11'].map((d): JourneyEvent => ['$pageview', `${d}T12:00:00Z`, { key: 'val' }]),
      p2: ['2020-01-09', '2020-01-11'].map((d): JourneyEvent => ['$pageview', `${d}T12:00:00Z`, { key: 'val' }]),
    });
    const options = { from: '2020-01-01', to: '2020-01-12', where: { name: '$pageview', properties: { key: 'val' } } };
    expect(daily(events, 'wau', options)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2]);
  });

  it('test_breakdown_weekly_active_users_aggregated: the WAU of Jan 11 for each value of `key`', () => {
    const wauOf = (key: string): number =>
      activeUsers(activeUsersEvents, { from: '2020-01-11', to: '2020-01-11', where: { name: '$pageview', properties: { key } } }).rows[0]!
        .wau;
    expect(wauOf('bor')).toBe(2);
    expect(wauOf('val')).toBe(2);
  });
});

/**
 * `_create_events`: the person of "blabla" and "anonymous_id" signs up on Dec 24, three times on Jan 1 and once on
 * Jan 2; PostHog's ranges end on the day its clock is frozen, starting 7 days before.
 */
function createEvents(): KpiEvent[] {
  return journeys({
    person: [
      ['sign up', '2019-12-24', { $some_property: 'value', $bool_prop: true }],
      ['sign up', '2020-01-01', { $some_property: 'value', $bool_prop: false }],
      ['sign up', '2020-01-01', { $bool_prop: false }],
      ['sign up', '2020-01-01'],
      ['sign up', '2020-01-02', { $some_property: 'other_value', $some_numerical_prop: 80 }],
      ['no events', '2020-01-02'],
    ],
  });
}
const lastWeekOfJan4 = { from: '2019-12-28', to: '2020-01-04' } as const;

describe('PostHog DAU and MAU (test_trends.py)', () => {
  it('test_dau_filtering', () => {
    const events = [...createEvents(), ...timelines({ someone_else: ['2020-01-02'] }, 'sign up')];
    const dau = daily(events, 'dau', { ...lastWeekOfJan4, where: { name: 'sign up' } });
    expect(dau[4]).toBe(1);
    expect(dau[5]).toBe(2);
  });

  it('test_dau_with_breakdown_filtering: one series per value of $some_property', () => {
    const events = [...createEvents(), ...journeys({ person: [['sign up', '2020-01-02 13:01:01', { $some_property: 'other_value' }]] })];
    const series = (value: string): number[] =>
      daily(events, 'dau', { ...lastWeekOfJan4, where: { name: 'sign up', properties: { $some_property: value } } });
    const other = series('other_value');
    expect(other.reduce((a, b) => a + b)).toBe(1);
    expect(other[5]).toBe(1);
    const value = series('value');
    expect(value.reduce((a, b) => a + b)).toBe(1);
    expect(value[4]).toBe(1);
  });

  it('test_dau_with_breakdown_filtering_with_prop_filter', () => {
    const events = [
      ...createEvents(),
      ...journeys({ person: [['sign up', '2020-01-02 13:01:01', { $some_property: 'other_value', $os: 'Windows' }]] }),
    ];
    const dau = daily(events, 'dau', {
      ...lastWeekOfJan4,
      where: { name: 'sign up', properties: { $some_property: 'other_value', $os: 'Windows' } },
    });
    expect(dau.reduce((a, b) => a + b)).toBe(1);
    expect(dau[5]).toBe(1);
  });

  it('test_mau_with_breakdown_filtering_and_prop_filter: person properties from the users table', () => {
    const events = timelines(
      {
        blabla: ['2020-01-02 13:01:01', '2020-01-03 13:01:01'],
        blabla2: ['2020-01-02 13:01:01', '2020-01-03 13:01:01'],
        blabla3: ['2020-01-02 13:01:01', '2020-01-03 13:01:01'],
      },
      'sign up',
    );
    const table = joinUsers(events, [
      { userId: 'blabla', properties: { $some_prop: 'some_val', filter_prop: 'filter_val' } },
      { userId: 'blabla2', properties: { $some_prop: 'some_val3', filter_prop: 'filter_val2' } },
      { userId: 'blabla3', properties: { $some_prop: 'some_val2', filter_prop: 'filter_val' } },
    ]);
    for (const value of ['some_val', 'some_val2']) {
      const mau = daily(table, 'mau', {
        ...lastWeekOfJan4,
        where: { name: 'sign up', properties: { 'user.filter_prop': 'filter_val', 'user.$some_prop': value } },
      });
      expect(mau.reduce((a, b) => a + b)).toBe(3);
      expect(mau[5]).toBe(1);
    }
  });

  it('test_trends_aggregate_by_distinct_id: counted by distinct id, each id is a user', () => {
    // With PostHog's per-distinct-id aggregation, the two ids of one person count twice: here they are two users.
    const events = timelines(
      { blabla: ['2019-12-24 03:45:34', '2019-12-24 03:45:34'], anonymous_id: ['2019-12-24 03:45:34'], third: ['2019-12-24 03:45:34'] },
      'sign up',
    );
    const table = joinUsers(events, [
      { userId: 'blabla', properties: { $some_prop: 'some_val' } },
      { userId: 'anonymous_id', properties: { $some_prop: 'some_val' } },
      { userId: 'third' },
    ]);
    const lastWeekOfDec31 = { from: '2019-12-24', to: '2019-12-31', where: { name: 'sign up' } } as const;
    expect(daily(table, 'dau', lastWeekOfDec31)[0]).toBe(3);
    const withProp = { ...lastWeekOfDec31, where: { name: 'sign up', properties: { 'user.$some_prop': 'some_val' } } };
    expect(daily(table, 'dau', withProp)[0]).toBe(2);
    // The breakdown by the person property: some_val 2, no value 1.
    expect(daily(table, 'dau', { ...lastWeekOfDec31, where: { name: 'sign up', properties: { 'user.$some_prop': null } } })[0]).toBe(1);
    expect(daily(table, 'mau', lastWeekOfDec31)[0]).toBe(3);
    expect(daily(table, 'wau', lastWeekOfDec31)[0]).toBe(3);
  });

  it('test_timezones_daily (UTC): the DAU and weekly active users of the last days', () => {
    const events = timelines({ blabla: ['2020-01-02T17:01:01', '2020-01-03T17:01:01', '2020-01-06T00:30:01'] }, 'sign up');
    expect(daily(events, 'dau', { from: '2019-12-22', to: '2020-01-05' })).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0]);
    expect(daily(events, 'wau', { from: '2019-12-29', to: '2020-01-05' })).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
  });
});

/** `_create_test_events` of the trends runner: p1 to p4, created at their first event. */
const runnerEvents = journeys({
  p1: [
    ...['11', '12', '13', '15', '17', '19'].map((d): JourneyEvent => ['$pageview', `2020-01-${d}T12:00:00Z`]),
    ...['11', '12', '13'].map((d): JourneyEvent => ['$pageleave', `2020-01-${d}T12:00:00Z`]),
  ],
  p2: [
    ['$pageview', '2020-01-09T12:00:00Z'],
    ['$pageview', '2020-01-12T12:00:00Z'],
    ['$pageleave', '2020-01-13T12:00:00Z'],
  ],
  p3: [
    ['$pageview', '2020-01-12T12:00:00Z'],
    ['$pageleave', '2020-01-13T12:00:00Z'],
  ],
  p4: [
    ['$pageview', '2020-01-15T12:00:00Z'],
    ['$pageleave', '2020-01-16T12:00:00Z'],
  ],
});
const jan9to20 = { from: '2020-01-09', to: '2020-01-20', where: pageviews } as const;

describe('PostHog active-users maths (test_trends_query_runner.py)', () => {
  it('test_trends_aggregation_dau', () => {
    expect(daily(runnerEvents, 'dau', jan9to20)).toEqual([1, 0, 1, 3, 1, 0, 2, 0, 1, 0, 1, 0]);
  });

  it('test_trends_aggregation_wau', () => {
    expect(daily(runnerEvents, 'wau', jan9to20)).toEqual([1, 1, 2, 3, 3, 3, 4, 4, 4, 4, 2, 2]);
  });

  it('test_trends_aggregation_wau_long_interval: Sunday weeks, the first from `date_from`', () => {
    const result = activeUsers(runnerEvents, { ...jan9to20, interval: 'week', weekStartsOn: 0 });
    expect(result.rows.map((row) => row.active)).toEqual([2, 4, 1]);
    // PostHog's first week also starts at `date_from`; kpikit says it is cut.
    expect(result.rows.map((row) => [row.period, row.days, row.incomplete])).toEqual([
      ['2020-01-05', 3, true],
      ['2020-01-12', 7, false],
      ['2020-01-19', 2, true],
    ]);
  });

  it('test_trends_aggregation_mau', () => {
    expect(daily(runnerEvents, 'mau', jan9to20)).toEqual([1, 1, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4]);
  });

  it('test_trends_aggregation_mau_long_interval', () => {
    const result = activeUsers(runnerEvents, { from: '2019-12-31', to: '2020-02-01', interval: 'month', where: pageviews });
    expect(result.rows.map((row) => row.active)).toEqual([0, 4, 0]);
  });
});

// Keep the UTC parser honest for the naive PostHog times above.
it('reads PostHog’s naive times as UTC', () => {
  expect(utc('2020-01-02T17:01:01')).toBe(Date.UTC(2020, 0, 2, 17, 1, 1));
});
