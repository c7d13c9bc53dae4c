import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activation,
  activationCandidates,
  attribution,
  activeUsers,
  conversionRate,
  featureAdoptionRate,
  funnel,
  lifecycle,
  productAdoptionRate,
  retention,
  stickinessDistribution,
  stickinessSummary,
  toEventTable,
} from '../../src/index';
import type { KpiEvent, PropertyValue } from '../../src/index';
import { tableForUnit } from '../../src/events/unit';
import { at, eventsArb, intlLocalDate, issuePathsOf, msOf, shuffled, zoneArb } from '../support/reference';

const byAccount = { group: 'accountId' } as const;

const event = (
  userId: string,
  name: string,
  iso: string,
  accountId?: PropertyValue,
  extra: Record<string, PropertyValue> = {},
): KpiEvent => ({
  userId,
  name,
  timestamp: at(iso),
  properties: { ...(accountId === undefined ? {} : { accountId }), ...extra },
});

describe('tableForUnit', () => {
  const events = [
    event('ana', 'login', '2024-03-04T10:00:00Z', 'acme'),
    event('ben', 'login', '2024-03-04T09:00:00Z', 'acme'),
    event('cy', 'login', '2024-03-04T09:30:00Z', 7),
    event('dee', 'login', '2024-03-04T11:00:00Z', '7'),
    event('eve', 'login', '2024-03-04T08:00:00Z'),
    event('fay', 'login', '2024-03-04T08:00:00Z', null),
    event('gus', 'login', '2024-03-04T08:00:00Z', ''),
    event('hal', 'login', '2024-03-04T08:00:00Z', true),
  ];

  it('keys every event by its group, in time order, and counts the events without one', () => {
    const { table, summary } = tableForUnit(toEventTable(events), byAccount);
    expect(table.userIds).toEqual(['7', 'acme']);
    expect(summary).toEqual({ group: 'accountId', groups: 2, ungroupedEvents: 4 });
    expect(Array.from(table.userStart)).toEqual([0, 2, 4]);
    expect(Array.from(table.time)).toEqual(['09:30', '11:00', '09:00', '10:00'].map((hm) => at(`2024-03-04T${hm}:00Z`)));
    expect(Array.from(table.user)).toEqual([0, 0, 1, 1]);
  });

  it('counts an event of two users of one group at the same instant once, as any exact duplicate', () => {
    const same = [
      event('ben', 'login', '2024-03-04T10:00:00Z', 'acme', { plan: 'pro' }),
      event('ana', 'login', '2024-03-04T10:00:00Z', 'acme', { plan: 'free' }),
    ];
    for (const seed of [1, 2]) {
      const { table } = tableForUnit(toEventTable(shuffled(same, seed)), byAccount);
      const plan = table.properties.get('plan')!;
      expect(table.length).toBe(1);
      // The copy whose properties sort first, as toEventTable keeps.
      expect(plan.values[plan.codes[0]!]).toBe('free');
    }
  });

  it('is the table itself for the user unit', () => {
    const table = toEventTable(events);
    expect(tableForUnit(table, 'user').table).toBe(table);
    expect(tableForUnit(table, undefined).summary).toBeUndefined();
  });

  it('re-keys a table once per group property', () => {
    const table = toEventTable(events);
    expect(tableForUnit(table, byAccount)).toBe(tableForUnit(table, { group: 'accountId' }));
  });

  it('names the option when no event has the property', () => {
    expect(issuePathsOf(() => tableForUnit(toEventTable(events), { group: 'acountId' }))).toEqual(['options.unit.group']);
    expect(tableForUnit(toEventTable([]), { group: 'acountId' }).summary).toEqual({ group: 'acountId', groups: 0, ungroupedEvents: 0 });
  });
});

describe('metrics at the account grain', () => {
  // acme: ana and ben; beta: cy. Ana signs up, Ben logs in the next week.
  const events = [
    event('ana', 'signup', '2024-01-01T09:00:00Z', 'acme'),
    event('ben', 'login', '2024-01-09T09:00:00Z', 'acme'),
    event('cy', 'signup', '2024-01-02T09:00:00Z', 'beta'),
    event('cy', 'login', '2024-01-02T10:00:00Z', 'beta'),
  ];

  it('counts an account active when any of its users is', () => {
    const { rows, unit } = activeUsers(events, { from: '2024-01-09', to: '2024-01-09', unit: byAccount });
    expect(rows[0]).toMatchObject({ dau: 1, wau: 1, mau: 2 });
    expect(unit).toEqual({ group: 'accountId', groups: 2, ungroupedEvents: 0 });
    expect(activeUsers(events, { from: '2024-01-09', to: '2024-01-09' }).rows[0]).toMatchObject({ dau: 1, wau: 1, mau: 3 });
  });

  it('retains an account when another of its users comes back', () => {
    const options = { period: 'week', periods: 1, startEvent: 'signup', from: '2024-01-01', to: '2024-01-14' } as const;
    expect(retention(events, { ...options, unit: byAccount }).cohorts[0]?.counts).toEqual([2, 1]);
    expect(retention(events, options).cohorts[0]?.counts).toEqual([2, 0]);
  });

  it('moves an account down a funnel whichever of its users does each step', () => {
    const steps = ['signup', 'login'];
    const window = 14 * 86_400_000;
    expect(funnel(events, { steps, window, unit: byAccount }).steps.map((step) => step.count)).toEqual([2, 2]);
    expect(funnel(events, { steps, window }).steps.map((step) => step.count)).toEqual([2, 1]);
  });

  it('breaks a strict funnel on another user’s event in between', () => {
    const strict = [
      event('ana', 'view', '2024-01-01T09:00:00Z', 'acme'),
      event('ben', 'chat', '2024-01-01T09:01:00Z', 'acme'),
      event('ana', 'buy', '2024-01-01T09:02:00Z', 'acme'),
    ];
    const options = { steps: ['view', 'buy'], order: 'strict' } as const;
    expect(funnel(strict, { ...options, unit: byAccount }).steps.map((step) => step.count)).toEqual([1, 0]);
    expect(funnel(strict, options).steps.map((step) => step.count)).toEqual([1, 1]);
  });

  it('takes the default range from every event, grouped or not', () => {
    const withStray = [...events, event('dan', 'login', '2024-01-20T09:00:00Z')];
    const result = activeUsers(withStray, { unit: byAccount });
    expect(result.to).toBe('2024-01-20');
    expect(result.rows.at(-1)).toMatchObject({ date: '2024-01-20', dau: 0, mau: 2 });
    expect(result.unit?.ungroupedEvents).toBe(1);
  });

  it('rejects a unit that is neither "user" nor a group', () => {
    expect(issuePathsOf(() => activeUsers(events, { unit: 'account' as never }))).toEqual(['options.unit']);
    expect(issuePathsOf(() => activeUsers(events, { unit: { group: '' } }))).toEqual(['options.unit.group']);
  });
});

// Users u0–u6 in four accounts, one of them numbered, and u5 in none.
const ACCOUNT_OF: Record<string, PropertyValue | undefined> = {
  u0: 'acme',
  u1: 'acme',
  u2: 'beta',
  u3: 'beta',
  u4: 7,
  u5: undefined,
  u6: '7',
};

/** Events with their account, and the same events with the user replaced by the account. */
const accountEventsArb = eventsArb({ maxEvents: 40, spanDays: 40 }).map((generated) => {
  const events = generated.map((e) => {
    const account = ACCOUNT_OF[e.userId];
    return { ...e, properties: { ...e.properties, ...(account === undefined ? {} : { accountId: account }) } };
  });
  const relabelled = events
    .filter((e) => e.properties.accountId !== undefined)
    .map((e) => ({ ...e, userId: String(e.properties.accountId) }));
  return { events, relabelled };
});

function withoutUnit<T extends { unit?: unknown }>(result: T): Omit<T, 'unit'> {
  const { unit, ...rest } = result;
  expect(unit).toBeDefined();
  return rest;
}

describe('every metric at a group grain is the metric of the events relabelled by group', () => {
  it('holds for each metric, in any zone', () => {
    fc.assert(
      fc.property(accountEventsArb, zoneArb, ({ events, relabelled }, timeZone) => {
        if (events.length === 0) return;
        if (relabelled.length === 0) {
          expect(issuePathsOf(() => activeUsers(events, { unit: byAccount }))).toEqual(['options.unit.group']);
          return;
        }
        // The least and greatest local date: where a zone turns its clock back a day (America/Juneau, 1867)
        // the latest event can fall on an earlier date than the earliest.
        const dates = events.map((e) => intlLocalDate(msOf(e), timeZone)).sort();
        const from = dates[0]!;
        const to = dates.at(-1)!;
        const common = { from, to, timeZone };
        const grouped = toEventTable(events);
        const ungroupedCount = toEventTable(events.filter((e) => e.properties.accountId === undefined)).length;
        const checks: [string, (input: KpiEvent[] | typeof grouped, unit: object) => { unit?: unknown }][] = [
          ['activeUsers', (input, unit) => activeUsers(input, { ...common, ...unit })],
          ['activeUsers by week', (input, unit) => activeUsers(input, { ...common, interval: 'week', weekStartsOn: 0, ...unit })],
          ['activeUsers by month', (input, unit) => activeUsers(input, { ...common, interval: 'month', where: { name: 'b' }, ...unit })],
          ['stickinessDistribution by day', (input, unit) => stickinessDistribution(input, { ...common, ...unit })],
          [
            'stickinessDistribution by week',
            (input, unit) => stickinessDistribution(input, { ...common, interval: 'week', where: { name: ['a', 'c'] }, ...unit }),
          ],
          ['lifecycle by day', (input, unit) => lifecycle(input, { ...common, ...unit })],
          [
            'lifecycle by week, new from an event',
            (input, unit) =>
              lifecycle(input, { ...common, interval: 'week', newFrom: { event: 'a' }, where: { name: ['b', 'c'] }, ...unit }),
          ],
          ['stickinessSummary', (input, unit) => stickinessSummary(input, { ...common, month: from.slice(0, 7), ...unit })],
          ['retention exact', (input, unit) => retention(input, { ...common, period: 'day', periods: 5, startEvent: 'a', ...unit })],
          ['retention unbounded', (input, unit) => retention(input, { ...common, period: 'week', periods: 3, mode: 'unbounded', ...unit })],
          [
            'retention recurring by name',
            (input, unit) =>
              retention(input, {
                ...common,
                period: 'day',
                periods: 3,
                cohort: 'recurring',
                startEvent: 'c',
                returnEvent: ['a', 'b'],
                ...unit,
              }),
          ],
          [
            'retention recurring unbounded',
            (input, unit) => retention(input, { ...common, period: 'week', periods: 2, cohort: 'recurring', mode: 'unbounded', ...unit }),
          ],
          [
            'retention recurring, conditions and breakdown',
            (input, unit) =>
              retention(input, {
                ...common,
                period: 'day',
                periods: 4,
                cohort: 'recurring',
                startEvent: { name: 'a', where: { plan: 'pro' } },
                returnEvent: ['b', { name: 'c', where: { plan: null } }],
                breakdown: { property: 'plan' },
                ...unit,
              }),
          ],
          [
            'retention first with a breakdown',
            (input, unit) =>
              retention(input, { ...common, period: 'week', periods: 2, mode: 'unbounded', breakdown: { property: 'plan' }, ...unit }),
          ],
          [
            'funnel ordered',
            (input, unit) => funnel(input, { ...common, steps: ['a', 'b', 'c'], breakdown: { property: 'plan' }, ...unit }),
          ],
          ['funnel strict', (input, unit) => funnel(input, { ...common, steps: ['a', 'b'], order: 'strict', ...unit })],
          ['funnel any', (input, unit) => funnel(input, { ...common, steps: ['a', 'b', 'c'], order: 'any', ...unit })],
          [
            'funnel ordered, furthest attempt, last touch',
            (input, unit) =>
              funnel(input, {
                ...common,
                steps: ['a', 'b'],
                exclusions: [{ name: 'c', between: [0, 1] }],
                breakdown: { property: 'plan', attribution: 'last_touch' },
                ...unit,
              }),
          ],
          [
            'funnel strict, clean attempts, step 1',
            (input, unit) =>
              funnel(input, {
                ...common,
                steps: ['a', 'b', 'a'],
                order: 'strict',
                exclusions: [{ name: 'c', between: [0, 2] }],
                exclusionMode: 'cleanAttempts',
                breakdown: { property: 'plan', attribution: { step: 1 } },
                ...unit,
              }),
          ],
          [
            'funnel any, exclusions, step 0',
            (input, unit) =>
              funnel(input, {
                ...common,
                steps: ['a', 'b'],
                order: 'any',
                exclusions: [{ name: 'c', between: [0, 1] }],
                exclusionMode: 'furthestAttempt',
                breakdown: { property: 'plan', attribution: { step: 0 } },
                ...unit,
              }),
          ],
          ['activation', (input, unit) => activation(input, { ...common, signupEvent: 'a', ahaEvent: 'b', days: 3, ...unit })],
          ['productAdoptionRate', (input, unit) => productAdoptionRate(input, { ...common, signupEvent: 'a', ...unit })],
          ['featureAdoptionRate', (input, unit) => featureAdoptionRate(input, { ...common, feature: 'c', ...unit })],
          ['conversionRate', (input, unit) => conversionRate(input, { ...common, fromStep: 'a', toStep: 'c', ...unit })],
          [
            'activationCandidates',
            (input, unit) =>
              activationCandidates(input, { ...common, startEvent: 'a', days: 2, outcome: { day: 3, days: 3 }, pairs: 2, ...unit }),
          ],
          [
            'attribution',
            (input, unit) =>
              attribution(input, {
                ...common,
                conversion: 'c',
                touches: { names: ['a', 'b'] },
                models: ['linear', 'first_touch'],
                ...unit,
              }),
          ],
        ];
        // activationCandidates censors by the end of the data, the local day of the latest event, with or without an
        // account: the relabelled events have the same end unless an event without an account is the only one on the last day.
        const lastGrouped = intlLocalDate(Math.max(...relabelled.map(msOf)), timeZone);
        const sameDataEnd = lastGrouped === to;
        for (const [name, metric] of checks) {
          const atGroup = metric(grouped, { unit: byAccount });
          expect(atGroup.unit, name).toMatchObject({ group: 'accountId', ungroupedEvents: ungroupedCount });
          if (name === 'activationCandidates' && !sameDataEnd) continue;
          expect(withoutUnit(atGroup), name).toEqual(metric(relabelled, {}));
          // Retention on a table no metric has re-keyed yet counts from the users' rows: the same result.
          if (name.startsWith('retention'))
            expect(metric(toEventTable(events), { unit: byAccount }), `${name}, fresh table`).toEqual(atGroup);
        }
        // A group is created when its earliest user is: user.createdAt, as joinUsers puts it on each event.
        const created = (e: KpiEvent): KpiEvent => ({
          ...e,
          properties: { ...e.properties, 'user.createdAt': msOf(e) - Number(e.userId.slice(1)) * 86_400_000 },
        });
        const createdOf = new Map(events.map((e) => [e.userId, created(e).properties!['user.createdAt']]));
        const withCreated = events.map((e) => ({ ...e, properties: { ...e.properties, 'user.createdAt': createdOf.get(e.userId)! } }));
        const relabelledCreated = withCreated
          .filter((e) => e.properties.accountId !== undefined)
          .map((e) => ({ ...e, userId: String(e.properties.accountId) }));
        const byMonth = { ...common, interval: 'month', newFrom: 'createdAt' } as const;
        expect(withoutUnit(lifecycle(toEventTable(withCreated), { ...byMonth, unit: byAccount })), 'lifecycle from createdAt').toEqual(
          lifecycle(relabelledCreated, byMonth),
        );
      }),
      { numRuns: 150 },
    );
    // Twenty metrics a run: seconds on a shared machine.
  }, 60_000);
});
