/**
 * PostHog's own first-time retention cases (`test_retention_query_runner.py`,
 * the `test_retention_first_time_ever_*` cases and
 * `test_retention_first_time_vs_first_ever_occurrence`), with the counts
 * PostHog expects. PostHog's `retention_first_ever_occurrence` puts a person
 * in the cohort of their first event of the start event's name; without
 * conditions that is our `cohort: 'first'`, as is its
 * `retention_first_time` with them. Each table has one row per period of
 * `[date_from, date_to]` and `totalIntervals` cells.
 *
 * Not translated, as kpikit has no equivalent:
 * `test_retention_first_time_ever_with_cohort_breakdown` (PostHog's saved
 * cohorts), `test_retention_first_time_ever_with_minimum_occurrences`
 * (several returns per period), `test_retention_first_time_ever_actors_query`
 * (the persons of a cell) and `test_retention_first_time_ever_events_query`
 * (the events of a cell). Of `test_retention_first_time_vs_first_ever_occurrence`,
 * only the first-time half: the first event of a name, kept only if it meets
 * the conditions, has no equivalent here.
 */
import { describe, expect, it } from 'vitest';
import { joinUsers, retention } from '../../src/index';
import type { KpiEvent, RetentionOptions } from '../../src/index';
import { date, day, days, events, group, groupValues, table, zeros } from './posthog.support';

const signup = '$user_signed_up';
const pageview = '$pageview';
const firstEver = {
  period: 'day',
  periods: 6,
  cohort: 'first',
  startEvent: signup,
  returnEvent: pageview,
  from: day(0),
  to: day(7),
} as const satisfies RetentionOptions;

/** PostHog's 8 rows of 7 cells, zeros but the rows given. */
function eightDays(rows: Readonly<Record<number, readonly number[]>>): number[][] {
  return zeros(8, 7).map((row, i) => [...(rows[i] ?? row)]);
}

// `_create_first_time_ever_retention_events`.
const firstEverEvents: KpiEvent[] = [
  // person1: a `$pageview` on day 0, then signs up on day 1
  ...events([['person1', date(0)]], pageview),
  ...events([['person1', date(1)]], signup),
  ...events(
    [
      ['person1', date(1)],
      ['person1', date(3)],
      ['person1', date(5)],
    ],
    pageview,
  ),
  // person2: signs up on day 1
  ...events([['person2', date(1)]], signup),
  ...events(
    [
      ['person2', date(2)],
      ['person2', date(4)],
    ],
    pageview,
  ),
  // person3: a `$pageview` on day 2, signs up on day 3
  ...events([['person3', date(2)]], pageview),
  ...events([['person3', date(3)]], signup),
  ...events(
    [
      ['person3', date(4)],
      ['person3', date(6)],
    ],
    pageview,
  ),
  // person4: a `$pageview` before the range, signs up on day 2
  ...events([['person4', date(-1)]], pageview),
  ...events([['person4', date(2)]], signup),
  ...events([['person4', date(3)]], pageview),
  // person5: signs up on day 3
  ...events([['person5', date(3)]], signup),
  ...events(
    [
      ['person5', date(4)],
      ['person5', date(5)],
    ],
    pageview,
  ),
];

/** Four persons' sign-ups and `$pageview`s, with a property on each event. */
function fourPersons(property: (user: string) => Record<string, string>): KpiEvent[] {
  const of = (user: string, days: number[], name: string): KpiEvent[] =>
    events(
      days.map((d) => [user, date(d), property(user)] as const),
      name,
    );
  return [
    ...of('person1', [1], pageview),
    ...of('person1', [2], signup),
    ...of('person1', [3, 5], pageview),
    ...of('person2', [1], signup),
    ...of('person2', [2, 4], pageview),
    ...of('person3', [2], signup),
    ...of('person3', [3, 5], pageview),
    ...of('person4', [3], pageview),
    ...of('person4', [4], signup),
    ...of('person4', [5, 6], pageview),
  ];
}

describe('PostHog first-time retention cases', () => {
  it('test_retention_first_time_ever_basic', () => {
    expect(table(retention(firstEverEvents, firstEver), days(0, 8), 7)).toEqual(
      eightDays({ 1: [2, 1, 1, 1, 1, 0, 0], 2: [1, 1, 0, 0, 0, 0, 0], 3: [2, 2, 1, 1, 0, 0, 0] }),
    );
  });

  it('test_retention_first_time_ever_with_person_breakdown', () => {
    const list = fourPersons(() => ({}));
    const ages = { person1: '25', person2: '30', person3: '25', person4: '30' };
    const users = Object.entries(ages).map(([userId, age]) => ({ userId, properties: { age } }));
    const result = retention(joinUsers(list, users), { ...firstEver, breakdown: { property: 'user.age' } });
    expect(groupValues(result)).toEqual(['25', '30']);
    expect(table(group(result, '25'), days(0, 8), 7)).toEqual(eightDays({ 2: [2, 2, 0, 2, 0, 0, 0] }));
    expect(table(group(result, '30'), days(0, 8), 7)).toEqual(eightDays({ 1: [1, 1, 0, 1, 0, 0, 0], 4: [1, 1, 1, 0, 0, 0, 0] }));
  });

  it('test_retention_first_time_ever_with_event_breakdown', () => {
    const sources: Record<string, string> = { person1: 'web', person2: 'mobile', person3: 'web' };
    const list = fourPersons((user) => ({ source: sources[user] ?? '' })).filter((e) => e.userId !== 'person4');
    const result = retention(list, { ...firstEver, breakdown: { property: 'source' } });
    expect(groupValues(result)).toEqual(['web', 'mobile']);
    expect(table(group(result, 'web'), days(0, 8), 7)).toEqual(eightDays({ 2: [2, 2, 0, 2, 0, 0, 0] }));
    expect(table(group(result, 'mobile'), days(0, 8), 7)).toEqual(eightDays({ 1: [1, 1, 0, 1, 0, 0, 0] }));
  });

  it('test_retention_first_time_ever_different_intervals: Sunday weeks, a return beyond the last cell', () => {
    const list = [
      ...events([['person1', date(1)]], signup),
      ...events(
        [
          ['person1', date(8)],
          ['person1', date(15)],
        ],
        pageview,
      ),
      ...events([['person2', date(8)]], pageview),
      ...events([['person2', date(14)]], signup),
      ...events([['person2', date(20)]], pageview),
      ...events([['person3', date(14)]], signup),
      ...events(
        [
          ['person3', date(20)],
          ['person3', date(20, 5, 1)],
        ],
        pageview,
      ),
    ];
    const weeks = ['2020-06-07', '2020-06-14', '2020-06-21', '2020-06-28', '2020-07-05', '2020-07-12', '2020-07-19', '2020-07-26'];
    const options = { ...firstEver, period: 'week', periods: 4, weekStartsOn: 0, to: day(20, 1) } as const;
    const expected = zeros(8, 5);
    expected[0] = [1, 1, 1, 0, 0];
    expected[2] = [2, 2, 0, 0, 0];
    expect(table(retention(list, options), weeks, 5)).toEqual(expected);
  });

  it('test_retention_first_time_ever_with_properties: a condition on every event', () => {
    const sources: Record<string, string> = { person1: 'organic', person2: 'paid', person3: 'organic' };
    const list = fourPersons((user) => ({ source: sources[user] ?? '' })).filter((e) => e.userId !== 'person4');
    const organic = { source: 'organic' };
    const result = retention(list, {
      ...firstEver,
      startEvent: { name: signup, where: organic },
      returnEvent: { name: pageview, where: organic },
    });
    expect(table(result, days(0, 8), 7)).toEqual(eightDays({ 2: [2, 2, 0, 2, 0, 0, 0] }));
  });

  it('test_retention_first_time_vs_first_ever_occurrence: first time, the first event meeting the conditions', () => {
    const list = [
      ...events([['person1', date(0), { prop: 'wrong' }]], 'target_event'),
      ...events([['person1', date(1), { prop: 'correct' }]], 'target_event'),
      ...events(
        [
          ['person1', date(2)],
          ['person1', date(3)],
        ],
        'returning_event',
      ),
    ];
    const result = retention(list, {
      ...firstEver,
      periods: 4,
      to: day(5),
      startEvent: { name: 'target_event', where: { prop: 'correct' } },
      returnEvent: 'returning_event',
    });
    const expected = zeros(6, 5);
    expected[1] = [1, 1, 1, 0, 0];
    expect(table(result, days(0, 6), 5)).toEqual(expected);
  });
});
