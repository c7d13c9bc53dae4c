import fc from 'fast-check';
import { mrr, mrrMovements } from '@kpikit/core';
import type { MrrMovementsOptions, MrrOptions, Subscription } from '@kpikit/core';
import { KpiValidationError } from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { ANCHORS, MS_PER_DAY, MS_PER_HOUR, addDays, zoneArb } from './support/data';
import { runOn, useEngines } from './support/differential';
import { loadSubscriptions } from './support/engines';
import type { Engine } from './support/engines';

const engines = useEngines();

const monthly = (customerId: string, amount: number, start: string, end?: string): Subscription =>
  end === undefined ? { customerId, amount, interval: 'month', start } : { customerId, amount, interval: 'month', start, end };

async function onEngines<T>(
  subscriptions: readonly Subscription[],
  storage: 'date' | 'epoch_ms',
  compute: (engine: Engine) => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  for (const engine of engines()) {
    await loadSubscriptions(engine, 'subscriptions', subscriptions, storage);
    results.push(await compute(engine));
  }
  return results;
}

describe('mrr in SQL: hand-computed', () => {
  it('counts a yearly plan at a twelfth, each month measured on its last day', async () => {
    const subscriptions: Subscription[] = [
      monthly('acme', 1000, '2024-01-15'),
      { customerId: 'globex', amount: 12_000, interval: 'year', start: '2024-02-01', end: '2025-02-01' },
    ];
    const options: MrrOptions = { from: '2024-01-01', to: '2024-03-31' };
    for (const result of await onEngines(subscriptions, 'date', (engine) => runOn(engine, 'mrr', options, 'subscriptions'))) {
      // Jan 31: acme 1,000; Feb 29 and Mar 31: acme + globex 12,000 / 12.
      expect(result.rows.map((row) => [row.period, row.date, row.mrr, row.customers, row.arpu])).toEqual([
        ['2024-01-01', '2024-01-31', 1000, 1, 1000],
        ['2024-02-01', '2024-02-29', 2000, 2, 1000],
        ['2024-03-01', '2024-03-31', 2000, 2, 1000],
      ]);
    }
  });

  it('the contract example: 100 customers × 10 → 1,000', async () => {
    const subscriptions = Array.from({ length: 100 }, (_, i) => monthly(`c${i}`, 10, '2024-01-01'));
    for (const result of await onEngines(subscriptions, 'date', (engine) =>
      runOn(engine, 'mrr', { from: '2024-01-01', to: '2024-01-01', granularity: 'day' }, 'subscriptions'),
    )) {
      expect(result.rows).toEqual([{ period: '2024-01-01', date: '2024-01-01', mrr: 1000, customers: 100, arpu: 10 }]);
    }
  });

  it('rejects a table with a bad amount, interval or end, as core rejects the row', async () => {
    const bad: Subscription[][] = [
      [monthly('a', -5, '2024-01-01')],
      [monthly('a', 10.5, '2024-01-01')],
      [{ customerId: 'a', amount: 10, interval: 'week' as 'month', start: '2024-01-01' }],
      [monthly('a', 10, '2024-02-01', '2024-01-01')],
    ];
    for (const subscriptions of bad) {
      for (const failure of await onEngines(subscriptions, 'date', (engine) =>
        runOn(engine, 'mrr', {}, 'subscriptions').catch((error: unknown) => error),
      )) {
        expect(failure).toBeInstanceOf(KpiValidationError);
        expect((failure as KpiValidationError).issues[0]?.path).toBe('table');
      }
    }
  });
});

describe('mrrMovements in SQL: hand-computed', () => {
  it('classifies each customer’s change from the close of one month to the close of the next', async () => {
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
    for (const result of await onEngines(subscriptions, 'date', (engine) =>
      runOn(engine, 'mrrMovements', { from: '2024-01-01', to: '2024-02-29' }, 'subscriptions'),
    )) {
      expect(result.months).toEqual([
        {
          period: '2024-01-01',
          date: '2024-01-31',
          startMrr: 0,
          endMrr: 5000,
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
          endMrr: 4800,
          new: 1300,
          expansion: 300,
          contraction: -500,
          churned: -2000,
          reactivation: 700,
          net: -200,
          customers: { start: 4, end: 6, new: 2, expansion: 1, contraction: 1, churned: 1, reactivation: 1 },
        },
      ]);
    }
  });
});

const dateArb = fc.integer({ min: 0, max: 150 }).map((n) => addDays('2024-01-01', n));
const subscriptionsByDateArb = fc.array(
  fc
    .record({
      customer: fc.integer({ min: 0, max: 5 }),
      amount: fc.constantFrom(0, 1, 99, 1000, 1200, 12_345),
      interval: fc.constantFrom('month', 'year'),
      start: dateArb,
      length: fc.option(fc.constantFrom(0, 1, 15, 31, 45, 100), { nil: undefined }),
    })
    .map(({ customer, amount, interval, start, length }): Subscription => ({
      customerId: `c${customer}`,
      amount,
      interval,
      start,
      ...(length === undefined ? {} : { end: addDays(start, length) }),
    })),
  { maxLength: 25, size: 'max' },
);
const subscriptionsByInstantArb = fc.constantFrom(...ANCHORS).chain((anchor) =>
  fc.array(
    fc
      .record({
        customer: fc.integer({ min: 0, max: 5 }),
        amount: fc.constantFrom(0, 7, 1000, 1200),
        interval: fc.constantFrom('month', 'year'),
        start: fc.integer({ min: -60 * 24, max: 60 * 24 }).map((hours) => anchor + hours * MS_PER_HOUR),
        length: fc.option(fc.constantFrom(0, MS_PER_HOUR, MS_PER_DAY, 20 * MS_PER_DAY, 40 * MS_PER_DAY), { nil: undefined }),
      })
      .map(({ customer, amount, interval, start, length }): Subscription => ({
        customerId: `c${customer}`,
        amount,
        interval,
        start,
        ...(length === undefined ? {} : { end: start + length }),
      })),
    { maxLength: 25, size: 'max' },
  ),
);
const rangeArb = fc.record({
  from: fc.option(dateArb, { nil: undefined }),
  to: fc.option(dateArb, { nil: undefined }),
});
const cleanRange = ({ from, to }: { from: string | undefined; to: string | undefined }): { from?: string; to?: string } =>
  from !== undefined && to !== undefined
    ? from <= to
      ? { from, to }
      : { from }
    : { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };

describe('mrr and mrrMovements in SQL: the same numbers as core', () => {
  it('on random subscriptions written as local dates', async () => {
    await fc.assert(
      fc.asyncProperty(
        subscriptionsByDateArb,
        rangeArb,
        zoneArb,
        fc.constantFrom('day', 'month'),
        async (subscriptions, range, timeZone, granularity) => {
          const options: MrrOptions = { ...cleanRange(range), timeZone, granularity };
          const movementsOptions: MrrMovementsOptions = { ...cleanRange(range), timeZone };
          const expected = [mrr(subscriptions, options), mrrMovements(subscriptions, movementsOptions)];
          const results = await onEngines(subscriptions, 'date', async (engine) => [
            await runOn(engine, 'mrr', options, 'subscriptions'),
            await runOn(engine, 'mrrMovements', movementsOptions, 'subscriptions'),
          ]);
          for (const result of results) expect(result).toEqual(expected);
        },
      ),
      { numRuns: 30 },
    );
  }, 60_000);

  it('on random subscriptions written as instants (epoch ms), bucketed in the zone', async () => {
    await fc.assert(
      fc.asyncProperty(
        subscriptionsByInstantArb,
        zoneArb,
        fc.constantFrom('day', 'month'),
        async (subscriptions, timeZone, granularity) => {
          const options: MrrOptions = { timeZone, granularity };
          const expected = [mrr(subscriptions, options), mrrMovements(subscriptions, { timeZone })];
          const results = await onEngines(subscriptions, 'epoch_ms', async (engine) => [
            await runOn(engine, 'mrr', options, 'subscriptions', { boundaryType: 'epoch_ms' }),
            await runOn(engine, 'mrrMovements', { timeZone }, 'subscriptions', { boundaryType: 'epoch_ms' }),
          ]);
          for (const result of results) expect(result).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);
});
