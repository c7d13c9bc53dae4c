import { KpiValidationError } from '@kpikit/core';
import type { CompileContext } from './context';
import { numberAt, type SqlRow } from './rows';

/**
 * `k_users_check (users_invalid)`: the users-table rows that break core's
 * rules for a users table (a NULL or empty id, an id listed twice): the LEFT
 * JOIN would silently leave such a user out, or copy their events. `parse`
 * reports them as core's `joinUsers` does.
 */
export function usersCheckCte(context: CompileContext): [string, string] {
  const users = context.users as NonNullable<CompileContext['users']>;
  return [
    'k_users_check',
    [
      "SELECT count(*) - count(DISTINCT CASE WHEN id <> '' THEN id END) AS users_invalid",
      `FROM (SELECT ${users.id} AS id FROM ${users.table} AS k_u) AS s`,
    ].join('\n'),
  ];
}

/**
 * Throws when a query that joined a users table found rows in it that core
 * rejects (see {@link usersCheckCte}).
 *
 * @throws {KpiValidationError} at `users.userId`.
 */
export function checkUsers(rows: readonly SqlRow[]): void {
  const invalid = rows.length > 0 ? (numberAt(rows, 0, 'users_invalid') ?? 0) : 0;
  if (invalid === 0) return;
  throw new KpiValidationError('users', [
    {
      index: null,
      path: 'users.userId',
      expected: 'each user listed once, under a non-empty id',
      received: `${invalid} user row${invalid === 1 ? '' : 's'} with a NULL, empty or repeated id`,
    },
  ]);
}
