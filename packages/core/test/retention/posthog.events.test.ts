/**
 * PostHog's own retention cases (`test_retention_query_runner.py`) on start
 * and return events: other events, actions, property conditions on either,
 * conditions on every event (`properties`, here the same `where` on both) and
 * on the person (`user.*` properties from a users table), for recurring and
 * first-time cohorts; with the counts PostHog expects. PostHog's default
 * start and return event is `$pageview`; an action of one event is that
 * event. The two distinct ids of one person are one user here.
 *
 * Not translated, as kpikit has no equivalent:
 * `test_retention_with_user_properties_and_minimum_occurrences` (several
 * returns per period) and `test_filter_test_accounts` (a person condition
 * other than equality: an email not containing a text).
 */
import { describe, expect, it } from 'vitest';
import { joinUsers, retention } from '../../src/index';
import type { KpiEvent, RetentionOptions } from '../../src/index';
import { date, day, days, events, table, zeroTriangle } from './posthog.support';

// person1 (with its alias) and person2, as most cases create them.
const twoPersons = [
  ['person1', date(0)],
  ['person1', date(1)],
  ['person1', date(2)],
  ['person1', date(5)],
  ['person1', date(5, 9)],
  ['person1', date(6)],
  ['person2', date(1)],
  ['person2', date(2)],
  ['person2', date(3)],
  ['person2', date(6)],
] as const;

/** `twoPersons` with the properties given on the events at those indices. */
function twoPersonsWith(extra: Readonly<Record<number, Readonly<Record<string, string>>>>): KpiEvent[] {
  return events(twoPersons.map(([user, at], i) => [user, at, extra[i]] as const));
}

const recurring = { period: 'day', cohort: 'recurring' } as const;
const elevenDays = { ...recurring, periods: 10, from: day(0), to: day(10) } as const;
const sevenDays = { ...recurring, periods: 6, from: day(0), to: day(6) } as const;

// `_create_first_time_retention_events`.
const firstTimeEvents = [
  ...events(
    [
      ['shouldnt_include', date(-5)],
      ['shouldnt_include', date(-1)],
      ['person1', date(-1)],
      ['person1', date(1)],
      ['person1', date(2)],
      ['person1', date(3)],
      ['person1', date(4)],
      ['person2', date(-1)],
    ],
    '$user_signed_up',
  ),
  ...events(twoPersons),
  ...events([['person3', date(0)]], '$user_signed_up'),
  ...events([
    ['person3', date(1)],
    ['person3', date(3)],
    ['person3', date(4)],
    ['person3', date(5)],
  ]),
  ...events([['person4', date(2)]], '$user_signed_up'),
  ...events([
    ['person4', date(3)],
    ['person4', date(5)],
  ]),
];
const firstSignup = { period: 'day', cohort: 'first', startEvent: '$user_signed_up', returnEvent: '$pageview' } as const;

// Two persons doing `$some_event` on days 0 to 3, a third on day 5, and `$pageview`s on days 5 and 6.
const someEventThenPageviews = [
  ...events(
    [
      ['person1', date(0)],
      ['person1', date(1)],
      ['person1', date(2)],
      ['person1', date(3)],
      ['person2', date(0)],
      ['person2', date(1)],
      ['person2', date(2)],
      ['person2', date(3)],
      ['person3', date(5)],
    ],
    '$some_event',
  ),
  ...events([
    ['person1', date(5)],
    ['person1', date(6)],
    ['person2', date(5)],
  ]),
];

describe('PostHog retention cases: start and return events', () => {
  it('test_retention_multiple_events', () => {
    const result = retention(someEventThenPageviews, { ...sevenDays, startEvent: '$some_event', returnEvent: '$pageview' });
    expect(table(result, days(0, 7))).toEqual([
      [2, 0, 0, 0, 0, 2, 1],
      [2, 0, 0, 0, 2, 1],
      [2, 0, 0, 2, 1],
      [2, 0, 2, 1],
      [0, 0, 0],
      [1, 0],
      [0],
    ]);
  });

  it('test_retention_any_event', () => {
    expect(table(retention(someEventThenPageviews, sevenDays), days(0, 7))).toEqual([
      [2, 2, 2, 2, 0, 2, 1],
      [2, 2, 2, 0, 2, 1],
      [2, 2, 0, 2, 1],
      [2, 0, 2, 1],
      [0, 0, 0],
      [3, 1],
      [1],
    ]);
  });

  it('test_retention_event_action: a "sign up" action, `$some_event` returns', () => {
    const list = [
      ...events(
        (['person1', 'person2'] as const).flatMap((p) => [0, 1, 2, 3].map((d) => [p, date(d)] as const)),
        'sign up',
      ),
      ...events(
        [
          ['person1', date(3)],
          ['person2', date(5)],
        ],
        '$some_event',
      ),
    ];
    const result = retention(list, { ...sevenDays, startEvent: 'sign up', returnEvent: '$some_event' });
    expect(table(result, days(0, 7))).toEqual([
      [2, 0, 0, 1, 0, 1, 0],
      [2, 0, 1, 0, 1, 0],
      [2, 1, 0, 1, 0],
      [2, 0, 1, 0],
      [0, 0, 0],
      [0, 0],
      [0],
    ]);
  });

  it('test_retention_action_start_point: the "sign up" action starts and returns', () => {
    const list = events(twoPersons, 'sign up');
    const result = retention(list, { ...sevenDays, startEvent: 'sign up', returnEvent: 'sign up' });
    expect(table(result, days(0, 7))).toEqual([
      [1, 1, 1, 0, 0, 1, 1],
      [2, 2, 1, 0, 1, 2],
      [2, 1, 0, 1, 2],
      [1, 0, 0, 1],
      [0, 0, 0],
      [1, 1],
      [2],
    ]);
  });

  it('test_first_time_retention: first sign-ups before the range are in no cohort', () => {
    const result = retention(firstTimeEvents, { ...firstSignup, periods: 6, from: day(-1), to: day(5) });
    expect(table(result, days(-1, 7))).toEqual([
      [2, 1, 2, 2, 1, 0, 1],
      [1, 1, 0, 1, 1, 1],
      [0, 0, 0, 0, 0],
      [1, 1, 0, 1],
      [0, 0, 0],
      [0, 0],
      [0],
    ]);
  });

  it('test_first_time_retention_weeks: the last week is counted up to `to` (documented)', () => {
    const weeks = ['2020-05-03', '2020-05-10', '2020-05-17', '2020-05-24', '2020-05-31', '2020-06-07', '2020-06-14'];
    const options: RetentionOptions = { ...firstSignup, period: 'week', periods: 6, weekStartsOn: 0, from: weeks[0], to: day(5) };
    const posthog = [[0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0], [1, 0, 0], [4, 4], [0]];
    // person2's return of that week is on day 6, after `to`: PostHog counts the whole week.
    expect(table(retention(firstTimeEvents, options), weeks)).toEqual([...posthog.slice(0, 5), [4, 3], [0]]);
    expect(table(retention(firstTimeEvents, { ...options, to: '2020-06-20' }), weeks)).toEqual(posthog);
  });
});

describe('PostHog retention cases: property conditions', () => {
  it('test_retention_with_properties: a condition on every event', () => {
    const pageview = { name: '$pageview', where: { $some_property: 'value' } };
    const result = retention(events(twoPersons), { ...elevenDays, startEvent: pageview, returnEvent: pageview });
    expect(table(result, days(0, 11))).toEqual([
      [1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0],
      [1, 0, 1, 0, 0, 0, 0, 0, 0, 0],
      [1, 0, 0, 1, 0, 0, 0, 0, 0],
      [1, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0],
      [1, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0],
      [0, 0],
      [0],
    ]);
  });

  const target = { name: '$pageview', where: { $target_event_property: 'value' } };

  it('test_retention_with_properties_on_start_event', () => {
    const result = retention(twoPersonsWith({ 0: { $target_event_property: 'value' } }), { ...elevenDays, startEvent: target });
    expect(table(result, days(0, 11))).toEqual([[1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0], ...zeroTriangle(10)]);
  });

  it('test_retention_with_properties_on_start_event_for_first_time', () => {
    const list = twoPersonsWith({ 2: { $target_event_property: 'value' }, 3: { $target_event_property: 'value' } });
    const result = retention(list, { ...elevenDays, cohort: 'first', startEvent: target });
    const expected = zeroTriangle(11);
    expected[2] = [1, 0, 0, 1, 1, 0, 0, 0, 0];
    expect(table(result, days(0, 11))).toEqual(expected);
  });

  it('test_retention_with_properties_on_return_event', () => {
    const result = retention(twoPersonsWith({ 1: { $target_event_property: 'value' } }), {
      ...elevenDays,
      startEvent: '$pageview',
      returnEvent: target,
    });
    expect(table(result, days(0, 11))).toEqual([
      [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], // only one match, 1 day after for person 1
      [2, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      [2, 0, 0, 0, 0, 0, 0, 0, 0],
      [1, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0],
      [1, 0, 0, 0, 0, 0],
      [2, 0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0],
      [0, 0],
      [0],
    ]);
  });

  it('test_retention_with_properties_on_return_event_with_first_time', () => {
    const result = retention(twoPersonsWith({ 3: { $target_event_property: 'value' } }), {
      ...elevenDays,
      cohort: 'first',
      startEvent: '$pageview',
      returnEvent: target,
    });
    const expected = zeroTriangle(11);
    expected[0] = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]; // only one match, 5 days after for person 1
    expected[1] = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(table(result, days(0, 11))).toEqual(expected);
  });

  const persons = joinUsers(events(twoPersons), [
    { userId: 'person1', properties: { email: 'person1@test.com' } },
    { userId: 'person2', properties: { email: 'person2@test.com' } },
  ]);
  const person1 = { name: '$pageview', where: { 'user.email': 'person1@test.com' } };
  const person1Table = [[1, 1, 1, 0, 0, 1, 1], [1, 1, 0, 0, 1, 1], [1, 0, 0, 1, 1], [0, 0, 0, 0], [0, 0, 0], [1, 1], [1]];

  it('test_retention_with_user_properties: a person condition on every event', () => {
    const result = retention(persons, { ...sevenDays, startEvent: person1, returnEvent: person1 });
    expect(table(result, days(0, 7))).toEqual(person1Table);
  });

  it('test_retention_with_user_properties_via_action: an action of a person-filtered `$pageview` or an event no one does', () => {
    const result = retention(persons, { ...sevenDays, startEvent: person1, returnEvent: '$pageview' });
    expect(table(result, days(0, 7))).toEqual(person1Table);
  });
});
