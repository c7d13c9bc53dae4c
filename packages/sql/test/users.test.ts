import fc from 'fast-check';
import { activationCandidates, activeUsers, attribution, funnel, joinUsers, KpiValidationError, stickinessSummary } from '@kpikit/core';
import type {
  ActivationCandidatesOptions,
  ActiveUsersOptions,
  AttributionOptions,
  FunnelOptions,
  KpiEvent,
  KpiUser,
  StickinessSummaryOptions,
} from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { compile, parse } from '../src/index';
import type { MetricName, MetricOptions, MetricResult, UsersTarget } from '../src/index';
import { at, eventsArb, PROPERTY_COLUMNS, rangeArb, withProperties, zoneArb } from './support/data';
import { columnsOf, useEngines } from './support/differential';
import { loadEvents, type Engine } from './support/engines';
import { loadUsers, USER_COLUMNS, usersArb, type UserTableSpec } from './support/users';

const engines = useEngines();

const EVENTS = { table: 'events', properties: PROPERTY_COLUMNS };
const USERS: UserTableSpec = { table: 'crm users', id: 'id', createdAt: 'signed_up', properties: USER_COLUMNS };
const usersTarget: UsersTarget = {
  table: USERS.table,
  columns: { userId: 'id', createdAt: 'signed_up', properties: { seats: 'seat count' } },
};

/** Loads events and users into an engine, then runs a metric that reads `user.<key>` from the users table. */
async function runJoined<M extends MetricName>(
  engine: Engine,
  metric: M,
  events: readonly KpiEvent[],
  users: readonly KpiUser[],
  options: MetricOptions<M>,
): Promise<MetricResult<M>> {
  await loadEvents(engine, events, EVENTS);
  await loadUsers(engine, users, USERS);
  const { sql, params } = compile(metric, options, {
    dialect: engine.dialect,
    table: EVENTS.table,
    columns: columnsOf(EVENTS),
    users: usersTarget,
  });
  return parse(metric, await engine.query(sql, params), options);
}

describe('a users table in SQL: hand-computed', () => {
  const events: KpiEvent[] = [
    { userId: 'ana', name: 'view', timestamp: at('2024-03-01T10:00:00Z') },
    { userId: 'ana', name: 'pay', timestamp: at('2024-03-01T11:00:00Z') },
    { userId: 'ben', name: 'view', timestamp: at('2024-03-01T12:00:00Z') },
    { userId: 'cy', name: 'view', timestamp: at('2024-03-02T12:00:00Z') },
    { userId: 'cy', name: 'pay', timestamp: at('2024-03-02T13:00:00Z') },
  ];
  const users: KpiUser[] = [
    { userId: 'ana', createdAt: at('2024-02-01T00:00:00Z'), properties: { plan: 'pro', seats: 3 } },
    { userId: 'ben', properties: { plan: 'free', vip: true } },
    // cy is not listed: no user properties.
  ];

  it('breaks a funnel down by a user property, unlisted users under null', async () => {
    const options: FunnelOptions = { steps: ['view', 'pay'], breakdown: { property: 'user.plan' } };
    for (const engine of engines()) {
      const result = await runJoined(engine, 'funnel', events, users, options);
      const groups = result.breakdown?.groups.map((group) => [group.value, group.steps.map((step) => step.count)]);
      expect(groups, engine.label).toEqual([
        ['free', [1, 0]],
        ['pro', [1, 1]],
        [null, [1, 1]],
      ]);
      expect(result).toEqual(funnel(joinUsers(events, users), options));
    }
  });

  it('filters on a user property, a null condition matching unlisted users, and on user.createdAt in epoch ms', async () => {
    const cases: [Record<string, string | number | boolean | null>, number][] = [
      [{ 'user.plan': 'pro' }, 1],
      [{ 'user.plan': null }, 1],
      [{ 'user.vip': null }, 2],
      [{ 'user.seats': 3 }, 1],
      [{ 'user.createdAt': at('2024-02-01T00:00:00Z') }, 1],
    ];
    for (const engine of engines()) {
      for (const [properties, mau] of cases) {
        const options: StickinessSummaryOptions = { month: '2024-03', where: { properties } };
        const result = await runJoined(engine, 'stickinessSummary', events, users, options);
        expect(result.mau, `${engine.label} ${JSON.stringify(properties)}`).toBe(mau);
        expect(result).toEqual(stickinessSummary(joinUsers(events, users), options));
      }
    }
  });

  it('rejects a users table listing a user twice, or one without an id, as core does', async () => {
    expect(() => joinUsers(events, [...users, { userId: 'ana' }])).toThrow(KpiValidationError);
    const options: ActiveUsersOptions = { where: { properties: { 'user.plan': 'pro' } } };
    for (const engine of engines()) {
      for (const bad of [
        [...users, { userId: 'ana' }],
        [...users, { userId: null as unknown as string }],
      ]) {
        const failure = await runJoined(engine, 'activeUsers', events, bad, options).catch((error: unknown) => error);
        expect(failure, engine.label).toBeInstanceOf(KpiValidationError);
        expect((failure as KpiValidationError).issues[0]?.path).toBe('users.userId');
      }
    }
  });

  it('reads the users table only when a query names a user property', () => {
    const target = { dialect: 'duckdb', table: 'events', users: usersTarget } as const;
    expect(compile('activeUsers', { where: { properties: { plan: 'pro' } } }, target).sql).not.toContain('crm users');
    expect(compile('activeUsers', { where: { properties: { 'user.plan': 'pro' } } }, target).sql).toContain('LEFT JOIN');
    // Without a users table, `user.plan` is a column of the events table (a view that joined them).
    expect(compile('activeUsers', { where: { properties: { 'user.plan': 'pro' } } }, { dialect: 'duckdb', table: 'events' }).sql).toContain(
      '"user.plan" AS p0',
    );
  });

  it('refuses a bad users target and a group read from the users table', () => {
    const bad = (users: unknown): unknown => {
      try {
        compile('activeUsers', {}, { dialect: 'postgres', table: 'events', users } as never);
      } catch (error) {
        return (error as KpiValidationError).issues.map((issue) => issue.path);
      }
      return [];
    };
    expect(bad('users')).toEqual(['target.users']);
    expect(bad({ table: '' })).toEqual(['target.users.table']);
    expect(bad({ table: 'u', columns: { userId: '', createdAtType: 'date', nickname: 'x' } })).toEqual([
      'target.users.columns.userId',
      'target.users.columns.createdAtType',
      'target.users.columns.nickname',
    ]);
    expect(() =>
      compile('activeUsers', { unit: { group: 'user.company' } }, { dialect: 'postgres', table: 'events', users: usersTarget }),
    ).toThrow(/options\.unit\.group/);
  });
});

const userWhereArb = fc.option(
  fc.oneof(
    fc.record({ 'user.plan': fc.constantFrom('free', 'pro', null) }),
    fc.record({ 'user.seats': fc.constantFrom(1, 2, null) }),
    fc.record({ 'user.vip': fc.boolean() }),
    fc.record({ 'user.plan': fc.constantFrom('pro', null), plan: fc.constantFrom('pro', null) }),
  ),
  { nil: undefined },
);

describe('a users table in SQL: the same numbers as core on joinUsers', () => {
  const inputs = withProperties(eventsArb({ maxEvents: 40, spanDays: 10, names: ['a', 'b', 'c'], users: 6 })).chain((events) =>
    zoneArb.chain((timeZone) => fc.tuple(fc.constant(events), usersArb(6), fc.constant(timeZone), rangeArb(events, timeZone))),
  );

  it('activeUsers, stickinessSummary and attribution conversions filtered on user properties', async () => {
    await fc.assert(
      fc.asyncProperty(inputs, userWhereArb, async ([events, users, timeZone, range], properties) => {
        const joined = joinUsers(events, users);
        const where = properties === undefined ? undefined : { properties };
        const active: ActiveUsersOptions = { ...range, timeZone, ...(where ? { where } : {}) };
        const month = (range.from ?? '2024-03-15').slice(0, 7);
        const sticky: StickinessSummaryOptions = { ...range, timeZone, month, ...(where ? { where } : {}) };
        const credit: AttributionOptions = {
          ...range,
          timeZone,
          conversion: properties === undefined ? 'b' : { name: 'b', where: properties },
          touches: { names: ['a', 'c'] },
          count: 'every',
          models: ['linear', 'position_based', 'last_touch'],
        };
        const discovery: ActivationCandidatesOptions = {
          ...range,
          timeZone,
          startEvent: 'a',
          days: 2,
          outcome: { day: 3, days: 3, ...(where ? { returnEvent: where } : {}) },
          candidates: ['b', properties === undefined ? 'c' : { name: 'c', where: properties }],
          atLeast: [1, 2],
          minUnits: 0,
        };
        for (const engine of engines()) {
          expect(await runJoined(engine, 'activeUsers', events, users, active), engine.label).toEqual(activeUsers(joined, active));
          expect(await runJoined(engine, 'stickinessSummary', events, users, sticky), engine.label).toEqual(
            stickinessSummary(joined, sticky),
          );
          expect(await runJoined(engine, 'attribution', events, users, credit), engine.label).toEqual(attribution(joined, credit));
          expect(await runJoined(engine, 'activationCandidates', events, users, discovery), engine.label).toEqual(
            activationCandidates(joined, discovery),
          );
        }
      }),
      { numRuns: 20 },
    );
  }, 300_000);

  it('funnels with user conditions on steps and exclusions, broken down by a user property', async () => {
    await fc.assert(
      fc.asyncProperty(
        inputs,
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), userWhereArb), { minLength: 2, maxLength: 3 }),
        fc.constantFrom('ordered', 'strict', 'any'),
        fc.option(fc.tuple(fc.constantFrom('a', 'c'), userWhereArb), { nil: undefined }),
        fc.option(fc.constantFrom('user.plan', 'user.seats', 'user.vip', 'user.createdAt'), { nil: undefined }),
        async ([events, users, timeZone, range], stepSpecs, order, exclusion, breakdown) => {
          const steps = stepSpecs.map(([name, where]) => (where === undefined ? name : { name, where }));
          const options: FunnelOptions = {
            ...range,
            timeZone,
            steps,
            order,
            window: 2 * 86_400_000,
            ...(exclusion && order !== 'any'
              ? { exclusions: [{ name: exclusion[0], ...(exclusion[1] ? { where: exclusion[1] } : {}), between: [0, 1] as const }] }
              : {}),
            ...(breakdown ? { breakdown: { property: breakdown } } : {}),
          };
          const expected = funnel(joinUsers(events, users), options);
          for (const engine of engines()) expect(await runJoined(engine, 'funnel', events, users, options), engine.label).toEqual(expected);
        },
      ),
      { numRuns: 30 },
    );
  }, 300_000);
});
