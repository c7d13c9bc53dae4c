import { ID_EXPECTED, isId, isPlainObject, isPropertyValue, PROPERTIES_EXPECTED, PROPERTY_EXPECTED } from './rules';
import { timestampProblem, toEpochMs } from './timestamp';

/** One problem of an event, as {@link checkEvent} reports it. */
export interface EventIssue {
  /** The field: `userId`, `name`, `timestamp`, `properties` or `properties.<key>`; `''` when the event is not an object. */
  readonly field: string;
  /** What the field must hold, in words. */
  readonly expected: string;
  /** The value found. */
  readonly received: unknown;
}

/**
 * The problems of one event by the rules `toEventTable` applies (and
 * `eventSchema` states), without building a table or running zod: for
 * callers that read events one by one (a file, a stream) and report each bad
 * row as it comes, keeping the good ones. An empty list means valid. Fields
 * other than the four an event has are ignored.
 *
 * @example
 * checkEvent({ userId: 'u1', name: 'login', timestamp: 1_700_000_000_000 }); // []
 * checkEvent({ userId: '', name: 'login', timestamp: '2024-03-01T10:00:00' });
 * // [{ field: 'userId', expected: 'a non-empty string', received: '' },
 * //  { field: 'timestamp', expected: 'epoch milliseconds, … (a date-time without an offset is ambiguous)', received: '2024-03-01T10:00:00' }]
 */
export function checkEvent(event: unknown): EventIssue[] {
  if (typeof event !== 'object' || event === null) return [{ field: '', expected: 'an event object', received: event }];
  const { userId, name, timestamp, properties } = event as Record<string, unknown>;
  const issues: EventIssue[] = [];
  if (!isId(userId)) issues.push({ field: 'userId', expected: ID_EXPECTED, received: userId });
  if (!isId(name)) issues.push({ field: 'name', expected: ID_EXPECTED, received: name });
  if (Number.isNaN(toEpochMs(timestamp))) issues.push({ field: 'timestamp', expected: timestampProblem(timestamp), received: timestamp });
  if (properties === undefined) return issues;
  if (!isPlainObject(properties)) {
    issues.push({ field: 'properties', expected: PROPERTIES_EXPECTED, received: properties });
    return issues;
  }
  for (const key in properties) {
    if (!Object.hasOwn(properties, key)) continue;
    const value = (properties as Record<string, unknown>)[key];
    if (value !== undefined && !isPropertyValue(value))
      issues.push({ field: `properties.${key}`, expected: PROPERTY_EXPECTED, received: value });
  }
  return issues;
}
