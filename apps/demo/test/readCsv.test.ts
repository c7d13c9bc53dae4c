import { describe, expect, it } from 'vitest';
import { importRows, MAX_ROW_ISSUES } from '../src/worker/fileImport';
import { readCsv } from '../src/worker/readCsv';
import type { RowSink } from '../src/worker/rowSink';

const HEADER = 'user_id,name,timestamp,plan';
const GENERIC = { format: 'generic', mapping: { user: 'user_id', name: 'name', time: 'timestamp' } } as const;

/** Everything a reader sends, in order. */
function recorder(): RowSink & { rows: [number, Record<string, unknown>][]; rejects: [number, string, string][] } {
  const rows: [number, Record<string, unknown>][] = [];
  const rejects: [number, string, string][] = [];
  return {
    rows,
    rejects,
    row: (row, line) => void rows.push([line, row]),
    reject: (line, field, message) => void rejects.push([line, field, message]),
  };
}

describe('readCsv', () => {
  it('sends each row as an object of its cells, by the line it starts on', async () => {
    const sink = recorder();
    const text = [HEADER, 'ana,signup,2024-03-04T09:12:00+01:00,free', 'ana,"multi', 'line",1710230400000,', '', 'ben,x,1,pro,extra'].join(
      '\r\n',
    );
    const { header } = await readCsv(text, sink);
    expect(header).toEqual(['user_id', 'name', 'timestamp', 'plan']);
    expect(sink.rows).toEqual([
      [2, { user_id: 'ana', name: 'signup', timestamp: '2024-03-04T09:12:00+01:00', plan: 'free' }],
      [3, { user_id: 'ana', name: 'multi\r\nline', timestamp: '1710230400000', plan: '' }],
    ]);
    expect(sink.rejects).toEqual([[6, 'row', 'expected 4 values, received 5']]);
  });

  it('stops after the rows asked for', async () => {
    const sink = recorder();
    await readCsv([HEADER, 'a,x,1,', 'b,x,2,', 'c,x,3,'].join('\n'), sink, undefined, 2);
    expect(sink.rows.map(([line]) => line)).toEqual([2, 3]);
  });
});

describe('importing a CSV through core', () => {
  it('keeps every valid row and reports the bad ones by line, one problem a row', async () => {
    const text = [
      HEADER, // line 1
      'ana,signup,2024-03-04T09:12:00+01:00,free', // 2 ok
      ',login,2024-03-04T10:00:00Z,free', // 3 empty user id
      'ana,login,2024-03-04 10:00:00,free', // 4 no offset
      'ana,"multi', // 5–6: a quoted name spanning two lines (valid)
      'line",2024-03-05T10:00:00Z,free',
      'ben,pay,2024-03-06T10:00:00Z,pro,extra', // 7 too many values
      ',,,pro', // 8 no user, name or time: reported once
      'ben,pay,2024-03-06T11:00:00Z,', // 9 ok, no plan
    ].join('\r\n');
    const read = await importRows((sink) => readCsv(text, sink), GENERIC);
    expect(read.rows).toBe(3);
    expect(read.rejected).toBe(4);
    expect(read.issues).toEqual([
      { line: 3, field: 'user_id', message: 'expected a non-empty string or an integer, received an empty value' },
      {
        line: 4,
        field: 'timestamp',
        message: 'expected epoch milliseconds or an ISO-8601 date-time with Z or an offset, received "2024-03-04 10:00:00"',
      },
      { line: 7, field: 'row', message: 'expected 4 values, received 5' },
      { line: 8, field: 'user_id', message: 'expected a non-empty string or an integer, received an empty value' },
    ]);
    expect(read.table.names).toEqual(['signup', 'multi\r\nline', 'pay']);
    // An empty cell is an absent property, not an empty string.
    expect(read.summary.properties).toEqual(['plan']);
    expect([...read.table.properties.get('plan')!.codes]).toEqual([0, 0, -1]);
  });

  it('counts every bad row but describes only the first ones', async () => {
    const bad = Array.from({ length: 30 }, (_, i) => `u${i},,2024-01-01T00:00:00Z,`);
    const text = [HEADER, ...bad, 'u,ok,2024-01-01T00:00:00Z,'].join('\n');
    const read = await importRows((sink) => readCsv(text, sink), GENERIC);
    expect(read.rejected).toBe(30);
    expect(read.issues).toHaveLength(MAX_ROW_ISSUES);
    expect(read.issues.at(-1)!.line).toBe(MAX_ROW_ISSUES + 1);
    expect(read.rows).toBe(1);
  });
});
