import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retention, toEventTable } from '../../src/index';
import type {
  KpiEvent,
  Period,
  RetentionBreakdown,
  RetentionCohort,
  RetentionCohortKind,
  RetentionEvent,
  RetentionMode,
  RetentionOptions,
  Weekday,
} from '../../src/index';
import { addDays, eventsArb, intlLocalDate, issuePathsOf, msOf, shuffled, zoneArb } from '../support/reference';
import { referenceRetention } from './reference';

const event = (userId: string, timestamp: string, name = 'visit'): KpiEvent => ({ userId, name, timestamp });
/** An event at noon UTC of a date (the same local date in UTC, Europe and the Americas). */
const noon = (userId: string, date: string, name = 'visit'): KpiEvent => event(userId, `${date}T12:00:00Z`, name);

/** A cohort as the contract defines it, from its counts. */
const cohort = (start: string, counts: number[], incomplete: boolean[] = counts.map(() => false)): RetentionCohort => ({
  start,
  size: counts[0]!,
  counts,
  rates: counts.map((count) => count / counts[0]!),
  incomplete,
});

describe('retention: the contract example', () => {
  // 10 users first seen in the week of Monday 2024-01-01.
  const users = Array.from({ length: 10 }, (_, i) => `u${i}`);
  const firstWeek = users.map((u, i) => noon(u, `2024-01-0${1 + (i % 7)}`));
  const weekTwo = ['u0', 'u1', 'u2', 'u3'].map((u) => noon(u, '2024-01-10'));
  const options = { period: 'week', periods: 2, from: '2024-01-01', to: '2024-01-21' } as const;

  it('2 of the 4 week-2 users return in week 3: exact [10, 4, 2], unbounded [10, 4, 2]', () => {
    const events = [...firstWeek, ...weekTwo, noon('u0', '2024-01-15'), noon('u1', '2024-01-21')];
    const exact = retention(events, options);
    expect(exact).toEqual({
      period: 'week',
      periods: 2,
      mode: 'exact',
      from: '2024-01-01',
      to: '2024-01-21',
      timeZone: 'UTC',
      cohorts: [cohort('2024-01-01', [10, 4, 2])],
      average: [1, 0.4, 0.2],
    });
    expect(exact.cohorts[0]!.rates).toEqual([1, 0.4, 0.2]);
    expect(retention(events, { ...options, mode: 'unbounded' }).cohorts).toEqual([cohort('2024-01-01', [10, 4, 2])]);
  });

  it('2 users other than the 4 return in week 3: exact [10, 4, 2], unbounded [10, 6, 2]', () => {
    const events = [...firstWeek, ...weekTwo, noon('u8', '2024-01-16'), noon('u9', '2024-01-20')];
    expect(retention(events, options).cohorts).toEqual([cohort('2024-01-01', [10, 4, 2])]);
    const unbounded = retention(events, { ...options, mode: 'unbounded' });
    expect(unbounded.cohorts).toEqual([cohort('2024-01-01', [10, 6, 2])]);
    expect(unbounded.average).toEqual([1, 0.6, 0.2]);
  });

  it('flags the last week as incomplete when the data ends mid-week', () => {
    // No `to`: it defaults to the latest event, Wednesday 2024-01-17, inside the third week.
    const events = [...firstWeek, ...weekTwo, noon('u0', '2024-01-15'), noon('u1', '2024-01-17')];
    const result = retention(events, { period: 'week', periods: 2 });
    expect(result.to).toBe('2024-01-17');
    expect(result.cohorts).toEqual([cohort('2024-01-01', [10, 4, 2], [false, false, true])]);
  });
});

describe('retention: hand-computed', () => {
  it('reports a triangle with incomplete flags, new users only, and a size-weighted average', () => {
    const events = [
      ...['2024-01-01', '2024-01-09', '2024-01-16'].map((d) => noon('a', d)), // cohort 01-01, back in weeks +1, +2
      ...['2024-01-02', '2024-01-16'].map((d) => noon('b', d)), // cohort 01-01, back in week +2 only
      noon('c', '2024-01-03'), // cohort 01-01, never back
      ...['2024-01-08', '2024-01-15'].map((d) => noon('d', d)), // cohort 01-08, back in week +1
      noon('e', '2024-01-10'), // cohort 01-08
      noon('f', '2024-01-17'), // cohort 01-15: the last day of the range
      noon('g', '2024-01-18'), // first seen after `to`: in no cohort
      ...['2023-12-28', '2024-01-09'].map((d) => noon('h', d)), // first seen before `from`: in no cohort
    ];
    const options = { period: 'week', periods: 3, from: '2024-01-01', to: '2024-01-17' } as const;
    // Week 01-15 ends 01-21, after `to`: incomplete. Week 01-22 starts after `to`: no cell.
    expect(retention(events, options)).toEqual({
      period: 'week',
      periods: 3,
      mode: 'exact',
      from: '2024-01-01',
      to: '2024-01-17',
      timeZone: 'UTC',
      cohorts: [
        cohort('2024-01-01', [3, 1, 2], [false, false, true]),
        cohort('2024-01-08', [2, 1], [false, true]),
        cohort('2024-01-15', [1], [true]),
      ],
      // k=1: (1 + 1) / (3 + 2); k=2: 2 / 3; no cohort has k=3.
      average: [1, 2 / 5, 2 / 3, null],
    });
    const unbounded = retention(events, { ...options, mode: 'unbounded' });
    expect(unbounded.cohorts).toEqual([
      cohort('2024-01-01', [3, 2, 2], [false, false, true]),
      cohort('2024-01-08', [2, 1], [false, true]),
      cohort('2024-01-15', [1], [true]),
    ]);
    expect(unbounded.average).toEqual([1, 3 / 5, 2 / 3, null]);
  });

  it('ignores returns outside [from, to], also in unbounded mode', () => {
    const events = [
      noon('a', '2024-01-01'),
      noon('a', '2024-01-20'), // after `to`
      noon('b', '2024-01-03'),
      noon('b', '2024-01-09'),
    ];
    const options = { period: 'week', periods: 2, from: '2024-01-01', to: '2024-01-14', mode: 'unbounded' } as const;
    expect(retention(events, options).cohorts).toEqual([cohort('2024-01-01', [2, 1])]);
    // With a later `to`, a's return counts (and the third week appears, incomplete).
    expect(retention(events, { ...options, to: '2024-01-20' }).cohorts).toEqual([cohort('2024-01-01', [2, 2, 1], [false, false, true])]);
  });

  it('looks past the last reported period in unbounded mode', () => {
    // Back only in week +3; one period reported.
    const events = [noon('a', '2024-01-01'), noon('a', '2024-01-22')];
    expect(retention(events, { period: 'week', periods: 1 }).cohorts).toEqual([cohort('2024-01-01', [1, 0])]);
    expect(retention(events, { period: 'week', periods: 1, mode: 'unbounded' }).cohorts).toEqual([cohort('2024-01-01', [1, 1])]);
    // With three periods: exact sees the gap, unbounded fills it.
    const exact = retention(events, { period: 'week', periods: 3 });
    expect(exact.cohorts).toEqual([cohort('2024-01-01', [1, 0, 0, 1], [false, false, false, true])]);
    const unbounded = retention(events, { period: 'week', periods: 3, mode: 'unbounded' });
    expect(unbounded.cohorts).toEqual([cohort('2024-01-01', [1, 1, 1, 1], [false, false, false, true])]);
  });

  it('uses startEvent for cohorts and returnEvent for returns', () => {
    const events = [
      noon('u1', '2024-01-01', 'view'),
      noon('u1', '2024-01-02', 'signup'),
      noon('u1', '2024-01-03', 'purchase'),
      noon('u1', '2024-01-04', 'view'),
      noon('u2', '2024-01-02', 'signup'),
      noon('u2', '2024-01-03', 'view'),
      noon('u3', '2024-01-02', 'view'), // never signs up
      noon('u4', '2023-12-31', 'view'), // seen before `from`, but signs up inside the range
      noon('u4', '2024-01-03', 'signup'),
      noon('u5', '2023-12-30', 'signup'), // first signup before `from`
      noon('u5', '2024-01-02', 'signup'),
    ];
    const base = { period: 'day', periods: 2, from: '2024-01-01', to: '2024-01-04' } as const;
    // Cohort 01-02: u1, u2. Cohort 01-03: u4. u3 never starts; u5 started before `from`.
    expect(retention(events, { ...base, startEvent: 'signup', returnEvent: 'purchase' }).cohorts).toEqual([
      cohort('2024-01-02', [2, 1, 0]), // only u1 purchases, on 01-03
      cohort('2024-01-03', [1, 0]), // u4; its day +2 (01-05) is after `to`
    ]);
    // Any event counts as a return: u1 back on 01-03 and 01-04, u2 on 01-03, u4 never.
    expect(retention(events, { ...base, startEvent: 'signup' }).cohorts).toEqual([
      cohort('2024-01-02', [2, 2, 1]),
      cohort('2024-01-03', [1, 0]),
    ]);
    // Default start (any event): u1 01-01, u2 and u3 01-02; u4 and u5 were seen before `from`.
    expect(retention(events, { ...base, returnEvent: 'signup' }).cohorts).toEqual([
      cohort('2024-01-01', [1, 1, 0]),
      cohort('2024-01-02', [2, 0, 0]),
    ]);
  });

  it('starts weeks on weekStartsOn', () => {
    // Saturday 2024-01-06 and Sunday 01-07 (w1), Monday 01-08 (w2).
    const events = [noon('w1', '2024-01-06'), noon('w1', '2024-01-07'), noon('w2', '2024-01-08')];
    const weeks = (weekStartsOn: Weekday) => retention(events, { period: 'week', periods: 1, weekStartsOn }).cohorts;
    // Monday weeks: Sat and Sun are in the week of 01-01 (so w1 is not back in week +1), Mon in the next,
    // which runs past `to` (01-08).
    expect(weeks(1)).toEqual([cohort('2024-01-01', [1, 0], [false, true]), cohort('2024-01-08', [1], [true])]);
    // Sunday weeks: Saturday ends the week of 12-31; w1 is back on Sunday, in week +1.
    expect(weeks(0)).toEqual([cohort('2023-12-31', [1, 1], [false, true]), cohort('2024-01-07', [1], [true])]);
    // Saturday weeks: all three days in the week of 01-06, which runs past `to`.
    expect(weeks(6)).toEqual([cohort('2024-01-06', [2], [true])]);
  });

  it('groups months across a year boundary, in the zone asked for', () => {
    const events = [
      ...['2023-11-15', '2023-12-10', '2024-01-05'].map((d) => noon('m1', d)),
      event('m2', '2023-12-31T23:30:00Z'), // Dec 31 in UTC, Jan 1 00:30 in Paris
      noon('m2', '2024-01-20'),
      ...['2023-12-01', '2024-01-31'].map((d) => noon('m3', d)),
      ...['2024-01-10', '2024-02-01'].map((d) => noon('m4', d)),
    ];
    const utc = retention(events, { period: 'month', periods: 2 });
    expect(utc.from).toBe('2023-11-15');
    expect(utc.to).toBe('2024-02-01');
    expect(utc.cohorts).toEqual([
      cohort('2023-11-01', [1, 1, 1]),
      cohort('2023-12-01', [2, 2, 0], [false, false, true]), // February has started but not ended
      cohort('2024-01-01', [1, 1], [false, true]),
    ]);
    // k=1: (1 + 2 + 1) / (1 + 2 + 1); k=2: (1 + 0) / (1 + 2).
    expect(utc.average).toEqual([1, 1, 1 / 3]);

    const paris = retention(events, { period: 'month', periods: 2, timeZone: 'Europe/Paris' });
    expect(paris.cohorts).toEqual([
      cohort('2023-11-01', [1, 1, 1]),
      cohort('2023-12-01', [1, 1, 0], [false, false, true]),
      cohort('2024-01-01', [2, 1], [false, true]), // m2 is a January user in Paris
    ]);
    expect(paris.average).toEqual([1, 3 / 4, 1 / 2]);
  });

  it('buckets days in Europe/Paris across the spring DST change', () => {
    const events = [
      event('u1', '2024-03-30T23:30:00Z'), // Paris 03-31 00:30 (+1); UTC 03-30
      event('u1', '2024-03-31T22:30:00Z'), // Paris 04-01 00:30 (+2); UTC 03-31
      event('u2', '2024-03-31T21:59:00Z'), // Paris 03-31 23:59 (+2); UTC 03-31
      event('u2', '2024-04-01T21:30:00Z'), // Paris 04-01 23:30 (+2); UTC 04-01
    ];
    const paris = retention(events, { period: 'day', periods: 1, timeZone: 'Europe/Paris' });
    expect(paris.from).toBe('2024-03-31');
    expect(paris.to).toBe('2024-04-01');
    expect(paris.cohorts).toEqual([cohort('2024-03-31', [2, 2])]);
    const utc = retention(events, { period: 'day', periods: 1 });
    expect(utc.from).toBe('2024-03-30');
    expect(utc.cohorts).toEqual([cohort('2024-03-30', [1, 1]), cohort('2024-03-31', [1, 1])]);
  });

  it('counts a return once when the local date steps back (America/Juneau, 1867)', () => {
    // On 1867-10-19 Juneau went from +15:02:19 to −8:57:41: the afternoon of 10-19 became that of 10-18.
    const events = [
      event('u', '1867-10-16T12:00:00Z'), // 10-17 local: the cohort day
      event('u', '1867-10-19T00:00:00Z'), // 10-19 local (k = 2)
      event('u', '1867-10-19T01:00:00Z'), // 10-18 local (k = 1), later in time
      event('u', '1867-10-19T02:00:00Z'), // 10-18 local (k = 1) again
      event('u', '1867-10-19T20:00:00Z'), // 10-19 local (k = 2) again
    ];
    expect(events.map((e) => intlLocalDate(msOf(e), 'America/Juneau'))).toEqual([
      '1867-10-17',
      '1867-10-19',
      '1867-10-18',
      '1867-10-18',
      '1867-10-19',
    ]);
    for (const mode of ['exact', 'unbounded'] as const) {
      expect(retention(events, { period: 'day', periods: 3, mode, timeZone: 'America/Juneau' }).cohorts, mode).toEqual([
        cohort('1867-10-17', [1, 1, 1]),
      ]);
    }
  });

  it('accepts an EventTable', () => {
    const events = [noon('a', '2024-01-01'), noon('a', '2024-01-02')];
    expect(retention(toEventTable(events), { period: 'day', periods: 1 })).toEqual(retention(events, { period: 'day', periods: 1 }));
  });
});

describe('retention: empty input and bad options', () => {
  it('returns no cohorts and a null average for no events', () => {
    expect(retention([], { period: 'week', periods: 2 })).toEqual({
      period: 'week',
      periods: 2,
      mode: 'exact',
      from: null,
      to: null,
      timeZone: 'UTC',
      cohorts: [],
      average: [null, null, null],
    });
    expect(retention([], { period: 'month', periods: 1, from: '2024-01-01', to: '2024-03-31', mode: 'unbounded' })).toMatchObject({
      from: '2024-01-01',
      to: '2024-03-31',
      mode: 'unbounded',
      cohorts: [],
      average: [null, null],
    });
  });

  it('names the offending option', () => {
    const paths = (options: unknown): string[] => issuePathsOf(() => retention([noon('u', '2024-01-01')], options as RetentionOptions));
    expect(paths({ period: 'year', periods: 1 })).toEqual(['options.period']);
    expect(paths({ periods: 1 })).toEqual(['options.period']);
    expect(paths({ period: 'week', periods: 0 })).toEqual(['options.periods']);
    expect(paths({ period: 'week', periods: 1.5 })).toEqual(['options.periods']);
    expect(paths({ period: 'week' })).toEqual(['options.periods']);
    expect(paths({ period: 'week', periods: 1, mode: 'rolling' })).toEqual(['options.mode']);
    expect(paths({ period: 'week', periods: 1, weekStartsOn: 7 })).toEqual(['options.weekStartsOn']);
    expect(paths({ period: 'week', periods: 1, startEvent: '' })).toEqual(['options.startEvent']);
    expect(paths({ period: 'week', periods: 1, timezone: 'UTC' })).toEqual(['options.timezone']);
    expect(paths({ period: 'week', periods: 1, timeZone: 'Europe/Pariss' })).toEqual(['options.timeZone']);
    expect(paths({ period: 'week', periods: 1, from: '2024-02-30' })).toEqual(['options.from']);
    expect(paths({ period: 'week', periods: 1, from: '2024-02-02', to: '2024-02-01' })).toEqual(['options.to']);
  });
});

describe('retention: properties', () => {
  const optionsArb = fc.record({
    period: fc.constantFrom<Period>('day', 'week', 'month'),
    periods: fc.integer({ min: 1, max: 6 }),
    mode: fc.constantFrom<RetentionMode | undefined>('exact', 'unbounded', undefined),
    cohort: fc.constantFrom<RetentionCohortKind | undefined>(undefined, 'first', 'recurring', 'recurring'),
    startEvent: fc.constantFrom<RetentionEvent | undefined>(
      undefined,
      undefined,
      'a',
      'b',
      { name: 'a', where: { plan: 'pro' } },
      { name: 'b', where: { plan: null } },
    ),
    returnEvent: fc.constantFrom<RetentionEvent | RetentionEvent[] | undefined>(
      undefined,
      undefined,
      'a',
      'c',
      ['a', 'c'],
      [{ name: 'c', where: { plan: 'free' } }, 'b'],
    ),
    breakdown: fc.constantFrom<RetentionBreakdown | undefined>(undefined, undefined, { property: 'plan' }, { property: 'seats' }),
    weekStartsOn: fc.constantFrom<Weekday | undefined>(undefined, 0, 1, 2, 3, 4, 5, 6),
    timeZone: zoneArb,
    bounds: fc.option(fc.tuple(fc.nat(), fc.integer({ min: -20, max: 20 }), fc.option(fc.integer({ min: 0, max: 80 })))),
  });

  /** Options without undefined fields, with optional bounds placed around one of the events. */
  type Generated = typeof optionsArb extends fc.Arbitrary<infer T> ? T : never;

  function optionsFor(events: readonly KpiEvent[], generated: Generated): RetentionOptions {
    const { bounds, ...rest } = generated;
    const options: Record<string, unknown> = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
    if (bounds && events.length > 0) {
      const [i, shift, span] = bounds;
      const from = addDays(intlLocalDate(msOf(events[i % events.length]!), rest.timeZone), shift);
      options.from = from;
      if (span !== null) options.to = addDays(from, span);
    }
    return options as unknown as RetentionOptions;
  }

  it('equals a brute-force reference on random small data (property)', () => {
    fc.assert(
      fc.property(eventsArb({ maxEvents: 30, spanDays: 60 }), optionsArb, (events, generated) => {
        const options = optionsFor(events, generated);
        expect(retention(events, options)).toEqual(referenceRetention(events, options));
      }),
      { numRuns: 300 },
    );
    // Hundreds of runs: seconds on a shared machine.
  }, 30_000);

  it('keeps cell 0 = size, 0 ≤ rates ≤ 1, unbounded ≥ exact and non-increasing unbounded counts; ignores order (property)', () => {
    fc.assert(
      fc.property(eventsArb({ maxEvents: 30, spanDays: 60 }), optionsArb, fc.integer(), (events, generated, seed) => {
        const options = optionsFor(events, generated);
        const exact = retention(events, { ...options, mode: 'exact' });
        const unbounded = retention(events, { ...options, mode: 'unbounded' });
        expect(unbounded.cohorts.map((c) => c.start)).toEqual(exact.cohorts.map((c) => c.start));
        exact.cohorts.forEach((c, i) => {
          const u = unbounded.cohorts[i]!;
          expect(c.counts[0]).toBe(c.size);
          expect(u.counts[0]).toBe(u.size);
          expect(u.counts).toHaveLength(c.counts.length);
          for (let k = 0; k < c.counts.length; k++) {
            expect(u.counts[k]).toBeGreaterThanOrEqual(c.counts[k]!);
            if (k > 0) expect(u.counts[k]).toBeLessThanOrEqual(u.counts[k - 1]!);
            for (const rate of [c.rates[k]!, u.rates[k]!]) {
              expect(rate).toBeGreaterThanOrEqual(0);
              expect(rate).toBeLessThanOrEqual(1);
            }
          }
        });
        for (const value of exact.average) if (value !== null) expect(value >= 0 && value <= 1).toBe(true);
        expect(retention(shuffled(events, seed), { ...options, mode: 'exact' })).toEqual(exact);
        expect(retention(shuffled([...events, ...events.slice(0, 5)], seed), { ...options, mode: 'unbounded' })).toEqual(unbounded);
      }),
      { numRuns: 100 },
    );
  });
});
