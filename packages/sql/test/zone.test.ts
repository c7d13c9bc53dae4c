import fc from 'fast-check';
import { zoneClock } from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { dialects } from '../src/dialect/dialects';
import { compile } from '../src/index';
import { fixedOffset } from '../src/query/zone';
import { useEngines } from './support/differential';

const HOUR = 3_600_000;
const YEAR = 365.2425 * 86_400_000;

const FIXED_NAMES = [
  'UTC',
  'Etc/UTC',
  'etc/utc',
  'UCT',
  'Etc/UCT',
  'Universal',
  'Etc/Universal',
  'Zulu',
  'Etc/Zulu',
  'Greenwich',
  'Etc/Greenwich',
  'GMT',
  'Etc/GMT',
  'GMT0',
  'GMT+0',
  'GMT-0',
  'Etc/GMT0',
  'Etc/GMT+0',
  'Etc/GMT-0',
  'Etc/GMT+5',
  'Etc/GMT+12',
  'Etc/GMT-14',
];

describe('fixed-offset zones', () => {
  it('are the zones whose offset never changes by definition, with the POSIX sign of Etc/GMT±N', () => {
    expect(fixedOffset('UTC')).toBe(0);
    expect(fixedOffset('Etc/Zulu')).toBe(0);
    expect(fixedOffset('Etc/GMT+5')).toBe(-5 * HOUR);
    expect(fixedOffset('Etc/GMT-14')).toBe(14 * HOUR);
    // Zones of changing offset, including one fixed today but not always (Kathmandu was +5:30 until 1986).
    for (const zone of ['Europe/Paris', 'America/New_York', 'Asia/Kathmandu', 'Asia/Tokyo', 'Etc/GMT+13', 'GMTX', 'Europe/UTC']) {
      expect(fixedOffset(zone), zone).toBeNull();
    }
  });

  it('agree with the time zone database at any instant from 1900 to 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: Math.round(-70 * YEAR), max: Math.round(130 * YEAR) }), (ms) => {
        for (const zone of FIXED_NAMES) expect(zoneClock(zone, ms, ms).offsetAt(ms), zone).toBe(fixedOffset(zone));
      }),
    );
  });

  it('are bucketed without sending the zone to the database', () => {
    for (const dialect of ['duckdb', 'postgres', 'clickhouse'] as const) {
      const options = { period: 'week', periods: 4, timeZone: 'Etc/GMT-14' } as const;
      const fixed = compile('retention', options, { dialect, table: 'events' });
      expect(fixed.sql).not.toContain('k_zone');
      expect(Object.values(fixed.params)).not.toContain('Etc/GMT-14');
      expect(fixed.sql).toContain(String(14 * HOUR));
      const zoned = compile('retention', { ...options, timeZone: 'Asia/Tokyo' }, { dialect, table: 'events' });
      expect(Object.values(zoned.params)).toContain('Asia/Tokyo');
    }
  });
});

describe('floor division in SQL', () => {
  const engines = useEngines();
  const values = [0, 1, -1, 6, 7, -6, -7, -8, 86_399_999, 86_400_000, -86_399_999, -86_400_000, -86_400_001, 1_711_846_800_000];
  values.push(-1_711_846_800_001, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER);

  it('rounds towards minus infinity for either sign, on every engine', async () => {
    for (const engine of engines()) {
      const dialect = dialects[engine.dialect];
      for (const divisor of [7, 86_400_000]) {
        const sql = `SELECT ${dialect.floorDiv(dialect.placeholder(1, 'bigint'), divisor)} AS q`;
        for (const value of values) {
          const rows = await engine.query(sql, dialect.namedParams ? { p1: value } : [value]);
          const expected = Math.floor(value / divisor);
          expect(Number(rows[0]?.q), `${engine.label}: floor(${value} / ${divisor})`).toBe(expected);
        }
      }
    }
  }, 60_000);
});

describe('epoch milliseconds of a number column', () => {
  const engines = useEngines();

  it('are the number itself for integers, and its floor for fractions of either sign, on every engine', async () => {
    const cases: [type: 'bigint' | 'double' | 'int', values: number[]][] = [
      ['bigint', [0, -1, 86_400_000, -86_400_001, 1_711_846_800_000]],
      ['int', [0, -1, 86_399_999, -86_400_000]],
      ['double', [0, 1.5, -0.25, -1.5, 86_399_999.9, -86_400_000.5, 1_711_846_799_999.75]],
    ];
    for (const engine of engines()) {
      const dialect = dialects[engine.dialect];
      for (const [type, values] of cases) {
        const sql = `SELECT ${dialect.epochMs(`CAST(${dialect.placeholder(1, 'double')} AS ${dialect.type(type)})`, 'epoch_ms')} AS ms`;
        for (const value of values) {
          const rows = await engine.query(sql, dialect.namedParams ? { p1: value } : [value]);
          expect(Number(rows[0]?.ms), `${engine.label}: ${type} ${value}`).toBe(Math.floor(value));
        }
      }
    }
  }, 60_000);
});
