import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { activeUsers, toEventTable } from '../../src/index';
import type {
  ActiveUsersOptions,
  ActiveUsersPeriodResult,
  ActiveUsersPeriodRow,
  ActiveUsersResult,
  ActiveUsersRow,
  EventFilter,
  KpiEvent,
  Weekday,
} from '../../src/index';
import { datedEvents, referencePeriods, referenceRange, unitsActive, type Interval } from '../support/engagement';
import { addDays, at, eventsArb, intlLocalDate, issuePathsOf, msOf, shuffled, zoneArb } from '../support/reference';

const event = (userId: string, iso: string, name = 'visit'): KpiEvent => ({ userId, name, timestamp: at(iso) });
const row = (period: string, active: number, days: number, incomplete: boolean): ActiveUsersPeriodRow => ({
  period,
  active,
  days,
  incomplete,
});

/** activeUsers by week or month, by brute force: per calendar period, the distinct users over its days inside the range. */
function referenceByPeriod(events: readonly KpiEvent[], options: ActiveUsersOptions & { interval: 'week' | 'month' }) {
  const timeZone = options.timeZone ?? 'UTC';
  const dated = datedEvents(events, timeZone, options.where);
  const range = referenceRange(dated, options);
  if (!range) return { interval: options.interval, from: null, to: null, timeZone, rows: [] };
  const rows = referencePeriods(range, options.interval, options.weekStartsOn ?? 1).map((p) =>
    row(p.period, unitsActive(dated, p.first, p.last).size, p.days, p.incomplete),
  );
  return { interval: options.interval, ...range, timeZone, rows };
}

describe('activeUsers by week and month: hand-computed', () => {
  // 2024-03-06 is a Wednesday. ana: Mon 4 (before from), Thu 7, Wed 13 twice, Thu 14; ben: Tue 5 (before from), Tue 12;
  // eve: Sun 10; cy: Mon 18 and Thu 21 (after to); dee: Thu 21 only.
  const events = [
    event('ana', '2024-03-04T10:00:00Z'),
    event('ana', '2024-03-07T10:00:00Z'),
    event('ana', '2024-03-13T10:00:00Z'),
    event('ana', '2024-03-13T10:00:00Z'),
    event('ana', '2024-03-14T23:59:59.999Z'),
    event('ben', '2024-03-05T10:00:00Z'),
    event('ben', '2024-03-12T00:00:00Z'),
    event('eve', '2024-03-10T12:00:00Z'),
    event('cy', '2024-03-18T10:00:00Z'),
    event('cy', '2024-03-21T10:00:00Z'),
    event('dee', '2024-03-21T10:00:00Z'),
  ];
  const range = { from: '2024-03-06', to: '2024-03-20' } as const;

  it('counts the users of each Monday week on its days inside the range, and flags the cut weeks', () => {
    const result = activeUsers(events, { ...range, interval: 'week' });
    expect(result).toEqual({
      interval: 'week',
      from: '2024-03-06',
      to: '2024-03-20',
      timeZone: 'UTC',
      rows: [
        // Mar 6 … 10: ana (Thu 7) and eve (Sun 10); ana's Mar 4 and ben's Mar 5 lie before from.
        row('2024-03-04', 2, 5, true),
        // Mar 11 … 17: ana (13, 14) and ben (12, at midnight).
        row('2024-03-11', 2, 7, false),
        // Mar 18 … 20: cy; Thursday 21 is after to.
        row('2024-03-18', 1, 3, true),
      ],
    });
  });

  it('judges a filter on the copy of a duplicated event that counts: the one whose properties sort first', () => {
    const copies = [
      { ...event('ana', '2024-03-07T10:00:00Z'), properties: { plan: 'pro' } },
      { ...event('ana', '2024-03-07T10:00:00Z'), properties: { plan: 'free' } },
    ];
    const counted = (plan: string) => activeUsers(copies, { ...range, interval: 'week', where: { properties: { plan } } }).rows[0]?.active;
    // {"plan":"free"} serialises before {"plan":"pro"}: that copy is the event.
    expect([counted('free'), counted('pro')]).toEqual([1, 0]);
    expect(referenceByPeriod(copies, { ...range, interval: 'week', where: { properties: { plan: 'pro' } } }).rows[0]?.active).toBe(0);
  });

  it('starts weeks on Sunday with weekStartsOn: 0', () => {
    expect(activeUsers(events, { ...range, interval: 'week', weekStartsOn: 0 }).rows).toEqual([
      // Sun Mar 3 … Sat 9, inside the range from Mar 6: ana (7).
      row('2024-03-03', 1, 4, true),
      // Sun Mar 10 … Sat 16: eve (10), ben (12), ana (13, 14).
      row('2024-03-10', 3, 7, false),
      // Sun Mar 17 … Wed 20: cy (18).
      row('2024-03-17', 1, 4, true),
    ]);
  });

  it('counts calendar months, February of a leap year whole', () => {
    const months = [
      event('a', '2024-01-15T00:00:00Z'),
      event('a', '2024-02-29T23:00:00Z'),
      event('b', '2024-01-31T23:59:59.999Z'),
      event('b', '2024-01-10T00:00:00Z'), // before from
      event('c', '2024-03-10T08:00:00Z'),
      event('c', '2024-03-11T08:00:00Z'), // after to
    ];
    expect(activeUsers(months, { from: '2024-01-15', to: '2024-03-10', interval: 'month' }).rows).toEqual([
      row('2024-01-01', 2, 17, true),
      row('2024-02-01', 1, 29, false),
      row('2024-03-01', 1, 10, true),
    ]);
  });

  it('defaults the range to the dates of the data, and the day interval to today’s rows', () => {
    const result = activeUsers(events, { interval: 'week' });
    expect(result.from).toBe('2024-03-04');
    expect(result.to).toBe('2024-03-21');
    expect(result.rows).toEqual([row('2024-03-04', 3, 7, false), row('2024-03-11', 2, 7, false), row('2024-03-18', 2, 4, true)]);
    const { interval, ...daily } = activeUsers(events, { ...range, interval: 'day' });
    expect(interval).toBe('day');
    expect(daily.rows).toEqual(activeUsers(events, range).rows);
  });

  it('buckets by local day in Europe/Paris across the October DST change', () => {
    // Sunday Oct 27 is the 25-hour day: 22:30 UTC is 23:30 on the Sunday (+1), 23:30 UTC is 00:30 on Monday.
    const paris = [event('p1', '2024-10-27T22:30:00Z'), event('p2', '2024-10-27T23:30:00Z'), event('p3', '2024-10-26T22:30:00Z')];
    expect(activeUsers(paris, { interval: 'week', timeZone: 'Europe/Paris' }).rows).toEqual([
      row('2024-10-21', 2, 1, true), // p3 at 00:30 on Sunday the 27th, p1 at 23:30 the same day
      row('2024-10-28', 1, 1, true),
    ]);
    expect(activeUsers(paris, { interval: 'week' }).rows).toEqual([row('2024-10-21', 3, 2, true)]);
  });

  it('buckets by local day in America/New_York around the March DST change, by month and by Sunday week', () => {
    const ny = [
      event('a', '2024-03-10T04:30:00Z'), // Sat Mar 9, 23:30 EST
      event('b', '2024-03-10T05:00:00Z'), // Sun Mar 10, 00:00 EST
      event('c', '2024-04-01T03:30:00Z'), // Sun Mar 31, 23:30 EDT
      event('d', '2024-04-01T04:00:00Z'), // Mon Apr 1, 00:00 EDT
    ];
    const timeZone = 'America/New_York';
    expect(activeUsers(ny, { interval: 'week', weekStartsOn: 0, timeZone }).rows.filter((r) => r.active > 0)).toEqual([
      row('2024-03-03', 1, 1, true),
      row('2024-03-10', 1, 7, false),
      row('2024-03-31', 2, 2, true),
    ]);
    expect(activeUsers(ny, { interval: 'month', timeZone }).rows).toEqual([row('2024-03-01', 3, 23, true), row('2024-04-01', 1, 1, true)]);
  });

  it('restricts qualifying events with where, the range still spanning every event', () => {
    const named = [event('a', '2024-01-01T12:00:00Z', 'login'), event('b', '2024-01-09T12:00:00Z', 'view')];
    expect(activeUsers(named, { interval: 'week', where: { name: 'view' } }).rows).toEqual([
      row('2024-01-01', 0, 7, false),
      row('2024-01-08', 1, 2, true),
    ]);
  });

  it('returns no rows for no events, and zeros for a range without any', () => {
    expect(activeUsers([], { interval: 'month' })).toEqual({ interval: 'month', from: null, to: null, timeZone: 'UTC', rows: [] });
    expect(activeUsers(toEventTable([]), { interval: 'week', from: '2024-06-01', to: '2024-06-10' }).rows).toEqual([
      row('2024-05-27', 0, 2, true),
      row('2024-06-03', 0, 7, false),
      row('2024-06-10', 0, 1, true),
    ]);
  });

  it('names a bad interval or week start', () => {
    expect(issuePathsOf(() => activeUsers(events, { interval: 'year' as never }))).toEqual(['options.interval']);
    expect(issuePathsOf(() => activeUsers(events, { interval: 'week', weekStartsOn: 7 as never }))).toEqual(['options.weekStartsOn']);
  });

  it('types the result by the interval asked for', () => {
    expectTypeOf(activeUsers(events)).toEqualTypeOf<ActiveUsersResult>();
    expectTypeOf(activeUsers(events, { interval: 'day' })).toEqualTypeOf<ActiveUsersResult>();
    expectTypeOf(activeUsers(events, { interval: 'month' })).toEqualTypeOf<ActiveUsersPeriodResult>();
    const chosen = { interval: 'week' } as ActiveUsersOptions;
    const either = activeUsers(events, chosen);
    expectTypeOf(either).toEqualTypeOf<ActiveUsersResult | ActiveUsersPeriodResult>();
    if (either.interval === 'day') expectTypeOf(either.rows).toEqualTypeOf<readonly ActiveUsersRow[]>();
    else expectTypeOf(either.rows).toEqualTypeOf<readonly ActiveUsersPeriodRow[]>();
    expect(either.interval).toBe('week');
  });
});

describe('activeUsers by week and month: properties', () => {
  const whereArb = fc.constantFrom<EventFilter | undefined>(undefined, undefined, { name: 'a' }, { properties: { plan: null } });
  const weekStartArb = fc.constantFrom<Weekday | undefined>(undefined, 0, 3, 6);
  const boundsArb = fc.record({ at: fc.nat(), shift: fc.integer({ min: -20, max: 20 }), span: fc.option(fc.integer({ min: 0, max: 70 })) });

  const optionsFor = (
    events: readonly KpiEvent[],
    timeZone: string,
    interval: 'week' | 'month',
    where: EventFilter | undefined,
    weekStartsOn: Weekday | undefined,
    bounds: { at: number; shift: number; span: number | null } | null,
  ): ActiveUsersOptions & { interval: 'week' | 'month' } => {
    const options: Record<string, unknown> = { timeZone, interval };
    if (where) options.where = where;
    if (weekStartsOn !== undefined) options.weekStartsOn = weekStartsOn;
    if (bounds && events.length > 0) {
      const from = addDays(intlLocalDate(msOf(events[bounds.at % events.length]!), timeZone), bounds.shift);
      options.from = from;
      if (bounds.span !== null) options.to = addDays(from, bounds.span);
    }
    return options as unknown as ActiveUsersOptions & { interval: 'week' | 'month' };
  };

  it('equals the distinct users over each period’s days, counted naively (property)', () => {
    fc.assert(
      fc.property(
        eventsArb({ maxEvents: 30, spanDays: 50 }),
        zoneArb,
        fc.constantFrom<'week' | 'month'>('week', 'month'),
        whereArb,
        weekStartArb,
        fc.option(boundsArb),
        (events, timeZone, interval, where, weekStartsOn, bounds) => {
          const options = optionsFor(events, timeZone, interval, where, weekStartsOn, bounds);
          expect(activeUsers(events, options)).toEqual(referenceByPeriod(events, options));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('lies between the largest and the sum of the daily counts of its days (property)', () => {
    fc.assert(
      fc.property(eventsArb({ maxEvents: 40 }), zoneArb, fc.constantFrom<Interval>('week', 'month'), (events, timeZone, interval) => {
        const daily = activeUsers(events, { timeZone }).rows;
        const byPeriod = activeUsers(events, { timeZone, interval: interval as 'week' | 'month' }).rows;
        expect(byPeriod.reduce((sum, r) => sum + r.days, 0)).toBe(daily.length);
        let at = 0;
        for (const r of byPeriod) {
          const days = daily.slice(at, at + r.days);
          at += r.days;
          expect(r.active).toBeGreaterThanOrEqual(Math.max(0, ...days.map((d) => d.dau)));
          expect(r.active).toBeLessThanOrEqual(days.reduce((sum, d) => sum + d.dau, 0));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('does not change when events are shuffled or duplicated (property)', () => {
    fc.assert(
      fc.property(
        eventsArb({ maxEvents: 30 }),
        zoneArb,
        fc.integer(),
        fc.array(fc.nat(), { maxLength: 10 }),
        (events, timeZone, seed, copies) => {
          const extra = events.length === 0 ? [] : copies.map((i) => events[i % events.length]!);
          const options = { timeZone, interval: 'week' } as const;
          expect(activeUsers(shuffled([...events, ...extra], seed), options)).toEqual(activeUsers(events, options));
        },
      ),
      { numRuns: 100 },
    );
  });
});
