import { KpiValidationError } from '@kpikit/core';
import type { SqlDialect } from '../dialect/dialect.types';
import { dialects } from '../dialect/dialects';
import type { ResolvedTarget, TimestampType } from '../target';
import { ParamList } from './params';

/** What a metric compiler writes with: the dialect, the parameters, and the quoted table and columns. */
export interface CompileContext {
  readonly dialect: SqlDialect;
  readonly params: ParamList;
  /** The quoted, possibly qualified, table name. */
  readonly table: string;
  /** The table name's parts, unquoted. */
  readonly tableParts: readonly string[];
  /** The quoted name of a column, by its key (`userId`, `score`, …). */
  column(key: string): string;
  /** Whether event queries count invalid rows (`target.checkRows`). */
  readonly checkRows: boolean;
  /** A column setting that is not a name (`timestampType`, `boundaryType`). */
  setting(key: string): string;
  /**
   * The quoted column of an event property, by key: the caller's mapping, else
   * the column named like the key.
   *
   * @throws {KpiValidationError} at `path` for a key that cannot name a column (empty, or holding NUL) and is not mapped.
   */
  propertyColumn(key: string, path: string): string;
  /**
   * The group whose events an event metric counts (options `unit: { group }`),
   * or `null` for users: see `eventHead`.
   */
  readonly unit: { readonly group: string } | null;
  /**
   * With a users table in the target, the expression over that table (its
   * rows aliased `k_u`) of a `user.<key>` property (`user.createdAt`: the
   * creation time in epoch ms); `null` for any other key, or without a
   * users table.
   */
  userProperty(key: string): string | null;
  /** The users table, quoted, and its id column as text over rows aliased `k_u` (`null` without one). */
  readonly users: { readonly table: string; readonly id: string } | null;
  /** The spend table `attribution` reads (quoted) and its quoted columns, or `null`. */
  readonly costs: { readonly table: string; column(key: 'channel' | 'campaign' | 'from' | 'to' | 'amount'): string } | null;
}

/** The prefix of the properties a users table gives, as core's `joinUsers` names them. */
export const USER_PREFIX = 'user.';

/** A context for one compilation against a resolved target. */
export function compileContext(target: ResolvedTarget, unit: { readonly group: string } | null = null): CompileContext {
  const dialect = dialects[target.dialect];
  const users = target.users;
  const spend = target.costs;
  return {
    costs: spend && {
      table: spend.table.map((part) => dialect.ident(part)).join('.'),
      column: (key) => dialect.ident(spend.columns[key]),
    },
    users: users && {
      table: users.table.map((part) => dialect.ident(part)).join('.'),
      id: `CAST(k_u.${dialect.ident(users.columns.userId)} AS ${dialect.type('text')})`,
    },
    userProperty: (key) => {
      if (users === null || !key.startsWith(USER_PREFIX)) return null;
      const name = key.slice(USER_PREFIX.length);
      if (Object.prototype.hasOwnProperty.call(users.properties, name)) return `k_u.${dialect.ident(users.properties[name] as string)}`;
      if (name === 'createdAt')
        return dialect.epochMs(`k_u.${dialect.ident(users.columns.createdAt)}`, users.columns.createdAtType as TimestampType);
      if (name.length === 0 || name.includes('\0')) return null;
      return `k_u.${dialect.ident(name)}`;
    },
    dialect,
    params: new ParamList(dialect),
    table: target.table.map((part) => dialect.ident(part)).join('.'),
    tableParts: target.table,
    checkRows: target.checkRows,
    unit,
    column: (key) => dialect.ident(target.columns[key] as string),
    setting: (key) => target.columns[key] as string,
    propertyColumn: (key, path) => {
      const column = Object.prototype.hasOwnProperty.call(target.properties, key) ? target.properties[key] : key;
      if (column === undefined || column.length === 0 || column.includes('\0')) {
        throw new KpiValidationError('options', [
          {
            index: null,
            path,
            expected: 'a property key that names a column, or one mapped to a column in target.columns.properties',
            received: JSON.stringify(key),
          },
        ]);
      }
      return dialect.ident(column);
    },
  };
}

/**
 * `WITH a AS (…), b AS (…) SELECT …`, plus the dialect's trailing settings.
 * The query's own names all start with `k_`; an unqualified table of the same
 * name would be hidden by one of them (ClickHouse resolves every name to a
 * CTE first), so that is refused.
 *
 * @throws {KpiValidationError} when the table's name is one of the query's CTE names.
 */
export function withQuery(context: CompileContext, ctes: readonly (readonly [string, string])[], select: string): string {
  const [only] = context.tableParts;
  if (context.tableParts.length === 1 && only !== undefined && ctes.some(([name]) => name.toLowerCase() === only.toLowerCase())) {
    throw new KpiValidationError('target', [
      {
        index: null,
        path: 'target.table',
        expected: `a table name other than the query's own ${JSON.stringify(only)} (qualify it: ["schema", "${only}"])`,
        received: JSON.stringify(only),
      },
    ]);
  }
  const body = ctes.map(([name, sql]) => `${name} AS (\n${indent(sql)}\n)`).join(',\n');
  return `WITH ${body}\n${select}${context.dialect.suffix}`;
}

/** Every line of `sql` indented by two spaces. */
export function indent(sql: string): string {
  return sql
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
