import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KpiValidationError } from '../../src/index';
import { mrr } from '../../src/revenue/mrr';
import type { Subscription } from '../../src/revenue/revenue.types';
import { dateOf, dayOf, in12, rangeArb, subscriptionsArb, totalOn } from './reference';

const monthly = (customerId: string, amount: number, start: Subscription['start'], end?: Subscription['end']): Subscription =>
  end === undefined ? { customerId, amount, interval: 'month', start } : { customerId, amount, interval: 'month', start, end };

const values = (subscriptions: readonly Subscription[], options: Parameters<typeof mrr>[1]) =>
  mrr(subscriptions, options).rows.map((row) => row.mrr);

describe('mrr', () => {
  it('matches the contract example: 100 customers paying 10 → 1,000', () => {
    const subscriptions = Array.from({ length: 100 }, (_, i) => monthly(`c${i}`, 10, '2024-01-01'));
    expect(mrr(subscriptions, { from: '2024-01-01', to: '2024-01-31' }).rows).toEqual([
      { period: '2024-01-01', date: '2024-01-31', mrr: 1000, customers: 100, arpu: 10 },
    ]);
  });

  it('counts a yearly plan at a twelfth of its amount', () => {
    const subscriptions: Subscription[] = [
      { customerId: 'a', amount: 12_000, interval: 'year', start: '2024-01-01', end: '2025-01-01' },
      { customerId: 'b', amount: 1000, interval: 'year', start: '2024-02-01' },
    ];
    // Jan: 12,000 / 12 = 1,000. Feb: (12,000 + 1,000) / 12 = 1,083.33…, not a whole number of minor units.
    expect(values(subscriptions, { from: '2024-01-01', to: '2024-02-29' })).toEqual([1000, 13_000 / 12]);
    // ARPU over the 2 paying customers.
    expect(mrr(subscriptions, { from: '2024-02-01', to: '2024-02-29' }).rows[0]?.arpu).toBe(13_000 / 24);
  });

  it('does not count a subscription on the day it ends, even when it ends at that day’s first instant', () => {
    const daily = { from: '2024-03-01', to: '2024-03-04', granularity: 'day' as const };
    // Active 03-01 and 03-02: start ≤ d < end.
    expect(values([monthly('a', 3000, '2024-03-01', '2024-03-03')], daily)).toEqual([3000, 3000, 0, 0]);
    expect(values([monthly('a', 3000, '2024-03-01T00:00:00Z', '2024-03-03T00:00:00Z')], daily)).toEqual([3000, 3000, 0, 0]);
    // A timestamp stands for its local day: MRR is measured at the close of each day, so a
    // subscription still running at 00:00:01 on 03-03 but not at its close does not count that day,
    // and one starting at 23:59 on 03-01 does.
    expect(values([monthly('a', 3000, '2024-03-01T23:59:00Z', '2024-03-03T00:00:01Z')], daily)).toEqual([3000, 3000, 0, 0]);
    // Midnight in Paris is 23:00 UTC the day before: the local calendar decides.
    const parisMidnight = monthly('a', 3000, '2024-03-01T00:00:00+01:00', '2024-03-03T00:00:00+01:00');
    expect(values([parisMidnight], { ...daily, timeZone: 'Europe/Paris' })).toEqual([3000, 3000, 0, 0]);
    expect(values([parisMidnight], daily)).toEqual([3000, 0, 0, 0]); // in UTC: 02-29 23:00 to 03-02 23:00
  });

  it('counts an upgrade (one subscription ending as another starts) once, never both or neither', () => {
    const at = '2024-03-10T15:00:00Z';
    const subscriptions = [monthly('a', 1000, '2024-02-01T09:00:00Z', at), monthly('a', 2500, at)];
    const result = mrr(subscriptions, { from: '2024-03-09', to: '2024-03-11', granularity: 'day' });
    expect(result.rows.map(({ mrr: value, customers }) => [value, customers])).toEqual([
      [1000, 1],
      [2500, 1],
      [2500, 1],
    ]);
  });

  it('measures each month on its last day, or on `to` for a month in progress', () => {
    const subscriptions = [
      monthly('a', 100, '2024-01-31'), // counts in January: active on its last day
      monthly('b', 200, '2024-01-10', '2024-01-31'), // gone by the close of January
      monthly('c', 400, '2024-03-10'), // not yet active on 03-05
    ];
    expect(mrr(subscriptions, { from: '2024-01-15', to: '2024-03-05' })).toEqual({
      from: '2024-01-15',
      to: '2024-03-05',
      timeZone: 'UTC',
      granularity: 'month',
      rows: [
        { period: '2024-01-01', date: '2024-01-31', mrr: 100, customers: 1, arpu: 100 },
        { period: '2024-02-01', date: '2024-02-29', mrr: 100, customers: 1, arpu: 100 },
        { period: '2024-03-01', date: '2024-03-05', mrr: 100, customers: 1, arpu: 100 },
      ],
    });
  });

  it('defaults the range to the earliest start and the latest start or end', () => {
    const result = mrr([monthly('a', 100, '2024-01-20', '2024-03-02'), monthly('b', 50, '2024-02-05')], { granularity: 'day' });
    expect([result.from, result.to, result.rows.length]).toEqual(['2024-01-20', '2024-03-02', 43]);
    expect(result.rows.at(-1)).toEqual({ period: '2024-03-02', date: '2024-03-02', mrr: 50, customers: 1, arpu: 50 });
  });

  it('does not count a customer on a free plan as paying', () => {
    const result = mrr([monthly('free', 0, '2024-01-01'), monthly('paid', 900, '2024-01-01')], { from: '2024-01-01', to: '2024-01-31' });
    expect(result.rows[0]).toMatchObject({ mrr: 900, customers: 1, arpu: 900 });
  });

  it('returns no rows without subscriptions or range, and zero with a range', () => {
    expect(mrr([])).toEqual({ from: null, to: null, timeZone: 'UTC', granularity: 'month', rows: [] });
    expect(mrr([], { from: '2024-01-01', to: '2024-01-02', granularity: 'day' }).rows).toEqual([
      { period: '2024-01-01', date: '2024-01-01', mrr: 0, customers: 0, arpu: null },
      { period: '2024-01-02', date: '2024-01-02', mrr: 0, customers: 0, arpu: null },
    ]);
  });

  it('sums a million small amounts exactly', () => {
    // Yearly plans of 1 to 7 minor units: each monthly value is a fraction (1/12 … 7/12).
    const n = 1_000_000;
    const subscriptions: Subscription[] = new Array<Subscription>(n);
    let total = 0; // exact: integers well below 2^53
    let floatSum = 0; // what adding the fractions one by one would give
    for (let i = 0; i < n; i++) {
      const amount = 1 + (i % 7);
      subscriptions[i] = { customerId: `c${i % 1000}`, amount, interval: 'year', start: '2024-01-01' };
      total += amount;
      floatSum += amount / 12;
    }
    const [row] = mrr(subscriptions, { from: '2024-01-01', to: '2024-01-01' }).rows;
    expect(row?.mrr).toBe(total / 12);
    expect(row?.mrr).not.toBe(floatSum); // the naive float sum drifts
    expect(in12(row?.mrr ?? 0)).toBe(total);
  });

  it('rejects bad options and bad subscriptions, naming them', () => {
    expect(() => mrr([], { granularity: 'week' as never })).toThrow(/options\.granularity/);
    expect(() => mrr([], { from: '2024-03-01', to: '2024-02-01' })).toThrow(KpiValidationError);
    expect(() => mrr([monthly('a', 10, '2024-03-01', '2024-02-01')])).toThrow(/subscriptions\[0\]\.end/);
  });
});

describe('mrr properties', () => {
  it('matches a day-by-day brute-force sum, for any order of the subscriptions', () => {
    fc.assert(
      fc.property(subscriptionsArb, rangeArb, (subscriptions, range) => {
        const result = mrr(subscriptions, { ...range, granularity: 'day' });
        const expected = [];
        for (let day = dayOf(range.from); day <= dayOf(range.to); day++) {
          const { mrr12, customers } = totalOn(subscriptions, day);
          expected.push({ date: dateOf(day), mrr12, customers });
        }
        expect(result.rows.map((row) => ({ date: row.date, mrr12: in12(row.mrr), customers: row.customers }))).toEqual(expected);
        expect(mrr([...subscriptions].reverse(), { ...range, granularity: 'day' })).toEqual(result);
      }),
    );
  });

  it('reports each month as the day series on its measured day', () => {
    fc.assert(
      fc.property(subscriptionsArb, rangeArb, (subscriptions, range) => {
        const byDay = new Map(mrr(subscriptions, { ...range, granularity: 'day' }).rows.map((row) => [row.date, row]));
        for (const row of mrr(subscriptions, range).rows) {
          expect(row).toEqual({ ...byDay.get(row.date), period: row.period });
          expect(row.period.slice(0, 7)).toBe(row.date.slice(0, 7));
        }
      }),
    );
  });
});
