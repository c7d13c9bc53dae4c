import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEvent, eventSchema, KpiValidationError, toEventTable } from '../../src/index';
import type { KpiEvent } from '../../src/index';

/** Whether toEventTable accepts a single row (rethrowing anything that is not a validation error). */
function accepts(row: unknown): boolean {
  try {
    toEventTable([row as KpiEvent]);
    return true;
  } catch (error) {
    if (error instanceof KpiValidationError) return false;
    throw error;
  }
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** ISO-like strings: mostly well formed, with out-of-range parts, odd offsets and missing pieces mixed in. */
const isoLikeArb = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1890, max: 2100 }), fc.constantFrom(0, 1900, 2000, 2023, 2024, 9999)),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.oneof(fc.integer({ min: 0, max: 32 }), fc.constantFrom(28, 29, 30, 31)),
    hour: fc.integer({ min: 0, max: 24 }),
    minute: fc.constantFrom(0, 30, 59, 60),
    second: fc.constantFrom(0, 59, 60),
    fraction: fc.constantFrom('', '', '.5', '.123', '.123456789', '.'),
    seconds: fc.constantFrom(true, true, true, false),
    separator: fc.constantFrom('T', 'T', 'T', ' ', 't'),
    offset: fc.constantFrom(
      'Z',
      'Z',
      '+01:00',
      '-05:00',
      '+05:45',
      '+14:00',
      '-12:00',
      '+23:59',
      '+24:00',
      '',
      'z',
      '+0100',
      '+01',
      '-00:00',
      ' Z',
    ),
  })
  .map(
    ({ year, month, day, hour, minute, second, fraction, seconds, separator, offset }) =>
      `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}${separator}${pad(hour, 2)}:${pad(minute, 2)}${seconds ? `:${pad(second, 2)}${fraction}` : ''}${offset}`,
  );

const timestampArb = fc.oneof(
  isoLikeArb,
  isoLikeArb,
  fc.constantFrom('2023-02-29T00:00:00Z', '2024-02-29T00:00:00Z', '2024-01-01', '', 'now', '1704067200000', '2024-01-01T00:00:00.000Z '),
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
  fc.double(),
  fc.constantFrom(8.64e15, -8.64e15, 8.64e15 + 1, -8.64e15 - 1, Number.NaN, Number.POSITIVE_INFINITY, -0),
  fc.integer({ min: -8.64e15, max: 8.64e15 }).map((ms) => new Date(ms)),
  fc.constant(new Date(Number.NaN)),
  fc.constantFrom(null, undefined, true, 0n, {}, []),
);

const idArb = fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('', 'u1', ' '), fc.constantFrom(null, undefined, 1, true, ['u']));

const propertyValueArb = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(null, undefined, Number.NaN, Number.NEGATIVE_INFINITY),
  fc.constantFrom({}, [], new Date(0), 1n),
);

const propertiesArb = fc.oneof(
  fc.dictionary(fc.constantFrom('plan', 'seats', 'beta', 'country'), propertyValueArb, { maxKeys: 3 }),
  fc.dictionary(fc.constantFrom('plan', 'seats'), propertyValueArb, { maxKeys: 2 }),
  fc.constantFrom(undefined, null, 'pro', 3, ['pro'], new Date(0), new Map([['plan', 'pro']]), Object.create(null) as object),
);

const rowArb = fc.oneof(
  fc.record(
    { userId: idArb, name: idArb, timestamp: timestampArb, properties: propertiesArb, extra: fc.anything() },
    { requiredKeys: ['timestamp'] },
  ),
  // Mostly-valid rows, so that acceptance is common enough to compare.
  fc.record({
    userId: fc.constantFrom('u1', 'u2'),
    name: fc.constantFrom('login', 'buy'),
    timestamp: timestampArb,
    properties: fc.option(propertiesArb, { nil: undefined }),
  }),
  fc.constantFrom(null, undefined, 42, 'row', [], [1, 2]),
);

/** The fields `toEventTable` reports for a single bad row, in the terms of `checkEvent` (`events[0].name` → `name`). */
function reportedFields(row: unknown): string[] {
  try {
    toEventTable([row as KpiEvent]);
    return [];
  } catch (error) {
    if (!(error instanceof KpiValidationError)) throw error;
    return error.issues.map((issue) => issue.path.replace(/^events\[0\]\.?/, ''));
  }
}

describe('eventSchema and checkEvent', () => {
  it('accept exactly the rows toEventTable accepts, and checkEvent names the fields it names (property)', () => {
    fc.assert(
      fc.property(rowArb, (row) => {
        const accepted = accepts(row);
        expect(eventSchema.safeParse(row).success).toBe(accepted);
        expect(checkEvent(row).map((issue) => issue.field)).toEqual(reportedFields(row));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees on hand-picked edge cases', () => {
    const base = { userId: 'u', name: 'e' };
    const rows: [unknown, boolean][] = [
      [{ ...base, timestamp: '2024-02-29T23:59:59.999+14:00' }, true],
      [{ ...base, timestamp: '2023-02-29T00:00:00Z' }, false],
      [{ ...base, timestamp: '2024-01-01T00:00Z' }, false], // RFC 3339 needs seconds with an offset
      [{ ...base, timestamp: '2024-01-01T00:00:00' }, false],
      [{ ...base, timestamp: 8.64e15 }, true],
      [{ ...base, timestamp: 8.64e15 + 1 }, false],
      [{ ...base, timestamp: new Date(Number.NaN) }, false],
      [{ ...base, timestamp: 0, properties: { a: undefined } }, true],
      [{ ...base, timestamp: 0, properties: {} }, true],
      [{ ...base, timestamp: 0, properties: new Map() }, false],
      [{ ...base, timestamp: 0, properties: [] }, false],
    ];
    for (const [row, expected] of rows) {
      expect(accepts(row), JSON.stringify(row)).toBe(expected);
      expect(eventSchema.safeParse(row).success, JSON.stringify(row)).toBe(expected);
      expect(checkEvent(row).length === 0, JSON.stringify(row)).toBe(expected);
    }
  });
});

describe('checkEvent', () => {
  it('lists every problem of a row with what was expected and what was found', () => {
    expect(checkEvent({ userId: 'u1', name: 'login', timestamp: 1_700_000_000_000, properties: { plan: 'pro', beta: null } })).toEqual([]);
    expect(
      checkEvent({ userId: '', name: 7, timestamp: '2024-03-01T10:00:00', properties: { plan: ['pro'], seats: 3, n: Number.NaN } }),
    ).toEqual([
      { field: 'userId', expected: 'a non-empty string', received: '' },
      { field: 'name', expected: 'a non-empty string', received: 7 },
      {
        field: 'timestamp',
        expected:
          'epoch milliseconds, a valid Date, or an ISO-8601 string with Z or an offset (a date-time without an offset is ambiguous)',
        received: '2024-03-01T10:00:00',
      },
      { field: 'properties.plan', expected: 'a string, finite number, boolean or null', received: ['pro'] },
      { field: 'properties.n', expected: 'a string, finite number, boolean or null', received: Number.NaN },
    ]);
    expect(checkEvent({ userId: 'u', name: 'e', timestamp: 0, properties: new Map() })).toEqual([
      { field: 'properties', expected: 'an object of property values', received: new Map() },
    ]);
    expect(checkEvent(null)).toEqual([{ field: '', expected: 'an event object', received: null }]);
  });
});
