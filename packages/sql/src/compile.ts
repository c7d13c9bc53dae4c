import { KpiValidationError } from '@kpikit/core';
import type { MetricColumns, MetricName, MetricOptions } from './metrics/registry';
import { metricSql } from './metrics/registry';
import { compileContext } from './query/context';
import { groupOf } from './query/unit';
import type { SqlValue } from './query/params';
import { resolveTarget } from './target';
import type { Dialect, SqlTarget } from './target';

/** A compiled metric: the SQL text and its bound parameters, positional (`$1` …) or, for ClickHouse, named (`{p1:Type}`). */
export interface CompiledQuery<D extends Dialect = Dialect> {
  readonly sql: string;
  readonly params: D extends 'clickhouse' ? Readonly<Record<string, SqlValue>> : readonly SqlValue[];
}

/**
 * Compiles a metric to one SQL query for a dialect, over the caller's table
 * and column names. Names are quoted identifiers and every value (event
 * names, dates, the time zone, durations) is a bound parameter, so no name or
 * value can change the query's meaning. Run it with any client, then hand the
 * rows to {@link parse} with the same options.
 *
 * @throws {KpiValidationError} on bad options (as core reports them) or a bad target.
 * @example
 * const { sql, params } = compile('activeUsers', { from: '2024-03-01', to: '2024-03-31', timeZone: 'Europe/Paris' }, {
 *   dialect: 'postgres',
 *   table: ['analytics', 'events'],
 *   columns: { userId: 'user_id', name: 'event', timestamp: 'created_at' },
 * });
 * const { rows } = await pool.query(sql, params);
 * const result = parse('activeUsers', rows, { from: '2024-03-01', to: '2024-03-31', timeZone: 'Europe/Paris' });
 */
export function compile<M extends MetricName, D extends Dialect>(
  metric: M,
  options: MetricOptions<M>,
  target: SqlTarget<MetricColumns<M>> & { readonly dialect: D },
): CompiledQuery<D> {
  const definition = metricSql(metric);
  const checked = definition.check(options);
  const context = compileContext(resolveTarget(definition.table, target), groupOf(checked));
  if ((target as { costs?: unknown }).costs !== undefined && metric !== 'attribution') {
    throw new KpiValidationError('target', [
      { index: null, path: 'target.costs', expected: 'no spend table (only attribution reads one)', received: 'a spend table' },
    ]);
  }
  const sql = definition.compile(context, checked);
  return { sql, params: context.params.toParams() } as CompiledQuery<D>;
}
