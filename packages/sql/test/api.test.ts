import { KpiValidationError, retention } from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { compile, parse, run } from '../src/index';
import type { SqlRow } from '../src/index';
import { at } from './support/data';
import { useEngines } from './support/differential';
import { loadEvents } from './support/engines';

const engines = useEngines();

/** The KpiValidationError an action throws (failing the test otherwise). */
function errorOf(action: () => unknown): KpiValidationError {
  try {
    action();
  } catch (error) {
    if (error instanceof KpiValidationError) return error;
    throw error;
  }
  throw new Error('expected a KpiValidationError');
}

const pathsOf = (action: () => unknown): string[] => errorOf(action).issues.map((issue) => issue.path);

describe('compile: targets', () => {
  it('rejects a bad dialect, table or column, naming each', () => {
    expect(pathsOf(() => compile('activeUsers', {}, { dialect: 'mysql' as 'duckdb', table: '' }))).toEqual([
      'target.dialect',
      'target.table',
    ]);
    expect(pathsOf(() => compile('activeUsers', {}, { dialect: 'duckdb', table: ['a', 'b', 'c', 'd'] }))).toEqual(['target.table']);
    expect(pathsOf(() => compile('activeUsers', {}, { dialect: 'duckdb', table: 'bad\u0000name' }))).toEqual(['target.table']);
    expect(
      pathsOf(() =>
        compile(
          'activeUsers',
          {},
          { dialect: 'duckdb', table: 'events', columns: { userId: '', user: 'x', timestampType: 'seconds' } as never },
        ),
      ),
    ).toEqual(['target.columns.userId', 'target.columns.user', 'target.columns.timestampType']);
  });

  it('quotes a qualified name part by part, and refuses a bare table named like one of its own CTEs', () => {
    const { sql } = compile('activeUsers', {}, { dialect: 'postgres', table: ['analytics', 'k_ev'] });
    expect(sql).toContain('FROM "analytics"."k_ev"');
    expect(pathsOf(() => compile('activeUsers', {}, { dialect: 'postgres', table: 'K_EV' }))).toEqual(['target.table']);
  });

  it('uses $n placeholders for DuckDB and PostgreSQL and typed {pN:Type} ones for ClickHouse', () => {
    const options = { period: 'day', periods: 3, startEvent: 'signup', timeZone: 'Asia/Tokyo' } as const;
    const duck = compile('retention', options, { dialect: 'duckdb', table: 'events' });
    expect(duck.params).toEqual(['Asia/Tokyo', 3, 'signup']);
    expect(duck.sql).toContain('CAST($1 AS VARCHAR)');
    const house = compile('retention', options, { dialect: 'clickhouse', table: 'events' });
    expect(house.params).toEqual({ p1: 'Asia/Tokyo', p2: 3, p3: 'signup' });
    expect(house.sql).toContain('{p1:String}');
    expect(house.sql).toContain('{p2:Int64}');
  });
});

describe('compile: options', () => {
  it('rejects bad options exactly as core does', () => {
    const bad = { period: 'fortnight', periods: 0 } as never;
    const fromCore = errorOf(() => retention([], bad));
    const fromSql = errorOf(() => compile('retention', bad, { dialect: 'duckdb', table: 'events' }));
    expect(fromSql.message).toBe(fromCore.message);
  });

  it('reads a property from the column named like its key, or from the column the target maps it to', () => {
    const options = { where: { properties: { plan: 'pro' } } };
    expect(compile('activeUsers', options, { dialect: 'postgres', table: 'events' }).sql).toContain('"plan" AS p0');
    const mapped = compile('activeUsers', options, {
      dialect: 'postgres',
      table: 'events',
      columns: { properties: { plan: 'Plan Name' } },
    });
    expect(mapped.sql).toContain('"Plan Name" AS p0');
    expect(mapped.params).toContain('pro');
  });

  it('rejects a property key that cannot name a column unless it is mapped, and a bad mapping', () => {
    const target = { dialect: 'duckdb', table: 'events' } as const;
    expect(pathsOf(() => compile('activeUsers', { where: { properties: { '': 'x' } } }, target))).toEqual(['options.where.properties.']);
    expect(pathsOf(() => compile('funnel', { steps: ['a', 'b'], breakdown: { property: 'a\u0000b' } }, target))).toEqual([
      'options.breakdown.property',
    ]);
    expect(() => compile('funnel', { steps: ['a', 'b'], breakdown: { property: '' } }, target)).toThrow(KpiValidationError);
    expect(
      compile('activeUsers', { where: { properties: { '': 'x' } } }, { ...target, columns: { properties: { '': 'empty_key' } } }).sql,
    ).toContain('"empty_key" AS p0');
    expect(pathsOf(() => compile('activeUsers', {}, { ...target, columns: { properties: { plan: '' } } }))).toEqual([
      'target.columns.properties.plan',
    ]);
    expect(pathsOf(() => compile('activeUsers', {}, { ...target, columns: { properties: ['plan'] as never } }))).toEqual([
      'target.columns.properties',
    ]);
  });

  it('rejects an any-order funnel with more than six different conditions on one event name', () => {
    const steps = Array.from({ length: 7 }, (_, i) => ({ name: 'a', where: { plan: `p${i}` } }));
    const target = { dialect: 'postgres', table: 'events' } as const;
    expect(pathsOf(() => compile('funnel', { steps, order: 'any' }, target))).toEqual(['options.steps']);
    expect(compile('funnel', { steps: steps.slice(0, 6), order: 'any' }, target).sql).toContain('k_any_windows');
    expect(compile('funnel', { steps, order: 'ordered' }, target).sql).toContain('k_chain_6');
  });

  it('takes only a range and a zone for nps', () => {
    expect(pathsOf(() => compile('nps', { where: { name: 'x' } } as never, { dialect: 'duckdb', table: 'survey' }))).toEqual([
      'options.where',
    ]);
    expect(pathsOf(() => compile('nps', { from: '2024-02-30' }, { dialect: 'duckdb', table: 'survey' }))).toEqual(['options.from']);
  });

  it('throws a TypeError for an unknown metric', () => {
    expect(() => compile('ltv' as 'nps', {}, { dialect: 'duckdb', table: 's' })).toThrow(TypeError);
  });
});

describe('parse', () => {
  it('reads integers given as numbers, bigints or numeric strings alike', () => {
    const options = { period: 'day', periods: 1, from: '2024-01-01', to: '2024-01-02' } as const;
    const row = (cohort: unknown, k: unknown, users: unknown): SqlRow => ({
      from_day: 19723n,
      to_day: '19724',
      invalid: 0,
      cohort,
      k,
      users,
    });
    const result = parse('retention', [row(19723, 0, 4n), row('19723', 1n, '1'), row(19724n, '0', 2)], options);
    expect(result.cohorts.map((cohort) => cohort.counts)).toEqual([[4, 1], [2]]);
  });

  it('rejects rows that are not the compiled query’s', () => {
    const options = { period: 'day', periods: 1 } as const;
    expect(pathsOf(() => parse('retention', [], options))).toEqual(['rows']);
    expect(pathsOf(() => parse('retention', [{ from_day: 'soon', to_day: 1, invalid: 0 }], options))).toEqual(['rows[0].from_day']);
  });

  it('reports invalid rows in the table (a NULL or empty user id …) as core reports invalid events', async () => {
    for (const engine of engines()) {
      await loadEvents(engine, [{ userId: '', name: 'a', timestamp: at('2024-01-01T00:00:00Z') }], { table: 'events' });
      const failure = await run('activeUsers', {}, { dialect: engine.dialect, table: 'events', query: engine.query }).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(KpiValidationError);
      expect((failure as KpiValidationError).issues[0]?.path).toBe('table');
    }
  });
});

describe('run', () => {
  it('compiles, queries through the caller’s function and parses', async () => {
    const events = [
      { userId: 'a', name: 'signup', timestamp: at('2024-01-01T09:00:00Z') },
      { userId: 'a', name: 'use', timestamp: at('2024-01-02T09:00:00Z') },
    ];
    const options = { period: 'day', periods: 1, startEvent: 'signup' } as const;
    for (const engine of engines()) {
      await loadEvents(engine, events, { table: 'events' });
      const seen: string[] = [];
      const result = await run('retention', options, {
        dialect: engine.dialect,
        table: 'events',
        query: (sql, params) => {
          seen.push(sql);
          return engine.query(sql, params);
        },
      });
      expect(seen).toHaveLength(1);
      expect(result).toEqual(retention(events, options));
    }
  });
});
