import { activationCandidates, activeUsers, funnel, retention } from '@kpikit/core';
import type { KpiEvent } from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/index';
import { at } from './support/data';
import { columnsOf, runOn, useEngines } from './support/differential';
import { backQuoted, loadEvents, quoted } from './support/engines';
import type { Engine, EventTableSpec } from './support/engines';

const engines = useEngines();

// Names that would end a quoted identifier or string, start a comment or a statement, or look like a placeholder.
const HOSTILE_NAMES = [
  `'; DROP TABLE canary; --`,
  `"; DROP TABLE canary; --`,
  '`; DROP TABLE canary; --',
  '$1',
  '{p1:String}',
  'back\\slash',
  'événement 📊',
];

const specs: EventTableSpec[] = [
  {
    table: `ev"; DROP TABLE canary; --`,
    user: `u"ser'; --`,
    name: 'na;me`\\',
    ts: 't s',
    properties: [{ key: 'plan', type: 'text', column: `pl"an'; DROP TABLE canary; --` }],
  },
  {
    table: "événements 📊 'x' `y` \\z",
    user: 'utilisateur',
    name: 'nom"',
    ts: "horodatage'",
    storage: 'epoch_ms',
    properties: [{ key: "ké`y' \\", type: 'text' }],
  },
];

const events: KpiEvent[] = HOSTILE_NAMES.flatMap((name, i) => [
  { userId: `u${i}`, name, timestamp: at('2024-03-01T10:00:00Z') + i * 60_000, properties: { plan: name, "ké`y' \\": name } },
  { userId: `u${i}`, name: 'after', timestamp: at('2024-03-08T10:00:00Z') + i * 60_000 },
  { userId: `${name} as a user`, name: 'after', timestamp: at('2024-03-02T10:00:00Z') },
]);

async function createCanary(engine: Engine): Promise<void> {
  const name = engine.dialect === 'clickhouse' ? backQuoted('canary') : quoted('canary');
  await engine.exec(`DROP TABLE IF EXISTS ${name}`);
  await engine.exec(`CREATE TABLE ${name} (x INTEGER)${engine.dialect === 'clickhouse' ? ' ENGINE = Memory' : ''}`);
}

async function canarySurvives(engine: Engine): Promise<boolean> {
  const rows = await engine.query(
    `SELECT count(*) AS n FROM ${engine.dialect === 'clickhouse' ? backQuoted('canary') : quoted('canary')}`,
    engine.dialect === 'clickhouse' ? {} : [],
  );
  return rows.length === 1;
}

describe('names and values cannot break out of the query', () => {
  it('table, column and event names full of quotes, semicolons, comments and unicode are read as names', async () => {
    for (const engine of engines()) {
      await createCanary(engine);
      for (const spec of specs) {
        await loadEvents(engine, events, spec);
        const columns = columnsOf(spec);
        const property = spec.properties?.[0]?.key ?? 'plan';
        for (const name of HOSTILE_NAMES) {
          const options = { where: { name } };
          expect(await runOn(engine, 'activeUsers', options, spec.table, columns)).toEqual(activeUsers(events, options));
          const byProperty = { where: { properties: { [property]: name } } };
          expect(await runOn(engine, 'activeUsers', byProperty, spec.table, columns)).toEqual(activeUsers(events, byProperty));
          const breakdown = { steps: [{ name, where: { [property]: name } }, 'after'], breakdown: { property } };
          expect(await runOn(engine, 'funnel', breakdown, spec.table, columns)).toEqual(funnel(events, breakdown));
          const cohorts = { period: 'week', periods: 1, startEvent: name, returnEvent: 'after' } as const;
          expect(await runOn(engine, 'retention', cohorts, spec.table, columns)).toEqual(retention(events, cohorts));
          const steps = { steps: [name, 'after'], order: 'strict' } as const;
          expect(await runOn(engine, 'funnel', steps, spec.table, columns)).toEqual(funnel(events, steps));
          const discovery = { startEvent: name, candidates: [{ name: 'after', where: { [property]: name } }, name], minUnits: 0 };
          expect(await runOn(engine, 'activationCandidates', discovery, spec.table, columns)).toEqual(
            activationCandidates(events, discovery),
          );
          const defaults = { startEvent: name, outcome: { day: 7, days: 1, returnEvent: { properties: { [property]: name } } }, pairs: 2 };
          expect(await runOn(engine, 'activationCandidates', defaults, spec.table, columns)).toEqual(
            activationCandidates(events, defaults),
          );
        }
      }
      expect(await canarySurvives(engine)).toBe(true);
    }
  }, 120_000);

  it('never writes a value into the SQL text: the text is the same whatever the event names, dates and zone (of changing offset)', () => {
    const options = (name: string, timeZone: string, from: string) =>
      ({ period: 'week', periods: 2, startEvent: name, returnEvent: `${name}2`, from, to: '2024-12-31', timeZone }) as const;
    for (const dialect of ['duckdb', 'postgres', 'clickhouse'] as const) {
      const plain = compile('retention', options('signup', 'America/New_York', '2024-01-01'), { dialect, table: 'events' });
      for (const name of HOSTILE_NAMES) {
        const hostile = compile('retention', options(name, 'Europe/Paris', '2023-06-15'), { dialect, table: 'events' });
        expect(hostile.sql).toBe(plain.sql);
        expect(Object.values(hostile.params)).toEqual(expect.arrayContaining([name, `${name}2`, 'Europe/Paris']));
        const discovery = (event: string, timeZone: string, from: string) =>
          ({ startEvent: event, candidates: [event, { name: `${event}2`, where: { plan: event } }], from, timeZone }) as const;
        const asked = compile('activationCandidates', discovery(name, 'Europe/Paris', '2023-06-15'), { dialect, table: 'events' });
        expect(asked.sql).toBe(
          compile('activationCandidates', discovery('signup', 'America/New_York', '2024-01-01'), { dialect, table: 'events' }).sql,
        );
        expect(Object.values(asked.params)).toEqual(expect.arrayContaining([name, `${name}2`, 'Europe/Paris']));
      }
    }
  });
});
