/** A users table in the test engines, and random users for the events of `data.ts`. */
import fc from 'fast-check';
import type { KpiUser } from '@kpikit/core';
import { backQuoted, quoted, type Engine } from './engines';

/** A users-table property column: `properties[key]` (NULL when absent) in a column of that type, named `column` (default: the key). */
export interface UserColumnSpec {
  readonly key: string;
  readonly type: 'text' | 'bigint' | 'boolean';
  readonly column?: string;
}

/** Column names of a test users table. */
export interface UserTableSpec {
  readonly table: string;
  readonly id?: string;
  readonly createdAt?: string;
  readonly properties: readonly UserColumnSpec[];
}

const SQL_TYPES = { text: 'TEXT', bigint: 'BIGINT', boolean: 'BOOLEAN' } as const;
const CLICKHOUSE_TYPES = { text: 'Nullable(String)', bigint: 'Nullable(Int64)', boolean: 'Nullable(Bool)' } as const;

const createdMs = (user: KpiUser): number | null => (typeof user.createdAt === 'number' ? user.createdAt : null);

/** (Re)creates a users table: the id as text, `createdAt` as a zoned timestamp (epoch ms given), the property columns. */
export async function loadUsers(engine: Engine, users: readonly KpiUser[], spec: UserTableSpec): Promise<void> {
  const { table, id = 'user_id', createdAt = 'created_at', properties } = spec;
  const propertyOf = (user: KpiUser, key: string): unknown => user.properties?.[key] ?? null;
  if (engine.dialect === 'clickhouse') {
    const columns = properties.map(({ key, type, column = key }) => `, ${backQuoted(column)} ${CLICKHOUSE_TYPES[type]}`).join('');
    await engine.exec(`DROP TABLE IF EXISTS ${backQuoted(table)}`);
    await engine.exec(
      `CREATE TABLE ${backQuoted(table)} (${backQuoted(id)} Nullable(String), ${backQuoted(createdAt)} Nullable(DateTime64(3, 'UTC'))${columns}) ENGINE = Memory`,
    );
    if (users.length === 0) return;
    const structure = [
      'u Nullable(String), ms Nullable(Int64)',
      ...properties.map(({ type }, i) => `p${i} ${CLICKHOUSE_TYPES[type]}`),
    ].join(', ');
    const lines = users
      .map((user) =>
        JSON.stringify({
          u: user.userId,
          ms: createdMs(user),
          ...Object.fromEntries(properties.map(({ key }, i) => [`p${i}`, propertyOf(user, key)])),
        }),
      )
      .join('\n');
    const literal = (text: string): string => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
    await engine.exec(
      `INSERT INTO ${backQuoted(table)} SELECT u, fromUnixTimestamp64Milli(ms, 'UTC')${properties.map((_, i) => `, p${i}`).join('')} FROM format(JSONEachRow, ${literal(structure)}, ${literal(lines)})`,
    );
    return;
  }
  const columns = properties.map(({ key, type, column = key }) => `, ${quoted(column)} ${SQL_TYPES[type]}`).join('');
  await engine.exec(`DROP TABLE IF EXISTS ${quoted(table)}`);
  await engine.exec(`CREATE TABLE ${quoted(table)} (${quoted(id)} TEXT, ${quoted(createdAt)} TIMESTAMPTZ${columns})`);
  const instant = (p: string): string =>
    engine.dialect === 'duckdb'
      ? `(epoch_ms(CAST(${p} AS BIGINT)) AT TIME ZONE 'UTC')`
      : `(TIMESTAMPTZ '1970-01-01 00:00:00+00' + CAST(${p} AS BIGINT) * INTERVAL '1 millisecond')`;
  if (users.length === 0) return;
  const params: unknown[] = [];
  const values = users.map((user) => {
    params.push(user.userId, createdMs(user));
    const n = params.length;
    const cells = properties.map(({ key, type }) => {
      params.push(propertyOf(user, key));
      return `, CAST($${params.length} AS ${SQL_TYPES[type]})`;
    });
    return `(CAST($${n - 1} AS TEXT), ${instant(`$${n}`)}${cells.join('')})`;
  });
  await engine.exec(`INSERT INTO ${quoted(table)} VALUES ${values.join(', ')}`, params);
}

/** The users-table columns of {@link usersArb}'s users: a text, an integer and a boolean. */
export const USER_COLUMNS: readonly UserColumnSpec[] = [
  { key: 'plan', type: 'text' },
  { key: 'seats', type: 'bigint', column: 'seat count' },
  { key: 'vip', type: 'boolean' },
];

/**
 * Users among `u0 … u{n−1}` (some left out, so their events have no user
 * properties), each with a creation time or none and properties drawn like
 * the events' (`plan`, `seats`, `vip`, each sometimes absent).
 */
export const usersArb = (n = 6): fc.Arbitrary<KpiUser[]> =>
  fc
    .array(
      fc.record({
        listed: fc.boolean(),
        createdAt: fc.option(fc.constantFrom(Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 29, 23, 30), Date.UTC(2024, 2, 1)), {
          nil: undefined,
        }),
        plan: fc.option(fc.constantFrom('free', 'pro', 'team'), { nil: undefined, freq: 4 }),
        seats: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined, freq: 4 }),
        vip: fc.option(fc.boolean(), { nil: undefined, freq: 3 }),
      }),
      { minLength: n, maxLength: n },
    )
    .map((drawn) =>
      drawn.flatMap(({ listed, createdAt, plan, seats, vip }, i) =>
        listed
          ? [
              {
                userId: `u${i}`,
                ...(createdAt === undefined ? {} : { createdAt }),
                properties: {
                  ...(plan === undefined ? {} : { plan }),
                  ...(seats === undefined ? {} : { seats }),
                  ...(vip === undefined ? {} : { vip }),
                },
              },
            ]
          : [],
      ),
    );
