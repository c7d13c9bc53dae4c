import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { importRows, inspectRows } from '../src/worker/fileImport';
import { readParquet } from '../src/worker/readParquet';

/** An Amplitude-like export as Parquet, in row groups of `groupSize` rows. */
function amplitudeParquet(count: number, groupSize: number): Blob {
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'user_id', data: Array.from({ length: count }, (_, i) => (i % 5 === 0 ? null : `u${i % 7}`)), type: 'STRING' },
      { name: 'device_id', data: Array.from({ length: count }, (_, i) => `d${i % 3}`), type: 'STRING' },
      { name: 'event_type', data: Array.from({ length: count }, (_, i) => (i % 2 ? 'login' : 'view')), type: 'STRING' },
      {
        name: 'event_time',
        data: Array.from({ length: count }, (_, i) => `2024-03-01 09:${String(i % 60).padStart(2, '0')}:00.000000`),
        type: 'STRING',
      },
      {
        name: 'event_properties',
        data: Array.from({ length: count }, (_, i) => JSON.stringify({ plan: i % 2 ? 'pro' : 'free' })),
        type: 'STRING',
      },
    ],
    rowGroupSize: groupSize,
  });
  return new Blob([buffer]);
}

describe('readParquet', () => {
  it('streams every row group, numbering rows from 1', async () => {
    const lines: number[] = [];
    const progress: number[] = [];
    const { header } = await readParquet(
      amplitudeParquet(25, 10),
      { row: (_row, line) => void lines.push(line), reject: () => undefined },
      (f) => progress.push(f),
    );
    expect(header).toEqual(['user_id', 'device_id', 'event_type', 'event_time', 'event_properties']);
    expect(lines).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(progress).toEqual([0.4, 0.8, 1]);
  });

  it('reads only the head when asked, and detects the format from it', async () => {
    const rows: Record<string, unknown>[] = [];
    await readParquet(amplitudeParquet(25, 10), { row: (row) => void rows.push(row), reject: () => undefined }, undefined, 12);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual({
      user_id: null,
      device_id: 'd0',
      event_type: 'view',
      event_time: '2024-03-01 09:00:00.000000',
      event_properties: '{"plan":"free"}',
    });
    expect(inspectRows(rows, []).detection.format).toBe('amplitude');
  });

  it('imports it through core: device_id stands in for a missing user_id, times read in UTC', async () => {
    const file = amplitudeParquet(25, 10);
    const read = await importRows((sink) => readParquet(file, sink), { format: 'amplitude' });
    expect(read.rejected).toBe(0);
    expect(read.summary.events).toBe(25);
    // Rows 0, 5, 10, 15, 20 have no user_id: their devices d0, d2, d1, d0, d2 are the users.
    const expected = new Set(Array.from({ length: 25 }, (_, i) => (i % 5 === 0 ? `d${i % 3}` : `u${i % 7}`)));
    expect([...read.table.userIds].sort()).toEqual([...expected].sort());
    expect(expected.has('d1')).toBe(true);
    expect(read.summary.time).toMatchObject({ timeZone: 'UTC', timeZoneAssumed: true, rowsInZone: 25 });
    expect(read.table.minTime).toBe(Date.UTC(2024, 2, 1, 9, 0));
  });
});
