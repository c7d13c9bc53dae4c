import { IssueCollector, KpiValidationError } from '../errors';
import type { EventTable, PropertyValue } from '../events/event.types';
import { rowMask } from '../events/filter';
import { zoneClock } from '../time/zone';
import { USER_PROPERTY_PREFIX } from '../users/users.types';
import type { LifecycleNewFrom } from './lifecycle.types';

/** No day: a unit that is never new. */
export const NEVER = 2 ** 31 - 1;

/** The event property `joinUsers` writes a users table's `createdAt` to. */
export const CREATED_AT_PROPERTY = `${USER_PROPERTY_PREFIX}createdAt`;

/**
 * Each unit's "new" day: the local day of its first qualifying event (rows of
 * `mask`), of its first `newFrom.event`, or of its least `user.createdAt`,
 * over all the data; {@link NEVER} for a unit without one.
 *
 * @throws {KpiValidationError} for `createdAt` when no event carries
 *   `user.createdAt`, or one carries something else than epoch ms.
 */
export function newDays(
  table: EventTable,
  days: Int32Array,
  mask: Uint8Array | null,
  newFrom: LifecycleNewFrom,
  timeZone: string,
): Int32Array {
  if (newFrom === 'createdAt') return createdDays(table, timeZone);
  return firstDays(table, days, newFrom === 'firstActivity' ? mask : rowMask(table, { name: newFrom.event }));
}

/**
 * The least local day with a row of `mask` (any row when it is `null`): the
 * first row's, except where a zone turns its clock back across midnight.
 */
function firstDays(table: EventTable, days: Int32Array, mask: Uint8Array | null): Int32Array {
  const { userStart } = table;
  const first = new Int32Array(userStart.length - 1).fill(NEVER);
  for (let u = 0; u + 1 < userStart.length; u++) {
    let least = NEVER;
    for (let row = userStart[u] as number; row < (userStart[u + 1] as number); row++) {
      if (mask !== null && mask[row] === 0) continue;
      const day = days[row] as number;
      if (day < least) least = day;
    }
    first[u] = least;
  }
  return first;
}

/** The local day of each unit's least `user.createdAt` (a group's: its earliest user's). */
function createdDays(table: EventTable, timeZone: string): Int32Array {
  const created = new Int32Array(table.userIds.length).fill(NEVER);
  if (table.length === 0) return created;
  const column = table.properties.get(CREATED_AT_PROPERTY);
  if (!column) {
    throw new KpiValidationError('options', [
      {
        index: null,
        path: 'options.newFrom',
        expected: `events with a "${CREATED_AT_PROPERTY}" property (joinUsers adds it from a users table's createdAt)`,
        received: '"createdAt"',
      },
    ]);
  }
  const { codes, values } = column;
  checkCreatedAt(table, codes, values);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (typeof value !== 'number') continue;
    if (value < lo) lo = value;
    if (value > hi) hi = value;
  }
  const clock = zoneClock(timeZone, lo, hi);
  // The local day of each distinct value, computed once.
  const dayOfCode = Int32Array.from(values, (value) => (typeof value === 'number' ? clock.localDay(value) : NEVER));
  const { userStart } = table;
  for (let u = 0; u + 1 < userStart.length; u++) {
    let least = NEVER;
    for (let row = userStart[u] as number; row < (userStart[u + 1] as number); row++) {
      const code = codes[row] as number;
      if (code >= 0 && (dayOfCode[code] as number) < least) least = dayOfCode[code] as number;
    }
    created[u] = least;
  }
  return created;
}

/** Rejects a `user.createdAt` that is not epoch ms (or null), naming the unit and event. */
function checkCreatedAt(table: EventTable, codes: Int32Array, values: readonly PropertyValue[]): void {
  const bad = values.map((value) => value !== null && !(typeof value === 'number' && Number.isFinite(value)));
  if (!bad.includes(true)) return;
  const issues = new IssueCollector('events');
  for (let row = 0; row < table.length; row++) {
    const code = codes[row] as number;
    if (code < 0 || !bad[code]) continue;
    const unit = JSON.stringify(table.userIds[table.user[row] as number]);
    const when = new Date(table.time[row] as number).toISOString();
    issues.add(
      null,
      `events[unit ${unit} at ${when}].properties.${CREATED_AT_PROPERTY}`,
      'epoch milliseconds (a finite number) or null',
      values[code],
    );
  }
  issues.throwIfAny();
}
