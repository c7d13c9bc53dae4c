import type { Subscription } from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { revenueKpis } from '../src/dashboard/revenue';
import type { DashboardRange } from '../src/dashboard/types';

// Amounts in cents; c3 pays yearly (120,000 a year = 10,000 a month).
const subscriptions: Subscription[] = [
  { customerId: 'c1', amount: 10_000, interval: 'month', start: '2024-01-01' },
  { customerId: 'c2', amount: 5_000, interval: 'month', start: '2024-01-01', end: '2024-03-01' },
  { customerId: 'c3', amount: 120_000, interval: 'year', start: '2024-02-10' },
  { customerId: 'c4', amount: 3_000, interval: 'month', start: '2024-03-05' },
];
const march: DashboardRange = {
  from: '2024-03-01',
  to: '2024-03-31',
  timeZone: 'UTC',
  days: 31,
  previous: { from: '2024-01-30', to: '2024-02-29' },
  first: '2024-01-01',
  last: '2024-03-31',
};

describe('revenueKpis', () => {
  it('computes the revenue cards of a range and of the range before, by hand', () => {
    const kpis = revenueKpis(subscriptions, march, 'EUR', 60_000);
    // March 31: c1 + c3 + c4 = 10,000 + 10,000 + 3,000 from 3 customers. Feb 29: c1 + c2 + c3 = 25,000 from 3.
    expect(kpis.mrr).toEqual({ current: 23_000, previous: 25_000 });
    expect(kpis.arpu.current).toBeCloseTo(23_000 / 3, 9);
    expect(kpis.arpu.previous).toBeCloseTo(25_000 / 3, 9);
    // March: 3 customers at its start (c1, c2, c3), c2 lost, c4 new. January and February: 0 then 2 at the start, none lost.
    expect(kpis.churn).toEqual({ current: 1 / 3, previous: 0 });
    // CLV = ARPU ÷ monthly churn; none without churn (an unbounded lifetime).
    expect(kpis.clv.current).toBeCloseTo(23_000, 6);
    expect(kpis.clv.previous).toBeNull();
    // CAC = spend over the months touched ÷ new customers: 60,000 ÷ 1 in March; 2 × 60,000 ÷ 3 (c1, c2, c3) before.
    expect(kpis.cac).toEqual({ current: 60_000, previous: 40_000 });
    expect(kpis.newCustomers).toBe(1);
    expect(kpis.spend).toBe(60_000);
    expect(kpis.ltvToCac).toBeCloseTo(23_000 / 60_000, 9);
    expect(kpis.series.map((row) => [row.period, row.mrr])).toEqual([['2024-03-01', 23_000]]);
  });

  it('has no previous figures without a previous range, and nulls rather than NaN without customers', () => {
    const kpis = revenueKpis([], { ...march, previous: null }, 'EUR', 60_000);
    expect(kpis.mrr).toEqual({ current: 0, previous: null });
    expect(kpis.arpu).toEqual({ current: null, previous: null });
    expect(kpis.churn.current).toBeNull();
    expect(kpis.clv.current).toBeNull();
    expect(kpis.cac.current).toBeNull();
    expect(kpis.ltvToCac).toBeNull();
  });
});
