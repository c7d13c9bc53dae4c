import type { KpiEvent } from '@kpikit/core';
import { afterAll, beforeAll, inject } from 'vitest';
import { parse, compile } from '../../src/index';
import type { EventTableColumns, MetricColumns, MetricName, MetricOptions, MetricResult } from '../../src/index';
import { loadEvents, startClickHouse, startDuckDb, startPostgres, startPostgresServer } from './engines';
import type { Engine, EventTableSpec } from './engines';

/**
 * Starts DuckDB, PostgreSQL (PGlite, and the real server when the run has one:
 * see `postgres.setup.ts`) and, when chDB can be loaded, ClickHouse once for
 * the test file (PGlite takes a few seconds) and stops them after it. Returns
 * a getter for the running engines.
 */
export function useEngines(): () => readonly Engine[] {
  let engines: Engine[] = [];
  beforeAll(async () => {
    // Undefined when the run was started without the global setup that provides it.
    const url: string | null | undefined = inject('kpikitPgUrl');
    const started = await Promise.all([startDuckDb(), startPostgres(), url ? startPostgresServer(url) : null, startClickHouse()]);
    engines = started.filter((engine) => engine !== null);
    // Loading chDB's half-gigabyte library on a busy machine can take a while.
  }, 120_000);
  afterAll(async () => {
    await Promise.all(engines.map((engine) => engine.close()));
  });
  return () => engines;
}

/** Compiles a metric for the engine's dialect, runs it and parses the rows. */
export async function runOn<M extends MetricName>(
  engine: Engine,
  metric: M,
  options: MetricOptions<M>,
  table: string | readonly string[],
  columns?: MetricColumns<M>,
): Promise<MetricResult<M>> {
  const { sql, params } = compile(metric, options, { dialect: engine.dialect, table, columns });
  const rows = await engine.query(sql, params);
  return parse(metric, rows, options);
}

/** The event-table columns of a test table spec. */
export function columnsOf(spec: EventTableSpec): EventTableColumns {
  return {
    userId: spec.user ?? 'user_id',
    name: spec.name ?? 'event_name',
    timestamp: spec.ts ?? 'ts',
    timestampType: spec.storage === 'epoch_ms' ? 'epoch_ms' : 'timestamp',
    properties: Object.fromEntries((spec.properties ?? []).flatMap(({ key, column }) => (column === undefined ? [] : [[key, column]]))),
  };
}

/** Loads events into every engine and returns what each computes for the metric. */
export async function resultsOnEngines<M extends MetricName>(
  engines: readonly Engine[],
  metric: M,
  events: readonly KpiEvent[],
  options: MetricOptions<M>,
  spec: EventTableSpec = { table: 'events' },
): Promise<{ engine: string; result: MetricResult<M> }[]> {
  const results: { engine: string; result: MetricResult<M> }[] = [];
  for (const engine of engines) {
    await loadEvents(engine, events, spec);
    results.push({ engine: engine.label, result: await runOn(engine, metric, options, spec.table, columnsOf(spec) as MetricColumns<M>) });
  }
  return results;
}
