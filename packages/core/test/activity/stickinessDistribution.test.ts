import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeUsers, stickinessDistribution, stickinessDistributionRows, toEventTable } from '../../src/index';
import type { EventFilter, KpiEvent, StickinessDistributionOptions, StickinessDistributionRow, Weekday } from '../../src/index';
import { datedEvents, referencePeriods, referenceRange, type Interval } from '../support/engagement';
import { addDays, at, eventsArb, intlLocalDate, issuePathsOf, msOf, shuffled, zoneArb } from '../support/reference';

const event = (userId: string, iso: string, name = 'visit'): KpiEvent => ({ userId, name, timestamp: at(iso) });

/** The rows of a distribution from the units active in exactly k intervals, k = 1 … N, as written out by hand. */
function rowsOf(exactly: readonly number[]): StickinessDistributionRow[] {
  const units = exactly.reduce((sum, n) => sum + n, 0);
  return exactly.map((count, i) => {
    const atLeast = exactly.slice(i).reduce((sum, n) => sum + n, 0);
    return {
      activeIntervals: i + 1,
      units: count,
      share: units === 0 ? null : count / units,
      atLeast,
      atLeastShare: units === 0 ? null : atLeast / units,
    };
  });
}

/** The distribution by brute force: each unit's distinct periods with a qualifying event on a date inside the range. */
function referenceDistribution(events: readonly KpiEvent[], options: StickinessDistributionOptions) {
  const timeZone = options.timeZone ?? 'UTC';
  const interval = options.interval ?? 'day';
  const dated = datedEvents(events, timeZone, options.where);
  const range = referenceRange(dated, options);
  if (!range) return { interval, from: null, to: null, timeZone, intervals: 0, incomplete: false, units: 0, mean: null, rows: [] };
  const periods = referencePeriods(range, interval, options.weekStartsOn ?? 1);
  const activeIn = new Map<string, Set<string>>();
  for (const e of dated) {
    const period = periods.find((p) => e.ok && e.date >= p.first && e.date <= p.last);
    if (period) activeIn.set(e.unit, (activeIn.get(e.unit) ?? new Set()).add(period.period));
  }
  const exactly = periods.map((_, i) => [...activeIn.values()].filter((set) => set.size === i + 1).length);
  const units = activeIn.size;
  const total = [...activeIn.values()].reduce((sum, set) => sum + set.size, 0);
  return {
    interval,
    ...range,
    timeZone,
    intervals: periods.length,
    incomplete: periods[0]!.incomplete || periods[periods.length - 1]!.incomplete,
    units,
    mean: units === 0 ? null : total / units,
    rows: rowsOf(exactly),
  };
}

describe('stickinessDistribution: hand-computed', () => {
  it('counts users by the days of a week they were active on', () => {
    const days = ['04', '05', '06', '07', '08', '09', '10'];
    const events = [
      // ana: Mon, Tue (twice), Wed → 3 days.
      event('ana', '2024-03-04T08:00:00Z'),
      event('ana', '2024-03-05T08:00:00Z'),
      event('ana', '2024-03-05T08:00:00Z'),
      event('ana', '2024-03-06T23:59:59.999Z'),
      // ben: Mon only inside the range (Sun 3 and Mon 11 are outside) → 1.
      event('ben', '2024-03-03T08:00:00Z'),
      event('ben', '2024-03-04T00:00:00Z'),
      event('ben', '2024-03-11T08:00:00Z'),
      // cy: every day → 7, in shuffled order.
      ...shuffled(
        days.map((d) => event('cy', `2024-03-${d}T12:00:00Z`)),
        7,
      ),
      // dee: 1 ms before Mon 11 → 1; eve: only before the range → not counted.
      event('dee', '2024-03-10T23:59:59.999Z'),
      event('dee', '2024-03-11T00:00:00Z'),
      event('eve', '2024-03-01T08:00:00Z'),
    ];
    expect(stickinessDistribution(events, { from: '2024-03-04', to: '2024-03-10' })).toEqual({
      interval: 'day',
      from: '2024-03-04',
      to: '2024-03-10',
      timeZone: 'UTC',
      intervals: 7,
      incomplete: false,
      units: 4,
      mean: (1 + 1 + 3 + 7) / 4,
      rows: rowsOf([2, 0, 1, 0, 0, 0, 1]),
    });
    const { rows } = stickinessDistribution(events, { from: '2024-03-04', to: '2024-03-10' });
    expect(rows[0]).toEqual({ activeIntervals: 1, units: 2, share: 0.5, atLeast: 4, atLeastShare: 1 });
    expect(rows[2]).toEqual({ activeIntervals: 3, units: 1, share: 0.25, atLeast: 2, atLeastShare: 0.5 });
  });

  // Wed Mar 6 … Sun Mar 31. a: Mar 5 (before from), 12; b: 7, 13, 20, 27, 31; c: 8, 9, 26.
  const weekly = [
    event('a', '2024-03-05T10:00:00Z'),
    event('a', '2024-03-12T10:00:00Z'),
    ...['07', '13', '20', '27', '31'].map((d) => event('b', `2024-03-${d}T10:00:00Z`)),
    ...['08', '09', '26'].map((d) => event('c', `2024-03-${d}T10:00:00Z`)),
  ];
  const march = { from: '2024-03-06', to: '2024-03-31' } as const;

  it('splits the range into Monday weeks, the first cut at from', () => {
    // Weeks of Mar 4 (Wed 6 … Sun 10), 11, 18, 25: a in 1, b in 4, c in 2 (Mar 8 and 9 are one week).
    const result = stickinessDistribution(weekly, { ...march, interval: 'week' });
    expect(result).toMatchObject({ interval: 'week', intervals: 4, incomplete: true, units: 3, mean: 7 / 3 });
    expect(result.rows).toEqual(rowsOf([1, 1, 0, 1]));
  });

  it('starts weeks on Sunday with weekStartsOn: 0', () => {
    // Weeks of Sun Mar 3 (6 … 9), 10, 17, 24, 31 (one day): b is active in all five.
    const result = stickinessDistribution(weekly, { ...march, interval: 'week', weekStartsOn: 0 });
    expect(result).toMatchObject({ intervals: 5, incomplete: true, units: 3, mean: 8 / 3 });
    expect(result.rows).toEqual(rowsOf([1, 1, 0, 0, 1]));
  });

  it('splits into calendar months', () => {
    const months = [event('a', '2024-01-31T23:00:00Z'), event('a', '2024-03-01T00:00:00Z'), event('b', '2024-02-29T12:00:00Z')];
    const result = stickinessDistribution(months, { from: '2024-01-01', to: '2024-03-31', interval: 'month' });
    expect(result).toMatchObject({ intervals: 3, incomplete: false, units: 2, mean: 1.5 });
    expect(result.rows).toEqual(rowsOf([1, 1, 0]));
  });

  it('counts local days in Europe/Paris on the 25-hour day', () => {
    // 00:30 (+2) and 23:30 (+1) on Sunday Oct 27 in Paris: one day there, two days in UTC.
    const paris = [event('x', '2024-10-26T22:30:00Z'), event('x', '2024-10-27T22:30:00Z')];
    const range = { from: '2024-10-26', to: '2024-10-28' };
    expect(stickinessDistribution(paris, { ...range, timeZone: 'Europe/Paris' }).rows).toEqual(rowsOf([1, 0, 0]));
    expect(stickinessDistribution(paris, range).rows).toEqual(rowsOf([0, 1, 0]));
  });

  it('counts local weeks in America/New_York on the spring-forward night', () => {
    // Sat Mar 9 23:30 EST and Sun Mar 10 00:30 EST: two Sunday weeks in New York, one day (Mar 10) in UTC.
    const ny = [event('x', '2024-03-10T04:30:00Z'), event('x', '2024-03-10T05:30:00Z')];
    const options = { interval: 'week', weekStartsOn: 0, from: '2024-03-09', to: '2024-03-10' } as const;
    expect(stickinessDistribution(ny, { ...options, timeZone: 'America/New_York' }).rows).toEqual(rowsOf([0, 1]));
    expect(stickinessDistribution(ny, options).rows).toEqual(rowsOf([1, 0]));
  });

  it('restricts qualifying events with where', () => {
    const named = [
      event('a', '2024-01-01T12:00:00Z', 'login'),
      event('a', '2024-01-02T12:00:00Z', 'view'),
      event('b', '2024-01-02T12:00:00Z'),
    ];
    expect(stickinessDistribution(named, { where: { name: ['login', 'view'] } }).rows).toEqual(rowsOf([0, 1]));
    expect(stickinessDistribution(named, { where: { name: 'login' } }).rows).toEqual(rowsOf([1, 0]));
  });

  it('gives no rows for no events, and null shares (never NaN) for a range without any', () => {
    expect(stickinessDistribution([])).toEqual({
      interval: 'day',
      from: null,
      to: null,
      timeZone: 'UTC',
      intervals: 0,
      incomplete: false,
      units: 0,
      mean: null,
      rows: [],
    });
    const result = stickinessDistribution(toEventTable([]), { from: '2024-06-01', to: '2024-06-03' });
    expect(result).toMatchObject({ intervals: 3, units: 0, mean: null });
    expect(result.rows).toEqual(rowsOf([0, 0, 0]));
    expect(result.rows[0]).toEqual({ activeIntervals: 1, units: 0, share: null, atLeast: 0, atLeastShare: null });
  });

  it('builds rows from counts alone', () => {
    expect(stickinessDistributionRows([0, 3, 1])).toEqual({ units: 4, mean: 1.25, rows: rowsOf([3, 1]) });
  });

  it('names bad options', () => {
    const paths = (options: unknown): string[] => issuePathsOf(() => stickinessDistribution([], options as StickinessDistributionOptions));
    expect(paths({ interval: 'hour' })).toEqual(['options.interval']);
    expect(paths({ weekStartsOn: -1 })).toEqual(['options.weekStartsOn']);
    expect(paths({ period: 'week' })).toEqual(['options.period']);
    expect(paths({ from: '2024-03-02', to: '2024-03-01' })).toEqual(['options.to']);
  });
});

describe('stickinessDistribution: properties', () => {
  const intervalArb = fc.constantFrom<Interval>('day', 'week', 'month');
  const whereArb = fc.constantFrom<EventFilter | undefined>(undefined, undefined, { name: ['a', 'b'] }, { properties: { plan: 'pro' } });
  const weekStartArb = fc.constantFrom<Weekday | undefined>(undefined, 0, 4);
  const boundsArb = fc.option(fc.record({ at: fc.nat(), shift: fc.integer({ min: -10, max: 10 }), span: fc.integer({ min: 0, max: 60 }) }));

  interface GeneratedOptions {
    readonly timeZone: string;
    readonly interval: Interval;
    readonly where: EventFilter | undefined;
    readonly weekStartsOn: Weekday | undefined;
    readonly bounds: { at: number; shift: number; span: number } | null;
  }
  const optionsArb: fc.Arbitrary<GeneratedOptions> = fc.record({
    timeZone: zoneArb,
    interval: intervalArb,
    where: whereArb,
    weekStartsOn: weekStartArb,
    bounds: boundsArb,
  });
  const optionsFor = (events: readonly KpiEvent[], generated: GeneratedOptions): StickinessDistributionOptions => {
    const { timeZone, interval, where, weekStartsOn, bounds } = generated;
    const options: Record<string, unknown> = { timeZone, interval };
    if (where) options.where = where;
    if (weekStartsOn !== undefined) options.weekStartsOn = weekStartsOn;
    if (bounds && events.length > 0) {
      const from = addDays(intlLocalDate(msOf(events[bounds.at % events.length]!), timeZone), bounds.shift);
      Object.assign(options, { from, to: addDays(from, bounds.span) });
    }
    return options;
  };

  it('equals a brute-force count per unit on random small data (property)', () => {
    fc.assert(
      fc.property(eventsArb({ maxEvents: 30, spanDays: 50 }), optionsArb, (events, generated) => {
        const options = optionsFor(events, generated);
        expect(stickinessDistribution(events, options)).toEqual(referenceDistribution(events, options));
      }),
      { numRuns: 150 },
    );
  });

  it('counts every active unit once, and as many unit-intervals as activeUsers (property)', () => {
    fc.assert(
      fc.property(eventsArb({ maxEvents: 40 }), optionsArb, (events, generated) => {
        const options = optionsFor(events, generated);
        const result = stickinessDistribution(events, options);
        expect(result.rows.reduce((sum, r) => sum + r.units, 0)).toBe(result.units);
        expect(result.rows.length).toBe(result.intervals);
        for (let k = 1; k < result.rows.length; k++) expect(result.rows[k]!.atLeast).toBeLessThanOrEqual(result.rows[k - 1]!.atLeast);
        if (result.rows.length > 0) expect(result.rows[0]!.atLeast).toBe(result.units);
        // Units active at least once: the distinct users of the range.
        const dated = datedEvents(events, options.timeZone ?? 'UTC', options.where);
        const range = result.from === null ? null : { from: result.from, to: result.to! };
        expect(result.units).toBe(
          range ? new Set(dated.filter((e) => e.ok && e.date >= range.from && e.date <= range.to).map((e) => e.unit)).size : 0,
        );
        // Σ k × units(k) is the sum of each interval's active units.
        const { interval = 'day', where, timeZone, weekStartsOn, from, to } = options;
        const base = { where, timeZone, weekStartsOn, from, to };
        const perInterval =
          interval === 'day'
            ? activeUsers(events, base).rows.map((r) => r.dau)
            : activeUsers(events, { ...base, interval }).rows.map((r) => r.active);
        expect(result.rows.reduce((sum, r) => sum + r.activeIntervals * r.units, 0)).toBe(perInterval.reduce((sum, n) => sum + n, 0));
      }),
      { numRuns: 100 },
    );
  });

  it('does not change when events are shuffled or duplicated (property)', () => {
    fc.assert(
      fc.property(
        eventsArb({ maxEvents: 30 }),
        intervalArb,
        zoneArb,
        fc.integer(),
        fc.array(fc.nat(), { maxLength: 10 }),
        (events, interval, timeZone, seed, copies) => {
          const extra = events.length === 0 ? [] : copies.map((i) => events[i % events.length]!);
          expect(stickinessDistribution(shuffled([...events, ...extra], seed), { interval, timeZone })).toEqual(
            stickinessDistribution(events, { interval, timeZone }),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
