/**
 * PostHog's own retention breakdown cases (`test_retention_query_runner.py`),
 * with the counts PostHog expects: breakdowns by an event property, by a
 * person property (here `user.*` from a users table, which holds each
 * person's current value as PostHog's persons do) and by the "all users"
 * cohort (the whole table). Where a number parts, it is by one of two
 * documented choices, and the test shows the input that gives PostHog's:
 *
 * - a unit's returns count in its cohort's group whatever value they carry
 *   (PostHog counts only those carrying the start event's value);
 * - there are always the top 10 values, then "Other" (PostHog's number is
 *   its `breakdown_limit` option).
 *
 * Not translated, as kpikit has no equivalent: `test_retention_actor_query_with_breakdown`,
 * `test_retention_actor_query_with_breakdown_and_minimum_occurrences`,
 * `test_retention_actor_query_with_event_property_breakdown` and
 * `test_retention_actor_query_with_multiple_cohort_breakdowns` (the persons
 * of a cell), `test_retention_with_breakdown_event_properties_and_minimum_occurrences`
 * (several returns per period), `test_retention_with_virtual_person_property_breakdown`
 * (a channel type PostHog derives from the referring domain),
 * `test_retention_with_cohort_breakdown` and `test_retention_with_multiple_cohort_breakdowns`
 * (PostHog's saved cohorts).
 */
import { describe, expect, it } from 'vitest';
import { joinUsers, retention } from '../../src/index';
import type { KpiEvent, KpiUser, RetentionOptions } from '../../src/index';
import { date, day, days, events, group, groupValues, pad, sum, table } from './posthog.support';

const sixDays = { period: 'day', periods: 5, cohort: 'recurring', from: day(0), to: day(5) } as const satisfies RetentionOptions;
const dayTable = (part: Parameters<typeof table>[0]): number[][] => table(part, days(0, 6), 6);

// Four persons of three values, as the event, person and group breakdown cases create them.
const byPerson = { person1: 'a', person3: 'a', person2: 'b', person4: 'c' } as const;
const layout = [
  ['person1', 0],
  ['person1', 1],
  ['person1', 3],
  ['person3', 0],
  ['person3', 2],
  ['person2', 0],
  ['person2', 1],
  ['person2', 4],
  ['person4', 0],
  ['person4', 5],
] as const;
/** The layout's events, each carrying its person's value of `property` under the names given. */
function layoutEvents(property: string, names: Readonly<Record<'a' | 'b' | 'c', string>>): KpiEvent[] {
  return events(layout.map(([user, d]) => [user, date(d), { [property]: names[byPerson[user]] }] as const));
}
const tableA = pad([[2, 1, 1, 1, 0, 0], [1, 0, 1], [1], [1], [0], [0]]);
const tableB = pad([[1, 1, 0, 0, 1, 0], [1, 0, 0, 1], [0], [0], [1], [0]]);
const tableC = pad([[1, 0, 0, 0, 0, 1], [0], [0], [0], [0], [1, 0, 0, 0, 0, 0]]);

const users = (values: Readonly<Record<string, string>>, key: string): KpiUser[] =>
  Object.entries(values).map(([userId, value]) => ({ userId, properties: { [key]: value } }));

describe('PostHog retention breakdown cases', () => {
  it('test_retention_with_breakdown_with_person_properties', () => {
    const list = events(layout.map(([user, d]) => [user, date(d)] as const));
    const countries = { person1: 'US', person2: 'UK', person3: 'US', person4: 'Germany' };
    const result = retention(joinUsers(list, users(countries, 'country')), { ...sixDays, breakdown: { property: 'user.country' } });
    expect(new Set(groupValues(result))).toEqual(new Set(['Germany', 'UK', 'US']));
    expect(dayTable(group(result, 'US'))).toEqual(tableA);
    expect(dayTable(group(result, 'UK'))).toEqual(tableB);
    expect(dayTable(group(result, 'Germany'))).toEqual(tableC);
  });

  it('test_retention_with_breakdown_event_properties', () => {
    const list = layoutEvents('browser', { a: 'Chrome', b: 'Safari', c: 'Firefox' });
    const result = retention(list, { ...sixDays, breakdown: { property: 'browser' } });
    expect(new Set(groupValues(result))).toEqual(new Set(['Chrome', 'Safari', 'Firefox']));
    expect(dayTable(group(result, 'Chrome'))).toEqual(tableA);
    expect(dayTable(group(result, 'Safari'))).toEqual(tableB);
    expect(dayTable(group(result, 'Firefox'))).toEqual(tableC);
  });

  it('test_retention_with_breakdown_event_metadata: a breakdown by the group an event names', () => {
    const list = layoutEvents('$group_0', { a: 'Apple', b: 'Google', c: 'Stripe' });
    const result = retention(list, { ...sixDays, breakdown: { property: '$group_0' } });
    expect(new Set(groupValues(result))).toEqual(new Set(['Apple', 'Google', 'Stripe']));
    expect(dayTable(group(result, 'Apple'))).toEqual(tableA);
  });

  it('test_retention_with_breakdown_different_entities: returns count whatever category they carry (documented)', () => {
    const signups = events(
      [
        ['person1', date(0), { category: 'clothing', $event_type: 'signup' }],
        ['person2', date(0), { category: 'clothing', $event_type: 'signup' }],
        ['person3', date(0), { category: 'electronics', $event_type: 'signup' }],
        ['person4', date(1), { category: 'electronics', $event_type: 'signup' }],
      ],
      'signup',
    );
    const purchases = events(
      [
        ['person1', date(1), { category: 'clothing', $event_type: 'purchase' }],
        ['person1', date(3), { $event_type: 'purchase' }], // PostHog: another value than the start event's, not counted
        ['person1', date(5), { category: 'electronics', $event_type: 'purchase' }], // PostHog: not counted
        ['person2', date(2), { category: 'clothing', $event_type: 'purchase' }],
        ['person3', date(1), { category: 'electronics', $event_type: 'purchase' }],
        ['person3', date(4), { category: 'electronics', $event_type: 'purchase' }],
        ['person4', date(1), { category: 'electronics', $event_type: 'purchase' }], // the sign-up's day
        ['person4', date(2), { category: 'electronics', $event_type: 'purchase' }],
        ['person4', date(3), { category: 'clothing', $event_type: 'purchase' }], // PostHog: not counted
      ],
      'purchase',
    );
    const list = [...signups, ...purchases];
    const result = retention(list, { ...sixDays, startEvent: 'signup', returnEvent: 'purchase', breakdown: { property: 'category' } });
    expect(new Set(groupValues(result))).toEqual(new Set(['clothing', 'electronics']));
    expect(dayTable(group(result, 'clothing'))).toEqual(pad([[2, 1, 1, 1, 0, 1], [0], [0], [0], [0], [0]]));
    expect(dayTable(group(result, 'electronics'))).toEqual(pad([[1, 1, 0, 0, 1, 0], [1, 1, 1, 0, 0], [0], [0], [0], [0]]));

    // PostHog's tables: the returns of each value only.
    const only = (category: string) =>
      dayTable(
        retention(list, {
          ...sixDays,
          startEvent: { name: 'signup', where: { category } },
          returnEvent: { name: 'purchase', where: { category } },
        }),
      );
    expect(only('clothing')).toEqual(pad([[2, 1, 1, 0, 0, 0], [0], [0], [0], [0], [0]]));
    expect(only('electronics')).toEqual(pad([[1, 1, 0, 0, 1, 0], [1, 1, 0, 0, 0, 0], [0], [0], [0], [0]]));
  });

  it('test_retention_with_breakdown_on_start_event: returns without the category count too (documented)', () => {
    const signups = events(
      [
        ['person1', date(0), { category: 'clothing', $event_type: 'signup' }],
        ['person2', date(0), { category: 'clothing', $event_type: 'signup' }],
        ['person3', date(0), { category: 'electronics', $event_type: 'signup' }],
      ],
      'signup',
    );
    const purchaseDays = { person1: [1, 3, 5], person2: [2], person3: [1, 4], person4: [1, 4] };
    const purchases = events(
      Object.entries(purchaseDays).flatMap(([user, ds]) => ds.map((d) => [user, date(d), { $event_type: 'purchase' }] as const)),
      'purchase',
    );
    const list = [...signups, ...purchases];
    const options = { ...sixDays, startEvent: 'signup', returnEvent: 'purchase', breakdown: { property: 'category' } } as const;
    const result = retention(list, options);
    expect(new Set(groupValues(result))).toEqual(new Set(['clothing', 'electronics']));
    expect(dayTable(group(result, 'clothing'))).toEqual(pad([[2, 1, 1, 1, 0, 1], [0], [0], [0], [0], [0]]));
    // PostHog's: none of the returns carries the category, so none counts.
    const posthog = retention(list, {
      ...options,
      startEvent: { name: 'signup', where: { category: 'clothing' } },
      returnEvent: { name: 'purchase', where: { category: 'clothing' } },
    });
    expect(dayTable(posthog)).toEqual(pad([[2, 0, 0, 0, 0, 0], [0], [0], [0], [0], [0]]));
  });

  it('test_retention_with_breakdown_limit: the top 10 values, where PostHog keeps 2 and "Other" (documented)', () => {
    const list = events(
      (
        [
          ['p_chrome_1', 0, 'Chrome'],
          ['p_chrome_1', 1, 'Chrome'],
          ['p_chrome_2', 0, 'Chrome'],
          ['p_chrome_2', 2, 'Chrome'],
          ['p_chrome_3', 0, 'Chrome'],
          ['p_safari_1', 0, 'Safari'],
          ['p_safari_1', 1, 'Safari'],
          ['p_safari_2', 0, 'Safari'],
          ['p_firefox_1', 0, 'Firefox'],
          ['p_firefox_1', 3, 'Firefox'],
          ['p_edge_1', 0, 'Edge'],
          ['p_edge_1', 4, 'Edge'],
        ] as const
      ).map(([user, d, browser]) => [user, date(d), { browser }] as const),
    );
    const result = retention(list, { ...sixDays, breakdown: { property: 'browser' } });
    expect(groupValues(result)).toEqual(['Chrome', 'Safari', 'Edge', 'Firefox']);
    expect(dayTable(group(result, 'Chrome'))).toEqual(pad([[3, 1, 1, 0, 0, 0], [1], [1], [0], [0], [0]]));
    expect(dayTable(group(result, 'Safari'))).toEqual(pad([[2, 1, 0, 0, 0, 0], [1], [0], [0], [0], [0]]));
    // PostHog's "Other": Firefox and Edge together.
    expect(sum(dayTable(group(result, 'Firefox')), dayTable(group(result, 'Edge')))).toEqual(
      pad([[2, 0, 0, 1, 1, 0], [0], [0], [1], [1], [0]]),
    );
  });

  it('test_retention_with_all_users_cohort_breakdown: the whole table', () => {
    const list = events(
      (
        [
          ['person1', 0],
          ['person2', 0],
          ['person3', 0],
          ['person1', 1],
          ['person2', 1],
          ['person1', 2],
          ['person3', 3],
        ] as const
      ).map(([user, d]) => [user, date(d)] as const),
    );
    const result = retention(list, { ...sixDays, periods: 4, to: day(4) });
    expect(table(result, days(0, 5), 5)).toEqual(pad([[3, 2, 1, 1, 0], [2, 1, 0, 0], [1, 0, 0], [1, 0], [0]]));
  });

  it('test_retention_with_all_users_cohort_breakdown_string_value: two days, the whole table', () => {
    const list = events([
      ['person1', date(0)],
      ['person2', date(0)],
      ['person1', date(1)],
    ]);
    const result = retention(list, { ...sixDays, periods: 1, from: day(1), to: day(2) });
    expect(table(result, days(1, 2), 2)).toEqual(pad([[1, 0], [0]]));
  });

  it('test_retention_breakdown_person_property_is_stable: a person set later counts by the value now', () => {
    const list = events([
      ['person_no_country', date(0)],
      ['person_no_country', date(1)],
      ['person_with_country', date(0)],
      ['person_with_country', date(1)],
      ['person_no_country', date(2)],
      ['person_with_country', date(2)],
      ...Array.from({ length: 20 }, (_, i) => [[`person_${i}`, date(0)] as const, [`person_${i}`, date(1)] as const]).flat(),
    ]);
    const countries = {
      person_no_country: 'Taiwan',
      person_with_country: 'Taiwan',
      ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`person_${i}`, `Country_${i}`])),
    };
    const options = { ...sixDays, periods: 6, to: day(10), breakdown: { property: 'user.country' } } as const;
    const result = retention(joinUsers(list, users(countries, 'country')), options);
    expect(groupValues(result)).toContain('Taiwan');
    expect(group(result, 'Taiwan').cohorts.find((c) => c.start === day(0))?.size).toBe(2);
  });

  it('test_retention_breakdown_uses_most_recent_property_value', () => {
    const list = events([
      ['person_changing', date(0)],
      ['person_changing', date(1)],
      ['person_changing', date(2)],
      ['usa_baseline', date(0)],
      ...Array.from({ length: 15 }, (_, i) => [`other_${i}`, date(0)] as const),
    ]);
    const countries = {
      person_changing: 'USA',
      usa_baseline: 'USA',
      ...Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`other_${i}`, `Other_${i}`])),
    };
    const options = { ...sixDays, periods: 6, to: day(10), breakdown: { property: 'user.country' } } as const;
    const result = retention(joinUsers(list, users(countries, 'country')), options);
    expect(groupValues(result)).toContain('USA');
    expect(groupValues(result)).not.toContain('Canada');
    expect(group(result, 'USA').cohorts.find((c) => c.start === day(0))?.size).toBe(2);
  });

  it('test_retention_breakdown_other_grouping_logic: five values are the top 10, where PostHog keeps 3 and "Other" (documented)', () => {
    const counts = { USA: 5, Canada: 3, Germany: 2, France: 1, Spain: 1 };
    const people = Object.entries(counts).flatMap(([country, n]) =>
      Array.from({ length: n }, (_, i) => [`${country}_${i}`, country] as const),
    );
    const list = events(people.map(([user]) => [user, date(0)] as const));
    const options = { ...sixDays, periods: 6, to: day(10), breakdown: { property: 'user.country' } } as const;
    const result = retention(joinUsers(list, users(Object.fromEntries(people), 'country')), options);
    const size = (value: string) => group(result, value).cohorts.find((c) => c.start === day(0))?.size;
    expect(groupValues(result)).toEqual(['USA', 'Canada', 'Germany', 'France', 'Spain']);
    expect([size('USA'), size('Canada'), size('Germany')]).toEqual([5, 3, 2]);
    // PostHog's "Other" (France and Spain): 2 users.
    expect((size('France') ?? 0) + (size('Spain') ?? 0)).toBe(2);
  });
});
