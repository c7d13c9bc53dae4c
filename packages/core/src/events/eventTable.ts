import { describeValue, KpiValidationError } from '../errors';
import { EventTableBuilder } from './builder';
import type { EventColumns, EventInput, EventTable, KpiEvent } from './event.types';

const rowPath = (index: number, field: string): string => `events[${index}].${field}`;
const columnPath = (index: number, field: string): string => `${field}[${index}]`;

/**
 * Validates event objects and normalises them once into a columnar
 * {@link EventTable}: dictionary-encoded users and names, `Float64Array`
 * times, rows sorted by user then time, exact duplicates removed.
 *
 * Pass the table to any number of metric calls to skip this work each time.
 *
 * @throws {KpiValidationError} naming each bad row and field (`events[13].timestamp`).
 * @example
 * const table = toEventTable([
 *   { userId: 'u1', name: 'login', timestamp: '2024-03-01T09:00:00+01:00' },
 *   { userId: 'u2', name: 'login', timestamp: Date.UTC(2024, 2, 1, 10) },
 * ]);
 * table.length; // 2
 */
export function toEventTable(events: readonly KpiEvent[]): EventTable {
  if (!Array.isArray(events)) {
    throw new KpiValidationError('events', [{ index: null, path: 'events', expected: 'an array of events', received: typeof events }]);
  }
  const builder = new EventTableBuilder(events.length, 'events', rowPath);
  for (let i = 0; i < events.length; i++) {
    const event: unknown = events[i];
    builder.setUser(i, typeof event === 'object' && event !== null ? (event as Record<string, unknown>).userId : undefined);
  }
  builder.placeUsers();
  for (let i = 0; i < events.length; i++) {
    const event: unknown = events[i];
    if (typeof event !== 'object' || event === null) {
      builder.issues.add(i, `events[${i}]`, 'an event object', event);
      continue;
    }
    const { userId, name, timestamp, properties } = event as Record<string, unknown>;
    builder.setRow(i, userId, name, timestamp);
    builder.setProperties(i, properties);
  }
  return builder.finish();
}

/**
 * Builds an {@link EventTable} from parallel column arrays (e.g. straight from
 * Arrow or a CSV parser) without creating an object per event.
 *
 * @throws {KpiValidationError} naming each bad cell (`timestamp[13]`) or a column of the wrong length.
 * @example
 * const table = eventTableFromColumns({
 *   userId: ['u1', 'u2'],
 *   name: ['login', 'login'],
 *   timestamp: Float64Array.of(1709280000000, 1709283600000),
 *   properties: { plan: ['pro', null] },
 * });
 */
export function eventTableFromColumns(columns: EventColumns): EventTable {
  // Callers from plain JavaScript may pass anything: check the shape before trusting the type.
  const loose: unknown = columns;
  const given = (typeof loose === 'object' && loose !== null ? loose : {}) as Partial<Record<string, unknown>>;
  const lengthOf = (column: unknown): number | undefined =>
    Array.isArray(column) || ArrayBuffer.isView(column) ? (column as ArrayLike<unknown>).length : undefined;
  const n = lengthOf(given.userId);
  const problems: { field: string; column: unknown }[] = [];
  for (const field of ['userId', 'name', 'timestamp']) {
    if (n === undefined || lengthOf(given[field]) !== n) problems.push({ field, column: given[field] });
  }
  const properties = given.properties ?? {};
  const columnsObject = typeof properties === 'object' && !Array.isArray(properties) && !ArrayBuffer.isView(properties);
  if (!columnsObject) problems.push({ field: 'properties', column: properties });
  for (const [key, column] of Object.entries(columnsObject ? properties : {})) {
    if (lengthOf(column) !== n) problems.push({ field: `properties.${key}`, column });
  }
  if (problems.length > 0) {
    throw new KpiValidationError(
      'event columns',
      problems.map(({ field, column }) => ({
        index: null,
        path: field,
        expected:
          field === 'properties'
            ? 'an object of property columns'
            : n === undefined
              ? 'an array'
              : `an array of ${n} values (the length of userId)`,
        received: lengthOf(column) === undefined ? describeValue(column) : `length ${lengthOf(column)}`,
      })),
    );
  }
  const length = n as number;
  const { userId, name, timestamp } = columns;
  const builder = new EventTableBuilder(length, 'event columns', columnPath);
  for (let i = 0; i < length; i++) builder.setUser(i, userId[i]);
  builder.placeUsers();
  for (let i = 0; i < length; i++) builder.setRow(i, userId[i], name[i], timestamp[i]);
  for (const [key, column] of Object.entries(columns.properties ?? {})) {
    for (let i = 0; i < length; i++) builder.setProperty(i, key, column[i]);
  }
  return builder.finish();
}

/** Whether a value is an {@link EventTable} built by kpikit. */
export function isEventTable(value: unknown): value is EventTable {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'EventTable' &&
    (value as EventTable).time instanceof Float64Array
  );
}

/** The table behind any metric input: tables pass through, arrays are normalised. */
export function asEventTable(events: EventInput): EventTable {
  return isEventTable(events) ? events : toEventTable(events);
}
