import type { PropertyValue } from './event.types';

/** Property columns as the table and its builder hold them. */
type Columns = ReadonlyMap<string, { readonly codes: Int32Array; readonly values: readonly PropertyValue[] }>;

/**
 * A row's properties, sorted by key and serialised: of two exact duplicates
 * (same unit, name and instant) the copy kept is the one whose signature sorts
 * first, so the choice never depends on input order.
 */
export function propertySignature(columns: Columns, row: number): string {
  const entries: [string, PropertyValue][] = [];
  for (const [key, column] of columns) {
    const code = column.codes[row] as number;
    if (code >= 0) entries.push([key, column.values[code] as PropertyValue]);
  }
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return JSON.stringify(entries);
}
