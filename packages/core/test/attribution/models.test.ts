import { describe, expect, it } from 'vitest';
import { attribution } from '../../src/attribution/attribution';
import type { AttributionModel } from '../../src/attribution/attribution.types';
import { creditByModel, creditOf, DAY, ev, rowsOf, valueOf, visit } from './helpers';

/**
 * The README's worked example. Ana visits from google 21 days before buying
 * (70.00), from facebook 14 days before and directly 7 days before; Ben comes
 * in directly the day before buying (30.00); Cy buys with no touch at all.
 */
const T = Date.UTC(2024, 2, 25, 12); // 2024-03-25 12:00 UTC, Ana's purchase
const worked = [
  visit('ana', T - 21 * DAY, 'google'),
  visit('ana', T - 14 * DAY, 'facebook'),
  visit('ana', T - 7 * DAY, 'direct'),
  ev('ana', 'purchase', T, { revenue: 70 }),
  visit('ben', T - 6 * DAY, 'direct'),
  ev('ben', 'purchase', T - 5 * DAY, { revenue: 30 }),
  ev('cy', 'purchase', T - 20 * DAY),
];
const ALL: AttributionModel[] = ['first_touch', 'last_touch', 'linear', 'time_decay', 'position_based', 'last_non_direct'];
const run = (models: AttributionModel[] = ALL) =>
  attribution(worked, {
    conversion: 'purchase',
    touches: { channel: 'utm_source' },
    value: { property: 'revenue' },
    models,
    from: '2024-03-01',
    to: '2024-03-31',
    costs: [{ channel: 'google', period: '2024-03', amount: 56 }],
  });

describe('attribution models on the worked example', () => {
  const result = run();

  it('counts the conversions, the touched ones and the total value', () => {
    expect(result).toMatchObject({ from: '2024-03-01', to: '2024-03-31', count: 'first', lookback: 30 * DAY, conversions: 3, touched: 2 });
    expect(result.value).toBe(100);
    expect(result.withoutValue).toBe(1); // Cy's purchase has no revenue
  });

  it('lists the same channels in every model, by name, then the none row', () => {
    for (const model of result.models) expect(model.rows.map((row) => row.channel)).toEqual(['direct', 'facebook', 'google', null]);
    expect(result.models.map((model) => model.model)).toEqual(ALL);
  });

  it('first and last touch give everything to one end', () => {
    const credit = creditByModel(result);
    expect(credit.first_touch).toEqual({ direct: 1, facebook: 0, google: 1, none: 1 });
    expect(credit.last_touch).toEqual({ direct: 2, facebook: 0, google: 0, none: 1 });
    expect(valueOf(result.models[0]!.rows)).toEqual({ direct: 30, facebook: 0, google: 70, none: 0 });
    expect(valueOf(result.models[1]!.rows)).toEqual({ direct: 100, facebook: 0, google: 0, none: 0 });
  });

  it('linear gives each of Ana’s touches a third, and 70.00 as 23.33 + 23.33 + 23.34', () => {
    const credit = creditByModel(result).linear!;
    expect(credit.google).toBeCloseTo(1 / 3, 6);
    expect(credit.facebook).toBeCloseTo(1 / 3, 6);
    expect(credit.direct).toBeCloseTo(1 + 1 / 3, 6);
    expect(credit.none).toBe(1);
    // The leftover cent goes to the touch nearest the conversion.
    expect(valueOf(result.models[2]!.rows)).toEqual({ direct: 53.34, facebook: 23.33, google: 23.33, none: 0 });
  });

  it('time decay (half-life 7 days) weighs 21, 14 and 7 days back as 1/8 : 1/4 : 1/2 = 1/7 : 2/7 : 4/7', () => {
    const credit = creditByModel(result).time_decay!;
    expect(credit.google).toBeCloseTo(1 / 7, 6);
    expect(credit.facebook).toBeCloseTo(2 / 7, 6);
    expect(credit.direct).toBeCloseTo(1 + 4 / 7, 6);
    expect(valueOf(result.models[3]!.rows)).toEqual({ direct: 70, facebook: 20, google: 10, none: 0 });
    expect(result.models[3]).toMatchObject({ model: 'time_decay', halfLife: 7 * DAY });
  });

  it('position based gives 40 % to the first, 20 % to the middle and 40 % to the last touch', () => {
    const credit = creditByModel(result).position_based!;
    expect(credit.google).toBeCloseTo(0.4, 6);
    expect(credit.facebook).toBeCloseTo(0.2, 6);
    expect(credit.direct).toBeCloseTo(1.4, 6);
    expect(valueOf(result.models[4]!.rows)).toEqual({ direct: 58, facebook: 14, google: 28, none: 0 });
    expect(result.models[4]).toMatchObject({ weights: { first: 0.4, middle: 0.2, last: 0.4 } });
  });

  it('last non-direct skips Ana’s direct visit, and keeps Ben’s, his only touch', () => {
    expect(creditByModel(result).last_non_direct).toEqual({ direct: 1, facebook: 1, google: 0, none: 1 });
    expect(result.models[5]).toMatchObject({ direct: ['direct', '(direct)', '$direct'] });
  });

  it('reports touches and units the same in every model, and cost figures from the credited conversions', () => {
    const google = (m: number) => result.models[m]!.rows.find((row) => row.channel === 'google')!;
    for (let m = 0; m < ALL.length; m++) expect(google(m)).toMatchObject({ touches: 1, units: 1, cost: 56 });
    expect(google(0)).toMatchObject({ conversions: 1, value: 70, costPerConversion: 56, returnOnSpend: 1.25 });
    expect(google(1)).toMatchObject({ conversions: 0, value: 0, costPerConversion: null, returnOnSpend: 0 });
    expect(google(4).costPerConversion).toBeCloseTo(140, 4);
    expect(google(4).returnOnSpend).toBe(0.5);
    const direct = result.models[0]!.rows[0]!;
    expect(direct).toMatchObject({ touches: 2, units: 2, cost: null, costPerConversion: null, returnOnSpend: null });
    expect(result.models[0]!.rows[3]).toEqual({
      channel: null,
      conversions: 1,
      value: 0,
      touches: 0,
      units: 1,
      cost: null,
      costPerConversion: null,
      returnOnSpend: null,
    });
  });

  it('runs last touch alone by default', () => {
    const alone = attribution(worked, { conversion: 'purchase', touches: { channel: 'utm_source' } });
    expect(alone.models.map((model) => model.model)).toEqual(['last_touch']);
    expect(creditOf(alone.models[0]!.rows)).toEqual({ direct: 2, facebook: 0, google: 0, none: 1 });
    expect(alone.value).toBeNull();
    expect(alone.withoutValue).toBeNull();
    expect(alone.models[0]!.rows[0]!.value).toBeNull();
  });
});

describe('model parameters', () => {
  const touches = { channel: 'utm_source' } as const;
  const journey = (...sources: string[]) => [
    ...sources.map((source, i) => visit('u', T - (sources.length - i) * DAY, source)),
    ev('u', 'purchase', T),
  ];

  it('time decay follows its half-life: one day apart with a 1-day half-life is 1 : 2', () => {
    const rows = rowsOf(journey('a', 'b'), { conversion: 'purchase', touches, models: [{ model: 'time_decay', halfLife: DAY }] });
    expect(creditOf(rows).a).toBeCloseTo(1 / 3, 6);
    expect(creditOf(rows).b).toBeCloseTo(2 / 3, 6);
  });

  it('time decay with a tiny half-life still gives the nearest touch everything, never NaN', () => {
    const rows = rowsOf(journey('a', 'b'), { conversion: 'purchase', touches, models: [{ model: 'time_decay', halfLife: 1 }] });
    expect(creditOf(rows)).toEqual({ a: 0, b: 1, none: 0 });
  });

  it('position based: one touch takes all, two split first : last', () => {
    const options = { conversion: 'purchase', touches, models: ['position_based' as const] };
    expect(creditOf(rowsOf(journey('a'), options))).toEqual({ a: 1, none: 0 });
    expect(creditOf(rowsOf(journey('a', 'b'), options))).toEqual({ a: 0.5, b: 0.5, none: 0 });
    const uneven = rowsOf(journey('a', 'b'), {
      ...options,
      models: [{ model: 'position_based', weights: { first: 30, middle: 40, last: 10 } }],
    });
    expect(creditOf(uneven)).toEqual({ a: 0.75, b: 0.25, none: 0 });
  });

  it('position based with four touches splits the middle share between the two middle ones', () => {
    const rows = rowsOf(journey('a', 'b', 'c', 'd'), {
      conversion: 'purchase',
      touches,
      models: [{ model: 'position_based', weights: { first: 30, middle: 40, last: 30 } }],
    });
    const credit = creditOf(rows);
    expect(credit.a).toBeCloseTo(0.3, 6);
    expect(credit.b).toBeCloseTo(0.2, 6);
    expect(credit.c).toBeCloseTo(0.2, 6);
    expect(credit.d).toBeCloseTo(0.3, 6);
  });

  it('reports position weights normalised, and takes huge or tiny ones', () => {
    const run = (weights: { first: number; middle: number; last: number }) =>
      attribution(journey('a', 'b', 'c'), { conversion: 'purchase', touches, models: [{ model: 'position_based', weights }] }).models[0]!;
    expect(run({ first: 40, middle: 20, last: 40 })).toMatchObject({ weights: { first: 0.4, middle: 0.2, last: 0.4 } });
    for (const scale of [Number.MAX_VALUE, Number.MIN_VALUE]) {
      const model = run({ first: scale, middle: scale, last: scale });
      expect(model).toMatchObject({ weights: { first: 1 / 3, middle: 1 / 3, last: 1 / 3 } });
      expect(model.rows.map((row) => row.conversions).reduce((a, b) => a + b, 0)).toBe(1);
      expect(creditOf(model.rows).a).toBeCloseTo(1 / 3, 6);
    }
  });

  it('position based counts repeated channels at each position', () => {
    const rows = rowsOf(journey('a', 'a', 'b'), { conversion: 'purchase', touches, models: ['position_based'] });
    expect(creditOf(rows).a).toBeCloseTo(0.6, 6);
    expect(creditOf(rows).b).toBeCloseTo(0.4, 6);
  });

  it('linear credits every touch, so a channel touched twice gets two shares', () => {
    const rows = rowsOf(journey('a', 'b', 'a'), { conversion: 'purchase', touches, models: ['linear'] });
    expect(creditOf(rows).a).toBeCloseTo(2 / 3, 6);
    expect(creditOf(rows).b).toBeCloseTo(1 / 3, 6);
  });

  it('last non-direct treats the empty channel as direct, and takes a custom direct list', () => {
    const options = { conversion: 'purchase', touches, models: ['last_non_direct' as const] };
    expect(creditOf(rowsOf(journey('seo', ''), options))).toEqual({ '': 0, seo: 1, none: 0 });
    expect(creditOf(rowsOf(journey('seo', 'Direct'), options))).toEqual({ Direct: 1, seo: 0, none: 0 });
    const custom = rowsOf(journey('seo', 'Direct'), { ...options, models: [{ model: 'last_non_direct', direct: ['Direct'] }] });
    expect(creditOf(custom)).toEqual({ Direct: 0, seo: 1, none: 0 });
  });

  it('last non-direct falls back to the last direct touch when all are direct', () => {
    const rows = rowsOf(journey('direct', ''), { conversion: 'purchase', touches, models: ['last_non_direct'] });
    expect(creditOf(rows)).toEqual({ '': 1, direct: 0, none: 0 });
  });

  it('runs one model twice with different parameters, side by side', () => {
    const result = attribution(journey('a', 'b'), {
      conversion: 'purchase',
      touches,
      models: [
        { model: 'time_decay', halfLife: DAY },
        { model: 'time_decay', halfLife: 2 * DAY },
      ],
    });
    expect(result.models.map((model) => model.model === 'time_decay' && model.halfLife)).toEqual([DAY, 2 * DAY]);
    expect(creditOf(result.models[0]!.rows).b).toBeCloseTo(2 / 3, 6);
    expect(creditOf(result.models[1]!.rows).b).toBeCloseTo(Math.SQRT2 / (1 + Math.SQRT2), 6);
  });
});
