import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeUsers, funnel, joinUsers, retention, toEventTable, toUserTable } from '../../src/index';
import type { KpiEvent, KpiUser, PropertyValue } from '../../src/index';
import { at, eventsArb, issuePathsOf, shuffled, validationErrorOf } from '../support/reference';

const login = (userId: string, iso: string, properties?: Record<string, PropertyValue>): KpiEvent => ({
  userId,
  name: 'login',
  timestamp: at(iso),
  ...(properties ? { properties } : {}),
});

const users: KpiUser[] = [
  { userId: 'ana', createdAt: '2024-01-01T09:00:00Z', properties: { plan: 'pro', country: 'FR' } },
  { userId: 'ben', createdAt: Date.UTC(2024, 0, 5), properties: { plan: 'free' } },
  { userId: 'cy', properties: { plan: 'pro', country: 'TW' } },
  { userId: 'nobody-logged-in', properties: { plan: 'business' } },
];

const events = [
  login('ana', '2024-01-08T10:00:00Z', { plan: 'free' }),
  login('ben', '2024-01-08T11:00:00Z'),
  login('cy', '2024-01-08T12:00:00Z'),
  login('dan', '2024-01-08T13:00:00Z'),
];

describe('joinUsers', () => {
  it('puts each user’s properties and createdAt on their events under user.', () => {
    const table = joinUsers(events, users);
    const valuesOf = (key: string): (PropertyValue | undefined)[] => {
      const column = table.properties.get(key)!;
      return Array.from(column.codes, (code) => (code < 0 ? undefined : column.values[code]));
    };
    const order = Array.from(table.user, (u) => table.userIds[u]);
    expect(order).toEqual(['ana', 'ben', 'cy', 'dan']);
    expect(valuesOf('user.plan')).toEqual(['pro', 'free', 'pro', undefined]);
    expect(valuesOf('user.country')).toEqual(['FR', undefined, 'TW', undefined]);
    expect(valuesOf('user.createdAt')).toEqual([at('2024-01-01T09:00:00Z'), Date.UTC(2024, 0, 5), undefined, undefined]);
    // The event's own plan stays beside the user's.
    expect(valuesOf('plan')).toEqual(['free', undefined, undefined, undefined]);
  });

  it('filters and breaks down every metric by a user property', () => {
    const table = joinUsers(events, users);
    expect(activeUsers(table, { where: { properties: { 'user.plan': 'pro' } } }).rows[0]?.dau).toBe(2);
    // null matches users the table lacks and users without the property.
    expect(activeUsers(table, { where: { properties: { 'user.country': null } } }).rows[0]?.dau).toBe(2);
    const steps = ['login', 'login'];
    const byCountry = funnel(joinUsers([...events, login('ana', '2024-01-08T15:00:00Z')], users), {
      steps,
      breakdown: { property: 'user.country' },
    });
    expect(byCountry.breakdown?.groups.map((group) => [group.value, group.steps.map((step) => step.count)])).toEqual([
      ['FR', [1, 1]],
      ['TW', [1, 0]],
      [null, [2, 0]],
    ]);
  });

  it('takes a user table built once, and gives the same table', () => {
    expect(joinUsers(events, toUserTable(users))).toEqual(joinUsers(events, users));
  });

  it('names each bad user row and field, and a user id given twice', () => {
    const bad = [
      { userId: '', properties: { plan: 'pro' } },
      { userId: 'ana', createdAt: '2024-01-01T09:00:00' },
      { userId: 'ben', properties: { plan: ['pro'] } },
      { userId: 'ana' },
      { userId: 'cy', properties: 'pro' },
    ] as unknown as KpiUser[];
    expect(issuePathsOf(() => joinUsers(events, bad))).toEqual([
      'users[0].userId',
      'users[1].createdAt',
      'users[2].properties.plan',
      'users[3].userId',
      'users[4].properties',
    ]);
    expect(validationErrorOf(() => toUserTable(bad)).message).toContain(
      'users[3].userId: expected a user id not given before (users[1] has it)',
    );
  });

  it('refuses a user property whose user. name an event property already has', () => {
    const taken = [login('ana', '2024-01-08T10:00:00Z', { 'user.plan': 'x' })];
    expect(issuePathsOf(() => joinUsers(taken, users))).toEqual(['users.properties.plan']);
  });

  it('gives the metrics of events that carried the user properties themselves, whatever the order', () => {
    const userArb = fc.record({
      plan: fc.constantFrom<PropertyValue | undefined>('free', 'pro', null, undefined),
      listed: fc.boolean(),
    });
    fc.assert(
      fc.property(
        eventsArb({ maxEvents: 30 }),
        fc.array(userArb, { minLength: 7, maxLength: 7 }),
        fc.integer(),
        (generated, people, seed) => {
          const list: KpiUser[] = people.flatMap(({ plan, listed }, i) =>
            listed ? [{ userId: `u${i}`, properties: plan === undefined ? {} : { tier: plan } }] : [],
          );
          const tierOf = new Map(list.map((user) => [user.userId, user.properties?.tier]));
          const carried = generated.map((e) => {
            const tier = tierOf.get(e.userId);
            return tier === undefined ? e : { ...e, properties: { ...e.properties, 'user.tier': tier } };
          });
          const joined = joinUsers(shuffled(generated, seed), shuffled(list, seed + 1));
          const options = { period: 'day', periods: 3, startEvent: 'a' } as const;
          const where = { properties: { 'user.tier': 'pro' } };
          expect(activeUsers(joined, { where })).toEqual(activeUsers(carried, { where }));
          expect(retention(joined, options)).toEqual(retention(carried, options));
          const breakdown = { property: 'user.tier' };
          expect(funnel(joined, { steps: ['a', 'b'], breakdown })).toEqual(funnel(carried, { steps: ['a', 'b'], breakdown }));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('leaves an empty table empty', () => {
    expect(joinUsers(toEventTable([]), users).length).toBe(0);
  });
});
