import { detectFormat } from './detectFormat';
import type { ImportOptions, ImportResult, ImportOptionsBase } from './import.types';
import { createImporter } from './importer';

/** How many rows {@link importEvents} looks at to detect the format. */
export const DETECT_ROWS = 100;

/** Options of {@link importEvents}: any importer's, or `format: 'auto'` (the default) to detect it. */
export type ImportEventsOptions = ImportOptions | (ImportOptionsBase & { readonly format?: 'auto' | undefined });

/**
 * Imports a whole export at once: rows in any iterable (an array of parsed
 * JSON lines, a CSV parser's objects). With `format: 'auto'`, the format is
 * {@link detectFormat}'s from the first 100 rows (the generic format's
 * mapping too); the summary names the format used.
 *
 * @throws {KpiValidationError} naming each bad row and field, or each bad option.
 * @example
 * const { table, summary } = importEvents(rows, { format: 'segment', accountProperty: 'account' });
 * summary.accounts; // distinct context.groupId values
 */
export function importEvents(rows: Iterable<unknown>, options: ImportEventsOptions = {}): ImportResult {
  if (options.format !== undefined && options.format !== 'auto') return run(rows, createImporter(options as ImportOptions));
  const list = Array.isArray(rows) ? (rows as readonly unknown[]) : [...rows];
  const detected = detectFormat(list.slice(0, DETECT_ROWS));
  const chosen = { ...detected.options, ...options, format: detected.format } as ImportOptions;
  return run(list, createImporter(chosen));
}

function run(rows: Iterable<unknown>, importer: ReturnType<typeof createImporter>): ImportResult {
  for (const row of rows) importer.push(row);
  return importer.finish();
}
