import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activation } from '../../src/adoption/activation';
import { conversionRate } from '../../src/adoption/conversionRate';
import { featureAdoptionRate } from '../../src/adoption/featureAdoptionRate';
import { productAdoptionRate } from '../../src/adoption/productAdoptionRate';
import { funnel } from '../../src/funnel/funnel';
import { KpiValidationError, type KpiEvent, type PropertyValue } from '../../src/index';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (month: number, day: number, hour = 12, minute = 0): number => Date.UTC(2024, month - 1, day, hour, minute);
const ev = (userId: string, name: string, timestamp: number, properties?: Record<string, PropertyValue>): KpiEvent => ({
  userId,
  name,
  timestamp,
  ...(properties ? { properties } : {}),
});
const MARCH = { from: '2024-03-01', to: '2024-03-31' } as const;

function issuePaths(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof KpiValidationError) return error.issues.map((issue) => issue.path);
    throw error;
  }
  throw new Error('expected a KpiValidationError');
}

/** Random small event logs over a few users, names and days of March ± a week. */
const eventLogs = fc.array(
  fc.record({
    userId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    name: fc.constantFrom('signup', 'login', 'export', 'aha'),
    timestamp: fc.integer({ min: at(2, 22), max: at(4, 7) }),
  }),
  { maxLength: 30 },
);

describe('productAdoptionRate', () => {
  const events = [
    ev('old1', 'login', at(2, 10)),
    ev('old1', 'login', at(3, 15)),
    ev('old2', 'login', at(2, 20)),
    ev('new1', 'login', at(3, 5)),
    // 23:30 UTC on March 31 is 01:30 on April 1 in Paris (UTC+2 since that morning).
    ev('new2', 'login', at(3, 31, 23, 30)),
    ev('later', 'login', at(4, 2)),
  ];

  it('divides users first seen in the period by users active in it', () => {
    // Active in March: old1, new1, new2; first seen in March: new1, new2.
    expect(productAdoptionRate(events, MARCH)).toEqual({ ...MARCH, timeZone: 'UTC', newUsers: 2, activeUsers: 3, rate: 2 / 3 });
    // In Paris new2's only event is on April 1: active old1, new1; new new1.
    expect(productAdoptionRate(events, { ...MARCH, timeZone: 'Europe/Paris' })).toMatchObject({ newUsers: 1, activeUsers: 2, rate: 0.5 });
  });

  it('with a sign-up event, counts users whose first sign-up falls in the period', () => {
    const withSignup = [...events, ev('old1', 'signup', at(3, 15)), ev('old2', 'signup', at(2, 20)), ev('old2', 'login', at(3, 2))];
    // Active: old1, old2, new1, new2. First sign-up in March: old1 only (old2 signed up in February).
    expect(productAdoptionRate(withSignup, { ...MARCH, signupEvent: 'signup' })).toMatchObject({ newUsers: 1, activeUsers: 4, rate: 0.25 });
  });

  it('returns a null rate when nobody is active, and null dates without events', () => {
    expect(productAdoptionRate(events, { from: '2025-01-01', to: '2025-01-31' })).toMatchObject({
      newUsers: 0,
      activeUsers: 0,
      rate: null,
    });
    expect(productAdoptionRate([])).toEqual({ from: null, to: null, timeZone: 'UTC', newUsers: 0, activeUsers: 0, rate: null });
  });

  it('never counts more new users than active users, whatever the input order', () => {
    fc.assert(
      fc.property(eventLogs, fc.boolean(), (log, withSignup) => {
        const options = { ...MARCH, ...(withSignup ? { signupEvent: 'signup' } : {}) };
        const result = productAdoptionRate(log, options);
        expect(result.newUsers).toBeLessThanOrEqual(result.activeUsers);
        expect(result.rate === null ? result.activeUsers === 0 : result.rate >= 0 && result.rate <= 1).toBe(true);
        expect(productAdoptionRate([...log].reverse(), options)).toEqual(result);
      }),
    );
  });

  it('rejects bad options', () => {
    expect(issuePaths(() => productAdoptionRate([], { signupEvent: '' }))).toEqual(['options.signupEvent']);
    expect(issuePaths(() => productAdoptionRate([], { period: MARCH } as never))).toEqual(['options.period']);
  });
});

describe('featureAdoptionRate', () => {
  const events = [
    ev('a', 'export', at(3, 3)),
    ev('a', 'login', at(3, 3)),
    ev('b', 'login', at(3, 4)),
    ev('c', 'export', at(2, 25)),
    ev('c', 'login', at(3, 6)),
    ev('d', 'export', at(4, 3)),
  ];

  it('divides users with a feature event in the range by users active in it', () => {
    // Active in March: a, b, c; used export in March: a (c's export is in February, d's in April).
    expect(featureAdoptionRate(events, { ...MARCH, feature: 'export' })).toEqual({
      ...MARCH,
      timeZone: 'UTC',
      adopters: 1,
      activeUsers: 3,
      rate: 1 / 3,
    });
  });

  it('takes the feature as a filter, and counts a feature user as active whatever activeWhere says', () => {
    const shares = [
      ev('mail', 'share', at(3, 2), { channel: 'email' }),
      ev('mail', 'session_start', at(3, 2)),
      ev('link', 'share', at(3, 2), { channel: 'link' }),
      ev('link', 'session_start', at(3, 2)),
      // Shares by email without a session event: still active.
      ev('bare', 'share', at(3, 9), { channel: 'email' }),
      // Active by a plain event only when activeWhere is not given.
      ev('idle', 'page_view', at(3, 9)),
    ];
    const feature = { name: 'share', properties: { channel: 'email' } };
    expect(featureAdoptionRate(shares, { ...MARCH, feature, activeWhere: { name: 'session_start' } })).toMatchObject({
      adopters: 2,
      activeUsers: 3,
      rate: 2 / 3,
    });
    expect(featureAdoptionRate(shares, { ...MARCH, feature })).toMatchObject({ adopters: 2, activeUsers: 4, rate: 0.5 });
  });

  it('returns a null rate when nobody is active', () => {
    expect(featureAdoptionRate([], { feature: 'export' })).toEqual({
      from: null,
      to: null,
      timeZone: 'UTC',
      adopters: 0,
      activeUsers: 0,
      rate: null,
    });
  });

  it('keeps adopters among active users and ignores input order', () => {
    fc.assert(
      fc.property(eventLogs, (log) => {
        const options = { ...MARCH, feature: 'export', activeWhere: { name: 'login' } };
        const result = featureAdoptionRate(log, options);
        expect(result.adopters).toBeLessThanOrEqual(result.activeUsers);
        expect(featureAdoptionRate([...log].reverse(), options)).toEqual(result);
      }),
    );
  });

  it('rejects bad options', () => {
    expect(issuePaths(() => featureAdoptionRate([], { feature: '' }))).toEqual(['options.feature']);
    expect(issuePaths(() => featureAdoptionRate([], { feature: { name: '' } }))).toEqual(['options.feature.name']);
    expect(issuePaths(() => featureAdoptionRate([], {} as never))).toEqual(['options.feature']);
  });
});

describe('activation', () => {
  const events = [
    // s1: aha exactly 7 × 24 h after sign-up → activated after 7 days.
    ev('s1', 'signup', at(3, 1, 0)),
    ev('s1', 'aha', at(3, 8, 0)),
    // s2: aha 1 ms too late.
    ev('s2', 'signup', at(3, 1, 0)),
    ev('s2', 'aha', at(3, 8, 0) + 1),
    // s3: an aha before sign-up is ignored; the first one after comes 1.5 days later.
    ev('s3', 'aha', at(2, 28)),
    ev('s3', 'signup', at(3, 2, 0)),
    ev('s3', 'aha', at(3, 3, 12)),
    // s4: aha at sign-up's own millisecond → activated after 0 ms.
    ev('s4', 'aha', at(3, 2)),
    ev('s4', 'signup', at(3, 2)),
    // s5: signed up before the range → not counted at all.
    ev('s5', 'signup', at(2, 20)),
    ev('s5', 'aha', at(3, 1)),
    // s6: the first sign-up starts the clock; the aha is 9 days after it.
    ev('s6', 'signup', at(3, 3)),
    ev('s6', 'signup', at(3, 10)),
    ev('s6', 'aha', at(3, 12)),
    // s7: aha after the range ends.
    ev('s7', 'signup', at(3, 30)),
    ev('s7', 'aha', at(4, 2)),
    // s8: aha only before sign-up.
    ev('s8', 'aha', at(3, 5)),
    ev('s8', 'signup', at(3, 6)),
    // Never signed up.
    ev('x', 'aha', at(3, 6)),
  ];

  it('counts sign-ups in the range whose first aha comes within N days, with time to value', () => {
    const result = activation(events, { ...MARCH, signupEvent: 'signup', ahaEvent: 'aha', days: 7 });
    // Signed up: s1, s2, s3, s4, s6, s7, s8 (7); activated: s1 (7 d), s3 (1.5 d), s4 (0).
    expect(result).toMatchObject({ ...MARCH, timeZone: 'UTC', days: 7, signedUp: 7, activated: 3, rate: 3 / 7 });
    expect(result.median).toBe(1.5 * DAY);
    expect(result.mean).toBeCloseTo((8.5 * DAY) / 3, 6);
    // Sorted [0, 1.5, 7] days: rank 0.9 × 2 = 1.8 → 1.5 + 0.8 × 5.5 = 5.9 days.
    expect(result.p90).toBeCloseTo(5.9 * DAY, 6);
    expect(result.histogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(3);
    // A 10-day window also takes s6 (9 days) and s2.
    expect(activation(events, { ...MARCH, signupEvent: 'signup', ahaEvent: 'aha', days: 10 })).toMatchObject({ signedUp: 7, activated: 5 });
  });

  it('counts an aha at the sign-up millisecond whichever of the two is listed first', () => {
    const options = { signupEvent: 'signup', ahaEvent: 'aha', days: 1 };
    const same = [ev('u', 'aha', at(3, 2)), ev('u', 'signup', at(3, 2))];
    expect(activation(same, options)).toMatchObject({ signedUp: 1, activated: 1, median: 0 });
    expect(activation([...same].reverse(), options)).toMatchObject({ signedUp: 1, activated: 1, median: 0 });
  });

  it('returns a null rate and no times when nobody signed up', () => {
    expect(activation([], { signupEvent: 'signup', ahaEvent: 'aha', days: 7 })).toEqual({
      from: null,
      to: null,
      timeZone: 'UTC',
      days: 7,
      signedUp: 0,
      activated: 0,
      rate: null,
      median: null,
      mean: null,
      p90: null,
      histogram: [],
    });
  });

  it('never activates more users than signed up, and a longer window never activates fewer', () => {
    fc.assert(
      fc.property(eventLogs, fc.integer({ min: 1, max: 20 }), (log, days) => {
        const short = activation(log, { ...MARCH, signupEvent: 'signup', ahaEvent: 'aha', days });
        const long = activation(log, { ...MARCH, signupEvent: 'signup', ahaEvent: 'aha', days: days + 1 });
        expect(short.activated).toBeLessThanOrEqual(short.signedUp);
        expect(long.activated).toBeGreaterThanOrEqual(short.activated);
        expect(long.signedUp).toBe(short.signedUp);
      }),
    );
  });

  it('rejects bad options', () => {
    expect(issuePaths(() => activation([], { signupEvent: 'signup', ahaEvent: 'aha', days: 0 }))).toEqual(['options.days']);
    expect(issuePaths(() => activation([], { signupEvent: 'signup', days: 7 } as never))).toEqual(['options.ahaEvent']);
  });
});

describe('conversionRate', () => {
  const window = 14 * DAY;
  const events = [
    ev('t1', 'trial', at(3, 1)),
    ev('t1', 'paid', at(3, 3)),
    ev('t2', 'trial', at(3, 1)),
    ev('t2', 'paid', at(3, 1) + window + 1),
    ev('t3', 'trial', at(3, 2)),
    ev('t3', 'cancel', at(3, 4)),
    ev('t3', 'paid', at(3, 6)),
    ev('t4', 'trial', at(3, 5)),
    ev('v', 'paid', at(3, 5)),
  ];

  it('is the two-step funnel: users who did fromStep, and how many went on to toStep in the window', () => {
    const result = conversionRate(events, { fromStep: 'trial', toStep: 'paid' });
    // Entered: t1–t4; converted within 14 days: t1 (2 days), t3 (4 days).
    expect(result).toEqual({
      order: 'ordered',
      window,
      from: '2024-03-01',
      to: '2024-03-15',
      timeZone: 'UTC',
      entered: 4,
      converted: 2,
      rate: 0.5,
      median: 3 * DAY,
      mean: 3 * DAY,
      p90: 3.8 * DAY,
      histogram: [
        { from: 2 * DAY, to: 3 * DAY, count: 1 },
        { from: 3 * DAY, to: 4 * DAY, count: 1 },
      ],
    });
  });

  it('passes order, window, step conditions and exclusions to the funnel', () => {
    // A cancel between trial and payment disqualifies t3.
    expect(conversionRate(events, { fromStep: 'trial', toStep: 'paid', exclusions: [{ name: 'cancel' }] })).toMatchObject({
      entered: 3,
      converted: 1,
    });
    // w pays after a cancel, then starts a second trial that does not convert: judged by the furthest attempt
    // (the disqualified payment) w is left out; setting disqualified attempts aside, w entered and did not convert.
    const retried = [ev('w', 'trial', at(3, 1)), ev('w', 'cancel', at(3, 2)), ev('w', 'paid', at(3, 3)), ev('w', 'trial', at(3, 5))];
    const cancel = [{ name: 'cancel' }];
    expect(conversionRate(retried, { fromStep: 'trial', toStep: 'paid', exclusions: cancel })).toMatchObject({ entered: 0, converted: 0 });
    expect(
      conversionRate(retried, { fromStep: 'trial', toStep: 'paid', exclusions: cancel, exclusionMode: 'cleanAttempts' }),
    ).toMatchObject({ entered: 1, converted: 0 });
    expect(conversionRate(events, { fromStep: 'trial', toStep: 'paid', order: 'strict' })).toMatchObject({ entered: 4, converted: 1 });
    expect(conversionRate(events, { fromStep: 'trial', toStep: 'paid', window: 30 * DAY })).toMatchObject({ converted: 3 });
    const tagged = [
      ev('p', 'trial', at(3, 1), { plan: 'pro' }),
      ev('p', 'paid', at(3, 2)),
      ev('f', 'trial', at(3, 1)),
      ev('f', 'paid', at(3, 2)),
    ];
    expect(conversionRate(tagged, { fromStep: { name: 'trial', where: { plan: 'pro' } }, toStep: 'paid' })).toMatchObject({
      entered: 1,
      converted: 1,
      rate: 1,
    });
  });

  it('agrees with the funnel it stands for, and keeps the rate in [0, 1]', () => {
    fc.assert(
      fc.property(eventLogs, fc.constantFrom('ordered', 'strict', 'any'), (log, order) => {
        const result = conversionRate(log, { fromStep: 'signup', toStep: 'export', order, window: 3 * DAY });
        const steps = funnel(log, { steps: ['signup', 'export'], order, window: 3 * DAY }).steps;
        expect([result.entered, result.converted]).toEqual(steps.map((step) => step.count));
        expect(result.rate).toBe(result.entered === 0 ? null : result.converted / result.entered);
      }),
    );
  });

  it('returns null rate and times for no events', () => {
    expect(conversionRate([], { fromStep: 'a', toStep: 'b' })).toMatchObject({
      entered: 0,
      converted: 0,
      rate: null,
      median: null,
      histogram: [],
    });
  });

  it('rejects bad options under their own names', () => {
    expect(issuePaths(() => conversionRate([], { fromStep: '', toStep: 'b' }))).toEqual(['options.fromStep']);
    expect(issuePaths(() => conversionRate([], { fromStep: 'a', toStep: { name: '' } }))).toEqual(['options.toStep.name']);
    expect(issuePaths(() => conversionRate([], { fromStep: 'a', toStep: 'b', steps: ['a', 'b'] } as never))).toEqual(['options.steps']);
  });
});
