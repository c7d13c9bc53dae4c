/**
 * PostHog's funnel exclusion cases (`test_funnel.py`, and the histories of
 * `test_funnel_trends.py` read as one steps funnel over their whole range),
 * translated: the same users, events, windows and exclusions, and the counts
 * PostHog expects.
 */
import { describe, expect, it } from 'vitest';
import { funnel } from '../../src/funnel/funnel';
import type { FunnelExclusion, FunnelOptions } from '../../src/funnel/funnel.types';
import { DAY, SECOND, journeys } from '../support/journeys';

const counts = (events: ReturnType<typeof journeys>, options: FunnelOptions): number[] =>
  funnel(events, options).steps.map((step) => step.count);
const exclude = (name: string, from: number, to: number): FunnelExclusion => ({ name, between: [from, to] });

describe('PostHog exclusion cases, ordered funnels', () => {
  it('test_funnel_exclusion_no_end_event: an excluded event within the window disqualifies even with no later step', () => {
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
        ['x', '2021-05-01 06:00:00'],
      ],
      // The exclusion falls after the one-day window.
      person4: [
        ['user signed up', '2021-05-01 07:00:00'],
        ['x', '2021-05-02 08:00:00'],
      ],
    });
    expect(counts(events, { steps: ['user signed up', 'paid'], window: DAY, exclusions: [exclude('x', 0, 1)] })).toEqual([2, 1]);
  });

  it('test_funnel_exclusions_full_window', () => {
    const events = journeys({
      person1: [
        ['user signed up', '2021-05-01 01:00:00'],
        ['paid', '2021-05-01 02:00:00'],
      ],
      person2: [
        ['user signed up', '2021-05-01 03:00:00'],
        ['x 1 name with numbers 2', '2021-05-01 03:30:00'],
        ['paid', '2021-05-01 04:00:00'],
      ],
      person3: [
        ['user signed up', '2021-05-01 05:00:00'],
        ['paid', '2021-05-01 06:00:00'],
      ],
    });
    const options: FunnelOptions = {
      steps: ['user signed up', 'paid'],
      window: 14 * DAY,
      exclusions: [exclude('x 1 name with numbers 2', 0, 1)],
    };
    expect(counts(events, options)).toEqual([2, 2]);
  });

  it('test_funnel_exclusion_multiple_possible_no_end_event 1, 2 and 3', () => {
    const options: FunnelOptions = { steps: ['step one', 'step two'], window: 10 * SECOND, exclusions: [exclude('exclusion', 0, 1)] };
    // 1: the first attempt is disqualified, the second (30 s later) is clean.
    const first = journeys({
      user_one: [
        ['step one', '2021-05-01 00:00:00'],
        ['exclusion', '2021-05-01 00:00:01'],
        ['step one', '2021-05-01 00:00:31'],
      ],
    });
    // 2: the second attempt is disqualified, the first is clean (its window ended at 10 s).
    const second = journeys({
      user_one: [
        ['step one', '2021-05-01 00:00:00'],
        ['step one', '2021-05-01 00:00:31'],
        ['exclusion', '2021-05-01 00:00:32'],
      ],
    });
    // 3: the exclusion falls in both attempts' windows.
    const third = journeys({
      user_one: [
        ['step one', '2021-05-01 00:00:00'],
        ['step one', '2021-05-01 00:00:01'],
        ['exclusion', '2021-05-01 00:00:02'],
      ],
    });
    expect(counts(first, options)).toEqual([1, 0]);
    expect(counts(second, options)).toEqual([1, 0]);
    expect(counts(third, options)).toEqual([0, 0]);
  });

  const fiveSteps = ['user signed up', '$pageview', 'insight viewed', 'invite teammate', 'pageview2'];

  it('test_advanced_funnel_exclusions_between_steps', () => {
    const events = journeys({
      person1: [
        ['user signed up', '2021-05-01 01:00:00'],
        ['$pageview', '2021-05-01 02:00:00'],
        ['x', '2021-05-01 03:00:00'],
        ['insight viewed', '2021-05-01 04:00:00'],
        ['x', '2021-05-01 04:30:00'],
        ['invite teammate', '2021-05-01 05:00:00'],
        ['x', '2021-05-01 05:30:00'],
        ['pageview2', '2021-05-01 06:00:00'],
      ],
      person2: [
        ['user signed up', '2021-05-01 01:00:00'],
        ['$pageview', '2021-05-01 02:00:00'],
        ['insight viewed', '2021-05-01 04:00:00'],
        ['x', '2021-05-01 04:30:00'],
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
    });
    const run = (from: number, to: number): number[] => counts(events, { steps: fiveSteps, exclusions: [exclude('x', from, to)] });
    expect(run(0, 1)).toEqual([2, 2, 2, 2, 2]);
    expect(run(1, 2)).toEqual([2, 2, 2, 2, 2]);
    expect(run(2, 3)).toEqual([1, 1, 1, 1, 1]);
    expect(run(3, 4)).toEqual([0, 0, 0, 0, 0]);
    expect(run(1, 3)).toEqual([1, 1, 1, 1, 1]);
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
    });
    const run = (exclusions: FunnelExclusion[]): number[] => counts(events, { steps: fiveSteps, exclusions });
    expect(run([exclude('x', 0, 1), exclude('y', 2, 3)])).toEqual([1, 1, 1, 1, 1]);
    expect(run([exclude('x', 0, 1), exclude('y', 0, 1)])).toEqual([1, 1, 1, 1, 1]);
    expect(run([exclude('x', 0, 4), exclude('y', 0, 4)])).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('PostHog exclusion cases of the trends suite, as one steps funnel', () => {
  const two: FunnelOptions = { steps: ['step one', 'step two'], window: 10 * SECOND, exclusions: [exclude('exclusion', 0, 1)] };
  const three: FunnelOptions = {
    steps: ['step one', 'step two', 'step three'],
    window: 10 * SECOND,
    exclusions: [exclude('exclusion', 1, 2)],
  };

  it('test_excluded_completion: the furthest attempt is disqualified, so the user is left out', () => {
    const events = journeys({
      user_one: [
        ['step one', '2021-05-01 00:00:00'],
        // After the first attempt's window.
        ['exclusion', '2021-05-01 00:00:11'],
        ['step one', '2021-05-01 00:00:12'],
        ['exclusion', '2021-05-01 00:00:13'],
        ['step two', '2021-05-01 00:00:14'],
      ],
    });
    expect(counts(events, two)).toEqual([0, 0]);
    // Setting disqualified attempts aside instead, the first attempt counts.
    expect(counts(events, { ...two, exclusionMode: 'cleanAttempts' })).toEqual([1, 0]);
  });

  it('test_exclusion_after_goal: a completed attempt stands, whatever later attempts do', () => {
    const events = journeys({
      user_one: [
        ['step one', '2021-05-01 00:00:00'],
        ['step two', '2021-05-01 00:00:01'],
        ['step three', '2021-05-01 00:00:03'],
        ['step one', '2021-05-01 00:00:04'],
        ['step two', '2021-05-01 00:00:05'],
        ['exclusion', '2021-05-01 00:00:06'],
        ['step three', '2021-05-01 00:00:07'],
      ],
    });
    expect(counts(events, three)).toEqual([1, 1, 1]);
  });

  it('test_exclusion_multiday_completion_on_first_day and _on_second_day: a clean attempt as far as the disqualified one', () => {
    const firstDay = journeys({
      user_one: [
        ['step one', '2021-05-01 00:00:00'],
        ['step two', '2021-05-01 00:00:01'],
        ['step one', '2021-05-02 00:00:04'],
        ['exclusion', '2021-05-02 00:00:05'],
        ['step two', '2021-05-02 00:00:06'],
      ],
    });
    const secondDay = journeys({
      user_one: [
        ['step one', '2021-05-01 00:00:00'],
        ['exclusion', '2021-05-01 00:00:01'],
        ['step two', '2021-05-01 00:00:02'],
        ['step one', '2021-05-02 00:00:04'],
        ['step two', '2021-05-02 00:00:06'],
      ],
    });
    expect(counts(firstDay, two)).toEqual([1, 1]);
    expect(counts(secondDay, two)).toEqual([1, 1]);
    // The time is the clean attempt's: 1 s on the first day, 2 s on the second.
    expect(funnel(firstDay, two).steps[1]?.mean).toBe(SECOND);
    expect(funnel(secondDay, two).steps[1]?.mean).toBe(2 * SECOND);
  });

  it('test_exclusion_multiday_partial_first_day_exclusion_second_day and _open_exclusion_second_day', () => {
    const completed = journeys({
      user_one: [
        ['step one', '2021-05-01 00:00:00'],
        ['step one', '2021-05-02 00:00:30'],
        ['exclusion', '2021-05-02 00:00:31'],
        ['step two', '2021-05-02 00:00:32'],
      ],
    });
    const open = journeys({
      user_one: [
        ['step one', '2021-05-01 00:00:00'],
        ['step one', '2021-05-02 00:00:30'],
        ['exclusion', '2021-05-02 00:00:31'],
      ],
    });
    // The disqualified attempt went further than the clean one: the user is left out.
    expect(counts(completed, two)).toEqual([0, 0]);
    // Both reached step one only, one of them clean: the user counts.
    expect(counts(open, two)).toEqual([1, 0]);
  });

  it('test_open_exclusion_multiday', () => {
    const events = journeys({
      user_one: [
        ['step one', '2021-05-01 00:00:00'],
        ['step two', '2021-05-01 00:00:01'],
        ['step one', '2021-05-02 00:00:04'],
        ['step two', '2021-05-02 00:00:05'],
        ['exclusion', '2021-05-02 00:00:06'],
      ],
    });
    expect(counts(events, three)).toEqual([1, 1, 0]);
  });
});
