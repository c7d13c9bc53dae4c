import { describe, expect, it } from 'vitest';
import { readJsonLines } from '../src/worker/readJsonLines';

const blob = (lines: readonly string[]): Blob => new Blob([lines.join('\n')]);

describe('readJsonLines', () => {
  it('reads objects in either spelling of the user id, with properties', async () => {
    const read = await readJsonLines(
      blob([
        '{"userId":"ana","name":"signup","timestamp":"2024-03-04T09:12:00+01:00","properties":{"plan":"free","seats":3}}',
        '{"user_id":"ben","name":"login","timestamp":1710230400000}',
        '',
      ]),
    );
    expect(read.rejected).toBe(0);
    expect(read.columns.userId).toEqual(['ana', 'ben']);
    expect(read.columns.timestamp).toEqual(['2024-03-04T09:12:00+01:00', 1710230400000]);
    expect(read.columns.properties).toEqual({ plan: ['free', undefined], seats: [3, undefined] });
  });

  it('pads a property first seen on a later row', async () => {
    const read = await readJsonLines(
      blob(['{"userId":"a","name":"x","timestamp":1}', '{"userId":"a","name":"y","timestamp":2,"properties":{"plan":"pro"}}']),
    );
    expect(read.columns.properties).toEqual({ plan: [undefined, 'pro'] });
  });

  it('reports lines that are not JSON objects or not events, and keeps the rest', async () => {
    const read = await readJsonLines(
      blob([
        '{"userId":"a","name":"x","timestamp":1}',
        'not json',
        '[1,2]',
        '{"userId":"a","name":"","timestamp":2}',
        '{"userId":"a","name":"y","timestamp":"2024-01-01"}',
        '{"userId":"a","name":"z","timestamp":3,"properties":{"nested":{}}}',
        '{"userId":"b","name":"x","timestamp":4}',
      ]),
    );
    expect(read.rows).toBe(2);
    expect(read.issues.map(({ line, field }) => [line, field])).toEqual([
      [2, 'row'],
      [3, 'row'],
      [4, 'name'],
      [5, 'timestamp'],
      [6, 'properties'],
    ]);
    expect(read.issues[1]!.message).toBe('expected a JSON object, received an array');
  });

  it('decodes characters split between stream chunks', async () => {
    const line = '{"userId":"zoë 🐙","name":"開始","timestamp":1}';
    const bytes = new TextEncoder().encode(line);
    // One chunk per byte: every multi-byte character is split.
    const stream = new Blob(Array.from(bytes, (byte) => new Uint8Array([byte])));
    const read = await readJsonLines(stream);
    expect(read.columns.userId).toEqual(['zoë 🐙']);
    expect(read.columns.name).toEqual(['開始']);
  });
});
