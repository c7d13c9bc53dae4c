import { describe, expect, it } from 'vitest';
import { activationCandidates } from '../../src/discovery/activationCandidates';
import { activationCandidatesResult } from '../../src/discovery/activationResult';
import { resolveActivationOptions } from '../../src/discovery/resolveActivation';
import { parseDay } from '../../src/time/civil';
import type { ActivationCandidate, ActivationCandidatesResult } from '../../src/discovery/activationCandidates.types';
import { toEventTable } from '../../src/events/eventTable';
import type { KpiEvent, PropertyValue } from '../../src/index';
import { at, issuePathsOf, shuffled } from '../support/reference';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ev = (userId: string, name: string, timestamp: number | string, properties?: Record<string, PropertyValue>): KpiEvent => ({
  userId,
  name,
  timestamp,
  ...(properties ? { properties } : {}),
});
const find = (result: ActivationCandidatesResult, label: string): ActivationCandidate => {
  const candidate = result.candidates.find((c) => c.label === label);
  if (!candidate) throw new Error(`no candidate ${label} in ${result.candidates.map((c) => c.label).join(', ')}`);
  return candidate;
};
/** A unit with no start event, active late: the data run until its day. */
const lateActivity = (iso: string): KpiEvent => ev('staff', 'login', iso);

/**
 * 20 users sign up on 2024-03-04 from 09:00 UTC, a minute apart. Users 0–9
 * invite a teammate a day later; users 0–7 and 10–11 come back on day 8, so
 * invite → retained is 8 of 10 and no invite → retained 2 of 10. Users 0–2 and
 * 8–14 take the tour in the first hour: 5 of these 10 are retained (0–2, 10,
 * 11), and 5 of the 10 others (3–7), so the tour says nothing.
 */
function cohort(): KpiEvent[] {
  const events: KpiEvent[] = [lateActivity('2024-04-01T12:00:00Z')];
  for (let i = 0; i < 20; i++) {
    const user = `u${String(i).padStart(2, '0')}`;
    const signup = at('2024-03-04T09:00:00Z') + i * MINUTE;
    events.push(ev(user, 'signup', signup));
    if (i < 10) events.push(ev(user, 'invite', signup + DAY));
    if (i < 3 || (i >= 8 && i < 15)) events.push(ev(user, 'tour', signup + 10 * MINUTE));
    if (i < 8 || i === 10 || i === 11) events.push(ev(user, 'login', signup + 8 * DAY));
  }
  return events;
}

describe('activationCandidates: a worked cohort', () => {
  const result = activationCandidates(cohort());

  it('counts the new units, the eligible and the retained', () => {
    expect(result).toMatchObject({
      from: '2024-03-04',
      to: '2024-04-01',
      timeZone: 'UTC',
      startEvent: 'signup',
      days: 7,
      outcome: { mode: 'window', day: 7, days: 7 },
      dataEnd: '2024-04-01',
      newUnits: 20,
      censored: 0,
      eligible: 20,
      retained: 10,
      retention: 0.5,
    });
  });

  it('gives the 2×2 table, rates, lift, its interval and the score of each signal', () => {
    const invite = find(result, 'invite');
    expect(invite.conditions).toEqual([{ name: 'invite', atLeast: 1 }]);
    expect(invite.counts).toEqual({ did: { retained: 8, notRetained: 2 }, didNot: { retained: 2, notRetained: 8 } });
    expect(invite).toMatchObject({ units: 10, reach: 0.5, retentionIfDid: 0.8, retentionIfNot: 0.2, precision: 0.8, recall: 0.8 });
    expect(invite.lift).toBeCloseTo(0.6, 12);
    expect(invite.relativeLift).toBeCloseTo(3, 12);
    // phi = (8 × 8 − 2 × 2) / √(10 × 10 × 10 × 10) = 0.6.
    expect(invite.correlation).toBeCloseTo(0.6, 12);
    // Wilson 8/10 = [0.4902, 0.9433], 2/10 = [0.0567, 0.5098]:
    // lower = 0.6 − √(0.3098² + 0.3098²) = 0.1618, upper = 0.6 + √(0.1433² + 0.1433²) = 0.8027.
    expect(invite.liftInterval!.lower).toBeCloseTo(0.1618, 4);
    expect(invite.liftInterval!.upper).toBeCloseTo(0.8027, 4);
    // Reach 0.5 and retention 0.5: the score is the lower bound itself.
    expect(invite.score).toBeCloseTo(0.1618, 4);

    const tour = find(result, 'tour');
    expect(tour.counts).toEqual({ did: { retained: 5, notRetained: 5 }, didNot: { retained: 5, notRetained: 5 } });
    expect(tour).toMatchObject({ lift: 0, relativeLift: 0, correlation: 0 });
    // Wilson 5/10 = [0.2366, 0.7634]: lower = −√2 × 0.2634.
    expect(tour.score).toBeCloseTo(-0.3725, 4);
  });

  it('ranks the predictive action first and leaves out the signals nobody met', () => {
    // Nobody invited twice or took the tour twice; logins come after the first week.
    expect(result.candidates.map((c) => [c.rank, c.label])).toEqual([
      [1, 'invite'],
      [2, 'tour'],
    ]);
  });

  it('is built from its tallies alone, as another engine builds it', () => {
    const options = { candidates: ['invite', 'tour'], atLeast: [1, 2] };
    const resolved = resolveActivationOptions(options);
    const tallies = {
      range: { fromDay: parseDay('2024-03-04')!, toDay: parseDay('2024-04-01')! },
      lastDay: parseDay('2024-04-01')!,
      newUnits: 20,
      censored: 0,
      retained: 10,
      candidates: resolved.candidates!,
      // invite ≥ 1, invite ≥ 2, tour ≥ 1, tour ≥ 2.
      singles: { did: [10, 0, 10, 0], didRetained: [8, 0, 5, 0] },
      pairs: () => ({ did: [], didRetained: [] }),
    };
    expect(activationCandidatesResult(resolved, tallies)).toEqual(activationCandidates(cohort(), options));
  });

  it('gives the same result for shuffled or reversed input and for a table', () => {
    const events = cohort();
    expect(activationCandidates(shuffled(events, 7))).toEqual(result);
    expect(activationCandidates([...events].reverse())).toEqual(result);
    expect(activationCandidates(toEventTable(events))).toEqual(result);
  });
});

describe('activationCandidates: windows', () => {
  it('counts actions in the first days × 24 h from the start instant, across a DST change', () => {
    // 00:30 on 2024-03-31 in Paris (CET), the night clocks go forward: the first 24 h end at 01:30 CEST on April 1.
    const signup = at('2024-03-30T23:30:00Z');
    const events = [
      ev('ana', 'signup', signup),
      ev('ana', 'before_midnight', '2024-03-31T23:59:00+02:00'),
      ev('ana', 'next_local_day', '2024-04-01T01:15:00+02:00'), // 23 h 45 min after sign-up: inside
      ev('ana', 'after_24h', '2024-04-01T01:30:00+02:00'), // exactly 24 h: outside
      lateActivity('2024-04-30T12:00:00Z'),
    ];
    const options = {
      from: '2024-03-31',
      to: '2024-03-31',
      timeZone: 'Europe/Paris',
      days: 1,
      candidates: ['before_midnight', 'next_local_day', 'after_24h'],
      atLeast: [1],
      minUnits: 0,
    };
    const result = activationCandidates(events, options);
    expect(result.newUnits).toBe(1);
    expect(Object.fromEntries(result.candidates.map((c) => [c.label, c.units]))).toEqual({
      after_24h: 0,
      before_midnight: 1,
      next_local_day: 1,
    });
    // In UTC, the sign-up is on March 30: not in the range.
    expect(activationCandidates(events, { ...options, timeZone: 'UTC' }).newUnits).toBe(0);
  });

  it('measures the outcome window [day, day + days) from the start instant', () => {
    const signup = at('2024-03-04T10:00:00Z');
    const events = [
      ...['early', 'start', 'inside', 'end', 'none'].map((user) => ev(user, 'signup', signup)),
      ev('early', 'login', signup + 7 * DAY - 1), // just before day 7
      ev('start', 'login', signup + 7 * DAY), // day 7 exactly: retained
      ev('inside', 'login', signup + 13 * DAY + 23 * HOUR),
      ev('end', 'login', signup + 14 * DAY), // day 14: after the window
      lateActivity('2024-04-30T12:00:00Z'),
    ];
    const result = activationCandidates(events, { days: 7, candidates: ['login'], minUnits: 0 });
    expect(result).toMatchObject({ eligible: 5, retained: 2 });
    // Only `early` logged in during its first 7 days, and was not retained.
    expect(find(result, 'login').counts).toEqual({ did: { retained: 0, notRetained: 1 }, didNot: { retained: 2, notRetained: 2 } });
  });

  it('in unbounded mode, counts any activity from day `day` to the end of the data', () => {
    const signup = at('2024-03-04T10:00:00Z');
    const events = [
      ev('a', 'signup', signup),
      ev('a', 'login', signup + 40 * DAY),
      ev('b', 'signup', signup),
      ev('b', 'login', signup + 6 * DAY),
    ];
    expect(activationCandidates(events, { outcome: { mode: 'unbounded', day: 7 } })).toMatchObject({
      outcome: { mode: 'unbounded', day: 7, days: null },
      eligible: 2,
      retained: 1,
    });
    expect(activationCandidates(events).retained).toBe(0);
  });

  it('leaves out and counts new units whose outcome window closes after the data end', () => {
    // The latest event is on March 20: the data run to its close, 2024-03-21T00:00Z (23:00Z in Paris).
    const events = [
      ev('early', 'signup', '2024-03-01T12:00:00Z'),
      ev('edge', 'signup', '2024-03-07T00:00:00Z'), // outcome window [03-14, 03-21): closes exactly at the data end
      ev('late', 'signup', '2024-03-07T00:00:00.001Z'),
      lateActivity('2024-03-20T10:00:00Z'),
    ];
    expect(activationCandidates(events)).toMatchObject({ dataEnd: '2024-03-20', newUnits: 3, censored: 1, eligible: 2 });
    expect(activationCandidates(events, { timeZone: 'Europe/Paris' })).toMatchObject({ newUnits: 3, censored: 2, eligible: 1 });
    // Unbounded: day 7 itself must be observed, so sign-ups up to March 13 at 00:00 are eligible.
    const unbounded = [...events, ev('u13', 'signup', '2024-03-13T00:00:00Z'), ev('u13b', 'signup', '2024-03-13T00:00:01Z')];
    expect(activationCandidates(unbounded, { outcome: { mode: 'unbounded', day: 7 } })).toMatchObject({ newUnits: 5, censored: 1 });
  });

  it('counts only returnEvent activity as retention', () => {
    const signup = at('2024-03-04T10:00:00Z');
    const events = [
      ...['a', 'b', 'c'].map((user) => ev(user, 'signup', signup)),
      ev('a', 'login', signup + 8 * DAY, { plan: 'pro' }),
      ev('b', 'login', signup + 8 * DAY, { plan: 'free' }),
      ev('c', 'page_view', signup + 8 * DAY),
      lateActivity('2024-04-30T12:00:00Z'),
    ];
    expect(activationCandidates(events).retained).toBe(3);
    expect(activationCandidates(events, { outcome: { returnEvent: 'login' } }).retained).toBe(2);
    expect(activationCandidates(events, { outcome: { returnEvent: { name: 'login', properties: { plan: 'pro' } } } }).retained).toBe(1);
  });
});

describe('activationCandidates: which events count', () => {
  const signup = at('2024-03-04T10:00:00Z');
  const tail = lateActivity('2024-04-30T12:00:00Z');

  it('ignores actions before the start event and counts those at its millisecond', () => {
    const events = [
      ev('a', 'ad_click', signup - HOUR),
      ev('a', 'a_welcome', signup), // sorts before `signup` at the same instant
      ev('a', 'signup', signup),
      tail,
    ];
    const result = activationCandidates(events, { candidates: ['ad_click', 'a_welcome'], minUnits: 0 });
    expect(find(result, 'ad_click').units).toBe(0);
    expect(find(result, 'a_welcome').units).toBe(1);
  });

  it('never counts the first start event; later ones only when asked for', () => {
    const events = [ev('a', 'signup', signup), ev('a', 'signup', signup + HOUR), ev('a', 'tour', signup + HOUR), tail];
    expect(activationCandidates(events).candidates.map((c) => c.label)).toEqual(['tour']);
    const asked = activationCandidates(events, { candidates: ['signup'], atLeast: [1, 2] });
    expect(asked.candidates.map((c) => [c.label, c.units])).toEqual([['signup', 1]]);
  });

  it('counts "at least k times" for each threshold, exact duplicates once', () => {
    const events = [
      ev('once', 'signup', signup),
      ev('once', 'export', signup + HOUR),
      ev('once', 'export', new Date(signup + HOUR).toISOString()), // the same event again
      ev('thrice', 'signup', signup),
      ...[1, 2, 3].map((h) => ev('thrice', 'export', signup + h * HOUR)),
      tail,
    ];
    const result = activationCandidates(events, { atLeast: [3, 1, 2, 5], minUnits: 0 });
    expect(result.candidates.filter((c) => c.conditions[0]!.name === 'export').map((c) => [c.conditions[0]!.atLeast, c.units])).toEqual(
      expect.arrayContaining([
        [1, 2],
        [2, 1],
        [3, 1],
        [5, 0],
      ]),
    );
    expect(find(result, 'export ≥ 3').label).toBe('export ≥ 3');
  });

  it('matches candidates with property conditions', () => {
    const events = [
      ev('a', 'signup', signup),
      ev('a', 'feature', signup + HOUR, { kind: 'reports' }),
      ev('b', 'signup', signup),
      ev('b', 'feature', signup + HOUR, { kind: 'alerts' }),
      ev('c', 'signup', signup),
      ev('c', 'feature', signup + HOUR),
      tail,
    ];
    const result = activationCandidates(events, {
      candidates: ['feature', { name: 'feature', where: { kind: 'reports' } }, { name: 'feature', where: { kind: null } }],
      atLeast: [1],
    });
    expect(Object.fromEntries(result.candidates.map((c) => [c.label, c.units]))).toEqual({
      feature: 3,
      'feature {"kind":"reports"}': 1,
      'feature {"kind":null}': 1,
    });
    expect(find(result, 'feature {"kind":"reports"}').conditions).toEqual([{ name: 'feature', where: { kind: 'reports' }, atLeast: 1 }]);
  });

  it('selects new units by the local date of their first-ever start event', () => {
    const events = [
      ev('old', 'signup', '2024-02-20T10:00:00Z'),
      ev('old', 'signup', '2024-03-05T10:00:00Z'), // not new: signed up before the range
      ev('new', 'signup', '2024-03-05T10:00:00Z'),
      ev('none', 'login', '2024-03-05T10:00:00Z'),
      tail,
    ];
    expect(activationCandidates(events, { from: '2024-03-01', to: '2024-03-31' }).newUnits).toBe(1);
    expect(activationCandidates(events, { startEvent: 'login', from: '2024-03-01', to: '2024-03-31' }).newUnits).toBe(1);
  });
});

describe('activationCandidates: ties and edge cases', () => {
  const signup = at('2024-03-04T10:00:00Z');
  const tail = lateActivity('2024-04-30T12:00:00Z');
  /** Four users; `doers` do every action in `actions`, the first `retainedCount` users come back on day 8. */
  const world = (doers: string[], actions: string[], retainedCount: number): KpiEvent[] => [
    tail,
    ...['a', 'b', 'c', 'd'].flatMap((user, i) => [
      ev(user, 'signup', signup),
      ...(doers.includes(user) ? actions.map((name) => ev(user, name, signup + HOUR)) : []),
      ...(i < retainedCount ? [ev(user, 'visit', signup + 8 * DAY)] : []),
    ]),
  ];

  it('breaks ties in score by reach, then by name', () => {
    // beta and alpha have the same table: by name. All are met by a and b, retained a, b, c.
    const result = activationCandidates(world(['a', 'b'], ['beta', 'alpha'], 3), { candidates: ['beta', 'alpha'] });
    expect(result.candidates.map((c) => c.label)).toEqual(['alpha', 'beta']);
    expect(result.candidates[0]!.score).toBe(result.candidates[1]!.score);
  });

  it('on equal tables: no property condition first, then the lower threshold, singles before pairs', () => {
    const reports = { kind: 'reports' };
    const events = world([], [], 3).concat(
      ['a', 'b'].flatMap((user) => [ev(user, 'feature', signup + HOUR, reports), ev(user, 'feature', signup + 2 * HOUR, reports)]),
    );
    // Given in the other order: the ranking does not follow the input's.
    const result = activationCandidates(events, {
      candidates: [{ name: 'feature', where: reports }, 'feature'],
      atLeast: [2, 1],
      pairs: 2,
    });
    expect(result.candidates.map((c) => c.label)).toEqual([
      'feature',
      'feature ≥ 2',
      'feature {"kind":"reports"}',
      'feature {"kind":"reports"} ≥ 2',
      'feature & feature {"kind":"reports"}',
    ]);
    expect(new Set(result.candidates.map((c) => c.score)).size).toBe(1);
  });

  it('when nobody is retained: zero lifts, and no relative lift, recall, correlation or score', () => {
    const result = activationCandidates(world(['a', 'b'], ['wide'], 0).concat(ev('a', 'narrow', signup + HOUR)));
    expect(result).toMatchObject({ eligible: 4, retained: 0, retention: 0 });
    for (const candidate of result.candidates) {
      expect(candidate).toMatchObject({ retentionIfDid: 0, retentionIfNot: 0, lift: 0, relativeLift: null, recall: null });
      expect(candidate).toMatchObject({ correlation: null, score: null });
      expect(candidate.liftInterval!.lower).toBeLessThan(0);
      expect(candidate.liftInterval!.upper).toBeGreaterThan(0);
    }
    // Equal (null) scores: the wider signal first.
    expect(result.candidates.map((c) => c.label)).toEqual(['wide', 'narrow']);
  });

  it('when everyone did the action: no comparison group, so no lift', () => {
    const [candidate] = activationCandidates(world(['a', 'b', 'c', 'd'], ['tour'], 2)).candidates;
    expect(candidate).toMatchObject({ label: 'tour', reach: 1, retentionIfDid: 0.5, retentionIfNot: null, precision: 0.5, recall: 1 });
    expect(candidate).toMatchObject({ lift: null, relativeLift: null, liftInterval: null, correlation: null, score: null });
  });

  it('returns empty counts and no candidates for empty input', () => {
    expect(activationCandidates([])).toEqual({
      from: null,
      to: null,
      timeZone: 'UTC',
      startEvent: 'signup',
      days: 7,
      outcome: { mode: 'window', day: 7, days: 7 },
      dataEnd: null,
      newUnits: 0,
      censored: 0,
      eligible: 0,
      retained: 0,
      retention: null,
      candidates: [],
    });
    const asked = activationCandidates([], { from: '2024-03-01', to: '2024-03-31', candidates: ['tour'], atLeast: [1], minUnits: 0 });
    expect(asked).toMatchObject({ from: '2024-03-01', to: '2024-03-31', eligible: 0 });
    expect(asked.candidates).toEqual([
      expect.objectContaining({ label: 'tour', units: 0, reach: null, retentionIfDid: null, retentionIfNot: null, lift: null }),
    ]);
  });

  it('leaves out signals met by fewer than minUnits units', () => {
    const events = world(['a', 'b'], ['pair'], 2).concat(ev('c', 'solo', signup + HOUR));
    expect(
      activationCandidates(events, { atLeast: [1] })
        .candidates.map((c) => c.label)
        .sort(),
    ).toEqual(['pair', 'solo']);
    expect(activationCandidates(events, { atLeast: [1], minUnits: 2 }).candidates.map((c) => c.label)).toEqual(['pair']);
  });
});

describe('activationCandidates: pairs', () => {
  it('tests every two of the best candidates together', () => {
    // 8 users; a: 0–3, b: 2–5; retained: 1–4.
    const signup = at('2024-03-04T10:00:00Z');
    const events: KpiEvent[] = [lateActivity('2024-04-30T12:00:00Z')];
    for (let i = 0; i < 8; i++) {
      events.push(ev(`u${i}`, 'signup', signup));
      if (i <= 3) events.push(ev(`u${i}`, 'a', signup + HOUR));
      if (i >= 2 && i <= 5) events.push(ev(`u${i}`, 'b', signup + HOUR));
      if (i >= 1 && i <= 4) events.push(ev(`u${i}`, 'visit', signup + 8 * DAY));
    }
    const result = activationCandidates(events, { atLeast: [1], pairs: 2 });
    // a & b: users 2 and 3, both retained; the other six hold 2 retained (1, 4).
    const pair = find(result, 'a & b');
    expect(pair.conditions).toEqual([
      { name: 'a', atLeast: 1 },
      { name: 'b', atLeast: 1 },
    ]);
    expect(pair.counts).toEqual({ did: { retained: 2, notRetained: 0 }, didNot: { retained: 2, notRetained: 4 } });
    expect(pair).toMatchObject({ reach: 0.25, retentionIfDid: 1, retentionIfNot: 1 / 3, recall: 0.5 });
    expect(result.candidates.filter((c) => c.conditions.length === 2)).toHaveLength(1);
    expect(activationCandidates(events, { atLeast: [1] }).candidates.some((c) => c.conditions.length === 2)).toBe(false);
  });
});

describe('activationCandidates: by group', () => {
  it('ends the data at the latest event, grouped or not, and takes the table’s event names', () => {
    const signup = at('2024-03-04T10:00:00Z');
    const acme = { account: 'acme' };
    const events: KpiEvent[] = [
      ev('ana', 'signup', signup, acme),
      ev('ben', 'tour', signup + HOUR, acme),
      ev('ana', 'visit', signup + 8 * DAY, acme),
      // No group: counts for no account, yet the data run until its day.
      ev('staff', 'export', signup + 14 * DAY),
    ];
    const options = { unit: { group: 'account' }, atLeast: [1], minUnits: 0 } as const;
    const result = activationCandidates(events, options);
    expect(result).toMatchObject({ dataEnd: '2024-03-18', newUnits: 1, censored: 0, eligible: 1, retained: 1 });
    expect(result.unit).toEqual({ group: 'account', groups: 1, ungroupedEvents: 1 });
    // As at the user's grain: every event name but the start event, those of ungrouped events too.
    expect(result.candidates.map((c) => c.label).sort()).toEqual(['export', 'tour', 'visit']);
    expect(find(result, 'tour').counts.did).toEqual({ retained: 1, notRetained: 0 });
    // Without the late ungrouped event the outcome window would close after the data.
    expect(activationCandidates(events.slice(0, 3), options)).toMatchObject({ dataEnd: '2024-03-12', censored: 1, eligible: 0 });
  });
});

describe('activationCandidates: bad options', () => {
  it('names each bad option', () => {
    expect(issuePathsOf(() => activationCandidates([], { days: 0 }))).toEqual(['options.days']);
    expect(issuePathsOf(() => activationCandidates([], { days: 7, outcome: { day: 3 } }))).toEqual(['options.outcome.day']);
    expect(issuePathsOf(() => activationCandidates([], { outcome: { mode: 'unbounded', days: 7 } }))).toEqual(['options.outcome.days']);
    expect(issuePathsOf(() => activationCandidates([], { outcome: { mode: 'weekly' as never } }))).toEqual(['options.outcome.mode']);
    expect(issuePathsOf(() => activationCandidates([], { atLeast: [1, 2, 1] }))).toEqual(['options.atLeast[2]']);
    expect(issuePathsOf(() => activationCandidates([], { atLeast: [0] }))).toEqual(['options.atLeast[0]']);
    expect(issuePathsOf(() => activationCandidates([], { candidates: ['a', { name: 'a', where: {} }] }))).toEqual([
      'options.candidates[1]',
    ]);
    expect(issuePathsOf(() => activationCandidates([], { candidates: [{ name: '' }] }))).toEqual(['options.candidates[0].name']);
    expect(issuePathsOf(() => activationCandidates([], { candidates: [] }))).toEqual(['options.candidates']);
    expect(issuePathsOf(() => activationCandidates([], { pairs: 21 }))).toEqual(['options.pairs']);
    expect(issuePathsOf(() => activationCandidates([], { minUnits: -1 }))).toEqual(['options.minUnits']);
    expect(issuePathsOf(() => activationCandidates([], { startEvent: '' }))).toEqual(['options.startEvent']);
    expect(issuePathsOf(() => activationCandidates([], { timezone: 'UTC' } as never))).toEqual(['options.timezone']);
    expect(issuePathsOf(() => activationCandidates([], { from: '2024-03-31', to: '2024-03-01' }))).toEqual(['options.to']);
  });
});
