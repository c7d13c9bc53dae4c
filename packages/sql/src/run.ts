import { compile } from './compile';
import { parse } from './parse';
import type { MetricColumns, MetricName, MetricOptions, ResultFor } from './metrics/registry';
import type { SqlParams } from './query/params';
import type { SqlRow } from './query/rows';
import type { Dialect, SqlTarget } from './target';

/** Runs SQL with any client: resolves to the rows as objects keyed by column name. */
export type QueryFunction = (sql: string, params: SqlParams) => Promise<readonly SqlRow[]>;

/** Where and how {@link run} queries: the target plus the caller's own query function. */
export interface RunTarget<M extends MetricName> extends SqlTarget<MetricColumns<M>> {
  readonly dialect: Dialect;
  readonly query: QueryFunction;
}

/**
 * Compiles a metric, runs it with the caller's query function and parses the
 * rows: one call from options to core's result.
 *
 * @throws {KpiValidationError} on bad options or target; rejects with the query function's own error.
 * @example
 * const result = await run('retention', { period: 'week', periods: 8, timeZone: 'Europe/Paris' }, {
 *   dialect: 'postgres',
 *   table: 'events',
 *   query: async (sql, params) => (await pool.query(sql, params as unknown[])).rows,
 * });
 */
export async function run<M extends MetricName, O extends MetricOptions<M>>(
  metric: M,
  options: O,
  target: RunTarget<M>,
): Promise<ResultFor<M, O>> {
  const { sql, params } = compile(metric, options, target);
  const rows = await target.query(sql, params);
  return parse(metric, rows, options);
}
