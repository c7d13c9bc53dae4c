import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KpiValidationError, toEventTable, type KpiEvent } from '../../src/index';
import { sessions } from '../../src/sessions/sessions';
import { summarize } from '../../src/stats/summary';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2024, 2, 1, 9); // 2024-03-01 09:00 UTC

const at = (userId: string, offset: number, name = 'page_view'): KpiEvent => ({ userId, name, timestamp: T0 + offset });

describe('sessions', () => {
  it('keeps a gap of exactly the inactivity in the session and splits on 1 ms more', () => {
    // Gaps: 30 min (stays), then 30 min + 1 ms (splits). Sessions: [0, 30 min] and [60 min + 1 ms].
    const result = sessions([at('u1', 0), at('u1', 30 * MINUTE), at('u1', 60 * MINUTE + 1)]);
    expect(result).toMatchObject({
      users: 1,
      sessions: 2,
      events: 3,
      sessionsPerUser: 2,
      meanDuration: 15 * MINUTE, // (30 min + 0) / 2
      medianDuration: 15 * MINUTE,
      eventsPerSession: 1.5,
    });
  });

  it('uses a custom inactivity in ms', () => {
    // inactivity 10 min: gaps 10 min (stays), 11 min (splits), 5 min (stays) → sessions [0, 10], [21, 26].
    const events = [at('u1', 0), at('u1', 10 * MINUTE), at('u1', 21 * MINUTE), at('u1', 26 * MINUTE)];
    const result = sessions(events, { inactivity: 10 * MINUTE });
    expect(result.sessions).toBe(2);
    expect(result.meanDuration).toBe(7.5 * MINUTE); // (10 + 5) / 2 minutes
    expect(sessions(events).sessions).toBe(1); // the default 30 min joins them all
  });

  it('reports durations, per-user figures and named sets', () => {
    // u1: [0 view, 5 click, 10 view] then 2 h later [view] → 2 sessions lasting 10 min and 0.
    // u2: [0 view] → 1 session lasting 0.
    // u3: [0 click, 1 click], 1 h later [view, 3 min later click], 1 h later [signup] → 3 sessions: 1 min, 3 min, 0.
    const events = [
      at('u1', 0),
      at('u1', 5 * MINUTE, 'click'),
      at('u1', 10 * MINUTE),
      at('u1', 2 * HOUR + 10 * MINUTE),
      at('u2', 0),
      at('u3', 0, 'click'),
      at('u3', MINUTE, 'click'),
      at('u3', HOUR + MINUTE),
      at('u3', HOUR + 4 * MINUTE, 'click'),
      at('u3', 2 * HOUR + 4 * MINUTE, 'signup'),
    ];
    const result = sessions(events, {
      sets: { pages: ['page_view'], clicks: ['click', 'tap'], none: ['unknown'], all: ['page_view', 'click'] },
    });
    // 6 sessions; durations sorted: 0, 0, 0, 1, 3, 10 minutes → mean 14/6 min, median (0 + 1) / 2 min.
    expect(result).toEqual({
      users: 3,
      sessions: 6,
      events: 10,
      sessionsPerUser: 2,
      meanDuration: (14 * MINUTE) / 6,
      medianDuration: MINUTE / 2,
      eventsPerSession: 10 / 6,
      // 5 page views, 4 clicks over 6 sessions; an event in two sets counts in both.
      perSession: { pages: 5 / 6, clicks: 4 / 6, none: 0, all: 9 / 6 },
      // Sessions per user: 2, 1, 3 → sorted 1, 2, 3: median 2, p90 = 2 + 0.8 × (3 − 2) (type 7), 2 bins of width 1.
      sessionsPerUserDistribution: {
        mean: 2,
        median: 2,
        p90: 2.8,
        histogram: [
          { from: 1, to: 2, count: 1 },
          { from: 2, to: 3, count: 2 },
        ],
      },
    });
  });

  it('gives the same answer for shuffled and duplicated input, and for a table', () => {
    const events = [at('a', 0), at('a', 40 * MINUTE), at('b', 0, 'click'), at('b', 20 * MINUTE), at('a', 50 * MINUTE)];
    const expected = sessions(events);
    // a: [0], [40, 50] → 2 sessions; b: [0, 20] → 1.
    expect(expected).toMatchObject({ users: 2, sessions: 3, events: 5 });
    const shuffled = [events[4], events[2], events[0], events[3], events[1], events[2], events[0]] as KpiEvent[];
    expect(sessions(shuffled)).toEqual(expected);
    expect(sessions(toEventTable(shuffled))).toEqual(expected);
  });

  it('reports nulls and zeros, never NaN, for no events', () => {
    expect(sessions([], { sets: { pages: ['page_view'] } })).toEqual({
      users: 0,
      sessions: 0,
      events: 0,
      sessionsPerUser: null,
      meanDuration: null,
      medianDuration: null,
      eventsPerSession: null,
      perSession: { pages: null },
      sessionsPerUserDistribution: { mean: null, median: null, p90: null, histogram: [] },
    });
    // Events all outside the range: the same.
    expect(sessions([at('u1', 0)], { from: '2024-04-01', to: '2024-04-30' })).toMatchObject({
      users: 0,
      sessions: 0,
      sessionsPerUser: null,
    });
  });

  it('uses only events whose local day is in [from, to], cutting sessions at the boundary', () => {
    // 23:50 and 00:10 UTC are 20 min apart: one session without a range, cut in two days by to.
    const events = [
      { userId: 'u1', name: 'view', timestamp: '2024-03-01T23:50:00Z' },
      { userId: 'u1', name: 'view', timestamp: '2024-03-02T00:10:00Z' },
      { userId: 'u2', name: 'view', timestamp: '2024-03-02T12:00:00Z' },
    ];
    expect(sessions(events)).toMatchObject({ users: 2, sessions: 2, events: 3 });
    expect(sessions(events, { to: '2024-03-01' })).toMatchObject({ users: 1, sessions: 1, events: 1, meanDuration: 0 });
    expect(sessions(events, { from: '2024-03-02' })).toMatchObject({ users: 2, sessions: 2, events: 2, sessionsPerUser: 1 });
    // In Paris (UTC+1) all three fall on 2024-03-02 local.
    expect(sessions(events, { from: '2024-03-02', to: '2024-03-02', timeZone: 'Europe/Paris' })).toMatchObject({
      users: 2,
      sessions: 2,
      events: 3,
      meanDuration: 10 * MINUTE, // (20 min + 0) / 2
    });
  });

  it('rejects bad options, naming them', () => {
    expect(() => sessions([], { inactivity: 0 })).toThrow(KpiValidationError);
    expect(() => sessions([], { inactivity: -5 })).toThrow(/options\.inactivity/);
    expect(() => sessions([], { inactivity: Number.POSITIVE_INFINITY })).toThrow(/options\.inactivity/);
    expect(() => sessions([], { sets: { pages: [''] } })).toThrow(/options\.sets\.pages\[0\]/);
    expect(() => sessions([], { from: '2024-02-30' })).toThrow(/options\.from/);
    expect(() => sessions([], { inactivty: 5 } as never)).toThrow(/options\.inactivty/);
  });
});

/** Obviously-correct sessions over event objects, timestamps in epoch ms, days in UTC. */
function referenceSessions(events: readonly KpiEvent[], inactivity: number, from?: number, to?: number) {
  const unique = new Map<string, { userId: string; name: string; t: number }>();
  for (const e of events)
    unique.set(JSON.stringify([e.userId, e.name, e.timestamp]), { userId: e.userId, name: e.name, t: e.timestamp as number });
  const all = [...unique.values()];
  const dayOf = (t: number) => Math.floor(t / DAY);
  const fromDay = from ?? Math.min(...all.map((e) => dayOf(e.t)));
  const toDay = to ?? Math.max(...all.map((e) => dayOf(e.t)));
  const kept = all.filter((e) => dayOf(e.t) >= fromDay && dayOf(e.t) <= toDay);
  const users = [...new Set(kept.map((e) => e.userId))];
  const durations: number[] = [];
  const perUser: number[] = [];
  for (const user of users) {
    const times = kept.filter((e) => e.userId === user).map((e) => e.t);
    times.sort((a, b) => a - b);
    let first = times[0]!;
    let count = 1;
    for (let i = 1; i < times.length; i++) {
      if (times[i]! - times[i - 1]! > inactivity) {
        durations.push(times[i - 1]! - first);
        first = times[i]!;
        count++;
      }
    }
    durations.push(times[times.length - 1]! - first);
    perUser.push(count);
  }
  durations.sort((a, b) => a - b);
  const n = durations.length;
  const median = n === 0 ? null : n % 2 === 1 ? durations[(n - 1) / 2]! : (durations[n / 2 - 1]! + durations[n / 2]!) / 2;
  const clicks = kept.filter((e) => e.name === 'click' || e.name === 'tap').length;
  return {
    users: users.length,
    sessions: n,
    events: kept.length,
    sessionsPerUser: users.length === 0 ? null : n / users.length,
    meanDuration: n === 0 ? null : durations.reduce((a, b) => a + b, 0) / n,
    medianDuration: median,
    eventsPerSession: n === 0 ? null : kept.length / n,
    perSession: { clicks: n === 0 ? null : clicks / n },
    sessionsPerUserDistribution: summarize(perUser),
  };
}

describe('sessions properties', () => {
  // Few users, names and a small time grid, so equal timestamps, duplicates and gaps of exactly `inactivity` are common.
  const eventArb = fc.record({
    userId: fc.constantFrom('a', 'b', 'c', 'd'),
    name: fc.constantFrom('view', 'click', 'tap'),
    timestamp: fc.integer({ min: 0, max: 3 * 24 * 12 }).map((step) => T0 + step * 5 * MINUTE),
  });
  const eventsArb = fc.array(eventArb, { maxLength: 60 });
  const inactivityArb = fc.constantFrom(5, 10, 15, 30, 120, 600).map((minutes) => minutes * MINUTE);
  const firstDay = Math.floor(T0 / DAY);
  const rangeArb = fc.option(
    fc
      .tuple(fc.integer({ min: firstDay - 1, max: firstDay + 3 }), fc.integer({ min: 0, max: 3 }))
      .map(([from, length]) => [from, from + length]),
    { nil: undefined },
  );
  const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

  it('matches a brute-force reference', () => {
    fc.assert(
      fc.property(eventsArb, inactivityArb, rangeArb, (events, inactivity, range) => {
        const options = range ? { from: isoDay(range[0]!), to: isoDay(range[1]!) } : {};
        const result = sessions(events, { inactivity, sets: { clicks: ['click', 'tap'] }, ...options });
        const expected = events.length === 0 ? null : referenceSessions(events, inactivity, range?.[0], range?.[1]);
        if (expected) expect(result).toEqual(expected);
        else expect(result.sessions).toBe(0);
      }),
    );
  });

  it('counts no more sessions than events and no fewer than users', () => {
    fc.assert(
      fc.property(eventsArb, inactivityArb, (events, inactivity) => {
        const result = sessions(events, { inactivity });
        expect(result.sessions).toBeLessThanOrEqual(result.events);
        expect(result.sessions).toBeGreaterThanOrEqual(result.users);
      }),
    );
  });

  it('does not depend on input order or on repeated events', () => {
    fc.assert(
      fc.property(
        eventsArb.chain((events) =>
          fc.tuple(
            fc.constant(events),
            fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
            fc.subarray(events),
          ),
        ),
        inactivityArb,
        ([events, shuffled, repeated], inactivity) => {
          const expected = sessions(events, { inactivity, sets: { clicks: ['click'] } });
          expect(sessions(shuffled, { inactivity, sets: { clicks: ['click'] } })).toEqual(expected);
          expect(sessions([...repeated, ...events], { inactivity, sets: { clicks: ['click'] } })).toEqual(expected);
        },
      ),
    );
  });
});
