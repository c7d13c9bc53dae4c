/**
 * PostHog's own sessions cases (`test_trends_sessions_query_runner.py`)
 * whose sessions kpikit can find. PostHog groups events by the `$session_id`
 * its SDK sets (which starts a new id after 30 minutes without activity);
 * kpikit finds sessions from the gaps between a user's events. In these cases
 * a session's events lie minutes apart and sessions hours apart, so both
 * readings find the same sessions. A series by day is one call per day.
 *
 * Not translated: `test_sessions_node_bounce_rate_over_time` (PostHog's
 * `$is_bounce`), `test_sessions_node_with_session_property_breakdown` and
 * `…_with_person_property_breakdown` (`sessions` takes no filter or
 * breakdown), and the cases of `test_sessions_node.py` (labels and the
 * validation of the query's series).
 */
import { describe, expect, it } from 'vitest';
import { sessions } from '../../src/index';
import type { KpiEvent } from '../../src/index';
import { timelines } from '../support/journeys';

const perDay = (events: readonly KpiEvent[], dates: readonly string[], read: (r: ReturnType<typeof sessions>) => number): number[] =>
  dates.map((date) => read(sessions(events, { from: date, to: date })));

describe('PostHog sessions cases', () => {
  it('test_sessions_node_total_count: sessions per day', () => {
    const events = timelines({
      user0: ['2020-01-11T12:00:00Z'],
      user1: ['2020-01-11T12:00:00Z'],
      user2: ['2020-01-11T12:00:00Z'],
      user3: ['2020-01-12T12:00:00Z'],
      user4: ['2020-01-12T12:00:00Z'],
    });
    expect(perDay(events, ['2020-01-11', '2020-01-12'], (r) => r.sessions)).toEqual([3, 2]);
  });

  it('test_sessions_node_dau: users with a session, per day', () => {
    const events = timelines({
      user1: ['2020-01-11T10:00:00Z', '2020-01-11T14:00:00Z'],
      user2: ['2020-01-11T12:00:00Z', '2020-01-12T12:00:00Z'],
      user3: ['2020-01-12T13:00:00Z'],
    });
    expect(perDay(events, ['2020-01-11', '2020-01-12'], (r) => r.users)).toEqual([2, 2]);
    // user1's two sessions (four hours apart) are two here too.
    expect(sessions(events, { from: '2020-01-11', to: '2020-01-11' }).sessions).toBe(3);
  });
});
