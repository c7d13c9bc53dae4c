import { KpiValidationError } from '@kpikit/core';
import type { GroupUnitSummary, MetricUnit } from '@kpikit/core';
import type { CompileContext } from './context';
import { numberAt, type SqlRow } from './rows';

/** The group of an event metric's `unit` option, or `null` for users (and for metrics without one). */
export function groupOf(options: unknown): { readonly group: string } | null {
  const unit = (options as { unit?: MetricUnit } | null)?.unit;
  return unit === undefined || unit === 'user' ? null : { group: unit.group };
}

/**
 * At a group's grain, the expressions over the raw table: the group id as
 * text (a text column as it is, an integer one as its digits, as core
 * writes numbers) and the condition that a row has one (not NULL, not empty).
 */
export function groupColumn(context: CompileContext, group: string): { id: string; grouped: string } {
  if (context.userProperty(group) !== null) {
    throw new KpiValidationError('options', [
      {
        index: null,
        path: 'options.unit.group',
        expected: 'a group column of the events table (a users-table property cannot name the group in SQL)',
        received: JSON.stringify(group),
      },
    ]);
  }
  const id = `CAST(${context.propertyColumn(group, 'options.unit.group')} AS ${context.dialect.type('text')})`;
  return { id, grouped: `${id} IS NOT NULL AND ${id} <> ''` };
}

/**
 * `k_unit (unit_groups, unit_ungrouped)`: the distinct groups among the
 * grouped events, and the events without a group, each exact duplicate (same
 * user, name and time) once, as core counts table rows.
 */
export function unitCte(context: CompileContext, group: string, toMs: (column: string) => string): [string, string] {
  const { id, grouped } = groupColumn(context, group);
  const user = context.column('userId');
  const name = context.column('name');
  const time = toMs(context.column('timestamp'));
  return [
    'k_unit',
    [
      'SELECT g.n AS unit_groups, x.n AS unit_ungrouped',
      `FROM (SELECT count(DISTINCT ${id}) AS n FROM ${context.table} WHERE ${grouped}) AS g`,
      `CROSS JOIN (SELECT count(*) AS n FROM (SELECT DISTINCT ${user} AS u, ${name} AS n, ${time} AS ms FROM ${context.table} WHERE NOT (${grouped})) AS s) AS x`,
    ].join('\n'),
  ];
}

/** Adds core's `unit` summary to a parsed result when the options name a group. */
export function withUnitSummary<R extends object>(result: R, rows: readonly SqlRow[], options: unknown): R {
  const group = groupOf(options);
  if (group === null) return result;
  const unit: GroupUnitSummary = {
    group: group.group,
    groups: numberAt(rows, 0, 'unit_groups') ?? 0,
    ungroupedEvents: numberAt(rows, 0, 'unit_ungrouped') ?? 0,
  };
  return { ...result, unit };
}
