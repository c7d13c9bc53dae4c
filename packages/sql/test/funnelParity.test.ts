/**
 * The funnel rules taken from PostHog, hand-computed on every engine: how
 * exclusions count a user, breakdown attribution, and any-order times and
 * exclusions. Each case is one of PostHog's own, with the counts it expects.
 */
import type { FunnelOptions, KpiEvent, PropertyValue } from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { MS_PER_DAY, MS_PER_HOUR, PROPERTY_COLUMNS, at } from './support/data';
import { resultsOnEngines, useEngines } from './support/differential';

const engines = useEngines();
const withColumns = { table: 'events', properties: PROPERTY_COLUMNS } as const;

type Journey = readonly [name: string, at: string, properties?: Record<string, PropertyValue>];
const journeys = (byUser: Record<string, readonly Journey[]>): KpiEvent[] =>
  Object.entries(byUser).flatMap(([userId, events]) =>
    events.map(([name, when, properties]) => ({
      userId,
      name,
      timestamp: at(`${when.replace(' ', 'T')}Z`),
      ...(properties ? { properties } : {}),
    })),
  );

async function counts(events: KpiEvent[], options: FunnelOptions): Promise<number[][]> {
  return (await resultsOnEngines(engines(), 'funnel', events, options, withColumns)).map(({ result }) =>
    result.steps.map((step) => step.count),
  );
}

describe('funnel in SQL: exclusions judge a user by their furthest attempt', () => {
  it("PostHog's test_excluded_completion: the furthest attempt is disqualified, so the user is left out", async () => {
    const events = journeys({
      user_one: [
        ['step one', '2021-05-01 00:00:00'],
        ['exclusion', '2021-05-01 00:00:11'],
        ['step one', '2021-05-01 00:00:12'],
        ['exclusion', '2021-05-01 00:00:13'],
        ['step two', '2021-05-01 00:00:14'],
      ],
    });
    const options: FunnelOptions = {
      steps: ['step one', 'step two'],
      window: 10_000,
      exclusions: [{ name: 'exclusion', between: [0, 1] }],
    };
    expect(await counts(events, options)).toEqual(engines().map(() => [0, 0]));
    expect(await counts(events, { ...options, exclusionMode: 'cleanAttempts' })).toEqual(engines().map(() => [1, 0]));
    // Strict: the exclusion at 13 s also breaks the second chain at step one, so it goes no further than the first.
    expect(await counts(events, { ...options, order: 'strict' })).toEqual(engines().map(() => [1, 0]));
  });

  it('follows a disqualified attempt only to the step after the excluded event', async () => {
    const T0 = at('2024-05-01T00:00:00Z');
    const event = (name: string, ms: number): KpiEvent => ({ userId: 'J', name, timestamp: T0 + ms });
    // a, x, b, c: the first attempt stands for a and b; the clean second one reaches b too, 7 ms after its a.
    const events = [event('a', 0), event('x', 1), event('b', 2), event('c', 3), event('a', 100), event('b', 107)];
    const options: FunnelOptions = { steps: ['a', 'b', 'c'], window: 1000, exclusions: [{ name: 'x', between: [0, 1] }] };
    for (const { result } of await resultsOnEngines(engines(), 'funnel', events, options)) {
      expect(result.steps.map((step) => [step.count, step.median])).toEqual([
        [1, null],
        [1, 7],
        [0, null],
      ]);
    }
    expect(await counts(events.slice(0, 5), options)).toEqual(engines().map(() => [0, 0, 0]));
  });
});

describe('funnel in SQL: breakdown attribution', () => {
  const people = (complete: boolean): KpiEvent[] =>
    journeys({
      person1: [
        ['sign up', '2020-01-01 12:00:00', { plan: 'Chrome' }],
        ['buy', '2020-01-01 13:00:00'],
      ],
      person2: [['sign up', '2020-01-01 13:00:00'], ...(complete ? [['buy', '2020-01-02 13:00:00', { plan: 'Safari' }] as const] : [])],
      person3: [['sign up', '2020-01-02 14:00:00', { plan: 'Mac' }], ...(complete ? [['buy', '2020-01-02 15:00:00'] as const] : [])],
      person4: [
        ['sign up', '2020-01-02 15:00:00', { plan: 'zero' }],
        ['buy', '2020-01-02 16:00:00', { plan: 'alakazam' }],
      ],
    });
  const groups = async (events: KpiEvent[], attribution: NonNullable<FunnelOptions['breakdown']>['attribution']) =>
    (
      await resultsOnEngines(
        engines(),
        'funnel',
        events,
        { steps: ['sign up', 'buy'], window: 7 * MS_PER_DAY, breakdown: { property: 'plan', ...(attribution ? { attribution } : {}) } },
        withColumns,
      )
    ).map(({ result }) => result.breakdown?.groups.map((group) => [group.value, group.steps.map((step) => step.count)]));

  it("PostHog's first touch (the default), last touch, step 0 and step 1", async () => {
    const events = people(true);
    const firstTouch = [
      ['Chrome', [1, 1]],
      ['Mac', [1, 1]],
      ['Safari', [1, 1]],
      ['zero', [1, 1]],
    ];
    expect(await groups(events, undefined)).toEqual(engines().map(() => firstTouch));
    expect(await groups(events, 'first_touch')).toEqual(engines().map(() => firstTouch));
    expect(await groups(events, 'last_touch')).toEqual(
      engines().map(() => [
        ['Chrome', [1, 1]],
        ['Mac', [1, 1]],
        ['Safari', [1, 1]],
        ['alakazam', [1, 1]],
      ]),
    );
    expect(await groups(events, { step: 0 })).toEqual(
      engines().map(() => [
        ['Chrome', [1, 1]],
        ['Mac', [1, 1]],
        ['zero', [1, 1]],
        [null, [1, 1]],
      ]),
    );
    expect(await groups(events, { step: 1 })).toEqual(
      engines().map(() => [
        ['Safari', [1, 1]],
        ['alakazam', [1, 1]],
        [null, [2, 2]],
      ]),
    );
  });

  it('leaves users short of step k out of a { step: k } breakdown, not out of the funnel', async () => {
    const events = people(false);
    expect(await groups(events, { step: 1 })).toEqual(
      engines().map(() => [
        ['alakazam', [1, 1]],
        [null, [1, 1]],
      ]),
    );
    expect(await counts(events, { steps: ['sign up', 'buy'], window: 7 * MS_PER_DAY })).toEqual(engines().map(() => [4, 2]));
  });
});

describe('funnel in SQL: any order, times and exclusions', () => {
  it("PostHog's test_basic_unordered_funnel_conversion_times", async () => {
    const events = journeys({
      p1: [['user signed up', '2021-05-02 00:00:00']],
      p2: [
        ['$pageview', '2021-05-02 00:00:00'],
        ['user signed up', '2021-05-02 01:00:00'],
      ],
      p3: [
        ['insight viewed', '2021-05-02 00:00:00'],
        ['user signed up', '2021-05-02 02:00:00'],
        ['$pageview', '2021-05-02 04:00:00'],
        ['$pageview', '2021-05-03 00:00:00'],
        ['insight viewed', '2021-05-03 03:00:00'],
        ['user signed up', '2021-05-03 06:00:00'],
      ],
    });
    const options: FunnelOptions = { steps: ['user signed up', '$pageview', 'insight viewed'], order: 'any', window: MS_PER_DAY };
    for (const { result } of await resultsOnEngines(engines(), 'funnel', events, options)) {
      expect(result.steps.map((step) => [step.count, step.mean])).toEqual([
        [3, null],
        [2, 1.5 * MS_PER_HOUR],
        [1, 2 * MS_PER_HOUR],
      ]);
    }
  });

  it("PostHog's test_funnel_exclusions_full_window and test_unordered_exclusion_after_completion", async () => {
    const events = journeys({
      person1: [
        ['user signed up', '2021-05-01 01:00:00'],
        ['paid', '2021-05-01 02:00:00'],
      ],
      person2: [
        ['user signed up', '2021-05-01 03:00:00'],
        ['x', '2021-05-01 03:30:00'],
        ['paid', '2021-05-01 04:00:00'],
      ],
      person3: [
        ['user signed up', '2021-05-01 05:00:00'],
        ['paid', '2021-05-01 06:00:00'],
        ['x', '2021-05-01 06:30:00'],
      ],
    });
    const options: FunnelOptions = {
      steps: ['user signed up', 'paid'],
      order: 'any',
      window: 14 * MS_PER_DAY,
      exclusions: [{ name: 'x', between: [0, 1] }],
    };
    // person2's first window is disqualified, the one opened by paid counts; person3 completed before x.
    expect(await counts(events, options)).toEqual(engines().map(() => [3, 2]));
    expect(await counts(events, { ...options, exclusionMode: 'furthestAttempt' })).toEqual(engines().map(() => [2, 2]));
  });
});
