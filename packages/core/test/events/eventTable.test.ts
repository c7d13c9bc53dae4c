import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeUsers, eventTableFromColumns, isEventTable, retention, stickinessSummary, toEventTable } from '../../src/index';
import type { EventTable, KpiEvent, PropertyValue } from '../../src/index';
import { at, eventsArb, msOf, shuffled } from '../support/reference';

/** The table's rows decoded back to plain values, in table order. */
function decode(table: EventTable): { userId: string; name: string; time: number; properties: Record<string, PropertyValue> }[] {
  return Array.from({ length: table.length }, (_, row) => {
    const properties: Record<string, PropertyValue> = {};
    for (const [key, column] of table.properties) {
      const code = column.codes[row]!;
      if (code >= 0) properties[key] = column.values[code]!;
    }
    return { userId: table.userIds[table.user[row]!]!, name: table.names[table.name[row]!]!, time: table.time[row]!, properties };
  });
}

/** Decoded rows in a canonical order, so tables built from differently ordered input compare equal. */
function canonical(table: EventTable): string[] {
  return decode(table)
    .map((row) => JSON.stringify([row.userId, row.time, row.name, Object.entries(row.properties).sort()]))
    .sort();
}

describe('toEventTable: timestamps', () => {
  it('normalises epoch ms, Date and ISO strings with Z or an offset to the same epoch ms', () => {
    const ms = Date.UTC(2024, 2, 1, 9, 30, 15, 250); // 2024-03-01T09:30:15.250Z
    const inputs = [
      ms,
      new Date(ms),
      '2024-03-01T09:30:15.250Z',
      '2024-03-01T10:30:15.250+01:00',
      '2024-03-01T04:30:15.250-05:00',
      '2024-03-01T15:15:15.250+05:45',
      '2024-02-29T21:30:15.250-12:00', // the day before, across a leap day
      '2024-03-01T09:30:15.250+00:00',
      '2024-03-01T09:30:15.250999Z', // digits past the millisecond are truncated
    ];
    inputs.forEach((timestamp, i) => {
      const table = toEventTable([{ userId: 'u', name: 'e', timestamp }]);
      expect(table.time[0], `input ${i}`).toBe(ms);
    });
    // As a whole these are one event, given nine ways.
    expect(toEventTable(inputs.map((timestamp) => ({ userId: 'u', name: 'e', timestamp }))).length).toBe(1);
  });

  it('accepts ISO strings without fractional seconds and the extremes of the Date range', () => {
    expect(toEventTable([{ userId: 'u', name: 'e', timestamp: '2024-03-01T00:00:00Z' }]).time[0]).toBe(Date.UTC(2024, 2, 1));
    expect(toEventTable([{ userId: 'u', name: 'e', timestamp: 8.64e15 }]).time[0]).toBe(8.64e15);
    expect(toEventTable([{ userId: 'u', name: 'e', timestamp: -8.64e15 }]).time[0]).toBe(-8.64e15);
  });
});

describe('toEventTable: layout', () => {
  const events: KpiEvent[] = [
    { userId: 'bob', name: 'view', timestamp: at('2024-01-02T10:00:00Z') },
    { userId: 'alice', name: 'view', timestamp: at('2024-01-03T10:00:00Z'), properties: { plan: 'pro' } },
    { userId: 'bob', name: 'buy', timestamp: at('2024-01-01T10:00:00Z'), properties: { plan: 'free', seats: 3 } },
    { userId: 'alice', name: 'buy', timestamp: at('2024-01-03T10:00:00Z') },
    { userId: 'alice', name: 'open', timestamp: at('2024-01-01T08:00:00Z'), properties: { plan: null } },
  ];

  it('sorts rows by user, then time, then name, with CSR offsets per user', () => {
    const table = toEventTable(events);
    expect(isEventTable(table)).toBe(true);
    expect(table.length).toBe(5);
    const rows = decode(table);
    // User codes follow first appearance: bob, then alice.
    expect(table.userIds).toEqual(['bob', 'alice']);
    expect(Array.from(table.userStart)).toEqual([0, 2, 5]);
    expect(rows.map((row) => `${row.userId} ${row.name} ${new Date(row.time).toISOString()}`)).toEqual([
      'bob buy 2024-01-01T10:00:00.000Z',
      'bob view 2024-01-02T10:00:00.000Z',
      'alice open 2024-01-01T08:00:00.000Z',
      // Same instant: ordered by name code (view was seen before buy).
      'alice view 2024-01-03T10:00:00.000Z',
      'alice buy 2024-01-03T10:00:00.000Z',
    ]);
    expect(rows.map((row) => row.properties)).toEqual([{ plan: 'free', seats: 3 }, {}, { plan: null }, { plan: 'pro' }, {}]);
    expect(table.minTime).toBe(at('2024-01-01T08:00:00Z'));
    expect(table.maxTime).toBe(at('2024-01-03T10:00:00Z'));
  });

  it('builds the same table from columns', () => {
    const fromColumns = eventTableFromColumns({
      userId: events.map((event) => event.userId),
      name: events.map((event) => event.name),
      timestamp: Float64Array.from(events, (event) => event.timestamp as number),
      properties: {
        plan: events.map((event) => event.properties?.plan),
        seats: events.map((event) => event.properties?.seats),
      },
    });
    expect(canonical(fromColumns)).toEqual(canonical(toEventTable(events)));
    expect(Array.from(fromColumns.userStart)).toEqual([0, 2, 5]);
  });

  it('gives an empty table for no events', () => {
    const table = toEventTable([]);
    expect(table.length).toBe(0);
    expect(table.userIds).toEqual([]);
    expect(Array.from(table.userStart)).toEqual([0]);
    expect(table.minTime).toBeNaN();
    expect(eventTableFromColumns({ userId: [], name: [], timestamp: [] }).length).toBe(0);
  });
});

describe('toEventTable: duplicates', () => {
  it('counts an exact duplicate (same userId, name, timestamp) once', () => {
    const ms = at('2024-05-01T12:00:00Z');
    const table = toEventTable([
      { userId: 'u', name: 'login', timestamp: ms },
      { userId: 'u', name: 'login', timestamp: ms },
      { userId: 'u', name: 'login', timestamp: '2024-05-01T12:00:00Z' }, // same instant as a string
      { userId: 'u', name: 'login', timestamp: '2024-05-01T14:00:00+02:00' }, // and with an offset
      { userId: 'u', name: 'login', timestamp: new Date(ms) },
      { userId: 'u', name: 'logout', timestamp: ms }, // another name: not a duplicate
      { userId: 'v', name: 'login', timestamp: ms }, // another user: not a duplicate
      { userId: 'u', name: 'login', timestamp: ms + 1 }, // 1 ms later: not a duplicate
    ]);
    expect(table.length).toBe(4);
  });

  it('treats events that differ only in properties as duplicates, keeping one chosen independently of order', () => {
    const ms = at('2024-05-01T12:00:00Z');
    const events: KpiEvent[] = [
      { userId: 'u', name: 'login', timestamp: ms, properties: { plan: 'pro' } },
      { userId: 'u', name: 'login', timestamp: ms, properties: { plan: 'free' } },
      { userId: 'u', name: 'login', timestamp: ms },
    ];
    const forward = toEventTable(events);
    const backward = toEventTable([...events].reverse());
    expect(forward.length).toBe(1);
    expect(canonical(forward)).toEqual(canonical(backward));
  });

  it('builds the same rows from shuffled and duplicated input (property)', () => {
    fc.assert(
      fc.property(eventsArb({ maxEvents: 30 }), fc.integer(), fc.array(fc.nat(), { maxLength: 10 }), (events, seed, copies) => {
        const table = toEventTable(events);
        const extra = events.length === 0 ? [] : copies.map((i) => events[i % events.length]!);
        const other = toEventTable(shuffled([...events, ...extra], seed));
        expect(canonical(other)).toEqual(canonical(table));
        // Invariants every metric relies on: per-user runs sorted by time, no (user, time, name) twice.
        const seen = new Set<string>();
        for (let u = 0; u < table.userIds.length; u++) {
          for (let row = table.userStart[u]!; row < table.userStart[u + 1]!; row++) {
            expect(table.user[row]).toBe(u);
            if (row > table.userStart[u]!) expect(table.time[row]).toBeGreaterThanOrEqual(table.time[row - 1]!);
            const key = `${u} ${table.time[row]} ${table.name[row]}`;
            expect(seen.has(key)).toBe(false);
            seen.add(key);
          }
        }
        expect(table.userStart[table.userIds.length]).toBe(table.length);
        // The extremes of the input instants.
        const instants = events.map(msOf);
        expect(table.minTime).toBe(instants.length === 0 ? Number.NaN : Math.min(...instants));
        expect(table.maxTime).toBe(instants.length === 0 ? Number.NaN : Math.max(...instants));
      }),
      { numRuns: 150 },
    );
  });

  it('gives identical metric results for shuffled input (property)', () => {
    fc.assert(
      fc.property(
        eventsArb({ maxEvents: 30 }),
        fc.integer(),
        fc.constantFrom('UTC', 'Europe/Paris', 'America/New_York'),
        (events, seed, timeZone) => {
          const mixed = shuffled(events, seed);
          expect(activeUsers(mixed, { timeZone })).toEqual(activeUsers(events, { timeZone }));
          const options = { period: 'week', periods: 3, mode: 'unbounded', timeZone } as const;
          expect(retention(mixed, options)).toEqual(retention(events, options));
          const month = events.length === 0 ? '2024-01' : new Date(events[0]!.timestamp).toISOString().slice(0, 7);
          expect(stickinessSummary(mixed, { month, timeZone })).toEqual(stickinessSummary(events, { month, timeZone }));
        },
      ),
      { numRuns: 100 },
    );
  });
});
