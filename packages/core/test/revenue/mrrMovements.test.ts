import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerChurnRate } from '../../src/revenue/customerChurnRate';
import { mrr } from '../../src/revenue/mrr';
import { mrrMovements } from '../../src/revenue/mrrMovements';
import { retentionRate } from '../../src/revenue/retentionRate';
import type { Subscription } from '../../src/revenue/revenue.types';
import { dayOf, in12, movements12, rangeArb, subscriptionsArb, totalOn } from './reference';

const monthly = (customerId: string, amount: number, start: string, end?: string): Subscription =>
  end === undefined ? { customerId, amount, interval: 'month', start } : { customerId, amount, interval: 'month', start, end };

describe('mrrMovements', () => {
  // One month with every kind of movement, computed by hand.
  const subscriptions: Subscription[] = [
    monthly('a', 1000, '2024-01-05'), // Jan: new 1,000
    monthly('b', 2000, '2024-01-10', '2024-02-15'), // Jan: new 2,000; Feb: churned −2,000
    monthly('c', 500, '2024-01-01', '2024-02-10'), // Jan: new 500
    monthly('c', 800, '2024-02-10'), //   upgraded the day the old plan ends: Feb expansion +300
    monthly('d', 1500, '2024-01-01', '2024-02-20'), // Jan: new 1,500
    monthly('d', 1000, '2024-02-20'), //   downgraded: Feb contraction −500
    monthly('e', 700, '2023-11-01', '2023-12-01'), // paid before the range, left,
    monthly('e', 700, '2024-02-03'), //   and came back: Feb reactivation +700
    monthly('f', 300, '2024-02-05'), // Feb: new 300
    { customerId: 'g', amount: 12_000, interval: 'year', start: '2024-02-01' }, // Feb: new 12,000 / 12 = 1,000
  ];

  it('classifies each customer’s change from the close of one month to the close of the next', () => {
    const result = mrrMovements(subscriptions, { from: '2024-01-01', to: '2024-02-29' });
    expect(result.from).toBe('2024-01-01');
    expect(result.to).toBe('2024-02-29');
    expect(result.months).toEqual([
      {
        period: '2024-01-01',
        date: '2024-01-31',
        startMrr: 0, // on 2023-12-31 e had already left
        endMrr: 5000, // a + b + c + d
        new: 5000,
        expansion: 0,
        contraction: 0,
        churned: 0,
        reactivation: 0,
        net: 5000,
        customers: { start: 0, end: 4, new: 4, expansion: 0, contraction: 0, churned: 0, reactivation: 0 },
      },
      {
        period: '2024-02-01',
        date: '2024-02-29',
        startMrr: 5000,
        endMrr: 4800, // a 1,000 + c 800 + d 1,000 + e 700 + f 300 + g 1,000
        new: 1300, // f + g
        expansion: 300,
        contraction: -500,
        churned: -2000,
        reactivation: 700,
        net: -200, // 1,300 + 300 − 500 − 2,000 + 700 = 4,800 − 5,000
        customers: { start: 4, end: 6, new: 2, expansion: 1, contraction: 1, churned: 1, reactivation: 1 },
      },
    ]);
  });

  it('feeds the customer churn and retention rates', () => {
    const february = mrrMovements(subscriptions, { from: '2024-02-01', to: '2024-02-29' }).months[0]!;
    const { start, end, churned, reactivation } = february.customers;
    // 1 of the 4 customers paying on Jan 31 left; E = 6, N = 2 new + 1 reactivated, S = 4.
    expect(customerChurnRate({ customersAtStart: start, customersLost: churned })).toBe(0.25);
    expect(retentionRate({ customersAtStart: start, customersAtEnd: end, newCustomers: february.customers.new + reactivation })).toBe(0.75);
  });

  it('counts a return as a reactivation even when the earlier stint fell within one month', () => {
    // h paid 10–20 January, i 28–30 January only: no movement at January's close, yet not new in February.
    const result = mrrMovements(
      [
        monthly('h', 400, '2024-01-10', '2024-01-20'),
        monthly('h', 400, '2024-02-01'),
        monthly('i', 50, '2024-01-28', '2024-01-31'),
        monthly('i', 50, '2024-02-05'),
      ],
      { from: '2024-01-01', to: '2024-02-29' },
    );
    expect(result.months.map((month) => [month.new, month.reactivation, month.net, month.customers.reactivation])).toEqual([
      [0, 0, 0, 0],
      [0, 450, 450, 2],
    ]);
  });

  it('moves by a twelfth of a yearly plan, and measures a month in progress on `to`', () => {
    const yearly = (amount: number, start: string, end?: string): Subscription =>
      end === undefined ? { customerId: 'y', amount, interval: 'year', start } : { customerId: 'y', amount, interval: 'year', start, end };
    const result = mrrMovements([yearly(1000, '2024-01-15', '2024-03-10'), yearly(2500, '2024-03-10')], { to: '2024-03-20' });
    // Defaults: from the first start, 2024-01-15. Jan: new 1,000 / 12; Mar (measured 03-20): expansion 1,500 / 12.
    expect(result.from).toBe('2024-01-15');
    expect(result.months.map(({ period, date, new: added, expansion, net }) => [period, date, added, expansion, net])).toEqual([
      ['2024-01-01', '2024-01-31', 1000 / 12, 0, 1000 / 12],
      ['2024-02-01', '2024-02-29', 0, 0, 0],
      ['2024-03-01', '2024-03-20', 0, 1500 / 12, 1500 / 12],
    ]);
  });

  it('returns no months without subscriptions or range', () => {
    expect(mrrMovements([])).toEqual({ from: null, to: null, timeZone: 'UTC', months: [] });
    expect(mrrMovements([], { from: '2024-01-01', to: '2024-01-31' }).months[0]).toMatchObject({ startMrr: 0, endMrr: 0, net: 0 });
  });

  it('rejects bad options', () => {
    expect(() => mrrMovements([], { granularity: 'day' } as never)).toThrow(/options\.granularity/);
  });
});

describe('mrrMovements properties', () => {
  it('explains every month: net = end MRR − start MRR, months chain, end MRR is the mrr series', () => {
    fc.assert(
      fc.property(subscriptionsArb, rangeArb, (subscriptions, range) => {
        const { months } = mrrMovements(subscriptions, range);
        const series = mrr(subscriptions, range).rows;
        expect(months.map((month) => month.date)).toEqual(series.map((row) => row.date));
        months.forEach((month, k) => {
          const sum = in12(month.new) + in12(month.expansion) + in12(month.contraction) + in12(month.churned) + in12(month.reactivation);
          expect(in12(month.net)).toBe(sum);
          expect(in12(month.net)).toBe(in12(month.endMrr) - in12(month.startMrr));
          expect(month.endMrr).toBe(series[k]?.mrr);
          expect(month.customers.end).toBe(series[k]?.customers);
          expect(month.customers.end).toBe(
            month.customers.start - month.customers.churned + month.customers.new + month.customers.reactivation,
          );
          if (k > 0) expect(month.startMrr).toBe(months[k - 1]?.endMrr);
          expect(month.contraction).toBeLessThanOrEqual(0);
          expect(month.churned).toBeLessThanOrEqual(0);
        });
      }),
    );
  });

  it('matches a brute-force classification of every customer', () => {
    fc.assert(
      fc.property(subscriptionsArb, rangeArb, (subscriptions, range) => {
        const { months } = mrrMovements(subscriptions, range);
        for (const month of months) {
          const after = dayOf(month.date);
          const before = dayOf(month.period) - 1;
          const { sums, counts } = movements12(subscriptions, before, after);
          const { new: added, expansion, contraction, churned, reactivation } = month;
          expect({
            new: in12(added),
            expansion: in12(expansion),
            contraction: in12(contraction),
            churned: in12(churned),
            reactivation: in12(reactivation),
          }).toEqual(sums);
          const { start, end, ...kinds } = month.customers;
          expect(kinds).toEqual(counts);
          expect([start, end]).toEqual([totalOn(subscriptions, before).customers, totalOn(subscriptions, after).customers]);
          expect(in12(month.startMrr)).toBe(totalOn(subscriptions, before).mrr12);
        }
      }),
    );
  });

  it('does not depend on the order of the subscriptions', () => {
    fc.assert(
      fc.property(
        subscriptionsArb.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
        ),
        rangeArb,
        ([rows, shuffled], range) => {
          expect(mrrMovements(shuffled, range)).toEqual(mrrMovements(rows, range));
        },
      ),
    );
  });
});
