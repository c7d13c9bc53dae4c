/** Where a file reader sends what it reads: each row as an object, or why a row could not be read. */
export interface RowSink {
  /** A row, with the 1-based line (CSV, JSON lines) or row (Parquet) it starts on. */
  row(row: Record<string, unknown>, line: number): void;
  /** A row the reader could not make an object of. */
  reject(line: number, field: string, message: string): void;
}

/** The kinds of file the page reads. */
export type FileKind = 'csv' | 'jsonl' | 'parquet';

/** The kind of a file, by its extension, else by its first bytes (`PAR1` is Parquet's magic, `{` a JSON line). */
export async function fileKind(file: Blob & { readonly name?: string }): Promise<FileKind> {
  const name = file.name ?? '';
  if (/\.parquet$/i.test(name)) return 'parquet';
  if (/\.(jsonl|ndjson|json)$/i.test(name)) return 'jsonl';
  if (/\.(csv|tsv|txt)$/i.test(name)) return 'csv';
  const head = await file.slice(0, 64).text();
  if (head.startsWith('PAR1')) return 'parquet';
  return head.trimStart().startsWith('{') ? 'jsonl' : 'csv';
}
