import { describe, expect, it } from 'vitest';
import { importRows } from '../src/worker/fileImport';
import { readJsonLines } from '../src/worker/readJsonLines';

const blob = (lines: readonly string[]): Blob => new Blob([lines.join('\n')]);

describe('readJsonLines', () => {
  it('sends each object by its line and rejects lines that are not JSON objects', async () => {
    const rows: [number, unknown][] = [];
    const rejects: [number, string][] = [];
    await readJsonLines(blob(['{"a":1}', '', 'not json', '[1,2]', '{"b":2}']), {
      row: (row, line) => void rows.push([line, row]),
      reject: (line, _field, message) => void rejects.push([line, message]),
    });
    expect(rows).toEqual([
      [1, { a: 1 }],
      [5, { b: 2 }],
    ]);
    expect(rejects).toEqual([
      [3, 'expected a JSON object, received text that is not JSON'],
      [4, 'expected a JSON object, received an array'],
    ]);
  });

  it('decodes characters split between stream chunks', async () => {
    const line = '{"userId":"zoë 🐙","name":"開始","timestamp":1}';
    const bytes = new TextEncoder().encode(line);
    // One chunk per byte: every multi-byte character is split.
    const stream = new Blob(Array.from(bytes, (byte) => new Uint8Array([byte])));
    const read = await importRows((sink) => readJsonLines(stream, sink), { format: 'generic' });
    expect(read.table.userIds).toEqual(['zoë 🐙']);
    expect(read.table.names).toEqual(['開始']);
  });

  it('reads kpikit’s own lines in either spelling of the user id, reporting bad fields by line', async () => {
    const read = await importRows(
      (sink) =>
        readJsonLines(
          blob([
            '{"userId":"ana","name":"signup","timestamp":"2024-03-04T09:12:00+01:00","properties":{"plan":"free","seats":3}}',
            '{"user_id":"ben","name":"login","timestamp":1710230400000}',
            '{"userId":"a","name":"","timestamp":2}',
            '{"userId":"a","name":"y","timestamp":"2024-01-01"}',
          ]),
          sink,
        ),
      { format: 'generic' },
    );
    expect(read.table.userIds).toEqual(['ana', 'ben']);
    expect(read.summary.properties).toEqual(['plan', 'seats']);
    expect(read.issues.map(({ line, field }) => [line, field])).toEqual([
      [3, 'name'],
      [4, 'timestamp'],
    ]);
  });
});
