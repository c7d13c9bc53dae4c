import fc from 'fast-check';
import { activeUsers, funnel, lifecycle, retention, stickinessDistribution, stickinessSummary } from '@kpikit/core';
import type {
  FunnelBreakdownAttribution,
  FunnelExclusionMode,
  FunnelOptions,
  FunnelOrder,
  KpiEvent,
  PropertyValue,
  RetentionOptions,
} from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { PROPERTY_COLUMNS, at, eventsArb, rangeArb, withProperties, zoneArb } from './support/data';
import { resultsOnEngines, useEngines } from './support/differential';
import type { EventTableSpec } from './support/engines';

const engines = useEngines();

const byAccount = { group: 'account' } as const;
const byNumber = { group: 'account_no' } as const;

/** Each test user's account as text ('' and absent: none) and as a number (null: none). */
const TEXT_ACCOUNT: Record<string, string | undefined> = { u0: 'acme', u1: 'acme', u2: 'beta', u3: '', u4: 'beta', u5: undefined };
const NUMBER_ACCOUNT: Record<string, number | null> = { u0: 1, u1: 1, u2: 2, u3: null, u4: 7, u5: 7 };

const SPEC: EventTableSpec = {
  table: 'events',
  properties: [...PROPERTY_COLUMNS, { key: 'account', type: 'text' }, { key: 'account_no', type: 'bigint' }],
};

/**
 * Events of users in accounts. Two users of one account with an event of one
 * name at one instant are one event of the account; every event of one name
 * at one instant is given the same properties, so that which copy stays does
 * not matter at either grain (the text and the number accounts group users
 * differently: u2 and u4 share a text account, u4 and u5 a number). `x` is
 * the funnels' excluded event.
 */
const accountEventsArb = withProperties(eventsArb({ names: ['a', 'b', 'c', 'x'] })).map((events) => {
  const first = new Map<string, KpiEvent['properties']>();
  return events.map((event): KpiEvent => {
    const text = TEXT_ACCOUNT[event.userId];
    const number = NUMBER_ACCOUNT[event.userId] ?? null;
    const key = `${event.name}|${String(event.timestamp)}`;
    const own = first.get(key) ?? event.properties;
    first.set(key, own);
    const account: Record<string, PropertyValue> = { ...(text === undefined ? {} : { account: text }), account_no: number };
    return { ...event, properties: { ...own, ...account } };
  });
});

const options = fc.record({
  unit: fc.constantFrom(byAccount, byNumber),
  metric: fc.constantFrom(
    'activeUsers',
    'activeUsersByWeek',
    'stickinessSummary',
    'stickinessDistribution',
    'lifecycle',
    'retention',
    'funnel',
  ),
  order: fc.constantFrom('ordered', 'strict', 'any'),
  mode: fc.constantFrom('exact', 'unbounded'),
  exclusionMode: fc.constantFrom<FunnelExclusionMode | undefined>(undefined, 'furthestAttempt', 'cleanAttempts'),
  attribution: fc.constantFrom<FunnelBreakdownAttribution | undefined>(undefined, 'first_touch', 'last_touch', { step: 0 }, { step: 1 }),
});

/** A funnel of every kind at a group's grain: an exclusion (spanning the funnel in any order) in either mode, a breakdown by any attribution. */
const funnelOf = (
  order: FunnelOrder,
  exclusionMode: FunnelExclusionMode | undefined,
  attribution: FunnelBreakdownAttribution | undefined,
): FunnelOptions => ({
  steps: ['a', 'b', 'c'],
  order,
  ...(exclusionMode === undefined ? {} : { exclusions: [{ name: 'x', between: order === 'any' ? [0, 2] : [0, 1] }], exclusionMode }),
  breakdown: { property: 'plan', ...(attribution === undefined ? {} : { attribution: order === 'any' ? { step: 0 } : attribution }) },
});

describe('metrics by group in SQL: the same numbers as core', () => {
  it('activeUsers, stickiness, lifecycle, retention and funnels (exclusions and breakdowns too) by a text or an integer group column', async () => {
    await fc.assert(
      fc.asyncProperty(
        accountEventsArb.chain((events) =>
          zoneArb.chain((timeZone) => fc.tuple(fc.constant(events), fc.constant(timeZone), rangeArb(events, timeZone), options)),
        ),
        async ([events, timeZone, range, { unit, metric, order, mode, exclusionMode, attribution }]) => {
          // Core refuses a group property no event has (a misspelt name, most often); a table has the column.
          if (!events.some((event) => event.properties?.[unit.group] !== undefined)) return;
          const common = { ...range, timeZone, unit };
          const month = (range.from ?? range.to ?? '2024-03-01').slice(0, 7);
          const runs = {
            activeUsers: () => [activeUsers(events, common), resultsOnEngines(engines(), 'activeUsers', events, common, SPEC)],
            activeUsersByWeek: () => {
              const o = { ...common, interval: 'week' } as const;
              return [activeUsers(events, o), resultsOnEngines(engines(), 'activeUsers', events, o, SPEC)];
            },
            stickinessDistribution: () => {
              const o = { ...common, interval: 'week', where: { name: ['a', 'b'] } } as const;
              return [stickinessDistribution(events, o), resultsOnEngines(engines(), 'stickinessDistribution', events, o, SPEC)];
            },
            lifecycle: () => {
              const o = { ...common, interval: mode === 'exact' ? 'day' : 'week', newFrom: { event: 'a' } } as const;
              return [lifecycle(events, o), resultsOnEngines(engines(), 'lifecycle', events, o, SPEC)];
            },
            stickinessSummary: () => {
              const o = { ...common, month };
              return [stickinessSummary(events, o), resultsOnEngines(engines(), 'stickinessSummary', events, o, SPEC)];
            },
            retention: () => {
              const o = { ...common, period: 'day', periods: 4, mode, startEvent: 'a' } as const;
              return [retention(events, o), resultsOnEngines(engines(), 'retention', events, o, SPEC)];
            },
            funnel: () => {
              const o = { ...common, ...funnelOf(order, exclusionMode, attribution) };
              return [funnel(events, o), resultsOnEngines(engines(), 'funnel', events, o, SPEC)];
            },
          } as const;
          const [expected, results] = runs[metric]() as [object, Promise<{ engine: string; result: object }[]>];
          for (const { engine, result } of await results) expect(result, engine).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  }, 360_000);
});

describe('retention by group in SQL: recurring cohorts, conditions and breakdowns, the same numbers as core', () => {
  const variants = fc.constantFrom<Omit<RetentionOptions, 'period' | 'periods'>[]>(
    {
      cohort: 'recurring',
      startEvent: { name: 'a', where: { beta: true } },
      returnEvent: ['b', { name: 'c', where: { plan: null } }],
      breakdown: { property: 'plan' },
    },
    { cohort: 'recurring', mode: 'unbounded', breakdown: { property: 'seats' } },
    { startEvent: { name: 'a', where: { plan: 'pro' } }, mode: 'unbounded', breakdown: { property: 'plan' } },
  );

  it('on random events of users in accounts, by a text or an integer group column', async () => {
    await fc.assert(
      fc.asyncProperty(
        accountEventsArb.chain((events) =>
          zoneArb.chain((timeZone) =>
            fc.tuple(
              fc.constant(events),
              fc.constant(timeZone),
              rangeArb(events, timeZone),
              fc.constantFrom(byAccount, byNumber),
              variants,
            ),
          ),
        ),
        async ([events, timeZone, range, unit, variant]) => {
          if (!events.some((event) => event.properties?.[unit.group] !== undefined)) return;
          const o: RetentionOptions = { ...range, timeZone, unit, period: 'day', periods: 4, ...variant };
          const expected = retention(events, o);
          for (const { engine, result } of await resultsOnEngines(engines(), 'retention', events, o, SPEC))
            expect(result, engine).toEqual(expected);
        },
      ),
      { numRuns: 20 },
    );
  }, 240_000);
});

describe('funnels by group in SQL: the same numbers as core', () => {
  it('with exclusions in either mode and breakdowns by every attribution, in every order', async () => {
    await fc.assert(
      fc.asyncProperty(
        accountEventsArb.chain((events) =>
          zoneArb.chain((timeZone) => fc.tuple(fc.constant(events), fc.constant(timeZone), rangeArb(events, timeZone), options)),
        ),
        async ([events, timeZone, range, { unit, order, exclusionMode, attribution }]) => {
          if (!events.some((event) => event.properties?.[unit.group] !== undefined)) return;
          const o = { ...range, timeZone, unit, ...funnelOf(order, exclusionMode ?? 'furthestAttempt', attribution) };
          const expected = funnel(events, o);
          for (const { engine, result } of await resultsOnEngines(engines(), 'funnel', events, o, SPEC))
            expect(result, engine).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
    // Four engines per run; on a busy machine a run can take several seconds.
  }, 480_000);
});

describe('metrics by group in SQL: hand-computed', () => {
  const events: KpiEvent[] = [
    { userId: 'ana', name: 'signup', timestamp: at('2024-01-01T09:00:00Z'), properties: { account: 'acme' } },
    { userId: 'ben', name: 'login', timestamp: at('2024-01-09T09:00:00Z'), properties: { account: 'acme' } },
    { userId: 'cy', name: 'signup', timestamp: at('2024-01-02T09:00:00Z'), properties: { account: 'beta' } },
    { userId: 'dan', name: 'login', timestamp: at('2024-01-20T09:00:00Z'), properties: { account: '' } },
    { userId: 'dan', name: 'login', timestamp: at('2024-01-20T09:00:00Z'), properties: { account: '' } },
  ];
  const spec: EventTableSpec = { table: 'events', properties: [{ key: 'account', type: 'text' }] };

  it('counts an account active when any of its users is, and reports the groups and the events without one', async () => {
    const results = await resultsOnEngines(engines(), 'activeUsers', events, { timeZone: 'Europe/Paris', unit: byAccount }, spec);
    for (const { engine, result } of results) {
      // The range runs to Jan 20, the day of the event without an account.
      expect(result.to, engine).toBe('2024-01-20');
      expect(
        result.rows.find((row) => 'date' in row && row.date === '2024-01-09'),
        engine,
      ).toMatchObject({ dau: 1, mau: 2 });
      expect(result.unit, engine).toEqual({ group: 'account', groups: 2, ungroupedEvents: 1 });
    }
  });

  it('retains an account when another of its users comes back', async () => {
    const o = { period: 'week', periods: 1, startEvent: 'signup', from: '2024-01-01', to: '2024-01-14', unit: byAccount } as const;
    for (const { engine, result } of await resultsOnEngines(engines(), 'retention', events, o, spec)) {
      expect(result.cohorts[0]?.counts, engine).toEqual([2, 1]);
    }
  });
});
