import { describe, expect, it } from 'vitest';
import { attribution } from '../../src/attribution/attribution';
import type { AttributionOptions, AttributionRow } from '../../src/attribution/attribution.types';
import type { Subscription } from '../../src/index';
import { issuePathsOf, validationErrorOf } from '../support/reference';
import { DAY, ev, HOUR, rowsOf, valueOf, visit } from './helpers';

const T = Date.UTC(2024, 2, 20, 9); // 2024-03-20 09:00 UTC
const base = { conversion: 'purchase', touches: { channel: 'utm_source' }, models: ['linear'] } satisfies AttributionOptions;
const byChannel = (rows: readonly AttributionRow[], channel: string | null) => rows.find((row) => row.channel === channel)!;

describe('conversion values from a property', () => {
  it('splits to the cent by default, the leftover cents to the touches nearest the conversion', () => {
    const events = [
      visit('u', T - 3 * HOUR, 'a'),
      visit('u', T - 2 * HOUR, 'b'),
      visit('u', T - HOUR, 'c'),
      ev('u', 'purchase', T, { revenue: 0.02 }),
    ];
    expect(valueOf(rowsOf(events, { ...base, value: { property: 'revenue' } }))).toEqual({ a: 0, b: 0.01, c: 0.01, none: 0 });
  });

  it('accepts decimals as written (19.99 is not 1998.9999… cents) and rejects a digit more', () => {
    const events = [visit('u', T - HOUR, 'a'), ev('u', 'purchase', T, { revenue: 19.99 })];
    expect(valueOf(rowsOf(events, { ...base, value: { property: 'revenue' } }))).toEqual({ a: 19.99, none: 0 });
    const finer = [visit('u', T - HOUR, 'a'), ev('u', 'purchase', T, { revenue: 19.995 })];
    const error = validationErrorOf(() => attribution(finer, { ...base, value: { property: 'revenue' } }));
    expect(error.issues[0]).toMatchObject({ path: 'events[unit "u" at 2024-03-20T09:00:00.000Z].properties.revenue', received: '19.995' });
    expect(valueOf(rowsOf(finer, { ...base, value: { property: 'revenue', decimals: 3 } }))).toEqual({ a: 19.995, none: 0 });
  });

  it('takes values in minor units with decimals 0', () => {
    const events = [visit('u', T - 2 * HOUR, 'a'), visit('u', T - HOUR, 'b'), ev('u', 'purchase', T, { revenue: 1999 })];
    expect(valueOf(rowsOf(events, { ...base, value: { property: 'revenue', decimals: 0 } }))).toEqual({ a: 999, b: 1000, none: 0 });
  });

  it('counts conversions without the property (or with null) as without value', () => {
    const events = [ev('u', 'purchase', T), ev('v', 'purchase', T, { revenue: null }), ev('w', 'purchase', T, { revenue: 5 })];
    const result = attribution(events, { ...base, value: { property: 'revenue' } });
    expect(result).toMatchObject({ conversions: 3, value: 5, withoutValue: 2 });
  });

  it('rejects a value that is not a number ≥ 0, naming the conversion', () => {
    const events = [ev('u', 'purchase', T, { revenue: '12' }), ev('v', 'purchase', T + 1, { revenue: -1 })];
    expect(issuePathsOf(() => attribution(events, { ...base, value: { property: 'revenue' } }))).toEqual([
      'events[unit "u" at 2024-03-20T09:00:00.000Z].properties.revenue',
      'events[unit "v" at 2024-03-20T09:00:00.001Z].properties.revenue',
    ]);
  });
});

describe('conversion values from subscriptions', () => {
  const events = [
    visit('ana', T - DAY, 'google'),
    ev('ana', 'purchase', T),
    visit('ben', T - DAY, 'bing'),
    ev('ben', 'purchase', T),
    ev('cy', 'purchase', T),
  ];
  const subscriptions: Subscription[] = [
    { customerId: 'ana', amount: 4900, interval: 'month', start: '2024-03-20' },
    // Yearly: 120,000 a year is 10,000 a month. It starts two days after Ben's purchase.
    { customerId: 'ben', amount: 120_000, interval: 'year', start: '2024-03-22T10:00:00Z' },
    // Never active: ends the day it starts.
    { customerId: 'cy', amount: 999, interval: 'month', start: '2024-03-20', end: '2024-03-20' },
  ];

  it('takes the monthly value of the subscriptions the customer starts on the conversion day, in minor units', () => {
    const result = attribution(events, { ...base, value: { subscriptions } });
    expect(result).toMatchObject({ value: 4900, withoutValue: 2 });
    expect(valueOf(result.models[0]!.rows)).toEqual({ bing: 0, google: 4900, none: 0 });
  });

  it('takes subscriptions starting up to withinDays later', () => {
    const result = attribution(events, { ...base, value: { subscriptions, withinDays: 2 } });
    expect(result).toMatchObject({ value: 14_900, withoutValue: 1 });
    expect(valueOf(result.models[0]!.rows)).toEqual({ bing: 10_000, google: 4900, none: 0 });
    expect(attribution(events, { ...base, value: { subscriptions, withinDays: 1 } }).value).toBe(4900);
  });

  it('reads the customer from a property, and gives each subscription to the latest conversion on or before it', () => {
    const team = [
      visit('u1', T - 2 * DAY, 'google'),
      ev('u1', 'purchase', T - DAY, { account: 'acme' }),
      visit('u2', T - DAY, 'bing'),
      ev('u2', 'purchase', T, { account: 'acme' }),
    ];
    const acme: Subscription[] = [
      { customerId: 'acme', amount: 1000, interval: 'month', start: '2024-03-19' },
      { customerId: 'acme', amount: 500, interval: 'month', start: '2024-03-21' },
    ];
    const result = attribution(team, { ...base, value: { subscriptions: acme, customerIdFrom: { property: 'account' }, withinDays: 3 } });
    expect(valueOf(result.models[0]!.rows)).toEqual({ bing: 500, google: 1000, none: 0 });
    expect(result.value).toBe(1500);
  });

  it('counts a subscription once when the same customer converts twice', () => {
    const twice = [ev('ana', 'purchase', T - HOUR), ev('ana', 'purchase', T)];
    const result = attribution(twice, { ...base, count: 'every', value: { subscriptions } });
    expect(result).toMatchObject({ conversions: 2, value: 4900, withoutValue: 1 });
  });

  it('reports bad subscriptions by row and field', () => {
    const bad = [{ customerId: 'ana', amount: -5, interval: 'month', start: '2024-03-20' }] as unknown as Subscription[];
    expect(issuePathsOf(() => attribution(events, { ...base, value: { subscriptions: bad } }))).toEqual(['subscriptions[0].amount']);
  });
});

describe('costs', () => {
  const events = [
    visit('u', T - HOUR, 'google'),
    ev('u', 'purchase', T, { revenue: 80 }),
    visit('v', T - HOUR, 'bing'),
    ev('v', 'purchase', T, { revenue: 20 }),
  ];
  const options = { ...base, value: { property: 'revenue' }, from: '2024-03-16', to: '2024-03-31' } satisfies AttributionOptions;

  it('spreads a period’s amount over its days and counts the days in the range', () => {
    const rows = rowsOf(events, {
      ...options,
      costs: [
        { channel: 'google', period: '2024-03', amount: 310 }, // 16 of 31 days: 160
        { channel: 'bing', period: '2024-03-20', amount: 10 },
        { channel: 'bing', period: { from: '2024-03-01', to: '2024-04-30' }, amount: 61 }, // 16 of 61 days: 16
      ],
    });
    expect(byChannel(rows, 'google')).toMatchObject({ cost: 160, costPerConversion: 160, returnOnSpend: 0.5 });
    expect(byChannel(rows, 'bing')).toMatchObject({ cost: 26, costPerConversion: 26, returnOnSpend: 20 / 26 });
  });

  it('lists a channel with spend but no touch, and leaves out spend wholly outside the range', () => {
    const rows = rowsOf(events, {
      ...options,
      costs: [
        { channel: 'tiktok', period: '2024-03-31', amount: 40 },
        { channel: 'radio', period: '2024-02', amount: 1000 },
      ],
    });
    expect(rows.map((row) => row.channel)).toEqual(['bing', 'google', 'tiktok', null]);
    expect(byChannel(rows, 'tiktok')).toEqual({
      channel: 'tiktok',
      conversions: 0,
      value: 0,
      touches: 0,
      units: 0,
      cost: 40,
      costPerConversion: null,
      returnOnSpend: 0,
    });
  });

  it('gives null return on spend for a cost of 0, and no cost figures without a value', () => {
    const free = rowsOf(events, { ...options, costs: [{ channel: 'google', period: '2024-03', amount: 0 }] });
    expect(byChannel(free, 'google')).toMatchObject({ cost: 0, costPerConversion: 0, returnOnSpend: null });
    const noValue = rowsOf(events, {
      ...base,
      from: '2024-03-01',
      to: '2024-03-31',
      costs: [{ channel: 'google', period: '2024-03', amount: 50 }],
    });
    expect(byChannel(noValue, 'google')).toMatchObject({ value: null, cost: 50, costPerConversion: 50, returnOnSpend: null });
  });

  it('costs campaigns on their own, and channels with all their entries', () => {
    const campaigned = [visit('u', T - HOUR, 'google', 'brand'), ev('u', 'purchase', T, { revenue: 80 })];
    const [google] = rowsOf(campaigned, {
      ...options,
      touches: { channel: 'utm_source', campaign: 'utm_campaign' },
      costs: [
        { channel: 'google', campaign: 'brand', period: '2024-03', amount: 31 },
        { channel: 'google', campaign: 'generic', period: '2024-03', amount: 62 },
        { channel: 'google', period: '2024-03', amount: 31 },
      ],
    });
    expect(google!.cost).toBe(64);
    expect(google!.campaigns!.map((row) => [row.campaign, row.conversions, row.cost])).toEqual([
      ['brand', 1, 16],
      ['generic', 0, 32],
    ]);
  });
});
