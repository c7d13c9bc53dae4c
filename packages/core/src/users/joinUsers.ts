import { KpiValidationError } from '../errors';
import { asEventTable } from '../events/eventTable';
import type { EventInput, EventTable, PropertyColumn, PropertyValue } from '../events/event.types';
import { isUserTable, toUserTable } from './userTable';
import { USER_PROPERTY_PREFIX, type KpiUser, type UserTable } from './users.types';

/**
 * Puts each user's properties on their events, so that every metric filters
 * and breaks down by them as by event properties: a user's `plan` becomes
 * the event property `user.plan` of each of their events, and their
 * `createdAt` the event property `user.createdAt` (epoch ms). Events of a
 * user the users table does not list have none of them (a `null` condition
 * matches them, as it matches any absent property).
 *
 * The events keep their own properties; a users-table property is a
 * different key (`plan` on the event is the plan when it happened, `user.plan`
 * the plan the users table gives now).
 *
 * @throws {KpiValidationError} on bad users (see {@link toUserTable}), or when
 *   an event property already has a `user.` name that a user property would take.
 * @example
 * const table = joinUsers(events, [{ userId: 'ana', properties: { plan: 'pro', country: 'FR' } }]);
 * funnel(table, { steps: ['signup', 'pay'], breakdown: { property: 'user.country' } });
 * activeUsers(table, { where: { properties: { 'user.plan': 'pro' } } });
 */
export function joinUsers(events: EventInput, users: readonly KpiUser[] | UserTable): EventTable {
  const table = asEventTable(events);
  const people = isUserTable(users) ? users : toUserTable(users);
  const rowOf = new Map<string, number>();
  people.userIds.forEach((id, row) => rowOf.set(id, row));
  // The users-table row of each of the table's users, −1 for a user it does not list.
  const userRow = Int32Array.from(table.userIds, (id) => rowOf.get(id) ?? -1);

  const added = new Map<string, PropertyColumn>();
  for (const [key, column] of people.properties) added.set(`${USER_PROPERTY_PREFIX}${key}`, perEvent(table, userRow, column));
  const created = createdAtColumn(people);
  if (created) added.set(`${USER_PROPERTY_PREFIX}createdAt`, perEvent(table, userRow, created));

  const taken = [...added.keys()].filter((key) => table.properties.has(key));
  if (taken.length > 0) {
    throw new KpiValidationError(
      'users',
      taken.map((key) => ({
        index: null,
        path: `users.properties.${key.slice(USER_PROPERTY_PREFIX.length)}`,
        expected: `a property whose event name ${JSON.stringify(key)} no event property has already`,
        received: JSON.stringify(key),
      })),
    );
  }
  return { ...table, properties: new Map([...table.properties, ...added]) };
}

/** A users-table column spread over the events: event row `i` takes its user's code. */
function perEvent(table: EventTable, userRow: Int32Array, column: PropertyColumn): PropertyColumn {
  const codes = new Int32Array(table.length);
  for (let u = 0; u < table.userIds.length; u++) {
    const row = userRow[u] as number;
    const code = row < 0 ? -1 : (column.codes[row] as number);
    codes.fill(code, table.userStart[u], table.userStart[u + 1]);
  }
  return { codes, values: column.values };
}

/** `createdAt` as a property column of epoch ms, or `null` when no user has one. */
function createdAtColumn(people: UserTable): PropertyColumn | null {
  const values: PropertyValue[] = [];
  const codeOf = new Map<number, number>();
  const codes = new Int32Array(people.length).fill(-1);
  for (let row = 0; row < people.length; row++) {
    const ms = people.createdAt[row] as number;
    if (Number.isNaN(ms)) continue;
    let code = codeOf.get(ms);
    if (code === undefined) codeOf.set(ms, (code = values.push(ms) - 1));
    codes[row] = code;
  }
  return values.length === 0 ? null : { codes, values };
}
