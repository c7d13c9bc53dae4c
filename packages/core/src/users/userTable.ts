import { IssueCollector, KpiValidationError } from '../errors';
import type { PropertyColumn, PropertyValue } from '../events/event.types';
import { ID_EXPECTED, isId, isPlainObject, isPropertyValue, PROPERTIES_EXPECTED, PROPERTY_EXPECTED } from '../events/rules';
import { timestampProblem, toEpochMs } from '../events/timestamp';
import type { KpiUser, UserTable } from './users.types';

/**
 * Validates users and encodes them once into a {@link UserTable}: one row a
 * user, property columns dictionary-encoded, `createdAt` in epoch ms.
 *
 * @throws {KpiValidationError} naming each bad row and field (`users[3].createdAt`),
 *   a user id given twice among them (`users[7].userId`).
 * @example
 * const users = toUserTable([
 *   { userId: 'ana', createdAt: '2024-03-01T09:00:00Z', properties: { plan: 'pro', country: 'FR' } },
 *   { userId: 'ben', properties: { plan: 'free' } },
 * ]);
 * users.length; // 2
 */
export function toUserTable(users: readonly KpiUser[]): UserTable {
  if (!Array.isArray(users)) {
    throw new KpiValidationError('users', [{ index: null, path: 'users', expected: 'an array of users', received: typeof users }]);
  }
  const issues = new IssueCollector('users');
  const n = users.length;
  const createdAt = new Float64Array(n).fill(Number.NaN);
  const columns = new Map<string, { codes: Int32Array; values: PropertyValue[]; lookup: Map<PropertyValue, number> }>();
  const rowOf = new Map<string, number>();
  const userIds: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const user: unknown = users[i];
    if (typeof user !== 'object' || user === null) {
      issues.add(i, `users[${i}]`, 'a user object', user);
      continue;
    }
    const { userId, createdAt: created, properties } = user as Record<string, unknown>;
    if (!isId(userId)) issues.add(i, `users[${i}].userId`, ID_EXPECTED, userId);
    else if (rowOf.has(userId))
      issues.add(i, `users[${i}].userId`, `a user id not given before (users[${rowOf.get(userId)}] has it)`, userId);
    else rowOf.set(userId, i);
    userIds[i] = userId as string;
    if (created !== undefined && created !== null) {
      const ms = toEpochMs(created);
      if (Number.isNaN(ms)) issues.add(i, `users[${i}].createdAt`, timestampProblem(created), created);
      createdAt[i] = ms;
    }
    if (properties === undefined) continue;
    if (!isPlainObject(properties)) {
      issues.add(i, `users[${i}].properties`, PROPERTIES_EXPECTED, properties);
      continue;
    }
    for (const key in properties) {
      if (!Object.hasOwn(properties, key)) continue;
      const value = (properties as Record<string, unknown>)[key];
      if (value === undefined) continue;
      if (!isPropertyValue(value)) {
        issues.add(i, `users[${i}].properties.${key}`, PROPERTY_EXPECTED, value);
        continue;
      }
      let column = columns.get(key);
      if (!column) columns.set(key, (column = { codes: new Int32Array(n).fill(-1), values: [], lookup: new Map() }));
      let code = column.lookup.get(value);
      if (code === undefined) {
        code = column.values.push(value) - 1;
        column.lookup.set(value, code);
      }
      column.codes[i] = code;
    }
  }
  issues.throwIfAny();
  const properties = new Map<string, PropertyColumn>();
  for (const [key, { codes, values }] of columns) properties.set(key, { codes, values });
  return { kind: 'UserTable', length: n, userIds, createdAt, properties };
}

/** Whether a value is a {@link UserTable} built by kpikit. */
export function isUserTable(value: unknown): value is UserTable {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'UserTable';
}
