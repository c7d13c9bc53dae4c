import type { MetricName, MetricOptions, ResultFor } from './metrics/registry';
import { metricSql } from './metrics/registry';
import type { SqlRow } from './query/rows';

/**
 * Turns the rows of a query made by {@link compile} into exactly the result
 * `@kpikit/core` returns for the same data and options (`RetentionResult`,
 * `ActiveUsersResult`, …), ready for the widgets. Pass the same options as to
 * `compile`; row order does not matter, and integers may come back as
 * numbers, bigints or numeric strings.
 *
 * @throws {KpiValidationError} on bad options, malformed rows, or invalid rows in the table (a NULL user id …).
 * @example
 * const rows = (await connection.runAndReadAll(sql, params)).getRowObjectsJS();
 * const result = parse('retention', rows, { period: 'week', periods: 8 });
 */
export function parse<M extends MetricName, O extends MetricOptions<M>>(metric: M, rows: readonly SqlRow[], options: O): ResultFor<M, O> {
  const definition = metricSql(metric);
  return definition.parse(rows, definition.check(options)) as ResultFor<M, O>;
}
