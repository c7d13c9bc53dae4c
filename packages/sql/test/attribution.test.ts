import fc from 'fast-check';
import { attribution, KpiValidationError } from '@kpikit/core';
import type { AttributionCost, AttributionModel, AttributionOptions, KpiEvent, PropertyValue } from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { compile, parse } from '../src/index';
import { ANCHORS, addDays, localDate, shuffled, zoneArb } from './support/data';
import { columnsOf, resultsOnEngines, useEngines } from './support/differential';
import { loadEvents } from './support/engines';
import { loadSpend, spendRows } from './support/costs';
import type { EventTableSpec } from './support/engines';

const engines = useEngines();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const SPEC: EventTableSpec = {
  table: 'events',
  properties: [
    { key: 'utm_source', type: 'text', column: 'source' },
    { key: 'utm_campaign', type: 'text' },
    { key: 'plan', type: 'text' },
    { key: 'revenue', type: 'double' },
    { key: 'account', type: 'text' },
  ],
};

const ev = (userId: string, name: string, timestamp: number, properties: Record<string, PropertyValue> = {}): KpiEvent => ({
  userId,
  name,
  timestamp,
  properties,
});
const visit = (userId: string, timestamp: number, source: string): KpiEvent => ev(userId, 'visit', timestamp, { utm_source: source });

describe('attribution in SQL: the worked example', () => {
  const T = Date.UTC(2024, 2, 25, 12);
  const worked = [
    visit('ana', T - 21 * DAY, 'google'),
    visit('ana', T - 14 * DAY, 'facebook'),
    visit('ana', T - 7 * DAY, 'direct'),
    ev('ana', 'purchase', T, { revenue: 70 }),
    visit('ben', T - 6 * DAY, 'direct'),
    ev('ben', 'purchase', T - 5 * DAY, { revenue: 30 }),
    ev('cy', 'purchase', T - 20 * DAY),
  ];
  const options: AttributionOptions = {
    conversion: 'purchase',
    touches: { channel: 'utm_source' },
    value: { property: 'revenue' },
    models: ['first_touch', 'last_touch', 'linear', 'time_decay', 'position_based', 'last_non_direct'],
    from: '2024-03-01',
    to: '2024-03-31',
    costs: [{ channel: 'google', period: '2024-03', amount: 56 }],
  };

  it('gives the README’s credits, cents and costs on every engine', async () => {
    const expected = attribution(worked, options);
    for (const { engine, result } of await resultsOnEngines(engines(), 'attribution', worked, options, SPEC)) {
      expect(result, engine).toEqual(expected);
      const table = Object.fromEntries(
        result.models.map((model) => [model.model, model.rows.map((row) => [row.channel, row.conversions * 2 ** 24, row.value])]),
      );
      // Thirds of 2^24 units: 5,592,405 each and the unit left over to the touch nearest the purchase; 7,000 cents likewise.
      expect(table.linear).toEqual([
        ['direct', 5_592_406 + 2 ** 24, 53.34],
        ['facebook', 5_592_405, 23.33],
        ['google', 5_592_405, 23.33],
        [null, 2 ** 24, 0],
      ]);
      // 1/7 : 2/7 : 4/7 of 2^24 units and of 7,000 cents.
      expect(table.time_decay).toEqual([
        ['direct', 9_586_981 + 2 ** 24, 70],
        ['facebook', 4_793_490, 20],
        ['google', 2_396_745, 10],
        [null, 2 ** 24, 0],
      ]);
      expect(table.position_based?.[2]).toEqual(['google', Math.round(0.4 * 2 ** 24), 28]);
      expect(table.last_non_direct?.[1]).toEqual(['facebook', 2 ** 24, 70]);
      const google = result.models[0]?.rows[2];
      expect(google).toMatchObject({ channel: 'google', cost: 56, costPerConversion: 56, returnOnSpend: 1.25 });
      // Credits are whole units of 2^-24 that add up exactly to the conversions.
      for (const model of result.models) {
        expect(model.rows.reduce((sum, row) => sum + row.conversions, 0)).toBe(3);
        for (const row of model.rows) expect(Number.isInteger(row.conversions * 2 ** 24)).toBe(true);
      }
    }
  });

  it('refuses subscription values with a typed error naming the option', () => {
    const refused = (changes: Partial<AttributionOptions>): string[] => {
      try {
        compile('attribution', { ...options, ...changes }, { dialect: 'duckdb', table: 'events' });
      } catch (error) {
        expect(error).toBeInstanceOf(KpiValidationError);
        return (error as KpiValidationError).issues.map((issue) => issue.path);
      }
      return [];
    };
    expect(refused({ value: { subscriptions: [] } })).toEqual(['options.value.subscriptions']);
    // Core's own option errors, unchanged.
    expect(refused({ lookback: -1 })).toEqual(['options.lookback']);
  });

  it('rejects a conversion value off the cents grid, as core does', async () => {
    const events = [...worked.slice(0, 3), ev('ana', 'purchase', T, { revenue: 70.005 })];
    expect(() => attribution(events, options)).toThrow(KpiValidationError);
    for (const engine of engines()) {
      const failure = await resultsOnEngines([engine], 'attribution', events, options, SPEC).catch((error: unknown) => error);
      expect(failure, engine.label).toBeInstanceOf(KpiValidationError);
      expect((failure as KpiValidationError).issues[0]?.path).toBe('events[unit "ana" at 2024-03-25T12:00:00.000Z].properties.revenue');
    }
  });
});

const SOURCES = ['google', 'fb', 'direct', '', 'Zed', 'é'] as const;

const modelArb: fc.Arbitrary<AttributionModel> = fc.oneof(
  fc.constantFrom<AttributionModel>('first_touch', 'last_touch', 'linear', 'position_based', 'last_non_direct'),
  fc
    .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 5 }))
    .map(([first, middle, last]): AttributionModel => ({ model: 'position_based', weights: { first, middle, last } })),
  fc.subarray(['direct', 'fb']).map((direct): AttributionModel => ({ model: 'last_non_direct', direct })),
  // Half-lives from a millisecond (most touches weigh 0 beside the nearest) to days, odd ones too, so the weights take every bit.
  fc
    .oneof(fc.constantFrom(1, 7, HOUR, DAY / 3, 7 * DAY), fc.double({ min: 0.5, max: 10 * DAY, noNaN: true }))
    .map((halfLife): AttributionModel => ({ model: 'time_decay', halfLife })),
);

/**
 * Small worlds where ties, repeats and window edges are common: events of 4
 * users in 2 accounts on a coarse clock near a zone change, touches of
 * every kind (empty and non-ASCII channels, campaigns or none), conversions
 * with and without values, several models, costs, ranges and the unit option.
 */
const worldArb = fc
  .record({
    anchor: fc.constantFrom(...ANCHORS),
    tick: fc.constantFrom(1, HOUR, DAY / 2),
    raw: fc.array(
      fc.record({
        user: fc.integer({ min: 0, max: 3 }),
        kind: fc.constantFrom('visit', 'visit', 'visit', 'ad', 'signup', 'signup', 'login'),
        at: fc.integer({ min: 0, max: 40 }),
        source: fc.option(fc.constantFrom(...SOURCES), { freq: 5 }),
        campaign: fc.option(fc.constantFrom('x', 'y', 'X'), { freq: 2 }),
        cents: fc.oneof(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 0, max: 1e12 }), fc.constant(-1)),
        plan: fc.constantFrom('free', 'pro'),
        copies: fc.constantFrom(1, 1, 1, 2),
      }),
      { minLength: 2, maxLength: 30, size: 'max' },
    ),
    touches: fc.constantFrom<AttributionOptions['touches']>(
      { channel: 'utm_source' },
      { channel: 'utm_source', campaign: 'utm_campaign' },
      { names: ['ad', 'visit'] },
      { names: ['ad'], campaign: 'utm_campaign' },
      { channel: 'utm_source', names: ['visit'] },
    ),
    conversion: fc.constantFrom<AttributionOptions['conversion']>('signup', { name: 'signup', where: { plan: 'pro' } }),
    count: fc.constantFrom<'first' | 'every'>('first', 'every'),
    lookbackTicks: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
    models: fc.array(modelArb, { minLength: 1, maxLength: 4 }),
    value: fc.constantFrom<AttributionOptions['value']>(undefined, { property: 'revenue' }, { property: 'revenue', decimals: 3 }),
    range: fc.option(fc.record({ from: fc.integer({ min: -1, max: 3 }), span: fc.integer({ min: 0, max: 15 }) }), { nil: undefined }),
    costs: fc.array(
      fc.record({
        channel: fc.constantFrom('google', 'fb', 'ad', 'tv'),
        campaign: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
        days: fc.integer({ min: -5, max: 10 }),
        length: fc.integer({ min: 0, max: 40 }),
        amount: fc.constantFrom(0, 100, 33.3),
      }),
      { maxLength: 3 },
    ),
    byAccount: fc.boolean(),
    timeZone: zoneArb,
    seed: fc.integer(),
  })
  .map(({ anchor, tick, raw, range, costs, byAccount, lookbackTicks, timeZone, seed, ...rest }) => {
    const events: KpiEvent[] = raw.flatMap(({ user, kind, at, source, campaign, cents, plan, copies }) => {
      const properties: Record<string, PropertyValue> = { account: `a${user % 2}` };
      if (kind === 'signup') {
        properties.plan = plan;
        if (cents >= 0) properties.revenue = cents / 100;
      }
      if (source !== null && kind !== 'login') properties.utm_source = source;
      if (campaign !== null) properties.utm_campaign = campaign;
      return Array.from({ length: copies }, () => ev(`u${user}`, kind, anchor + at * tick, properties));
    });
    {
      // Copies of one event (one user, or at an account's grain one account, doing one thing at one
      // instant) get the same properties: SQL cannot pick the copy core keeps (see the README).
      const first = new Map<string, Record<string, PropertyValue>>();
      for (const event of events) {
        const who = byAccount ? String(event.properties?.account) : event.userId;
        const key = `${who}|${event.name}|${String(event.timestamp)}`;
        if (!first.has(key)) first.set(key, event.properties as Record<string, PropertyValue>);
        (event as { properties: Record<string, PropertyValue> }).properties = first.get(key)!;
      }
    }
    const first = localDate(anchor, timeZone);
    const options: AttributionOptions = {
      ...rest,
      timeZone,
      ...(lookbackTicks === undefined ? {} : { lookback: lookbackTicks * tick }),
      ...(range ? { from: addDays(first, range.from), to: addDays(first, range.from + range.span) } : {}),
      costs: costs.map(({ channel, campaign, days, length, amount }) => ({
        channel,
        ...(campaign === undefined ? {} : { campaign }),
        period: length === 0 ? addDays(first, days) : { from: addDays(first, days), to: addDays(first, days + length) },
        amount,
      })),
      ...(byAccount ? { unit: { group: 'account' } } : {}),
    };
    return { events: shuffled(events, seed), options };
  });

describe('attribution in SQL: the same numbers as core', () => {
  it('on random worlds: every model, touches by property or name, campaigns, values, costs, ranges, zones, accounts', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async ({ events, options }) => {
        let expected: unknown;
        try {
          expected = attribution(events, options);
        } catch (error) {
          expected = error;
        }
        for (const engine of engines()) {
          const got = await resultsOnEngines([engine], 'attribution', events, options, SPEC).then(
            ([only]) => only?.result,
            (error: unknown) => error,
          );
          if (expected instanceof KpiValidationError) expect(got, engine.label).toBeInstanceOf(KpiValidationError);
          else expect(got, engine.label).toEqual(expected);
        }
      }),
      { numRuns: 40 },
    );
  }, 600_000);
});

/** Cost entries in the order `parse` adds a spend table's rows: channel, campaign (none first), first day, last day, amount. */
const bySpendOrder = (a: AttributionCost, b: AttributionCost): number => {
  const text = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  const days = (cost: AttributionCost) => (typeof cost.period === 'string' ? { from: cost.period, to: cost.period } : cost.period);
  const [x, y] = [days(a), days(b)];
  return (
    text(a.channel, b.channel) ||
    (a.campaign === b.campaign ? 0 : a.campaign === undefined ? -1 : b.campaign === undefined ? 1 : text(a.campaign, b.campaign)) ||
    text(x.from, y.from) ||
    text(x.to, y.to) ||
    a.amount - b.amount
  );
};

describe('attribution in SQL: costs from a spend table', () => {
  const compileWithSpend = (engine: ReturnType<typeof engines>[number], options: AttributionOptions) =>
    compile('attribution', options, { dialect: engine.dialect, table: SPEC.table, columns: columnsOf(SPEC), costs: { table: 'spend' } });

  it('gives core’s costs for the same entries, added in the table’s sorted order, besides those of the option', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, fc.nat(), async ({ events, options }, split) => {
        const all = options.costs ?? [];
        const given = all.slice(0, split % (all.length + 1));
        const table = all.slice(given.length);
        const expected = attribution(events, { ...options, costs: [...given, ...[...table].sort(bySpendOrder)] });
        for (const engine of engines()) {
          await loadEvents(engine, events, SPEC);
          await loadSpend(engine, spendRows(table));
          const { sql, params } = compileWithSpend(engine, { ...options, costs: given });
          expect(parse('attribution', await engine.query(sql, params), { ...options, costs: given }), engine.label).toEqual(expected);
        }
      }),
      { numRuns: 15 },
    );
  }, 600_000);

  it('refuses a spend row that is not a cost entry, and a spend table for another metric', async () => {
    const options: AttributionOptions = { conversion: 'signup', touches: { channel: 'utm_source' }, from: '2024-03-01', to: '2024-03-31' };
    const bad = [
      { channel: null, campaign: null, from: '2024-03-01', to: '2024-03-02', amount: 1 },
      { channel: 'tv', campaign: null, from: '2024-03-05', to: '2024-03-02', amount: 1 },
      { channel: 'tv', campaign: null, from: '2023-01-01', to: '2023-01-02', amount: -1 },
    ];
    for (const engine of engines()) {
      await loadEvents(engine, [ev('u', 'signup', Date.UTC(2024, 2, 3))], SPEC);
      for (const row of bad) {
        await loadSpend(engine, [{ channel: 'tv', campaign: null, from: '2024-03-01', to: '2024-03-31', amount: 5 }, row]);
        const { sql, params } = compileWithSpend(engine, options);
        const rows = await engine.query(sql, params);
        expect(() => parse('attribution', rows, options), `${engine.label} ${JSON.stringify(row)}`).toThrow(/target\.costs/);
      }
    }
    expect(() => compile('activeUsers', {}, { dialect: 'duckdb', table: 'events', costs: { table: 'spend' } })).toThrow(/target\.costs/);
  });
});
