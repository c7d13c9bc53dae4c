import { KpiValidationError, retention } from '@kpikit/core';
import type { KpiEvent } from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { compile, run } from '../src/index';
import type { MetricName, MetricOptions } from '../src/index';
import { at } from './support/data';
import { useEngines } from './support/differential';
import { loadEvents } from './support/engines';

const engines = useEngines();

const event = (userId: unknown, name: unknown, timestamp: unknown): KpiEvent => ({ userId, name, timestamp }) as KpiEvent;

const VALID = [
  event('a', 'signup', at('2024-03-01T10:00:00Z')),
  event('a', 'use', at('2024-03-09T10:00:00Z')),
  event('b', 'signup', at('2024-03-02T23:30:00Z')),
  event('b', 'use', at('2024-03-03T00:30:00Z')),
];
/** Rows the contract rejects that every engine can store (ClickHouse's columns are not Nullable). */
const EMPTY = [
  event('', 'use', at('2024-03-04T10:00:00Z')),
  event('c', '', at('2024-03-05T10:00:00Z')),
  // Two faults, one row.
  event('', '', at('2024-03-06T10:00:00Z')),
];
const NULLS = [
  event(null, 'use', at('2024-03-07T10:00:00Z')),
  event('d', null, at('2024-03-08T10:00:00Z')),
  event('e', 'use', null),
  event(null, null, null),
];

type Case = { [M in MetricName]: readonly [M, MetricOptions<M>] }[MetricName];
const CASES: readonly Case[] = [
  ['activeUsers', {}],
  ['activeUsers', { from: '2024-03-02', to: '2024-03-05', where: { name: ['use'] } }],
  ['stickinessSummary', { month: '2024-03' }],
  ['retention', { period: 'day', periods: 3 }],
  ['retention', { period: 'week', periods: 2, startEvent: 'signup', returnEvent: 'use', from: '2024-03-01', to: '2024-03-31' }],
  ['funnel', { steps: ['signup', 'use'] }],
  ['sessions', {}],
  ['activationCandidates', {}],
  ['activationCandidates', { from: '2024-03-01', to: '2024-03-31', candidates: ['use'], timeZone: 'Europe/Paris' }],
];

describe('invalid event rows', () => {
  for (const timeZone of ['UTC', 'Etc/GMT+5', 'Europe/Paris']) {
    it(`are counted, each row once, and reported by every event metric (${timeZone})`, async () => {
      for (const engine of engines()) {
        const invalid = engine.dialect === 'clickhouse' ? EMPTY : [...EMPTY, ...NULLS];
        await loadEvents(engine, [...invalid, ...VALID], { table: 'events' });
        for (const [metric, options] of CASES) {
          const failure: unknown = await run(
            metric,
            { ...options, timeZone },
            {
              dialect: engine.dialect,
              table: 'events',
              query: engine.query,
            },
          ).catch((error: unknown) => error);
          expect(failure, `${engine.label} ${metric}`).toBeInstanceOf(KpiValidationError);
          expect((failure as KpiValidationError).issues[0], `${engine.label} ${metric}`).toMatchObject({
            path: 'table',
            received: `${invalid.length} invalid rows`,
          });
        }
      }
    }, 120_000);
  }

  it('are not looked for with checkRows: false, when the table’s constraints vouch for it', async () => {
    // A row with an empty name still counts as activity: the caller said there are none.
    const events = [...VALID, event('c', '', at('2024-03-05T10:00:00Z'))];
    const named = events.map((e) => ({ ...e, name: 'x' }));
    for (const engine of engines()) {
      await loadEvents(engine, events, { table: 'events' });
      for (const timeZone of ['UTC', 'Europe/Paris']) {
        const options = { period: 'day', periods: 3, timeZone } as const;
        const target = { dialect: engine.dialect, table: 'events', query: engine.query, checkRows: false } as const;
        expect(await run('retention', options, target), `${engine.label} ${timeZone}`).toEqual(retention(named, options));
      }
    }
  }, 60_000);

  it('rejects a checkRows that is not a boolean, naming it', () => {
    expect(() => compile('activeUsers', {}, { dialect: 'duckdb', table: 'events', checkRows: 'no' as never })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'target.checkRows' })] }),
    );
  });
});
