import {
  createImporter,
  detectFormat,
  type EventTable,
  type FormatDetection,
  type ImportOptions,
  type ImportSummary,
  type KpiIssue,
} from '@kpikit/core';
import type { RowIssue } from '../dashboard/types';
import { readCsv } from './readCsv';
import { readJsonLines } from './readJsonLines';
import { readParquet } from './readParquet';
import { fileKind, type FileKind, type RowSink } from './rowSink';

/** How many bad rows are described; the rest are counted. */
export const MAX_ROW_ISSUES = 20;

/** How many rows of a file's head the format is detected from. */
export const DETECT_ROWS = 200;

/** What the head of a file says about it. */
export interface FileInspection {
  readonly name: string;
  readonly kind: FileKind;
  readonly detection: FormatDetection;
  /**
   * Why the file should not be read before a person confirms its mapping:
   * a field no column was found for, or times without an offset in a file
   * whose format does not say their zone. `null` to read at once.
   */
  readonly confirm: 'missing-fields' | 'zone' | null;
}

/** A file read through core's importer: the table, what was read, and the rows that could not be. */
export interface FileImport {
  readonly table: EventTable;
  readonly summary: ImportSummary;
  readonly options: ImportOptions;
  /** Valid rows (duplicates included). */
  readonly rows: number;
  /** Rows left out: unreadable, or invalid by the format's rules. */
  readonly rejected: number;
  /** The first of those, by line, one problem per row. */
  readonly issues: readonly RowIssue[];
}

function read(kind: FileKind, file: Blob, sink: RowSink, onProgress: (fraction: number) => void, limit?: number): Promise<unknown> {
  switch (kind) {
    case 'csv':
      return readCsv(file, sink, onProgress, limit);
    case 'jsonl':
      return readJsonLines(file, sink, onProgress, limit);
    case 'parquet':
      return readParquet(file, sink, onProgress, limit);
  }
}

/** Reads the first rows of a file and detects its format with core's `detectFormat`. */
export async function inspectFile(file: File): Promise<FileInspection> {
  const kind = await fileKind(file);
  const rows: Record<string, unknown>[] = [];
  const sink: RowSink = { row: (row) => void rows.push(row), reject: () => undefined };
  const result = await read(kind, file, sink, () => undefined, DETECT_ROWS);
  const header = (result as { header?: readonly string[] } | undefined)?.header;
  return { name: file.name, kind, ...inspectRows(rows, header ?? []) };
}

/** The detection of a file's first rows (or its header when it has none), and whether to confirm it. */
export function inspectRows(
  rows: readonly Record<string, unknown>[],
  header: readonly string[],
): Pick<FileInspection, 'detection' | 'confirm'> {
  // From rows when there are any (they show how times are written); from the header of a file without.
  const detection = detectFormat(rows.length > 0 ? rows : header);
  const confirm =
    detection.options === null
      ? 'missing-fields'
      : detection.format === 'generic' && detection.fields.timeFormat === 'local'
        ? 'zone'
        : null;
  return { detection, confirm };
}

/**
 * Reads a whole file through core's `createImporter` in the worker, a chunk
 * at a time: each row is checked and encoded as it comes, invalid ones are
 * left out and reported by line, every valid one is kept.
 */
export function importFile(
  file: File,
  kind: FileKind,
  options: ImportOptions,
  onProgress: (fraction: number) => void,
  onIndexing: () => void,
): Promise<FileImport> {
  return importRows((sink) => read(kind, file, sink, onProgress), options, onIndexing);
}

/** {@link importFile} over any reader: `readInto` sends the rows to the sink it is given. */
export async function importRows(
  readInto: (sink: RowSink) => Promise<unknown>,
  options: ImportOptions,
  onIndexing: () => void = () => undefined,
): Promise<FileImport> {
  const importer = createImporter({ ...options, invalid: 'skip' });
  const unreadable: RowIssue[] = [];
  let unreadableCount = 0;
  /** The line of each of the first invalid rows, by their index among the rows pushed. */
  const lineOf = new Map<number, number>();
  const sink: RowSink = {
    row(row, line) {
      const index = importer.rows;
      if (importer.push(row) === 'invalid' && lineOf.size < MAX_ROW_ISSUES) lineOf.set(index, line);
    },
    reject(line, field, message) {
      unreadableCount += 1;
      if (unreadable.length < MAX_ROW_ISSUES) unreadable.push({ line, field, message });
    },
  };
  await readInto(sink);
  onIndexing();
  const { table, summary } = importer.finish();
  const invalid = firstPerRow(summary.issues, lineOf);
  return {
    table,
    summary,
    options,
    rows: summary.events + summary.duplicates,
    rejected: unreadableCount + summary.invalid,
    issues: [...unreadable, ...invalid].sort((a, b) => a.line - b.line).slice(0, MAX_ROW_ISSUES),
  };
}

/** Core's issues as the page lists them: by line, the row's first problem, in words. */
function firstPerRow(issues: readonly KpiIssue[], lineOf: ReadonlyMap<number, number>): RowIssue[] {
  const seen = new Set<number>();
  const rows: RowIssue[] = [];
  for (const issue of issues) {
    if (issue.index === null || seen.has(issue.index)) continue;
    const line = lineOf.get(issue.index);
    if (line === undefined) continue;
    seen.add(issue.index);
    const prefix = `rows[${issue.index}]`;
    const field = issue.path.length > prefix.length ? issue.path.slice(prefix.length + 1) : 'row';
    rows.push({ line, field, message: `expected ${issue.expected}, received ${received(issue.received)}` });
  }
  return rows;
}

function received(text: string): string {
  if (text === '""') return 'an empty value';
  if (text === 'undefined') return 'nothing';
  return text;
}
