/**
 * PostHog's unordered-funnel cases (`test_funnel_unordered.py`), translated
 * to `order: "any"`: conversion times between the distinct steps reached,
 * exclusions over the whole window, and the options PostHog refuses.
 */
import { describe, expect, it } from 'vitest';
import { funnel } from '../../src/funnel/funnel';
import type { FunnelOptions } from '../../src/funnel/funnel.types';
import { KpiValidationError } from '../../src/index';
import { DAY, HOUR, journeys } from '../support/journeys';

const counts = (events: ReturnType<typeof journeys>, options: FunnelOptions): number[] =>
  funnel(events, options).steps.map((step) => step.count);
const fiveSteps = ['user signed up', '$pageview', 'insight viewed', 'invite teammate', 'pageview2'];

describe('PostHog unordered funnel cases', () => {
  it('test_basic_unordered_funnel_conversion_times: the first window reaching the depth, timed step to step', () => {
    const events = journeys({
      stopped_after_signup1: [['user signed up', '2021-05-02 00:00:00']],
      stopped_after_pageview1: [
        ['$pageview', '2021-05-02 00:00:00'],
        ['user signed up', '2021-05-02 01:00:00'],
      ],
      stopped_after_insightview: [
        ['insight viewed', '2021-05-02 00:00:00'],
        ['user signed up', '2021-05-02 02:00:00'],
        ['$pageview', '2021-05-02 04:00:00'],
        ['$pageview', '2021-05-03 00:00:00'],
        ['insight viewed', '2021-05-03 03:00:00'],
        ['user signed up', '2021-05-03 06:00:00'],
      ],
    });
    const result = funnel(events, { steps: ['user signed up', '$pageview', 'insight viewed'], order: 'any', window: DAY });
    expect(result.steps.map((step) => step.count)).toEqual([3, 2, 1]);
    // PostHog's UDF funnel takes the first conversion: (1 h + 2 h) / 2 = 5400 s, then 2 h = 7200 s.
    expect(result.steps.map((step) => step.mean)).toEqual([null, 5400_000, 7200_000]);
  });

  it('test_funnel_exclusions_full_window: a disqualified window is set aside, a later one counts', () => {
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
      ],
    });
    const options: FunnelOptions = {
      steps: ['user signed up', 'paid'],
      order: 'any',
      window: 14 * DAY,
      exclusions: [{ name: 'x', between: [0, 1] }],
    };
    expect(counts(events, options)).toEqual([3, 2]);
    // Judged by their furthest window instead, person2 is left out.
    expect(counts(events, { ...options, exclusionMode: 'furthestAttempt' })).toEqual([2, 2]);
  });

  it('test_unordered_exclusion_after_completion: an excluded event after the window is complete changes nothing', () => {
    const events = journeys({
      person1: [
        ['user signed up', '2021-05-01 01:00:00'],
        ['paid', '2021-05-01 02:00:00'],
        ['left', '2021-05-01 03:00:00'],
        ['x', '2021-05-01 04:00:00'],
        ['left', '2021-05-01 05:00:00'],
      ],
    });
    const options: FunnelOptions = {
      steps: ['user signed up', 'paid', 'left'],
      order: 'any',
      window: 14 * DAY,
      exclusions: [{ name: 'x', between: [0, 2] }],
    };
    expect(counts(events, options)).toEqual([1, 1, 1]);
  });

  it('test_advanced_funnel_multiple_exclusions_between_steps', () => {
    const events = journeys({
      person1: [
        ['user signed up', '2021-05-01 01:00:00'],
        ['x', '2021-05-01 02:00:00'],
        ['$pageview', '2021-05-01 03:00:00'],
        ['insight viewed', '2021-05-01 04:00:00'],
        ['y', '2021-05-01 04:30:00'],
        ['invite teammate', '2021-05-01 05:00:00'],
        ['pageview2', '2021-05-01 06:00:00'],
      ],
      person2: [
        ['user signed up', '2021-05-01 01:00:00'],
        ['y', '2021-05-01 01:30:00'],
        ['$pageview', '2021-05-01 02:00:00'],
        ['insight viewed', '2021-05-01 04:00:00'],
        ['y', '2021-05-01 04:30:00'],
        ['invite teammate', '2021-05-01 05:00:00'],
        ['x', '2021-05-01 05:30:00'],
        ['pageview2', '2021-05-01 06:00:00'],
      ],
      person3: [
        ['user signed up', '2021-05-01 01:00:00'],
        ['x', '2021-05-01 01:30:00'],
        ['$pageview', '2021-05-01 02:00:00'],
        ['insight viewed', '2021-05-01 04:00:00'],
        ['invite teammate', '2021-05-01 05:00:00'],
        ['x', '2021-05-01 05:30:00'],
        ['pageview2', '2021-05-01 06:00:00'],
      ],
      person4: [
        ['user signed up', '2021-05-01 01:00:00'],
        ['$pageview', '2021-05-01 02:00:00'],
        ['insight viewed', '2021-05-01 04:00:00'],
        ['invite teammate', '2021-05-01 05:00:00'],
        ['pageview2', '2021-05-01 06:00:00'],
      ],
      person5: [
        ['user signed up', '2021-05-01 01:00:00'],
        ['x', '2021-05-01 01:30:00'],
        ['$pageview', '2021-05-01 02:00:00'],
        ['x', '2021-05-01 02:30:00'],
        ['insight viewed', '2021-05-01 04:00:00'],
        ['y', '2021-05-01 04:30:00'],
        ['invite teammate', '2021-05-01 05:00:00'],
        ['x', '2021-05-01 05:30:00'],
        ['pageview2', '2021-05-01 06:00:00'],
      ],
    });
    const options: FunnelOptions = {
      steps: fiveSteps,
      order: 'any',
      exclusions: [
        { name: 'x', between: [0, 4] },
        { name: 'y', between: [0, 4] },
      ],
    };
    expect(counts(events, options)).toEqual([5, 2, 1, 1, 1]);
  });

  it('test_unordered_trend_with_partial_steps_and_exclusion (its steps funnel)', () => {
    const events = journeys({
      user_1: [
        ['step 1', '2024-03-01 10:00:00'],
        ['step 2', '2024-03-01 11:00:00'],
        ['exclusion event', '2024-03-01 12:00:00'],
        ['step 3', '2024-03-01 13:00:00'],
      ],
      user_2: [
        ['step 1', '2024-03-01 10:00:00'],
        ['step 2', '2024-03-01 11:00:00'],
        ['step 3', '2024-03-01 12:00:00'],
      ],
    });
    const options: FunnelOptions = {
      steps: ['step 1', 'step 2', 'step 3'],
      order: 'any',
      window: 6 * HOUR,
      exclusions: [{ name: 'exclusion event', between: [0, 2] }],
    };
    expect(counts(events, options)).toEqual([2, 1, 1]);
  });

  it('test_funnel_window_ignores_dst_transition: the window is a duration, whatever the zone', () => {
    const events = journeys({
      user_1: [
        ['$pageview', '2024-03-01 15:10:00'],
        ['user signed up', '2024-03-15 14:27:00'],
      ],
    });
    for (const timeZone of ['UTC', 'US/Pacific']) {
      const result = funnel(events, {
        steps: ['$pageview', 'user signed up'],
        order: 'any',
        from: '2024-02-17',
        to: '2024-03-18',
        timeZone,
      });
      expect(result.steps[1]).toMatchObject({ count: 1, mean: 1_207_020_000, median: 1_207_020_000 });
    }
  });

  it('test_funnel_exclusions_invalid_params, and a breakdown by a later step: refused as PostHog refuses them', () => {
    const steps = ['user signed up', 'paid', 'blah'];
    const paths = (options: FunnelOptions): string[] => {
      try {
        funnel([], options);
      } catch (error) {
        if (error instanceof KpiValidationError) return error.issues.map((issue) => issue.path);
      }
      return [];
    };
    expect(paths({ steps, order: 'any', exclusions: [{ name: 'x', between: [1, 1] }] })).toEqual(['options.exclusions[0].between']);
    expect(paths({ steps, order: 'any', exclusions: [{ name: 'x', between: [0, 1] }] })).toEqual(['options.exclusions[0].between']);
    expect(paths({ steps, order: 'any', breakdown: { property: '$browser', attribution: { step: 1 } } })).toEqual([
      'options.breakdown.attribution.step',
    ]);
  });
});
