import Papa from 'papaparse';
import type { RowSink } from './rowSink';

/** Bytes handed to the parser at a time: small enough for a smooth progress bar. */
export const CSV_CHUNK_SIZE = 2 * 1024 * 1024;

/** A CSV without a header line. */
export class MissingHeaderError extends Error {
  override readonly name = 'MissingHeaderError';
}

/**
 * Streams a CSV through Papa Parse a chunk at a time: the first line names
 * the columns, each later row goes to the sink as an object of its cells
 * (an empty cell is `''`), by the line it starts on (a quoted value may span
 * lines). A row with more cells than the header, or one Papa Parse reports
 * broken, is rejected. With `limit`, stops after that many rows.
 */
export function readCsv(
  input: Blob | string,
  sink: RowSink,
  onProgress: (fraction: number) => void = () => undefined,
  limit = Number.POSITIVE_INFINITY,
): Promise<{ readonly header: readonly string[] }> {
  const size = typeof input === 'string' ? input.length : input.size;
  return new Promise((resolve, reject) => {
    let header: string[] | null = null;
    let line = 1;
    let rows = 0;
    let chunks = 0;
    let failed = false;
    // Text and files stream through the same chunked parser (text in tests, files in the worker).
    Papa.parse<string[], File>(input as File, {
      skipEmptyLines: false,
      chunkSize: CSV_CHUNK_SIZE,
      chunk(results, parser) {
        const broken = new Map<number, string>();
        for (const error of results.errors) if (error.row !== undefined) broken.set(error.row, error.message);
        try {
          const data = results.data;
          for (let index = 0; index < data.length; index++) {
            const cells = data[index]!;
            const start = line;
            line += 1 + newlinesIn(cells);
            if (header === null) {
              header = cells.map((cell) => cell.trim());
              continue;
            }
            if (cells.length === 1 && cells[0]!.trim() === '') continue;
            if (rows++ >= limit) {
              parser.abort();
              return;
            }
            const problem = broken.get(index);
            if (problem !== undefined) sink.reject(start, 'row', problem);
            else if (cells.length > header.length) sink.reject(start, 'row', `expected ${header.length} values, received ${cells.length}`);
            else sink.row(rowOf(header, cells), start);
          }
        } catch (error) {
          // Settle first: aborting calls `complete` at once.
          failed = true;
          reject(error instanceof Error ? error : new Error(String(error)));
          parser.abort();
          return;
        }
        chunks += 1;
        onProgress(Math.min(1, (chunks * CSV_CHUNK_SIZE) / Math.max(1, size)));
      },
      complete() {
        if (failed) return;
        if (header === null) reject(new MissingHeaderError('The file is empty: expected a header line naming its columns.'));
        else resolve({ header });
      },
      error(error: Error) {
        reject(error);
      },
    });
  });
}

function rowOf(header: readonly string[], cells: readonly string[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < header.length; i++) {
    const name = header[i]!;
    if (name !== '') row[name] = cells[i] ?? '';
  }
  return row;
}

function newlinesIn(row: readonly string[]): number {
  let count = 0;
  for (const cell of row) {
    for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) count += 1;
  }
  return count;
}
