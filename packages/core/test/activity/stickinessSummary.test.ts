import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stickinessSummary, toEventTable } from '../../src/index';
import type { KpiEvent, StickinessSummaryOptions } from '../../src/index';
import { addDays, datesBetween, eventsArb, intlLocalDate, issuePathsOf, msOf, sortedUnique, zoneArb } from '../support/reference';

const event = (userId: string, date: string, time = '12:00:00Z', name = 'visit'): KpiEvent => ({
  userId,
  name,
  timestamp: `${date}T${time}`,
});

/** Every listed user active (once, at noon UTC) on every listed date. */
const activity = (users: readonly string[], dates: readonly string[]): KpiEvent[] => users.flatMap((u) => dates.map((d) => event(u, d)));

describe('stickinessSummary', () => {
  it('matches the contract example: 100 average DAU, 500 MAU → 0.2', () => {
    // April 2024 (30 days), 500 users in 5 groups of 100: group g is active on the
    // days d (0-based) with d mod 5 = g. Each day has exactly 100 active users, each
    // user 6 active days: 3,000 user-days / 30 days = 100 average DAU.
    const events: KpiEvent[] = [];
    const april = datesBetween('2024-04-01', '2024-04-30');
    for (let user = 0; user < 500; user++) {
      april.forEach((date, d) => {
        if (d % 5 === user % 5) events.push(event(`user${user}`, date));
      });
    }
    expect(events).toHaveLength(3000);
    expect(stickinessSummary(events, { month: '2024-04' })).toEqual({
      month: '2024-04',
      timeZone: 'UTC',
      days: 30,
      averageDau: 100,
      mau: 500,
      score: 0.2,
    });
  });

  it('counts only the elapsed days of a month in progress (to defaults to the latest event)', () => {
    // u1 every day 04-01 … 04-10, u2 on 04-05 only; the data ends on 04-10.
    const events = [...activity(['u1'], datesBetween('2024-04-01', '2024-04-10')), event('u2', '2024-04-05')];
    // 11 user-days over 10 days; 2 users.
    expect(stickinessSummary(events, { month: '2024-04' })).toEqual({
      month: '2024-04',
      timeZone: 'UTC',
      days: 10,
      averageDau: 11 / 10,
      mau: 2,
      score: 11 / 10 / 2,
    });
    // An explicit `to` cuts the month there: 04-01 … 04-05 holds 5 + 1 user-days.
    expect(stickinessSummary(events, { month: '2024-04', to: '2024-04-05' })).toMatchObject({
      days: 5,
      averageDau: 6 / 5,
      mau: 2,
      score: 6 / 5 / 2,
    });
    // And `from` from the other end: 04-06 … 04-10 holds only u1.
    expect(stickinessSummary(events, { month: '2024-04', from: '2024-04-06' })).toMatchObject({ days: 5, averageDau: 1, mau: 1, score: 1 });
  });

  it('counts days without events as 0', () => {
    // Active on 04-01 (u1, u2) and 04-30 (u1) only: 3 user-days over 30 days.
    const events = [event('u1', '2024-04-01'), event('u2', '2024-04-01'), event('u1', '2024-04-30')];
    expect(stickinessSummary(events, { month: '2024-04' })).toMatchObject({ days: 30, averageDau: 3 / 30, mau: 2, score: 3 / 30 / 2 });
  });

  it('ignores activity outside the month', () => {
    const events = [event('early', '2024-03-31'), event('u1', '2024-04-15'), event('late', '2024-05-01')];
    // The range (03-31 … 05-01) covers all of April; only u1 is active in it.
    expect(stickinessSummary(events, { month: '2024-04' })).toMatchObject({ days: 30, averageDau: 1 / 30, mau: 1, score: 1 / 30 });
  });

  it('buckets by local day in the given zone', () => {
    // 2024-03-31T22:30Z is 00:30 on April 1 in Paris (+2), still March 31 in UTC.
    const events = [event('u1', '2024-03-31', '22:30:00Z'), event('u2', '2024-04-01', '10:00:00Z')];
    expect(stickinessSummary(events, { month: '2024-04', timeZone: 'Europe/Paris' })).toEqual({
      month: '2024-04',
      timeZone: 'Europe/Paris',
      days: 1,
      averageDau: 2,
      mau: 2,
      score: 1,
    });
    expect(stickinessSummary(events, { month: '2024-04' })).toMatchObject({ days: 1, averageDau: 1, mau: 1, score: 1 });
  });

  it('honours where', () => {
    const events = [event('u1', '2024-04-01', '10:00:00Z', 'login'), event('u2', '2024-04-02', '10:00:00Z', 'view')];
    expect(stickinessSummary(events, { month: '2024-04', where: { name: 'login' } })).toMatchObject({
      days: 2,
      averageDau: 0.5,
      mau: 1,
      score: 0.5,
    });
    expect(stickinessSummary(events, { month: '2024-04', where: { name: 'signup' } })).toMatchObject({
      days: 2,
      averageDau: 0,
      mau: 0,
      score: null,
    });
  });

  it('returns nulls, not NaN, without data', () => {
    const empty = { month: '2024-04', timeZone: 'UTC', days: 0, averageDau: null, mau: 0, score: null };
    expect(stickinessSummary([], { month: '2024-04' })).toEqual(empty);
    expect(stickinessSummary(toEventTable([]), { month: '2024-04' })).toEqual(empty);
    // Data in January only: no day of April is in range.
    expect(stickinessSummary([event('u', '2024-01-10')], { month: '2024-04' })).toEqual(empty);
    // A range inside April with no events: days count, nobody is active.
    expect(stickinessSummary([], { month: '2024-04', from: '2024-04-01', to: '2024-04-10' })).toEqual({
      ...empty,
      days: 10,
      averageDau: 0,
    });
  });

  it('names bad options', () => {
    const paths = (options: unknown): string[] => issuePathsOf(() => stickinessSummary([], options as StickinessSummaryOptions));
    expect(paths({ month: '2024-13' })).toEqual(['options.month']);
    expect(paths({ month: '2024-4' })).toEqual(['options.month']);
    expect(paths({ month: '2024-04-01' })).toEqual(['options.month']);
    expect(paths({})).toEqual(['options.month']);
    expect(paths({ month: '2024-04', timezone: 'UTC' })).toEqual(['options.timezone']);
    expect(paths({ month: '2024-04', from: '2024-04-31' })).toEqual(['options.from']);
  });

  it('equals a brute-force average over the month’s days in range (property)', () => {
    fc.assert(
      fc.property(
        eventsArb({ maxEvents: 30, spanDays: 40 }),
        zoneArb,
        fc.nat(),
        fc.integer({ min: -1, max: 1 }),
        (events, timeZone, pick, monthShift) => {
          const dated = events.map((e) => ({ userId: e.userId, date: intlLocalDate(msOf(e), timeZone) }));
          const dates = sortedUnique(dated.map((e) => e.date));
          const base = dates.length === 0 ? '2024-04-15' : dates[pick % dates.length]!;
          const month = addDays(`${base.slice(0, 7)}-15`, monthShift * 30).slice(0, 7);
          const inMonth =
            dates.length === 0
              ? []
              : datesBetween(`${month}-01`, addDays(`${addDays(`${month}-28`, 7).slice(0, 7)}-01`, -1)).filter(
                  (d) => d >= dates[0]! && d <= dates[dates.length - 1]!,
                );
          const userDays = sortedUnique(dated.filter((e) => inMonth.includes(e.date)).map((e) => `${e.userId} ${e.date}`)).length;
          const mau = new Set(dated.filter((e) => inMonth.includes(e.date)).map((e) => e.userId)).size;
          const averageDau = inMonth.length === 0 ? null : userDays / inMonth.length;
          expect(stickinessSummary(events, { month, timeZone })).toEqual({
            month,
            timeZone,
            days: inMonth.length,
            averageDau,
            mau,
            score: averageDau === null || mau === 0 ? null : averageDau / mau,
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
