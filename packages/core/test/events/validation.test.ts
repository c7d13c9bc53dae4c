import { describe, expect, it } from 'vitest';
import { eventTableFromColumns, KpiValidationError, MAX_ISSUES, toEventTable } from '../../src/index';
import type { EventColumns, KpiEvent } from '../../src/index';
import { validationErrorOf } from '../support/reference';

const good = (i: number): KpiEvent => ({ userId: `u${i}`, name: 'login', timestamp: Date.UTC(2024, 0, 1, 0, i) });

/** Calls toEventTable with input that does not fit its type, as plain JavaScript callers may. */
const fromAnything = (events: unknown) => () => toEventTable(events as KpiEvent[]);
const columnsFromAnything = (columns: unknown) => () => eventTableFromColumns(columns as EventColumns);

/** `good` rows with one bad row at index 13. */
function withBadRow13(bad: unknown): unknown[] {
  const rows: unknown[] = Array.from({ length: 20 }, (_, i) => good(i));
  rows[13] = bad;
  return rows;
}

describe('toEventTable: rejected rows', () => {
  const cases: [string, unknown, string][] = [
    ['a string without an offset', { userId: 'u', name: 'e', timestamp: '2024-01-01T10:00:00' }, 'events[13].timestamp'],
    ['a date-only string', { userId: 'u', name: 'e', timestamp: '2024-01-01' }, 'events[13].timestamp'],
    ['an impossible date', { userId: 'u', name: 'e', timestamp: '2023-02-29T10:00:00Z' }, 'events[13].timestamp'],
    ['an offset without a colon', { userId: 'u', name: 'e', timestamp: '2024-01-01T10:00:00+0100' }, 'events[13].timestamp'],
    ['a non-ISO date string', { userId: 'u', name: 'e', timestamp: 'Mon, 01 Jan 2024 10:00:00 GMT' }, 'events[13].timestamp'],
    ['NaN', { userId: 'u', name: 'e', timestamp: Number.NaN }, 'events[13].timestamp'],
    ['Infinity', { userId: 'u', name: 'e', timestamp: Number.POSITIVE_INFINITY }, 'events[13].timestamp'],
    ['ms beyond the Date range', { userId: 'u', name: 'e', timestamp: 8.64e15 + 1 }, 'events[13].timestamp'],
    ['an invalid Date', { userId: 'u', name: 'e', timestamp: new Date(Number.NaN) }, 'events[13].timestamp'],
    ['a missing timestamp', { userId: 'u', name: 'e' }, 'events[13].timestamp'],
    ['a numeric string timestamp', { userId: 'u', name: 'e', timestamp: '1704103200000' }, 'events[13].timestamp'],
    ['an empty userId', { userId: '', name: 'e', timestamp: 0 }, 'events[13].userId'],
    ['a numeric userId', { userId: 42, name: 'e', timestamp: 0 }, 'events[13].userId'],
    ['a missing userId', { name: 'e', timestamp: 0 }, 'events[13].userId'],
    ['an empty name', { userId: 'u', name: '', timestamp: 0 }, 'events[13].name'],
    ['a null name', { userId: 'u', name: null, timestamp: 0 }, 'events[13].name'],
    ['null', null, 'events[13]'],
    ['undefined', undefined, 'events[13]'],
    ['a number', 7, 'events[13]'],
    ['a string', 'login', 'events[13]'],
    ['properties that are not an object', { userId: 'u', name: 'e', timestamp: 0, properties: 'pro' }, 'events[13].properties'],
    ['null properties', { userId: 'u', name: 'e', timestamp: 0, properties: null }, 'events[13].properties'],
    ['array properties', { userId: 'u', name: 'e', timestamp: 0, properties: ['pro'] }, 'events[13].properties'],
    ['Map properties', { userId: 'u', name: 'e', timestamp: 0, properties: new Map([['plan', 'pro']]) }, 'events[13].properties'],
    ['Date properties', { userId: 'u', name: 'e', timestamp: 0, properties: new Date(0) }, 'events[13].properties'],
    ['an object property value', { userId: 'u', name: 'e', timestamp: 0, properties: { plan: { id: 1 } } }, 'events[13].properties.plan'],
    ['an array property value', { userId: 'u', name: 'e', timestamp: 0, properties: { tags: ['a'] } }, 'events[13].properties.tags'],
    ['a NaN property value', { userId: 'u', name: 'e', timestamp: 0, properties: { seats: Number.NaN } }, 'events[13].properties.seats'],
    [
      'an Infinity property value',
      { userId: 'u', name: 'e', timestamp: 0, properties: { seats: -Infinity } },
      'events[13].properties.seats',
    ],
    ['a Date property value', { userId: 'u', name: 'e', timestamp: 0, properties: { at: new Date(0) } }, 'events[13].properties.at'],
  ];

  it.each(cases)('rejects %s, naming the row and field', (_label, bad, path) => {
    const error = validationErrorOf(fromAnything(withBadRow13(bad)));
    expect(error).toBeInstanceOf(Error);
    expect(error.issues).toHaveLength(1);
    expect(error.issueCount).toBe(1);
    expect(error.issues[0]!.index).toBe(13);
    expect(error.issues[0]!.path).toBe(path);
    expect(error.issues[0]!.expected.length).toBeGreaterThan(0);
    expect(error.message).toContain(`${path}: expected`);
  });

  it('says why a timestamp without an offset is rejected', () => {
    const error = validationErrorOf(fromAnything([{ userId: 'u', name: 'e', timestamp: '2024-01-01T10:00:00' }]));
    expect(error.issues[0]!.expected).toMatch(/offset/);
    expect(error.issues[0]!.received).toBe('"2024-01-01T10:00:00"');
  });

  it('reports every bad field of a row', () => {
    const error = validationErrorOf(fromAnything([good(0), { userId: '', name: '', timestamp: 'soon', properties: { x: {} } }]));
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'events[1].userId',
      'events[1].name',
      'events[1].timestamp',
      'events[1].properties.x',
    ]);
    expect(error.issues.every((issue) => issue.index === 1)).toBe(true);
  });

  it('lists issues row by row, and field by field within a row', () => {
    const error = validationErrorOf(
      fromAnything([
        good(0),
        { userId: 'u', name: '', timestamp: 0 },
        { userId: '', name: 'e', timestamp: 0 },
        null,
        { userId: 7, name: 'e', timestamp: 'soon' },
        { name: 'e', timestamp: 0, properties: 'pro' },
      ]),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'events[1].name',
      'events[2].userId',
      'events[3]',
      'events[4].userId',
      'events[4].timestamp',
      'events[5].userId',
      'events[5].properties',
    ]);
  });

  it('keeps or rejects a row whose userId getter changes its answer, never half-placing it', () => {
    // Each read flips between an invalid and a valid id, starting invalid.
    let reads = 0;
    const flipping = {
      name: 'e',
      timestamp: Date.UTC(2024, 0, 2),
      get userId(): unknown {
        reads += 1;
        return reads % 2 === 1 ? 42 : 'u';
      },
    };
    const outcome = ((): string => {
      try {
        return Array.from(toEventTable([good(0), flipping as unknown as KpiEvent]).time).join();
      } catch (error) {
        return error instanceof KpiValidationError ? error.issues.map((issue) => issue.path).join() : String(error);
      }
    })();
    // good(0) is at 2024-01-01T00:00Z under user u0, the flipping row a day later under u.
    expect([`${Date.UTC(2024, 0, 1)},${Date.UTC(2024, 0, 2)}`, 'events[1].userId']).toContain(outcome);
  });

  it('lists at most 20 issues but counts them all, and its message names them', () => {
    const rows = Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? good(i) : { userId: `u${i}`, name: 'e', timestamp: 'yesterday' }));
    const error = validationErrorOf(fromAnything(rows));
    expect(MAX_ISSUES).toBe(20);
    expect(error.issueCount).toBe(25);
    expect(error.issues).toHaveLength(20);
    // The first 20 bad rows, in input order.
    expect(error.issues.map((issue) => issue.path)).toEqual(Array.from({ length: 20 }, (_, k) => `events[${2 * k + 1}].timestamp`));
    expect(error.message).toContain('25 problems');
    expect(error.message).toContain('events[1].timestamp: expected');
    expect(error.message).toContain('events[3].timestamp: expected');
  });

  it('rejects a whole input that is not an array with a KpiValidationError, never a TypeError', () => {
    for (const input of [null, undefined, 42, 'events', { userId: 'u', name: 'e', timestamp: 0 }, new Map()]) {
      const error = validationErrorOf(fromAnything(input));
      expect(error.issues[0]!.path).toBe('events');
      expect(error.issues[0]!.index).toBeNull();
    }
  });

  it('works with instanceof and name across the error hierarchy', () => {
    const error = validationErrorOf(fromAnything([null]));
    expect(error instanceof KpiValidationError).toBe(true);
    expect(error instanceof Error).toBe(true);
    expect(error.name).toBe('KpiValidationError');
    expect(String(error)).toMatch(/^KpiValidationError: /);
  });

  it('ignores fields other than the four it knows', () => {
    const table = toEventTable([{ ...good(0), extra: { nested: true } } as KpiEvent]);
    expect(table.length).toBe(1);
  });

  it('treats an undefined property as absent, not as an error', () => {
    const table = toEventTable([{ ...good(0), properties: { plan: undefined, seats: 2 } }]);
    expect([...table.properties.keys()]).toEqual(['seats']);
  });
});

describe('eventTableFromColumns: rejected input', () => {
  const columns = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    userId: Array.from({ length: 20 }, (_, i) => `u${i}`),
    name: Array.from({ length: 20 }, () => 'login'),
    timestamp: Float64Array.from({ length: 20 }, (_, i) => Date.UTC(2024, 0, 1, i)),
    ...overrides,
  });
  const withCell13 = (values: readonly unknown[], bad: unknown): unknown[] => values.map((value, i) => (i === 13 ? bad : value));

  it('names the bad cell as column[index]', () => {
    const base = columns();
    const cases: [string, Record<string, unknown>, string][] = [
      ['timestamp', { timestamp: withCell13(Array.from(base.timestamp as Float64Array), '2024-01-01T10:00:00') }, 'timestamp[13]'],
      ['NaN timestamp', { timestamp: (base.timestamp as Float64Array).map((t, i) => (i === 13 ? Number.NaN : t)) }, 'timestamp[13]'],
      ['userId', { userId: withCell13(base.userId as string[], '') }, 'userId[13]'],
      ['name', { name: withCell13(base.name as string[], '') }, 'name[13]'],
      ['property', { properties: { plan: withCell13(new Array<unknown>(20).fill('pro'), { tier: 1 }) } }, 'properties.plan[13]'],
    ];
    for (const [label, override, path] of cases) {
      const error = validationErrorOf(columnsFromAnything(columns(override)));
      expect(
        error.issues.map((issue) => issue.path),
        label,
      ).toEqual([path]);
      expect(error.issues[0]!.index, label).toBe(13);
      expect(error.message, label).toContain(`${path}: expected`);
    }
  });

  it('rejects columns of different lengths, naming each', () => {
    const error = validationErrorOf(columnsFromAnything(columns({ name: ['login'], properties: { plan: ['pro', 'free'] } })));
    expect(error.issues.map((issue) => issue.path)).toEqual(['name', 'properties.plan']);
    expect(error.issues[0]!.received).toBe('length 1');
  });

  it('rejects missing or non-array columns', () => {
    expect(validationErrorOf(columnsFromAnything({ userId: ['u'], name: ['e'] })).issues.map((issue) => issue.path)).toEqual(['timestamp']);
    expect(validationErrorOf(columnsFromAnything({ userId: 'u', name: ['e'], timestamp: [0] })).issues.map((issue) => issue.path)).toEqual([
      'userId',
      'name',
      'timestamp',
    ]);
  });

  it('rejects garbage instead of the columns object with a KpiValidationError, never a TypeError', () => {
    for (const input of [null, undefined, 42, 'columns', [], [[], [], []]]) {
      const error = validationErrorOf(columnsFromAnything(input));
      expect(error.issueCount).toBeGreaterThan(0);
    }
  });
});

describe('eventTableFromColumns properties shape', () => {
  it('rejects properties that are not an object of columns', () => {
    for (const properties of [42, 'plan', ['pro']]) {
      const call = () => eventTableFromColumns({ userId: ['u'], name: ['a'], timestamp: [0], properties } as never);
      expect(call).toThrow(KpiValidationError);
      expect(call).toThrow(/properties: expected an object of property columns/);
    }
  });
});
