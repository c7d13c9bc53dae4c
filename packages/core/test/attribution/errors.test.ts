import { describe, expect, it } from 'vitest';
import { attribution } from '../../src/attribution/attribution';
import type { AttributionOptions } from '../../src/attribution/attribution.types';
import { issuePathsOf, validationErrorOf } from '../support/reference';
import { ev } from './helpers';

const events = [ev('u', 'visit', 0, { utm_source: 'a' }), ev('u', 'signup', 1)];
const base = { conversion: 'signup', touches: { channel: 'utm_source' } } satisfies AttributionOptions;
/** Options as a caller from plain JavaScript might pass them. */
const loose = (options: Record<string, unknown>) => () => attribution(events, { ...base, ...options });

describe('attribution options', () => {
  it('rejects a bad cost by entry and field', () => {
    const costs = [
      { channel: 'a', period: '2024-03', amount: -1 },
      { channel: 'a', period: '2024-3', amount: 1 },
      { channel: 'a', period: '2024-13', amount: 1 },
      { channel: 'a', period: { from: '2024-03-05', to: '2024-03-01' }, amount: 1 },
      { channel: 'a', period: { from: '2024-03-05' }, amount: 1 },
      { channel: 'a', period: '2024-03', amount: Number.NaN },
      { period: '2024-03', amount: 1 },
      { channel: 'a', period: '2024-03', amount: 1, cost: 2 },
    ];
    expect(issuePathsOf(loose({ costs }))).toEqual([
      'options.costs[0].amount',
      'options.costs[1].period',
      'options.costs[2].period',
      'options.costs[3].period',
      'options.costs[4].period',
      'options.costs[5].amount',
      'options.costs[6].channel',
      'options.costs[7].cost',
    ]);
    const error = validationErrorOf(loose({ costs: costs.slice(1, 2) }));
    expect(error.message).toContain(
      'options.costs[0].period: expected a month YYYY-MM, a day YYYY-MM-DD, or { from, to } local dates YYYY-MM-DD',
    );
    expect(validationErrorOf(loose({ costs: costs.slice(3, 4) })).issues[0]!.expected).toBe(
      '{ from, to } with to on or after from (2024-03-05)',
    );
    expect(validationErrorOf(loose({ costs: costs.slice(0, 1) })).issues[0]).toMatchObject({ expected: '≥ 0', received: '-1' });
  });

  it('rejects unknown models and bad model parameters under their own names', () => {
    expect(issuePathsOf(loose({ models: ['linear', 'magic'] }))).toEqual(['options.models[1]']);
    expect(issuePathsOf(loose({ models: [{ model: 'time_decay', halfLife: 0 }] }))).toEqual(['options.models[0].halfLife']);
    expect(issuePathsOf(loose({ models: [{ model: 'position_based', weights: { first: -1, middle: 0, last: 2 } }] }))).toEqual([
      'options.models[0].weights.first',
    ]);
    expect(issuePathsOf(loose({ models: [{ model: 'position_based', weights: { first: 0, middle: 1, last: 0 } }] }))).toEqual([
      'options.models[0].weights',
    ]);
    expect(issuePathsOf(loose({ models: [{ model: 'linear', halfLife: 1 }] }))).toEqual(['options.models[0].halfLife']);
    expect(issuePathsOf(loose({ models: [] }))).toEqual(['options.models']);
  });

  it('rejects touches without a channel or names, and empty names', () => {
    expect(issuePathsOf(loose({ touches: {} }))).toEqual(['options.touches']);
    expect(issuePathsOf(loose({ touches: { names: [] } }))).toEqual(['options.touches.names']);
    expect(issuePathsOf(loose({ touches: { channel: '' } }))).toEqual(['options.touches.channel']);
    expect(issuePathsOf(loose({ touches: undefined }))).toEqual(['options.touches']);
  });

  it('rejects a value that mixes the property and subscription forms', () => {
    expect(issuePathsOf(loose({ value: { property: 'revenue', subscriptions: [] } }))).toEqual(['options.value']);
    expect(issuePathsOf(loose({ value: {} }))).toEqual(['options.value']);
    expect(issuePathsOf(loose({ value: { property: 'revenue', withinDays: 1 } }))).toEqual(['options.value.withinDays']);
    expect(issuePathsOf(loose({ value: { subscriptions: [], decimals: 2 } }))).toEqual(['options.value.decimals']);
    expect(issuePathsOf(loose({ value: { property: 'revenue', decimals: 2.5 } }))).toEqual(['options.value.decimals']);
    expect(issuePathsOf(loose({ value: { subscriptions: [], customerIdFrom: 'user' } }))).toEqual(['options.value.customerIdFrom']);
    expect(issuePathsOf(loose({ value: { subscriptions: 'none' } }))).toEqual(['options.value.subscriptions']);
  });

  it('rejects the other options by name', () => {
    expect(issuePathsOf(loose({ lookback: -1 }))).toEqual(['options.lookback']);
    expect(issuePathsOf(loose({ lookback: Number.POSITIVE_INFINITY }))).toEqual(['options.lookback']);
    expect(issuePathsOf(loose({ count: 'all' }))).toEqual(['options.count']);
    expect(issuePathsOf(loose({ lookBack: 1 }))).toEqual(['options.lookBack']);
    expect(issuePathsOf(loose({ conversion: undefined }))).toEqual(['options.conversion']);
    expect(issuePathsOf(loose({ conversion: { name: '' } }))).toEqual(['options.conversion.name']);
    expect(issuePathsOf(loose({ timeZone: 'Mars/Olympus' }))).toEqual(['options.timeZone']);
    expect(issuePathsOf(loose({ from: '2024-03-05', to: '2024-03-01' }))).toEqual(['options.to']);
  });

  it('rejects bad events as every metric does', () => {
    expect(issuePathsOf(() => attribution([ev('', 'signup', 0)], base))).toEqual(['events[0].userId']);
  });
});
