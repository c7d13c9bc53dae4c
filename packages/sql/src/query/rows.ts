import { KpiValidationError } from '@kpikit/core';

/** One row as a SQL client returns it: column name → value. */
export type SqlRow = Readonly<Record<string, unknown>>;

/**
 * A numeric cell as a number, or `null` for SQL NULL. Clients return integers
 * as numbers, `bigint`s (DuckDB's BIGINT, HUGEINT) or decimal strings
 * (PostgreSQL's numeric); all are read exactly up to 2^53.
 */
export function numberAt(rows: readonly SqlRow[], index: number, column: string): number | null {
  const value = (rows[index] as SqlRow)[column];
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  throw new KpiValidationError('rows', [
    {
      index,
      path: `rows[${index}].${column}`,
      expected: 'a number, a bigint or a numeric string',
      received: typeof value === 'string' ? JSON.stringify(value) : typeof value,
    },
  ]);
}

/** A numeric cell that must be present. */
export function requiredNumberAt(rows: readonly SqlRow[], index: number, column: string): number {
  const value = numberAt(rows, index, column);
  if (value === null) {
    throw new KpiValidationError('rows', [{ index, path: `rows[${index}].${column}`, expected: 'a number', received: 'null' }]);
  }
  return value;
}

/** The range every compiled query returns on each row, as day numbers. */
export interface RowRange {
  readonly fromDay: number;
  readonly toDay: number;
}

/** What `parse` reports for invalid event rows. */
export const INVALID_EVENTS = 'no row with a NULL or empty user id or event name, or a NULL timestamp';

/**
 * Reads the `from_day`, `to_day` and `invalid` columns every compiled query
 * returns: `null` when the range is empty (no data and no bounds).
 *
 * @throws {KpiValidationError} when the table held invalid rows, or no row came back.
 */
export function rangeOf(rows: readonly SqlRow[], invalidRows: string): RowRange | null {
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new KpiValidationError('rows', [
      {
        index: null,
        path: 'rows',
        expected: 'the rows of the compiled query (at least one row: the range)',
        received: Array.isArray(rows) ? 'no rows' : typeof rows,
      },
    ]);
  }
  const invalid = numberAt(rows, 0, 'invalid') ?? 0;
  if (invalid > 0) {
    throw new KpiValidationError('table', [
      { index: null, path: 'table', expected: invalidRows, received: `${invalid} invalid row${invalid === 1 ? '' : 's'}` },
    ]);
  }
  const fromDay = numberAt(rows, 0, 'from_day');
  const toDay = numberAt(rows, 0, 'to_day');
  return fromDay === null || toDay === null ? null : { fromDay, toDay };
}

/** The rows that carry data (the bounds row alone has NULL in `column`). */
export function dataRows(rows: readonly SqlRow[], column: string): number[] {
  const indices: number[] = [];
  for (let i = 0; i < rows.length; i++) if (numberAt(rows, i, column) !== null) indices.push(i);
  return indices;
}
