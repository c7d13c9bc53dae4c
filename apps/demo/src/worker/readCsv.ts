import Papa from 'papaparse';
import type { PropertyValue } from '@kpikit/core';
import { EventRowCollector, timestampCell, type ReadEvents } from './eventRows';

/** Bytes handed to the parser at a time: small enough for a smooth progress bar. */
export const CSV_CHUNK_SIZE = 2 * 1024 * 1024;

/** Header names accepted for each event field, in order of preference. */
const FIELD_ALIASES = {
  userId: ['user_id', 'userid', 'user'],
  name: ['name', 'event', 'event_name'],
  timestamp: ['timestamp', 'time', 'ts'],
} as const;

type Field = keyof typeof FIELD_ALIASES;

/** A CSV without the columns events need. */
export class MissingColumnsError extends Error {
  override readonly name = 'MissingColumnsError';
}

/**
 * Reads events from CSV text or a file, streaming it through Papa Parse a
 * chunk at a time: the first line names the columns (`user_id`, `name`,
 * `timestamp`; every other column becomes a text property), each row is
 * checked, and bad rows are reported by the line they start on (a quoted
 * value may span lines).
 */
export function readCsv(input: File | string, onProgress: (fraction: number) => void = () => undefined): Promise<ReadEvents> {
  const size = typeof input === 'string' ? input.length : input.size;
  return new Promise((resolve, reject) => {
    let header: CsvHeader | null = null;
    let collector: EventRowCollector | null = null;
    let line = 1;
    let chunks = 0;
    let failed = false;
    // Text and files stream through the same chunked parser (text in tests, files in the worker).
    Papa.parse<string[], File>(input as File, {
      delimiter: ',',
      skipEmptyLines: false,
      chunkSize: CSV_CHUNK_SIZE,
      chunk(results, parser) {
        const broken = new Map<number, string>();
        for (const error of results.errors) if (error.row !== undefined) broken.set(error.row, error.message);
        try {
          results.data.forEach((row, index) => {
            const start = line;
            line += 1 + newlinesIn(row);
            if (header === null) {
              header = csvHeader(row);
              collector = new EventRowCollector(header.fieldNames);
              return;
            }
            if (row.length === 1 && row[0]?.trim() === '') return;
            const problem = broken.get(index);
            if (problem !== undefined) collector!.reject(start, 'row', problem);
            else if (row.length > header.width) collector!.reject(start, 'row', `expected ${header.width} values, received ${row.length}`);
            else collector!.add(header.candidate(row), start);
          });
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
        if (!collector) reject(new MissingColumnsError('The file is empty: expected a header line with user_id, name and timestamp.'));
        else resolve(collector.result());
      },
      error(error: Error) {
        reject(error);
      },
    });
  });
}

interface CsvHeader {
  readonly width: number;
  readonly fieldNames: Readonly<Record<string, string>>;
  candidate(row: readonly string[]): { userId: unknown; name: unknown; timestamp: unknown; properties?: Record<string, PropertyValue> };
}

function csvHeader(row: readonly string[]): CsvHeader {
  const names = row.map((cell) => cell.trim());
  const lower = names.map((cell) => cell.toLowerCase());
  const index = {} as Record<Field, number>;
  const missing: string[] = [];
  for (const field of Object.keys(FIELD_ALIASES) as Field[]) {
    const at = FIELD_ALIASES[field].map((alias) => lower.indexOf(alias)).find((i) => i >= 0);
    if (at === undefined) missing.push(FIELD_ALIASES[field][0]);
    else index[field] = at;
  }
  if (missing.length > 0) {
    throw new MissingColumnsError(
      `The CSV header lacks ${missing.join(', ')}: expected user_id, name and timestamp columns, found ${names.join(', ') || 'none'}.`,
    );
  }
  const known = new Set(Object.values(index));
  const extra = names.map((name, i) => ({ name, i })).filter(({ name, i }) => !known.has(i) && name !== '');
  return {
    width: names.length,
    fieldNames: { userId: names[index.userId]!, name: names[index.name]!, timestamp: names[index.timestamp]! },
    candidate(cells) {
      const properties: Record<string, PropertyValue> = {};
      let any = false;
      for (const { name, i } of extra) {
        const value = cells[i];
        if (value !== undefined && value !== '') {
          properties[name] = value;
          any = true;
        }
      }
      return {
        userId: cells[index.userId],
        name: cells[index.name],
        timestamp: timestampCell(cells[index.timestamp]),
        ...(any ? { properties } : {}),
      };
    },
  };
}

function newlinesIn(row: readonly string[]): number {
  let count = 0;
  for (const cell of row) {
    for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) count += 1;
  }
  return count;
}
