/**
 * PostHog's breakdown-attribution cases (`breakdown_cases.py`, ordered
 * funnels), translated: the same people, events and window, and the groups
 * PostHog expects. PostHog names the group of users without a value `""`;
 * here it is the `null` group.
 */
import { describe, expect, it } from 'vitest';
import { funnel } from '../../src/funnel/funnel';
import type { FunnelBreakdownAttribution, FunnelOptions, FunnelStep } from '../../src/funnel/funnel.types';
import type { PropertyValue } from '../../src/index';
import { DAY, HOUR, journeys, type JourneyEvent } from '../support/journeys';

type Row = [value: PropertyValue, counts: number[], meanSeconds: number | null];

function groups(
  events: ReturnType<typeof journeys>,
  attribution: FunnelBreakdownAttribution,
  steps: FunnelStep[] = ['sign up', 'buy'],
): Row[] {
  const options: FunnelOptions = { steps, window: 7 * DAY, breakdown: { property: '$browser', attribution } };
  return (funnel(events, options).breakdown?.groups ?? []).map((group) => [
    group.value,
    group.steps.map((step) => step.count),
    group.steps[1]?.mean === null || group.steps[1]?.mean === undefined ? null : group.steps[1].mean / 1000,
  ]);
}

/** A sign-up (with properties or `null`), then a buy unless `buy` is `null`. */
const person = (
  signUp: string,
  signUpProps: Record<string, PropertyValue> | null,
  buy: string | null,
  buyProps?: Record<string, PropertyValue>,
): JourneyEvent[] => [['sign up', signUp, signUpProps ?? undefined], ...(buy ? [['buy', buy, buyProps] as const] : [])];

const fourPeople = (alakazam: string, complete = true) => ({
  person1: person('2020-01-01 12:00:00', { $browser: 'Chrome' }, '2020-01-01 13:00:00'),
  person2: person('2020-01-01 13:00:00', null, complete ? '2020-01-02 13:00:00' : null, { $browser: 'Safari' }),
  person3: person('2020-01-02 14:00:00', { $browser: 'Mac' }, complete ? '2020-01-02 15:00:00' : null),
  person4: person('2020-01-02 15:00:00', { $browser: 0 }, '2020-01-02 16:00:00', { $browser: alakazam }),
});
const HOUR_S = HOUR / 1000;
const DAY_S = DAY / 1000;

describe('PostHog breakdown attribution cases, ordered funnels', () => {
  it('test_funnel_step_breakdown_with_first_touch_attribution: the earliest value, whichever step carries it', () => {
    const events = journeys({ ...fourPeople('alakazam'), person5: person('2020-01-02 15:00:00', null, '2020-01-02 16:00:00') });
    expect(groups(events, 'first_touch')).toEqual([
      [0, [1, 1], HOUR_S],
      ['Chrome', [1, 1], HOUR_S],
      ['Mac', [1, 1], HOUR_S],
      ['Safari', [1, 1], DAY_S],
      [null, [1, 1], HOUR_S],
    ]);
  });

  it('test_funnel_step_breakdown_with_last_touch_attribution: the latest value', () => {
    const events = journeys({ ...fourPeople('Alakazam'), person5: person('2020-01-02 15:00:00', null, '2020-01-02 16:00:00') });
    expect(groups(events, 'last_touch')).toEqual([
      ['Alakazam', [1, 1], HOUR_S],
      ['Chrome', [1, 1], HOUR_S],
      ['Mac', [1, 1], HOUR_S],
      ['Safari', [1, 1], DAY_S],
      [null, [1, 1], HOUR_S],
    ]);
  });

  it('test_funnel_step_breakdown_with_step_attribution: the value on step 0', () => {
    expect(groups(journeys(fourPeople('alakazam')), { step: 0 })).toEqual([
      [0, [1, 1], HOUR_S],
      ['Chrome', [1, 1], HOUR_S],
      ['Mac', [1, 1], HOUR_S],
      [null, [1, 1], DAY_S],
    ]);
  });

  it('test_funnel_step_breakdown_with_step_one_attribution: the value on step 1', () => {
    expect(groups(journeys(fourPeople('alakazam')), { step: 1 })).toEqual([
      ['Safari', [1, 1], DAY_S],
      ['alakazam', [1, 1], HOUR_S],
      [null, [2, 2], HOUR_S],
    ]);
  });

  it('test_funnel_step_breakdown_with_step_one_attribution_incomplete_funnel: users short of step 1 are in no group', () => {
    const events = journeys(fourPeople('alakazam', false));
    expect(groups(events, { step: 1 })).toEqual([
      ['alakazam', [1, 1], HOUR_S],
      [null, [1, 1], HOUR_S],
    ]);
    // The funnel itself still counts them.
    expect(funnel(events, { steps: ['sign up', 'buy'], window: 7 * DAY }).steps.map((step) => step.count)).toEqual([4, 2]);
  });

  const propsChosen = () =>
    journeys({
      // The buy lacks $version: xyz, so it is no step event.
      person1: person('2020-01-01 12:00:00', { $browser: 'Chrome', $version: 'xyz' }, '2020-01-01 13:00:00', { $browser: 'Chrome' }),
      person2: person('2020-01-01 13:00:00', null, '2020-01-02 13:00:00', { $browser: 'Safari', $version: 'xyz' }),
      person3: person('2020-01-02 14:00:00', { $browser: 'Mac' }, '2020-01-02 15:00:00', { $version: 'xyz', $browser: 'Mac' }),
      person5: person('2020-01-02 15:00:00', null, '2020-01-02 16:00:00'),
    });
  const withVersion: FunnelStep[] = ['sign up', { name: 'buy', where: { $version: 'xyz' } }];

  it('test_funnel_breakdown_correct_breakdown_props_are_chosen (first touch)', () => {
    expect(groups(propsChosen(), 'first_touch', withVersion).map(([value]) => value)).toEqual(['Chrome', 'Mac', 'Safari', null]);
  });

  it('test_funnel_breakdown_correct_breakdown_props_are_chosen_for_step (step 1)', () => {
    expect(groups(propsChosen(), { step: 1 }, withVersion).map(([value]) => value)).toEqual(['Mac', 'Safari']);
  });
});
