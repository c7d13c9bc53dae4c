import { describe, expect, it } from 'vitest';
import { readCsv } from '../src/worker/readCsv';
import { MAX_ROW_ISSUES } from '../src/worker/eventRows';

const HEADER = 'user_id,name,timestamp,plan';

describe('readCsv', () => {
  it('reads every valid row into columns, with extra columns as properties', async () => {
    const text = [
      HEADER,
      'ana,signup,2024-03-04T09:12:00+01:00,free',
      'ana,login,1710230400000,pro', // epoch ms as digits
      'ben,signup,2024-03-05T17:40:00Z,',
      '',
    ].join('\n');
    const read = await readCsv(text);
    expect(read.rows).toBe(3);
    expect(read.rejected).toBe(0);
    expect(read.columns.userId).toEqual(['ana', 'ana', 'ben']);
    expect(read.columns.name).toEqual(['signup', 'login', 'signup']);
    expect(read.columns.timestamp).toEqual(['2024-03-04T09:12:00+01:00', 1710230400000, '2024-03-05T17:40:00Z']);
    // An empty cell is an absent property, not an empty string.
    expect(read.columns.properties).toEqual({ plan: ['free', 'pro', undefined] });
  });

  it('reports bad rows by the line they start on and keeps every valid row', async () => {
    const text = [
      HEADER, // line 1
      'ana,signup,2024-03-04T09:12:00+01:00,free', // 2 ok
      ',login,2024-03-04T10:00:00Z,free', // 3 empty user id
      'ana,login,2024-03-04 10:00:00,free', // 4 no offset
      'ana,"multi', // 5–6: a quoted name spanning two lines (valid)
      'line",2024-03-05T10:00:00Z,free',
      'ben,pay,2024-03-06T10:00:00Z,pro,extra', // 7 too many values
      'ben,pay,,pro', // 8 no timestamp
      'ben,pay,2024-03-06T11:00:00Z,pro', // 9 ok
    ].join('\r\n');
    const read = await readCsv(text);
    expect(read.rows).toBe(3);
    expect(read.columns.name).toEqual(['signup', 'multi\r\nline', 'pay']);
    expect(read.rejected).toBe(4);
    expect(read.issues.map(({ line, field }) => [line, field])).toEqual([
      [3, 'user_id'],
      [4, 'timestamp'],
      [7, 'row'],
      [8, 'timestamp'],
    ]);
    expect(read.issues[1]!.message).toBe(
      'expected epoch milliseconds or an ISO-8601 date-time with Z or an offset, received "2024-03-04 10:00:00"',
    );
    expect(read.issues[2]!.message).toBe('expected 4 values, received 5');
  });

  it('counts every bad row but describes only the first ones', async () => {
    const bad = Array.from({ length: 30 }, (_, i) => `u${i},,2024-01-01T00:00:00Z,`);
    const read = await readCsv([HEADER, ...bad, 'u,ok,2024-01-01T00:00:00Z,'].join('\n'));
    expect(read.rejected).toBe(30);
    expect(read.issues).toHaveLength(MAX_ROW_ISSUES);
    expect(read.issues.at(-1)!.line).toBe(MAX_ROW_ISSUES + 1);
    expect(read.rows).toBe(1);
  });

  it('accepts the common aliases of the column names, in any order and case', async () => {
    const read = await readCsv('TS,Event,userId\n2024-01-01T00:00:00Z,open,ana\n');
    expect(read.columns).toMatchObject({ userId: ['ana'], name: ['open'], timestamp: ['2024-01-01T00:00:00Z'] });
  });

  it('rejects a file without the needed columns, naming what is missing', async () => {
    await expect(readCsv('id,event\nana,open\n')).rejects.toThrow(/lacks user_id, timestamp/);
    await expect(readCsv('')).rejects.toThrow(/empty/);
  });

  it('reads rows split across parser chunks exactly once', async () => {
    const rows = Array.from({ length: 120_000 }, (_, i) => `user${i % 997},e${i % 7},${1_700_000_000_000 + i * 1000},p`);
    const read = await readCsv([HEADER, ...rows].join('\n'));
    expect(read.rows).toBe(rows.length);
    expect(read.rejected).toBe(0);
    expect(read.columns.timestamp.at(-1)).toBe(1_700_000_000_000 + (rows.length - 1) * 1000);
  });
});
