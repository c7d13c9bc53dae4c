import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KpiValidationError } from '../../src/index';
import { mrr } from '../../src/revenue/mrr';
import type { Subscription } from '../../src/revenue/revenue.types';
import { subscriptionSchema } from '../../src/revenue/subscription.schema';
import { MAX_SUBSCRIPTION_AMOUNT, toSubscriptionTable } from '../../src/revenue/subscriptionTable';

const valid: Subscription = { customerId: 'acme', amount: 1000, interval: 'month', start: '2024-01-01', end: '2024-02-01' };

/** The issues `mrr` reports for these rows (after three good ones, so the index shows). */
function issuesOf(row: unknown) {
  try {
    mrr([valid, valid, valid, row as Subscription]);
  } catch (error) {
    expect(error).toBeInstanceOf(KpiValidationError);
    return (error as KpiValidationError).issues.map(({ index, path }) => ({ index, path }));
  }
  return [];
}

describe('subscription validation', () => {
  it.each([
    ['an end before the start', { ...valid, end: '2023-12-31' }, 'end'],
    ['an end before the start (timestamps)', { ...valid, start: '2024-01-01T10:00:00Z', end: '2024-01-01T09:59:59.999Z' }, 'end'],
    ['an end written unlike the start', { ...valid, end: '2024-02-01T00:00:00Z' }, 'end'],
    ['a start date that does not exist', { ...valid, start: '2023-02-29' }, 'start'],
    ['a start without an offset', { ...valid, start: '2024-01-01T10:00:00' }, 'start'],
    ['a missing start', { ...valid, start: undefined }, 'start'],
    ['a negative amount', { ...valid, amount: -1 }, 'amount'],
    ['an infinite amount', { ...valid, amount: Number.POSITIVE_INFINITY }, 'amount'],
    ['a NaN amount', { ...valid, amount: Number.NaN }, 'amount'],
    ['an amount in major units (not whole minor units)', { ...valid, amount: 9.99 }, 'amount'],
    ['an amount too large to sum exactly', { ...valid, amount: MAX_SUBSCRIPTION_AMOUNT + 1 }, 'amount'],
    ['an amount given as text', { ...valid, amount: '1000' }, 'amount'],
    ['an unknown interval', { ...valid, interval: 'week' }, 'interval'],
    ['a missing customerId', { ...valid, customerId: undefined }, 'customerId'],
    ['an empty customerId', { ...valid, customerId: '' }, 'customerId'],
  ])('rejects %s, naming subscriptions[3].field', (_what, row, field) => {
    expect(issuesOf(row)).toEqual([{ index: 3, path: `subscriptions[3].${field}` }]);
    expect(subscriptionSchema.safeParse(row).success).toBe(false);
  });

  it('reports every problem of a row, and says what was expected', () => {
    expect(issuesOf({ amount: -5, interval: 'weekly', start: 'soon' }).map((issue) => issue.path)).toEqual([
      'subscriptions[3].customerId',
      'subscriptions[3].amount',
      'subscriptions[3].interval',
      'subscriptions[3].start',
    ]);
    expect(() => mrr([{ ...valid, amount: 9.99 }])).toThrow(/subscriptions\[0\]\.amount: expected an integer number of minor units/);
    expect(issuesOf(null)).toEqual([{ index: 3, path: 'subscriptions[3]' }]);
    expect(() => mrr('rows' as never)).toThrow(/subscriptions: expected an array/);
  });

  it('accepts an end equal to the start (never active), a null end (still running) and extra fields', () => {
    const rows = [
      { ...valid, customerId: 'zero', end: '2024-01-01' },
      { ...valid, customerId: 'instant', start: '2024-01-01T10:00:00Z', end: '2024-01-01T10:00:00Z' },
      { ...valid, customerId: 'running', end: null, plan: 'pro' } as Subscription,
      { ...valid, customerId: 'dated', start: new Date('2024-01-01T00:00:00Z'), end: Date.UTC(2024, 5, 1) },
    ];
    for (const row of rows) expect(subscriptionSchema.safeParse(row).success).toBe(true);
    const largest = { ...valid, amount: MAX_SUBSCRIPTION_AMOUNT, interval: 'year' as const };
    expect(subscriptionSchema.safeParse(largest).success).toBe(true);
    expect(toSubscriptionTable([largest], 'UTC').twelfths[0]).toBe(MAX_SUBSCRIPTION_AMOUNT);
    expect(mrr(rows, { from: '2024-01-01', to: '2024-01-01', granularity: 'day' }).rows[0]).toMatchObject({ mrr: 2000, customers: 2 });
  });
});

describe('subscriptionSchema', () => {
  // Each field from a pool of accepted and rejected values, so most rows have a problem or two.
  const rowArb = fc.record(
    {
      customerId: fc.constantFrom<unknown>('acme', '', 42, null),
      amount: fc.constantFrom<unknown>(
        0,
        1,
        1000,
        -1,
        9.99,
        Number.NaN,
        Number.POSITIVE_INFINITY,
        MAX_SUBSCRIPTION_AMOUNT,
        MAX_SUBSCRIPTION_AMOUNT + 1,
        '5',
      ),
      interval: fc.constantFrom<unknown>('month', 'year', 'week', 'Month', undefined),
      start: fc.constantFrom<unknown>(
        '2024-01-01',
        '2024-02-29',
        '2023-02-29',
        '2024-1-01',
        '2024-01-01T10:00:00Z',
        '2024-01-01T10:00:00+02:00',
        '2024-01-01T10:00:00',
        Date.UTC(2024, 0, 1),
        new Date('2024-01-01T00:00:00Z'),
        new Date(Number.NaN),
        9e15,
        null,
      ),
      end: fc.constantFrom<unknown>(
        undefined,
        null,
        '2023-12-31',
        '2024-01-01',
        '2024-03-01',
        '2024-01-01T08:00:00Z',
        '2024-01-01T10:00:00+02:00',
        Date.UTC(2024, 0, 1),
        Date.UTC(2023, 0, 1),
        'never',
      ),
    },
    { requiredKeys: ['amount'] },
  );

  it('accepts exactly the rows the functions accept', () => {
    fc.assert(
      fc.property(rowArb, (row) => {
        let accepted = true;
        try {
          toSubscriptionTable([row], 'UTC');
        } catch (error) {
          if (!(error instanceof KpiValidationError)) throw error;
          accepted = false;
        }
        expect(subscriptionSchema.safeParse(row).success).toBe(accepted);
      }),
      { numRuns: 2000 },
    );
  });
});
