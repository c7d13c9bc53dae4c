import type { EventTable, PropertyValue } from './event.types';

/**
 * Which events qualify: by name (one or several) and/or property equality.
 * A `null` property value matches events where the property is null or absent,
 * as it does in SQL, so every engine agrees.
 */
export interface EventFilter {
  readonly name?: string | readonly string[] | undefined;
  readonly properties?: Readonly<Record<string, PropertyValue>> | undefined;
}

/** A compiled filter: whether row `i` of the table qualifies. */
export type RowPredicate = (row: number) => boolean;

const everything: RowPredicate = () => true;
const nothing: RowPredicate = () => false;

/**
 * Compiles a filter against a table's dictionaries once, so testing a row is a
 * few integer comparisons. `undefined` qualifies every row.
 */
export function compileFilter(table: EventTable, filter: EventFilter | undefined): RowPredicate {
  if (!filter) return everything;
  const checks: RowPredicate[] = [];
  if (filter.name !== undefined) {
    const wanted = new Set(typeof filter.name === 'string' ? [filter.name] : filter.name);
    const nameOk = new Uint8Array(table.names.length);
    table.names.forEach((name, code) => {
      if (wanted.has(name)) nameOk[code] = 1;
    });
    const names = table.name;
    checks.push((row) => nameOk[names[row] as number] === 1);
  }
  for (const [key, value] of Object.entries(filter.properties ?? {})) {
    const column = table.properties.get(key);
    if (!column) {
      if (value !== null) return nothing;
      continue; // absent everywhere: null matches every row
    }
    const code = column.values.indexOf(value);
    const codes = column.codes;
    if (value === null) checks.push((row) => (codes[row] as number) === code || codes[row] === -1);
    else if (code === -1) return nothing;
    else checks.push((row) => codes[row] === code);
  }
  if (checks.length === 0) return everything;
  if (checks.length === 1) return checks[0] as RowPredicate;
  return (row) => checks.every((check) => check(row));
}

/**
 * The rows a filter qualifies, as one byte per row (1 = qualifies), or `null`
 * when every row does. Hot loops test a byte instead of calling a closure.
 */
export function rowMask(table: EventTable, filter: EventFilter | undefined): Uint8Array | null {
  if (!filter || (filter.name === undefined && Object.keys(filter.properties ?? {}).length === 0)) return null;
  const qualifies = compileFilter(table, filter);
  const mask = new Uint8Array(table.length);
  for (let row = 0; row < mask.length; row++) if (qualifies(row)) mask[row] = 1;
  return mask;
}

/** One byte per event name (1 = it is `name`), or `null` for "any name". */
export function nameMask(table: EventTable, name: string | undefined): Uint8Array | null {
  if (name === undefined) return null;
  const mask = new Uint8Array(table.names.length);
  const code = table.names.indexOf(name);
  if (code >= 0) mask[code] = 1;
  return mask;
}
