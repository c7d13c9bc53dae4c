import { describe, expect, it } from 'vitest';
import { joinUsers, lifecycle, toEventTable } from '../../src/index';
import type { KpiEvent, LifecycleOptions, LifecycleRow, PropertyValue } from '../../src/index';
import { at, issuePathsOf, shuffled } from '../support/reference';

const event = (userId: string, iso: string, name = 'visit', properties?: Record<string, PropertyValue>): KpiEvent => ({
  userId,
  name,
  timestamp: at(iso),
  ...(properties ? { properties } : {}),
});

/** A row written out by hand: [new, returning, resurrecting, dormant]; active is their sum. */
function row(
  period: string,
  [fresh, returning, resurrecting, dormant]: [number, number, number, number],
  days = 1,
  incomplete = false,
): LifecycleRow {
  return { period, new: fresh, returning, resurrecting, dormant, active: fresh + returning + resurrecting, days, incomplete };
}

describe('lifecycle: hand-computed', () => {
  // Monday weeks; the range is the weeks of Jan 8 and Jan 15, the week of Jan 1 before it.
  const weekly = [
    // ana: weeks of Jan 1 and Jan 8 → returning on Jan 8, dormant on Jan 15.
    event('ana', '2024-01-02T10:00:00Z'),
    event('ana', '2024-01-08T00:00:00Z'),
    // ben: first seen Jan 9 → new; again Jan 16 → returning.
    event('ben', '2024-01-09T10:00:00Z'),
    event('ben', '2024-01-16T10:00:00Z'),
    event('ben', '2024-01-16T10:00:00Z'),
    // cy: seen in December, then Jan 10 → resurrecting; gone on Jan 15 → dormant.
    event('cy', '2023-12-20T10:00:00Z'),
    event('cy', '2024-01-10T10:00:00Z'),
    // dee: the week before the range only → dormant on Jan 8.
    event('dee', '2024-01-07T23:59:59.999Z'),
    // eve: Jan 2, then Jan 17 → dormant on Jan 8, resurrecting on Jan 15.
    event('eve', '2024-01-02T10:00:00Z'),
    event('eve', '2024-01-17T10:00:00Z'),
    // gus: first seen the last millisecond of the range → new; fay: only after it → nowhere.
    event('gus', '2024-01-21T23:59:59.999Z'),
    event('fay', '2024-01-22T00:00:00Z'),
  ];
  const weeks = { interval: 'week', from: '2024-01-08', to: '2024-01-21' } as const;

  it('splits each week’s active users into new, returning and resurrecting, and counts those lost as dormant', () => {
    expect(lifecycle(weekly, weeks)).toEqual({
      interval: 'week',
      newFrom: 'firstActivity',
      from: '2024-01-08',
      to: '2024-01-21',
      timeZone: 'UTC',
      rows: [row('2024-01-08', [1, 1, 1, -2], 7), row('2024-01-15', [1, 1, 1, -2], 7)],
    });
  });

  it('does not depend on input order or exact duplicates', () => {
    for (const seed of [1, 2, 3]) {
      expect(lifecycle(shuffled([...weekly, ...weekly.slice(0, 4)], seed), weeks)).toEqual(lifecycle(weekly, weeks));
    }
  });

  it('counts a cut week only on its days inside the range, and reads the week before whole', () => {
    // From Wednesday Jan 10: ana's Jan 8 and ben's Jan 9 are outside, cy's Jan 10 inside.
    const result = lifecycle(weekly, { ...weeks, from: '2024-01-10' });
    expect(result.rows).toEqual([
      // cy resurrecting; lost since the week of Jan 1: ana, dee, eve.
      row('2024-01-08', [0, 0, 1, -3], 5, true),
      // ben (first seen Jan 9, before the range) is not new on Jan 16: his new week was that of Jan 8.
      row('2024-01-15', [1, 0, 2, -1], 7),
    ]);
  });

  it('is new in the week of the first-ever event even when that event lies before from', () => {
    const early = [event('zoe', '2024-01-08T10:00:00Z'), event('zoe', '2024-01-11T10:00:00Z')];
    expect(lifecycle(early, { interval: 'week', from: '2024-01-10', to: '2024-01-14' }).rows).toEqual([
      row('2024-01-08', [1, 0, 0, 0], 5, true),
    ]);
  });

  it('classifies days, weeks starting on Sunday, and months', () => {
    const seen = [event('a', '2024-01-31T12:00:00Z'), event('a', '2024-02-01T12:00:00Z'), event('a', '2024-02-04T12:00:00Z')];
    expect(lifecycle(seen, { from: '2024-01-31', to: '2024-02-04' }).rows).toEqual([
      row('2024-01-31', [1, 0, 0, 0]),
      row('2024-02-01', [0, 1, 0, 0]),
      row('2024-02-02', [0, 0, 0, -1]),
      row('2024-02-03', [0, 0, 0, 0]),
      row('2024-02-04', [0, 0, 1, 0]),
    ]);
    // Thu Feb 1 and Sun Feb 4 are two Sunday weeks, one Monday week; Wed Jan 31, before from, is the first day of each.
    expect(lifecycle(seen, { interval: 'week', weekStartsOn: 0, from: '2024-02-01', to: '2024-02-10' }).rows).toEqual([
      row('2024-01-28', [1, 0, 0, 0], 3, true),
      row('2024-02-04', [0, 1, 0, 0], 7),
    ]);
    expect(lifecycle(seen, { interval: 'week', from: '2024-02-01', to: '2024-02-04' }).rows).toEqual([
      row('2024-01-29', [1, 0, 0, 0], 4, true),
    ]);
    expect(lifecycle(seen, { interval: 'month', from: '2024-01-01', to: '2024-03-31' }).rows).toEqual([
      row('2024-01-01', [1, 0, 0, 0], 31),
      row('2024-02-01', [0, 1, 0, 0], 29),
      row('2024-03-01', [0, 0, 0, -1], 31),
    ]);
  });

  it('reads local days in Europe/Paris on the 25-hour day', () => {
    // 00:30 (+2) and 23:30 (+1) on Sunday Oct 27 in Paris: one day there, two in UTC.
    const paris = [event('x', '2024-10-26T22:30:00Z'), event('x', '2024-10-27T22:30:00Z')];
    const range = { from: '2024-10-26', to: '2024-10-28' };
    expect(lifecycle(paris, { ...range, timeZone: 'Europe/Paris' }).rows).toEqual([
      row('2024-10-26', [0, 0, 0, 0]),
      row('2024-10-27', [1, 0, 0, 0]),
      row('2024-10-28', [0, 0, 0, -1]),
    ]);
    expect(lifecycle(paris, range).rows).toEqual([
      row('2024-10-26', [1, 0, 0, 0]),
      row('2024-10-27', [0, 1, 0, 0]),
      row('2024-10-28', [0, 0, 0, -1]),
    ]);
  });

  it('reads local weeks in America/New_York on the spring-forward night', () => {
    // Sat Mar 9 23:30 EST, then Sun Mar 10 00:30 EST: two Sunday weeks in New York, one day in UTC.
    const ny = [event('x', '2024-03-10T04:30:00Z'), event('x', '2024-03-10T05:30:00Z')];
    const options = { interval: 'week', weekStartsOn: 0, from: '2024-03-09', to: '2024-03-10' } as const;
    expect(lifecycle(ny, { ...options, timeZone: 'America/New_York' }).rows).toEqual([
      row('2024-03-03', [1, 0, 0, 0], 1, true),
      row('2024-03-10', [0, 1, 0, 0], 1, true),
    ]);
    expect(lifecycle(ny, options).rows).toEqual([row('2024-03-03', [0, 0, 0, 0], 1, true), row('2024-03-10', [1, 0, 0, 0], 1, true)]);
  });

  it('counts only qualifying events as activity, and the first qualifying one as the new day', () => {
    const named = [event('a', '2024-01-01T12:00:00Z', 'view'), event('a', '2024-01-03T12:00:00Z', 'login')];
    expect(lifecycle(named, { where: { name: 'login' } }).rows).toEqual([
      row('2024-01-01', [0, 0, 0, 0]),
      row('2024-01-02', [0, 0, 0, 0]),
      row('2024-01-03', [1, 0, 0, 0]),
    ]);
  });

  it('makes a user new in the interval of their first newFrom event', () => {
    const signups = [
      // ana signs up on Jan 2 after a visit on Jan 1: resurrecting on Jan 1 (not new yet), returning on Jan 2.
      event('ana', '2024-01-01T12:00:00Z'),
      event('ana', '2024-01-02T12:00:00Z', 'signup', { plan: 'pro' }),
      // ben signs up on Jan 1, is away on Jan 2 and back on Jan 3: resurrecting then.
      event('ben', '2024-01-01T09:00:00Z', 'signup'),
      event('ben', '2024-01-03T09:00:00Z'),
      // cy never signs up: resurrecting on his first day.
      event('cy', '2024-01-03T09:00:00Z'),
    ];
    const result = lifecycle(signups, { newFrom: { event: 'signup' } });
    expect(result.newFrom).toEqual({ event: 'signup' });
    expect(result.rows).toEqual([row('2024-01-01', [1, 0, 1, 0]), row('2024-01-02', [0, 1, 0, -1]), row('2024-01-03', [0, 0, 2, -1])]);
    expect(lifecycle(signups).rows).toEqual([
      row('2024-01-01', [2, 0, 0, 0]),
      row('2024-01-02', [0, 1, 0, -1]),
      row('2024-01-03', [1, 0, 1, -1]),
    ]);
  });

  it('makes a user new in the interval of their creation with newFrom: createdAt', () => {
    const users = [
      // Created in January, first active in February: resurrecting, as PostHog counts them.
      { userId: 'ana', createdAt: '2024-01-15T10:00:00Z' },
      // Active in January before being created in February: resurrecting in January, returning in February.
      { userId: 'ben', createdAt: '2024-02-03T10:00:00Z' },
      // 23:30 UTC on Jan 31 is February 1 in Paris.
      { userId: 'cy', createdAt: '2024-01-31T23:30:00Z' },
    ];
    const events = [
      event('ana', '2024-02-10T10:00:00Z'),
      event('ana', '2024-03-10T10:00:00Z'),
      event('ben', '2024-01-20T10:00:00Z'),
      event('ben', '2024-02-20T10:00:00Z'),
      event('cy', '2024-02-05T10:00:00Z'),
      // dan is not in the users table: never new.
      event('dan', '2024-03-05T10:00:00Z'),
    ];
    const options: LifecycleOptions = {
      interval: 'month',
      from: '2024-01-01',
      to: '2024-03-31',
      timeZone: 'Europe/Paris',
      newFrom: 'createdAt',
    };
    const joined = joinUsers(events, users);
    expect(lifecycle(joined, options).rows).toEqual([
      row('2024-01-01', [0, 0, 1, 0], 31),
      row('2024-02-01', [1, 1, 1, 0], 29),
      row('2024-03-01', [0, 1, 1, -2], 31),
    ]);
    // In UTC cy is created in January and first active in February.
    expect(lifecycle(joined, { ...options, timeZone: 'UTC' }).rows[1]).toEqual(row('2024-02-01', [0, 1, 2, 0], 29));
    expect(lifecycle(joined, { ...options, newFrom: 'firstActivity' }).rows).toEqual([
      row('2024-01-01', [1, 0, 0, 0], 31),
      row('2024-02-01', [2, 1, 0, 0], 29),
      row('2024-03-01', [1, 1, 0, -2], 31),
    ]);
  });

  it('gives no rows for no events, and zero counts for a range without any', () => {
    expect(lifecycle([])).toEqual({ interval: 'day', newFrom: 'firstActivity', from: null, to: null, timeZone: 'UTC', rows: [] });
    expect(lifecycle(toEventTable([]), { from: '2024-06-01', to: '2024-06-02', newFrom: 'createdAt' }).rows).toEqual([
      row('2024-06-01', [0, 0, 0, 0]),
      row('2024-06-02', [0, 0, 0, 0]),
    ]);
  });

  it('names bad options', () => {
    const paths = (options: unknown): string[] => issuePathsOf(() => lifecycle([], options as LifecycleOptions));
    expect(paths({ interval: 'quarter' })).toEqual(['options.interval']);
    expect(paths({ weekStartsOn: 7 })).toEqual(['options.weekStartsOn']);
    expect(paths({ newFrom: 'signup' })).toEqual(['options.newFrom']);
    expect(paths({ newFrom: { event: '' } })).toEqual(['options.newFrom.event']);
    expect(paths({ newEvent: 'signup' })).toEqual(['options.newEvent']);
    expect(paths({ from: '2024-03-02', to: '2024-03-01' })).toEqual(['options.to']);
  });

  it('asks for user.createdAt when newFrom is createdAt and no event has it', () => {
    expect(issuePathsOf(() => lifecycle(weekly, { newFrom: 'createdAt' }))).toEqual(['options.newFrom']);
  });

  it('names the unit and event whose user.createdAt is not epoch ms', () => {
    const bad = [event('ana', '2024-01-01T10:00:00Z', 'visit', { 'user.createdAt': '2024-01-01' })];
    expect(issuePathsOf(() => lifecycle(bad, { newFrom: 'createdAt' }))).toEqual([
      'events[unit "ana" at 2024-01-01T10:00:00.000Z].properties.user.createdAt',
    ]);
  });
});
