import type { EventFilter, PropertyValue } from '@kpikit/core';
import type { CompileContext } from './context';

/** Property equality conditions, as core's `EventFilter.properties` and a funnel step's `where` take them. */
export type PropertyConditions = Readonly<Record<string, PropertyValue>>;

/**
 * The event properties one query reads: each key's column, selected once in
 * the query's head as `p0`, `p1`, … (see `eventCtes`), and the conditions
 * over them.
 */
export class PropertySet {
  private readonly aliases = new Map<string, string>();
  private readonly columns: string[] = [];
  /** The users-table columns read (`<expression> AS k_p0`), for {@link PropertySet.from}. */
  private readonly userColumns: string[] = [];

  constructor(private readonly context: CompileContext) {}

  /**
   * Registers a property read by the query; `path` names the option that
   * asked for it, for the error when the key cannot name a column.
   */
  add(key: string, path: string): string {
    let alias = this.aliases.get(key);
    if (alias === undefined) {
      alias = `p${this.aliases.size}`;
      const user = this.context.userProperty(key);
      if (user === null) this.columns.push(`${this.context.propertyColumn(key, path)} AS ${alias}`);
      else {
        this.userColumns.push(`${user} AS k_${alias}`);
        this.columns.push(`k_users.k_${alias} AS ${alias}`);
      }
      this.aliases.set(key, alias);
    }
    return alias;
  }

  /** Whether the query reads the users table (a `user.<key>` property with a users table in the target). */
  readsUsers(): boolean {
    return this.userColumns.length > 0;
  }

  /**
   * The FROM item of the event rows: `table`, LEFT JOINed on the user id
   * (`userId`, an expression over the table's own columns) to the users-table
   * columns the query reads, when it reads any.
   */
  from(table: string, userId: string): string {
    const { users } = this.context;
    if (users === null || !this.readsUsers()) return table;
    return [
      table,
      `LEFT JOIN (SELECT ${users.id} AS k_uid, ${this.userColumns.join(', ')} FROM ${users.table} AS k_u) AS k_users ON k_users.k_uid = ${userId}`,
    ].join('\n');
  }

  /** Registers every key of some conditions. */
  addAll(conditions: PropertyConditions | undefined, path: string): void {
    for (const key of Object.keys(conditions ?? {})) this.add(key, `${path}.${key}`);
  }

  /** `, "plan" AS p0, …` for the SELECT list of the table's rows ('' when none). */
  selectList(): string {
    return this.columns.map((column) => `, ${column}`).join('');
  }

  /** The aliases `p0`, `p1`, … of the registered properties. */
  names(): string[] {
    return [...this.aliases.values()];
  }

  /** `, p0, p1, …` to carry the properties through a CTE ('' when none), optionally qualified. */
  carry(qualifier = ''): string {
    return this.names()
      .map((alias) => `, ${qualifier}${alias} AS ${alias}`)
      .join('');
  }

  /** The alias of a registered key. */
  alias(key: string): string {
    const alias = this.aliases.get(key);
    if (alias === undefined) throw new Error(`property ${JSON.stringify(key)} was not registered`);
    return alias;
  }

  /**
   * SQL that holds when a row carries every value of `conditions` (`null`:
   * the property is NULL, which is also what a missing value is), or `null`
   * when there are no conditions. Values are bound parameters of their own
   * type: a string compares as text, a number as a double, a boolean as a
   * boolean, so a column of another type is an error of the database rather
   * than a silent mismatch.
   */
  condition(conditions: PropertyConditions | undefined, qualifier = ''): string | null {
    const { params } = this.context;
    const parts = Object.entries(conditions ?? {}).map(([key, value]) => {
      const column = `${qualifier}${this.alias(key)}`;
      if (value === null) return `${column} IS NULL`;
      if (typeof value === 'string') return `${column} = ${params.text(value)}`;
      if (typeof value === 'number') return `${column} = ${params.double(value)}`;
      return `${column} = ${params.boolean(value)}`;
    });
    return parts.length === 0 ? null : parts.join(' AND ');
  }
}

/** `a AND b` over the conditions that exist, or `null` when none does. */
export function allOf(...conditions: readonly (string | null | undefined)[]): string | null {
  const present = conditions.filter((condition): condition is string => condition !== null && condition !== undefined && condition !== '');
  return present.length === 0 ? null : present.map((condition) => (present.length > 1 ? `(${condition})` : condition)).join(' AND ');
}

/**
 * SQL for core's `EventFilter` (`where`: names and property values) over rows
 * qualified by `qualifier`, or `null` when it filters nothing. Its property
 * keys must be registered in `properties`.
 */
export function eventFilterSql(
  context: CompileContext,
  properties: PropertySet,
  where: EventFilter | undefined,
  qualifier: string,
): string | null {
  const names = where?.name;
  const nameFilter = names === undefined ? null : context.params.inList(`${qualifier}n`, typeof names === 'string' ? [names] : names);
  return allOf(nameFilter, properties.condition(where?.properties, qualifier));
}
