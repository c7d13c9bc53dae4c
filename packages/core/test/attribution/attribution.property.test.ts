import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attribution } from '../../src/attribution/attribution';
import type { AttributionOptions, AttributionResult } from '../../src/attribution/attribution.types';
import type { KpiEvent, PropertyValue } from '../../src/index';
import { addDays, ANCHORS, intlLocalDate, shuffled, zoneArb } from '../support/reference';
import { referenceAttribution, type RefModel, type RefOptions } from './reference';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface World {
  readonly events: KpiEvent[];
  readonly options: RefOptions;
}

const rawEvent = fc.record({
  user: fc.constantFrom('u0', 'u1', 'u2'),
  kind: fc.constantFrom('visit', 'visit', 'visit', 'ad', 'signup', 'signup', 'login'),
  tick: fc.integer({ min: 0, max: 40 }),
  source: fc.constantFrom<PropertyValue | undefined>('google', 'fb', 'direct', '', 7, null, undefined),
  campaign: fc.constantFrom<PropertyValue | undefined>('x', 'y', null, undefined),
  cents: fc.oneof(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 0, max: 1e12 }), fc.constant(-1)),
  plan: fc.constantFrom('free', 'pro'),
});

const modelArb: fc.Arbitrary<RefModel> = fc.oneof(
  fc.constantFrom<RefModel>({ model: 'first_touch' }, { model: 'last_touch' }, { model: 'linear' }),
  fc.integer({ min: 1, max: 10 }).map((units): RefModel => ({ model: 'time_decay', halfLife: units * HOUR })),
  fc
    .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 5 }))
    .map(([first, middle, last]): RefModel => ({ model: 'position_based', weights: { first, middle, last } })),
  fc.subarray(['direct', 'fb']).map((direct): RefModel => ({ model: 'last_non_direct', direct })),
);

/**
 * Small worlds where ties, repeats and window edges are common: up to
 * 30 events (3 users) on a coarse clock near a DST change or other zone quirk, touches of
 * every kind (null, empty and numeric channels, campaigns), conversions with
 * and without values, one of each model kind, and sometimes a range.
 */
const worldArb: fc.Arbitrary<World> = fc
  .record({
    anchor: fc.constantFrom(...ANCHORS),
    unit: fc.constantFrom(1, HOUR, DAY / 2),
    raw: fc.array(rawEvent, { minLength: 2, maxLength: 30, size: 'max' }),
    touches: fc.constantFrom<RefOptions['touches']>(
      { channel: 'utm_source' },
      { channel: 'utm_source', campaign: 'utm_campaign' },
      { names: ['ad', 'visit'] },
      { channel: 'utm_source', names: ['visit'] },
    ),
    conversion: fc.constantFrom<RefOptions['conversion']>({ name: 'signup' }, { name: 'signup', where: { plan: 'pro' } }),
    count: fc.constantFrom<'first' | 'every'>('first', 'every'),
    lookbackTicks: fc.option(fc.integer({ min: 0, max: 20 })),
    models: fc.array(modelArb, { minLength: 1, maxLength: 4 }),
    valued: fc.boolean(),
    range: fc.option(fc.record({ from: fc.integer({ min: -1, max: 3 }), span: fc.integer({ min: 0, max: 15 }) }), { freq: 2 }),
    timeZone: zoneArb,
  })
  .map(({ anchor, unit, raw, touches, conversion, count, lookbackTicks, models, valued, range, timeZone }) => {
    const seen = new Set<string>();
    const events: KpiEvent[] = [];
    for (const { user, kind, tick, source, campaign, cents, plan } of raw) {
      const timestamp = anchor + tick * unit;
      // The reference does not choose between exact duplicates: keep the first.
      const key = `${user}|${kind}|${timestamp}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const properties: Record<string, PropertyValue> = {};
      if (kind === 'signup') {
        properties.plan = plan;
        if (cents >= 0) properties.revenue = cents / 100;
      }
      if (source !== undefined && kind !== 'login') properties.utm_source = source;
      if (campaign !== undefined) properties.utm_campaign = campaign;
      events.push({ userId: user, name: kind, timestamp, properties });
    }
    const first = intlLocalDate(anchor, timeZone);
    const options: RefOptions = {
      conversion,
      count,
      touches,
      lookback: lookbackTicks === null ? 30 * DAY : lookbackTicks * unit,
      models,
      timeZone,
      ...(valued ? { valueProperty: 'revenue' } : {}),
      ...(range ? { from: addDays(first, range.from), to: addDays(first, range.from + range.span) } : {}),
    };
    return { events, options };
  });

function libraryOptions(options: RefOptions): AttributionOptions {
  return {
    conversion: options.conversion,
    count: options.count,
    touches: options.touches,
    lookback: options.lookback,
    models: options.models,
    timeZone: options.timeZone,
    ...(options.valueProperty ? { value: { property: options.valueProperty } } : {}),
    ...(options.from ? { from: options.from, to: options.to } : {}),
  };
}

const cents = (value: number | null): number => Math.round((value ?? 0) * 100);

describe('attribution properties', () => {
  it('agrees with the plain reference, up to the documented share rounding', () => {
    fc.assert(
      fc.property(worldArb, ({ events, options }) => {
        const result = attribution(events, libraryOptions(options));
        const expected = referenceAttribution(events, options);
        expect({ from: result.from, to: result.to, conversions: result.conversions, touched: result.touched }).toEqual({
          from: expected.from,
          to: expected.to,
          conversions: expected.conversions,
          touched: expected.touched,
        });
        expect(result.value === null ? null : cents(result.value)).toBe(expected.cents);
        result.models.forEach((model, m) => {
          const want = expected.models[m]!;
          expect(model.rows.map((row) => [row.channel, row.touches, row.units])).toEqual(
            want.map((row) => [row.channel, row.touches, row.units]),
          );
          model.rows.forEach((row, r) => {
            // Each conversion's share is within 2^-24 of exact, its value within a cent.
            expect(Math.abs(row.conversions - want[r]!.conversions)).toBeLessThanOrEqual(result.conversions * 2 ** -24 + 1e-12);
            if (row.value !== null) expect(Math.abs(row.value - want[r]!.value!)).toBeLessThanOrEqual(result.conversions * 0.01 + 1e-6);
          });
        });
      }),
      { numRuns: 400 },
    );
  });

  it('gives each model’s rows exactly the number of conversions, and exactly the total value to the cent', () => {
    fc.assert(
      fc.property(worldArb, ({ events, options }) => {
        const result = attribution(events, libraryOptions(options));
        for (const model of result.models) {
          const credits = model.rows.map((row) => row.conversions);
          expect(credits.reduce((a, b) => a + b, 0)).toBe(result.conversions);
          expect(credits.reduceRight((a, b) => a + b, 0)).toBe(result.conversions);
          for (const row of model.rows) {
            if (row.campaigns && row.channel !== null) expect(row.campaigns.reduce((a, c) => a + c.conversions, 0)).toBe(row.conversions);
            // A whole number of cents.
            expect(Math.abs((row.value ?? 0) * 100 - cents(row.value))).toBeLessThan(1e-3);
          }
          if (result.value !== null) {
            expect(model.rows.reduce((sum, row) => sum + cents(row.value), 0)).toBe(cents(result.value));
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('does not depend on input order, even with differing duplicates', () => {
    fc.assert(
      fc.property(worldArb, fc.integer(), fc.nat(5), ({ events, options }, seed, copies) => {
        // Copies at the same user, name and time with other properties: one is kept, the same whatever the order.
        const noisy = [
          ...events,
          ...events
            .slice(0, copies)
            .map((event, i) => ({ ...event, properties: { ...event.properties, utm_source: `dup${i}`, revenue: i } })),
        ];
        const run = (input: KpiEvent[]): AttributionResult => attribution(input, libraryOptions(options));
        expect(run(shuffled(noisy, seed))).toEqual(run(noisy));
      }),
      { numRuns: 300 },
    );
  });
});
