import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retention, toEventTable } from '../../src/index';
import type { KpiEvent, PropertyValue, RetentionCohort, RetentionOptions, RetentionResult } from '../../src/index';
import { at, eventsArb, intlLocalDate, issuePathsOf, msOf, shuffled, zoneArb } from '../support/reference';
import { referenceCalendar } from './reference';
import { dayNumberOf } from '../support/reference';

const event = (userId: string, iso: string, name = 'login', properties: Record<string, PropertyValue> = {}): KpiEvent => ({
  userId,
  name,
  timestamp: at(iso),
  properties,
});
const noon = (userId: string, date: string, name = 'login', properties: Record<string, PropertyValue> = {}): KpiEvent =>
  event(userId, `${date}T12:00:00Z`, name, properties);

const cohort = (start: string, counts: number[], incomplete: boolean[] = counts.map(() => false)): RetentionCohort => ({
  start,
  size: counts[0]!,
  counts,
  rates: counts.map((count) => count / counts[0]!),
  incomplete,
});

const countsOf = (result: RetentionResult): [string, number[]][] => result.cohorts.map((c) => [c.start, [...c.counts]]);

describe('retention: recurring cohorts, hand-computed', () => {
  // Monday weeks W0 = 01-01, W1 = 01-08, W2 = 01-15, W3 = 01-22; `to` is Sunday 01-28, so every cell is complete.
  const events = [
    ...['2024-01-02', '2024-01-09'].map((d) => noon('a', d)), // login W0, W1
    noon('a', '2024-01-23', 'view'), // back in W3, not a login
    ...['2024-01-10', '2024-01-16'].map((d) => noon('b', d)), // login W1, W2
    noon('c', '2024-01-03'), // login W0
    noon('c', '2024-01-04', 'view'),
    noon('d', '2024-01-01', 'view'),
    noon('d', '2024-01-17'), // login W2
    noon('e', '2023-12-27'), // a login before `from`
    noon('e', '2024-01-11'), // and one in W1
  ];
  const options = { period: 'week', periods: 3, startEvent: 'login', from: '2024-01-01', to: '2024-01-28' } as const;

  it('puts a unit in every period where it did the start event', () => {
    const result = retention(events, { ...options, cohort: 'recurring' });
    expect(result).toEqual({
      period: 'week',
      periods: 3,
      mode: 'exact',
      cohort: 'recurring',
      from: '2024-01-01',
      to: '2024-01-28',
      timeZone: 'UTC',
      cohorts: [
        cohort('2024-01-01', [2, 1, 0, 1]), // a, c: a logs in again in W1 and views in W3
        cohort('2024-01-08', [3, 1, 1]), // a, b, e: b back in W2, a in W3
        cohort('2024-01-15', [2, 0]), // b, d; nobody logs in in W3
      ],
      average: [1, 2 / 7, 1 / 5, 1 / 2],
    });
  });

  it('counts unbounded cells from each cohort of the unit', () => {
    const result = retention(events, { ...options, cohort: 'recurring', mode: 'unbounded' });
    expect(countsOf(result)).toEqual([
      ['2024-01-01', [2, 1, 1, 1]],
      ['2024-01-08', [3, 2, 1]],
      ['2024-01-15', [2, 0]],
    ]);
    expect(result.average).toEqual([1, 3 / 7, 2 / 5, 1 / 2]);
  });

  it('keeps first cohorts for new units only, and `cohort: "first"` is the default', () => {
    // e's first login is before `from`: no cohort; d's first login is in W2.
    const first = retention(events, { ...options, cohort: 'first' });
    expect(countsOf(first)).toEqual([
      ['2024-01-01', [2, 1, 0, 1]],
      ['2024-01-08', [1, 1, 0]],
      ['2024-01-15', [1, 0]],
    ]);
    expect(first).not.toHaveProperty('cohort');
    expect(retention(events, options)).toEqual(first);
  });

  it('counts a start event in a later period as a return of the earlier cohort', () => {
    // Daily logins on three days: in each day's cohort, back the next days.
    const daily = ['2024-01-01', '2024-01-02', '2024-01-03'].map((d) => noon('a', d));
    const result = retention(daily, { period: 'day', periods: 2, cohort: 'recurring' });
    expect(countsOf(result)).toEqual([
      ['2024-01-01', [1, 1, 1]],
      ['2024-01-02', [1, 1]],
      ['2024-01-03', [1]],
    ]);
  });

  it('buckets recurring weeks in the zone across the autumn DST change', () => {
    const dst = [
      event('x', '2024-10-21T10:00:00Z'),
      event('x', '2024-10-27T23:30:00Z'), // Paris 10-28 00:30 (+1): week of 10-28; UTC: still the week of 10-21
      event('y', '2024-10-27T22:30:00Z'), // Paris 10-27 23:30, the 25-hour Sunday: week of 10-21
      event('y', '2024-11-04T10:00:00Z'),
    ];
    const weekly = { period: 'week', periods: 2, cohort: 'recurring', from: '2024-10-21', to: '2024-11-10' } as const;
    expect(countsOf(retention(dst, { ...weekly, timeZone: 'Europe/Paris' }))).toEqual([
      ['2024-10-21', [2, 1, 1]],
      ['2024-10-28', [1, 0]],
      ['2024-11-04', [1]],
    ]);
    expect(countsOf(retention(dst, weekly))).toEqual([
      ['2024-10-21', [2, 0, 1]],
      ['2024-11-04', [1]],
    ]);
  });

  it('ignores input order and exact duplicates', () => {
    const copies = [...events, ...events.slice(0, 4)];
    const expected = retention(events, { ...options, cohort: 'recurring' });
    for (const seed of [1, 2, 3]) expect(retention(shuffled(copies, seed), { ...options, cohort: 'recurring' })).toEqual(expected);
  });

  it('returns no cohorts for no events', () => {
    expect(retention([], { period: 'day', periods: 1, cohort: 'recurring', breakdown: { property: 'plan' } })).toEqual({
      period: 'day',
      periods: 1,
      mode: 'exact',
      cohort: 'recurring',
      from: null,
      to: null,
      timeZone: 'UTC',
      cohorts: [],
      average: [null, null],
      breakdown: { property: 'plan', groups: [] },
    });
  });
});

describe('retention: start and return events with conditions', () => {
  const events = [
    noon('u1', '2024-01-01', 'signup', { plan: 'free' }),
    noon('u1', '2024-01-02', 'signup', { plan: 'pro' }),
    noon('u1', '2024-01-03', 'purchase'),
    noon('u2', '2024-01-02', 'signup', { plan: 'pro' }),
    noon('u2', '2024-01-03', 'login', { device: 'desktop' }),
    noon('u2', '2024-01-04', 'login', { device: 'mobile' }),
    noon('u3', '2024-01-01', 'signup'),
    noon('u3', '2024-01-02', 'login', { device: 'mobile' }),
    noon('u4', '2024-01-03', 'signup', { plan: 'pro' }),
    noon('u4', '2024-01-04', 'login'),
  ];
  const base = { period: 'day', periods: 2, from: '2024-01-01', to: '2024-01-04' } as const;
  const proSignup = { name: 'signup', where: { plan: 'pro' } } as const;

  it('starts at the first start event that meets the conditions, and returns on any of the return events', () => {
    // u1's first pro signup is on 01-02 (its free one does not count); u3 never signs up as pro.
    const result = retention(events, {
      ...base,
      startEvent: proSignup,
      returnEvent: ['purchase', { name: 'login', where: { device: 'mobile' } }],
    });
    expect(result.cohorts).toEqual([
      cohort('2024-01-02', [2, 1, 1]), // u1 purchases on 01-03; u2's desktop login does not count, its mobile one (01-04) does
      cohort('2024-01-03', [1, 0]), // u4's login has no device
    ]);
  });

  it('matches an absent property with `null`', () => {
    const result = retention(events, { ...base, startEvent: proSignup, returnEvent: { name: 'login', where: { device: null } } });
    expect(countsOf(result)).toEqual([
      ['2024-01-02', [2, 0, 0]],
      ['2024-01-03', [1, 1]],
    ]);
  });

  it('is the plain name when the conditions are empty, and a one-item list is the item', () => {
    const plain = retention(events, { ...base, startEvent: 'signup', returnEvent: 'login' });
    expect(retention(events, { ...base, startEvent: { name: 'signup' }, returnEvent: [{ name: 'login', where: {} }] })).toEqual(plain);
    expect(countsOf(plain)).toEqual([
      ['2024-01-01', [2, 1, 0]], // u1 (never logs in), u3 (logs in on day +1)
      ['2024-01-02', [1, 1, 1]], // u2
      ['2024-01-03', [1, 1]], // u4
    ]);
  });

  it('matches a property value of its own type only, and nothing for an unknown name or value', () => {
    expect(retention(events, { ...base, startEvent: { name: 'signup', where: { plan: 1 } } }).cohorts).toEqual([]);
    expect(retention(events, { ...base, startEvent: { name: 'signup', where: { tier: 'pro' } } }).cohorts).toEqual([]);
    expect(retention(events, { ...base, returnEvent: ['nothing', 'missing'] }).cohorts.map((c) => c.counts.slice(1))).toEqual([
      [0, 0],
      [0, 0],
      [0],
    ]);
  });

  it('names the offending event option', () => {
    const paths = (options: Partial<RetentionOptions>): string[] => issuePathsOf(() => retention(events, { ...base, ...options }));
    expect(paths({ startEvent: { name: '' } })).toEqual(['options.startEvent.name']);
    expect(paths({ startEvent: { where: { plan: 'pro' } } as never })).toEqual(['options.startEvent.name']);
    expect(paths({ startEvent: { name: 'signup', where: { plan: [1] } } as never })).toEqual(['options.startEvent']);
    expect(paths({ startEvent: ['signup'] as never })).toEqual(['options.startEvent']);
    expect(paths({ returnEvent: [] })).toEqual(['options.returnEvent']);
    expect(paths({ returnEvent: ['login', { name: 'buy', extra: 1 } as never] })).toEqual(['options.returnEvent[1].extra']);
    expect(paths({ returnEvent: Array.from({ length: 21 }, () => 'login') })).toEqual(['options.returnEvent']);
    expect(paths({ cohort: 'returning' as never })).toEqual(['options.cohort']);
    expect(paths({ breakdown: { property: '' } })).toEqual(['options.breakdown.property']);
    expect(paths({ breakdown: 'plan' as never })).toEqual(['options.breakdown']);
  });
});

describe('retention: breakdown, hand-computed', () => {
  // Weeks W0 = 01-01, W1 = 01-08, W2 = 01-15; `to` is Sunday 01-21.
  const events = [
    event('a', '2024-01-01T10:00:00Z', 'login', { plan: 'pro' }),
    event('a', '2024-01-02T10:00:00Z', 'login', { plan: 'free' }), // a second W0 login: the first one names the group
    event('a', '2024-01-09T10:00:00Z', 'login', { plan: 'free' }), // W1
    event('b', '2024-01-03T10:00:00Z', 'login', { plan: 'free' }),
    event('b', '2024-01-10T10:00:00Z', 'view'),
    event('c', '2024-01-02T10:00:00Z', 'login'), // no plan
    event('c', '2024-01-16T10:00:00Z', 'login', { plan: 'pro' }), // W2
    event('d', '2024-01-08T10:00:00Z', 'login', { plan: 'pro' }), // W1
    event('d', '2024-01-15T10:00:00Z', 'view'),
  ];
  const options = {
    period: 'week',
    periods: 2,
    startEvent: 'login',
    from: '2024-01-01',
    to: '2024-01-21',
    breakdown: { property: 'plan' },
  } as const;

  it('splits recurring cohorts by the first start event of each period', () => {
    const result = retention(events, { ...options, cohort: 'recurring' });
    expect(countsOf(result)).toEqual([
      ['2024-01-01', [3, 2, 1]],
      ['2024-01-08', [2, 1]],
      ['2024-01-15', [1]],
    ]);
    expect(result.breakdown).toEqual({
      property: 'plan',
      groups: [
        // pro: a in W0, d in W1, c in W2 (3 memberships); free: b in W0, a in W1 (2); null: c in W0.
        {
          value: 'pro',
          other: false,
          cohorts: [cohort('2024-01-01', [1, 1, 0]), cohort('2024-01-08', [1, 1]), cohort('2024-01-15', [1])],
          average: [1, 1, 0],
        },
        { value: 'free', other: false, cohorts: [cohort('2024-01-01', [1, 1, 0]), cohort('2024-01-08', [1, 0])], average: [1, 1 / 2, 0] },
        { value: null, other: false, cohorts: [cohort('2024-01-01', [1, 0, 1])], average: [1, 0, 1] },
      ],
    });
  });

  it('splits first cohorts by the unit’s first start event, and leaves the overall table as it is', () => {
    const result = retention(events, options);
    const { breakdown, ...overall } = result;
    expect(overall).toEqual(retention(events, { ...options, breakdown: undefined }));
    expect(countsOf(result)).toEqual([
      ['2024-01-01', [3, 2, 1]],
      ['2024-01-08', [1, 1]],
    ]);
    expect(breakdown?.groups.map((g) => [g.value, g.cohorts.map((c) => [c.start, c.counts])])).toEqual([
      [
        'pro',
        [
          ['2024-01-01', [1, 1, 0]],
          ['2024-01-08', [1, 1]],
        ],
      ], // a, d
      ['free', [['2024-01-01', [1, 1, 0]]]], // b
      [null, [['2024-01-01', [1, 0, 1]]]], // c
    ]);
  });

  it('puts everyone in the null group for a property no event has', () => {
    const result = retention(events, { ...options, breakdown: { property: 'country' } });
    expect(result.breakdown?.groups).toEqual([{ value: null, other: false, cohorts: result.cohorts, average: result.average }]);
  });

  it('keeps the top 10 values by cohort size, ties by text then type, then Other, then null', () => {
    // 'b': 3 units; 1, '1', 'a', 'c': 2 each; 'd' … 'j': 1 each; one unit without a plan.
    const sizes: [PropertyValue, number][] = [
      ['j', 1],
      ['c', 2],
      ['b', 3],
      ['1', 2],
      [1, 2],
      ['a', 2],
      ['i', 1],
      ['h', 1],
      ['g', 1],
      ['f', 1],
      ['e', 1],
      ['d', 1],
      [null, 1],
    ];
    let n = 0;
    const many = sizes.flatMap(([plan, size]) =>
      Array.from({ length: size }, () => noon(`u${n++}`, '2024-01-01', 'login', plan === null ? {} : { plan })),
    );
    const result = retention(shuffled(many, 7), { period: 'day', periods: 1, breakdown: { property: 'plan' } });
    expect(result.breakdown?.groups.map((g) => [g.value, g.other, g.cohorts[0]?.size])).toEqual([
      ['b', false, 3],
      [1, false, 2],
      ['1', false, 2],
      ['a', false, 2],
      ['c', false, 2],
      ['d', false, 1],
      ['e', false, 1],
      ['f', false, 1],
      ['g', false, 1],
      ['h', false, 1],
      ['Other', true, 2], // i, j
      [null, false, 1],
    ]);
    expect(result.cohorts[0]?.size).toBe(many.length);
  });

  it('takes, of start events at the same instant, the one whose name sorts first, whatever the input order', () => {
    const tied = [
      event('x', '2024-01-01T10:00:00Z', 'zeta', { plan: 'pro' }),
      event('x', '2024-01-01T10:00:00Z', 'alpha', { plan: 'free' }),
      event('x', '2024-01-02T09:00:00Z', 'beta', { plan: 'team' }),
    ];
    for (const cohortKind of ['first', 'recurring'] as const) {
      for (const input of [tied, [...tied].reverse()]) {
        const result = retention(input, { period: 'week', periods: 1, cohort: cohortKind, breakdown: { property: 'plan' } });
        expect(
          result.breakdown?.groups.map((g) => g.value),
          cohortKind,
        ).toEqual(['free']);
      }
    }
  });

  it('gives the same groups from an EventTable', () => {
    const options2 = { ...options, cohort: 'recurring' } as const;
    expect(retention(toEventTable(events), options2)).toEqual(retention(events, options2));
  });
});

describe('retention: cohort invariants (property)', () => {
  const optionsArb = fc.record({
    period: fc.constantFrom<'day' | 'week' | 'month'>('day', 'week', 'month'),
    periods: fc.integer({ min: 1, max: 5 }),
    mode: fc.constantFrom<'exact' | 'unbounded'>('exact', 'unbounded'),
    startEvent: fc.constantFrom(undefined, 'a', { name: 'b', where: { plan: 'pro' } }),
    returnEvent: fc.constantFrom(undefined, 'c', ['a', 'b']),
    timeZone: zoneArb,
  });

  it('first sizes sum to the new units; recurring sizes are the units starting in the period; groups add up to the table', () => {
    fc.assert(
      fc.property(eventsArb({ maxEvents: 35, spanDays: 50 }), optionsArb, (generatedEvents, generated) => {
        // One copy of each (user, name, instant): which of several differing copies core keeps is tested elsewhere.
        const seen = new Set<string>();
        const events = generatedEvents.filter((e) => {
          const key = `${e.userId} ${e.name} ${msOf(e)}`;
          return !seen.has(key) && Boolean(seen.add(key));
        });
        const options = Object.fromEntries(Object.entries(generated).filter(([, v]) => v !== undefined)) as unknown as RetentionOptions;
        const first = retention(events, { ...options, breakdown: { property: 'plan' } });
        const recurring = retention(events, { ...options, cohort: 'recurring', breakdown: { property: 'plan' } });
        if (first.from === null || first.to === null) return;
        const [fromDay, toDay] = [dayNumberOf(first.from), dayNumberOf(first.to)];
        const calendar = referenceCalendar(options.period, 1);
        const dayOf = (e: KpiEvent): number => dayNumberOf(intlLocalDate(msOf(e), options.timeZone ?? 'UTC'));
        const isStart = (e: KpiEvent): boolean =>
          options.startEvent === undefined ||
          (typeof options.startEvent === 'string'
            ? e.name === options.startEvent
            : e.name === options.startEvent.name && e.properties?.plan === 'pro');

        // New units: those whose earliest start event lies in the range.
        const earliest = new Map<string, KpiEvent>();
        for (const e of events.filter(isStart))
          if (!earliest.has(e.userId) || msOf(e) < msOf(earliest.get(e.userId)!)) earliest.set(e.userId, e);
        const newUnits = [...earliest.values()].filter((e) => dayOf(e) >= fromDay && dayOf(e) <= toDay).length;
        expect(first.cohorts.reduce((sum, c) => sum + c.size, 0)).toBe(newUnits);

        // Recurring: per period, the distinct units with a start event on a day of it inside the range.
        const starting = new Map<string, Set<string>>();
        for (const e of events.filter((e) => isStart(e) && dayOf(e) >= fromDay && dayOf(e) <= toDay)) {
          const start = intlStart(calendar, dayOf(e));
          starting.set(start, (starting.get(start) ?? new Set()).add(e.userId));
        }
        expect(Object.fromEntries(recurring.cohorts.map((c) => [c.start, c.size]))).toEqual(
          Object.fromEntries([...starting].map(([start, units]) => [start, units.size])),
        );
        // A first cohort is part of the recurring one of its period.
        for (const c of first.cohorts) {
          const same = recurring.cohorts.find((r) => r.start === c.start)!;
          expect(same.size).toBeGreaterThanOrEqual(c.size);
        }

        for (const result of [first, recurring]) {
          // Each group's cells sum to the overall cells, cohort by cohort.
          const sums = new Map<string, number[]>();
          for (const group of result.breakdown!.groups) {
            expect(group.cohorts.length).toBeGreaterThan(0);
            for (const c of group.cohorts) {
              const sum = sums.get(c.start) ?? [];
              c.counts.forEach((count, k) => (sum[k] = (sum[k] ?? 0) + count));
              sums.set(c.start, sum);
            }
          }
          for (const c of result.cohorts) expect(sums.get(c.start)?.slice(0, 1), c.start).toEqual([c.size]);
          for (const c of result.cohorts) {
            const sum = sums.get(c.start)!;
            expect(c.counts.map((_, k) => sum[k] ?? 0)).toEqual(c.counts);
          }
          const { breakdown, ...overall } = result;
          expect(breakdown).toBeDefined();
          expect(retention(events, { ...options, ...(result.cohort ? { cohort: result.cohort } : {}) })).toEqual(overall);
        }
      }),
      { numRuns: 150 },
    );
    // Hundreds of runs: seconds on a shared machine.
  }, 30_000);
});

/** `YYYY-MM-DD` of the first day of a day's period, through the reference calendar. */
function intlStart(calendar: ReturnType<typeof referenceCalendar>, day: number): string {
  return new Date(calendar.startOf(calendar.indexOf(day)) * 86_400_000).toISOString().slice(0, 10);
}
