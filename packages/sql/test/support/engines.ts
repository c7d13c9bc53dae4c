/**
 * Real database engines, started by the tests: DuckDB through
 * `@duckdb/node-api`, PostgreSQL through PGlite (PostgreSQL compiled to
 * wasm), when there is one a real PostgreSQL server through `pg` (see
 * `postgres.setup.ts`) and, when it is installed, ClickHouse through chDB.
 * Tables are created with identifiers quoted here, by hand, so that the
 * quoting under test is never used to set up its own test.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBValue } from '@duckdb/node-api';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import type { KpiEvent, Subscription } from '@kpikit/core';
import { Client } from 'pg';
import type { QueryFunction, SqlParams } from '../../src/index';
import { loadChdb } from './chdb';

export type EngineName = 'duckdb' | 'postgres' | 'clickhouse';

/** One running engine. */
export interface Engine {
  readonly dialect: EngineName;
  /** Which engine, for messages: two run the PostgreSQL dialect. */
  readonly label: string;
  readonly query: QueryFunction;
  exec(sql: string, params?: readonly unknown[]): Promise<void>;
  close(): Promise<void>;
}

/** `"name"` with inner double quotes doubled: the SQL-standard rule both engines follow. */
export const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export async function startDuckDb(): Promise<Engine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  // A session zone other than UTC: compiled queries must not depend on it.
  await connection.run(`SET TimeZone = 'Asia/Tokyo'`);
  return {
    dialect: 'duckdb',
    label: 'duckdb',
    query: async (sql: string, params: SqlParams) => {
      const reader = await connection.runAndReadAll(sql, params as DuckDBValue[]);
      return reader.getRowObjectsJS();
    },
    exec: async (sql, params) => {
      await connection.run(sql, params as DuckDBValue[] | undefined);
    },
    close: () => {
      connection.closeSync();
      instance.closeSync();
      return Promise.resolve();
    },
  };
}

export async function startPostgres(): Promise<Engine> {
  const db = new PGlite();
  await db.waitReady;
  // A session zone other than UTC: compiled queries must not depend on it.
  await db.exec(`SET TIME ZONE 'America/Los_Angeles'`);
  return {
    dialect: 'postgres',
    label: 'postgres (PGlite)',
    query: async (sql: string, params: SqlParams) => (await db.query<Record<string, unknown>>(sql, params as unknown[])).rows,
    exec: async (sql, params) => {
      if (params === undefined) await db.exec(sql);
      else await db.query(sql, params as unknown[]);
    },
    close: () => db.close(),
  };
}

/**
 * A real PostgreSQL server (see `postgres.setup.ts`), in a database of its own
 * that is dropped on close: test files run side by side on the one server.
 */
export async function startPostgresServer(url: string): Promise<Engine> {
  const database = `kpikit_${randomBytes(6).toString('hex')}`;
  await onServer(url, `CREATE DATABASE ${quoted(database)}`);
  const target = new URL(url);
  target.pathname = `/${database}`;
  // node-postgres as users run it: BIGINT and NUMERIC come back as text.
  const client = new Client({ connectionString: target.toString() });
  await client.connect();
  // A session zone other than UTC (and other than the other engines'): compiled queries must not depend on it.
  await client.query(`SET TimeZone = 'Australia/Adelaide'`);
  return {
    dialect: 'postgres',
    label: 'postgres (server)',
    query: async (sql: string, params: SqlParams) => (await client.query<Record<string, unknown>>(sql, params as unknown[])).rows,
    exec: async (sql, params) => {
      await client.query(sql, params as unknown[] | undefined);
    },
    close: async () => {
      await client.end();
      await onServer(url, `DROP DATABASE IF EXISTS ${quoted(database)} WITH (FORCE)`);
    },
  };
}

/** Runs one statement in the database of the URL (a database cannot drop itself). */
async function onServer(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Column names and storage of a test event table. */
export interface EventTableSpec {
  readonly table: string;
  readonly user?: string;
  readonly name?: string;
  readonly ts?: string;
  /** `timestamptz` (default), a naive `timestamp` holding UTC, or `epoch_ms` (BIGINT). */
  readonly storage?: 'timestamptz' | 'timestamp' | 'epoch_ms';
  /** Property columns: each event's `properties[key]` (NULL when absent) in a column of that type, named `column` (default: the key). */
  readonly properties?: readonly PropertyColumnSpec[];
}

/** A property column of a test event table. */
export interface PropertyColumnSpec {
  readonly key: string;
  readonly type: 'text' | 'double' | 'bigint' | 'boolean';
  readonly column?: string;
}

const SQL_TYPES = { text: 'TEXT', double: 'DOUBLE PRECISION', bigint: 'BIGINT', boolean: 'BOOLEAN' } as const;
const CLICKHOUSE_TYPES = {
  text: 'Nullable(String)',
  double: 'Nullable(Float64)',
  bigint: 'Nullable(Int64)',
  boolean: 'Nullable(Bool)',
} as const;

const propertyOf = (event: KpiEvent, key: string): unknown => event.properties?.[key] ?? null;

/** An event's epoch ms; NULL for a `null` timestamp (which tests of rejection pass by force). */
const msOf = (event: KpiEvent): number | null =>
  (event.timestamp as unknown) === null
    ? null
    : typeof event.timestamp === 'number'
      ? event.timestamp
      : event.timestamp instanceof Date
        ? event.timestamp.getTime()
        : Date.parse(event.timestamp);

/** (Re)creates an event table and fills it, in chunks of bound parameters. */
export async function loadEvents(engine: Engine, events: readonly KpiEvent[], spec: EventTableSpec): Promise<void> {
  if (engine.dialect === 'clickhouse') return loadClickHouseEvents(engine, events, spec);
  const { table, user = 'user_id', name = 'event_name', ts = 'ts', storage = 'timestamptz', properties = [] } = spec;
  const duck = engine.dialect === 'duckdb';
  const columnType = storage === 'epoch_ms' ? 'BIGINT' : storage === 'timestamp' ? 'TIMESTAMP' : duck ? 'TIMESTAMPTZ' : 'TIMESTAMPTZ';
  const propertyColumns = properties.map(({ key, type, column = key }) => `, ${quoted(column)} ${SQL_TYPES[type]}`).join('');
  await engine.exec(`DROP TABLE IF EXISTS ${quoted(table)}`);
  await engine.exec(
    `CREATE TABLE ${quoted(table)} (${quoted(user)} TEXT, ${quoted(name)} TEXT, ${quoted(ts)} ${columnType}${propertyColumns})`,
  );
  // Exact conversions from integer ms, whatever the session time zone.
  const instant = (p: string): string => {
    if (storage === 'epoch_ms') return `CAST(${p} AS BIGINT)`;
    if (duck) return storage === 'timestamp' ? `epoch_ms(CAST(${p} AS BIGINT))` : `(epoch_ms(CAST(${p} AS BIGINT)) AT TIME ZONE 'UTC')`;
    const tz = `(TIMESTAMPTZ '1970-01-01 00:00:00+00' + CAST(${p} AS BIGINT) * INTERVAL '1 millisecond')`;
    return storage === 'timestamp' ? `(${tz} AT TIME ZONE 'UTC')` : tz;
  };
  for (let start = 0; start < events.length; start += 500) {
    const chunk = events.slice(start, start + 500);
    const params: unknown[] = [];
    const values = chunk.map((event) => {
      params.push(event.userId, event.name, msOf(event));
      const n = params.length;
      const cells = properties.map(({ key, type }) => {
        params.push(propertyOf(event, key));
        return `, CAST($${params.length} AS ${SQL_TYPES[type]})`;
      });
      return `(CAST($${n - 2} AS TEXT), CAST($${n - 1} AS TEXT), ${instant(`$${n}`)}${cells.join('')})`;
    });
    await engine.exec(`INSERT INTO ${quoted(table)} VALUES ${values.join(', ')}`, params);
  }
}

/** (Re)creates a survey table of scores (NULL allowed, to test rejection). */
export async function loadScores(
  engine: Engine,
  table: string,
  scores: readonly (number | null)[],
  times?: readonly number[],
): Promise<void> {
  if (engine.dialect === 'clickhouse') {
    const rows = scores.map((score, i) => ({ score, ts: times?.[i] ?? 0 }));
    return loadClickHouseRows(
      engine,
      table,
      [
        ['score', 'Nullable(Float64)'],
        ['ts', 'Int64'],
      ],
      rows,
    );
  }
  await engine.exec(`DROP TABLE IF EXISTS ${quoted(table)}`);
  await engine.exec(`CREATE TABLE ${quoted(table)} (score DOUBLE PRECISION, ts BIGINT)`);
  for (let start = 0; start < scores.length; start += 500) {
    const params: unknown[] = [];
    const values = scores.slice(start, start + 500).map((score, i) => {
      params.push(score, times?.[start + i] ?? 0);
      return `(CAST($${params.length - 1} AS DOUBLE PRECISION), CAST($${params.length} AS BIGINT))`;
    });
    if (values.length > 0) await engine.exec(`INSERT INTO ${quoted(table)} VALUES ${values.join(', ')}`, params);
  }
}

/** (Re)creates a subscription table; `start`/`end` stored as DATE (local dates) or as epoch ms. */
export async function loadSubscriptions(
  engine: Engine,
  table: string,
  subscriptions: readonly Subscription[],
  storage: 'date' | 'epoch_ms',
): Promise<void> {
  if (engine.dialect === 'clickhouse') {
    const time = storage === 'date' ? 'Nullable(Date32)' : 'Nullable(Int64)';
    const rows = subscriptions.map((s) => ({
      customer_id: s.customerId,
      amount: s.amount,
      interval: s.interval,
      start: s.start,
      end: s.end ?? null,
    }));
    return loadClickHouseRows(
      engine,
      table,
      [
        ['customer_id', 'String'],
        ['amount', 'Float64'],
        ['interval', 'String'],
        ['start', time],
        ['end', time],
      ],
      rows,
    );
  }
  await engine.exec(`DROP TABLE IF EXISTS ${quoted(table)}`);
  const time = storage === 'date' ? 'DATE' : 'BIGINT';
  await engine.exec(
    `CREATE TABLE ${quoted(table)} (customer_id TEXT, amount DOUBLE PRECISION, "interval" TEXT, "start" ${time}, "end" ${time})`,
  );
  for (let start = 0; start < subscriptions.length; start += 500) {
    const params: unknown[] = [];
    const values = subscriptions.slice(start, start + 500).map((s) => {
      const end = s.end ?? null;
      params.push(s.customerId, s.amount, s.interval, storage === 'date' ? s.start : s.start, storage === 'date' ? end : end);
      const n = params.length;
      return `(CAST($${n - 4} AS TEXT), CAST($${n - 3} AS DOUBLE PRECISION), CAST($${n - 2} AS TEXT), CAST($${n - 1} AS ${time}), CAST($${n} AS ${time}))`;
    });
    if (values.length > 0) await engine.exec(`INSERT INTO ${quoted(table)} VALUES ${values.join(', ')}`, params);
  }
}

/**
 * ClickHouse through chDB (embedded ClickHouse), when it can be loaded (see
 * `chdb.ts` for where it is looked for); `null` otherwise.
 */
export function startClickHouse(): Promise<ClickHouseEngine | null> {
  const { chdb } = loadChdb();
  if (chdb === null) return Promise.resolve(null);
  const session = new chdb.Session();
  const run = (sql: string, params: Readonly<Record<string, unknown>> = {}): Record<string, unknown>[] => {
    const text = session.queryBind(sql, params, 'JSON');
    return text.trim() === '' ? [] : (JSON.parse(text) as { data: Record<string, unknown>[] }).data;
  };
  // The tests run thousands of different queries over tables of a few dozen rows: one thread, and no
  // compiling of expressions (done after an expression's third use, it costs more than such a query).
  for (const setting of [
    'max_threads = 1',
    'compile_expressions = 0',
    'compile_aggregate_expressions = 0',
    'compile_sort_description = 0',
  ]) {
    run(`SET ${setting}`);
  }
  return Promise.resolve({
    dialect: 'clickhouse',
    label: 'clickhouse (chDB)',
    query: (sql, params) => Promise.resolve(run(sql, params as Readonly<Record<string, unknown>>)),
    exec: (sql) => {
      run(sql);
      return Promise.resolve();
    },
    close: () => {
      session.cleanup();
      return Promise.resolve();
    },
  });
}

/** A running ClickHouse: the same shape as the other engines. */
export interface ClickHouseEngine extends Engine {
  readonly dialect: 'clickhouse';
}

/** `` `name` `` with backslashes and back quotes escaped, as ClickHouse reads quoted identifiers. */
export const backQuoted = (name: string): string => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``;

/** A ClickHouse string literal of any text. */
const literal = (text: string): string => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/** (Re)creates a ClickHouse table of the given columns and fills it from JSON rows. */
async function loadClickHouseRows(
  engine: Engine,
  table: string,
  columns: readonly (readonly [string, string])[],
  rows: readonly object[],
): Promise<void> {
  await engine.exec(`DROP TABLE IF EXISTS ${backQuoted(table)}`);
  await engine.exec(
    `CREATE TABLE ${backQuoted(table)} (${columns.map(([name, type]) => `${backQuoted(name)} ${type}`).join(', ')}) ENGINE = Memory`,
  );
  if (rows.length === 0) return;
  const structure = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  const lines = rows.map((row) => JSON.stringify(row)).join('\n');
  await engine.exec(`INSERT INTO ${backQuoted(table)} SELECT * FROM format(JSONEachRow, ${literal(structure)}, ${literal(lines)})`);
}

/** (Re)creates a ClickHouse event table (DateTime64(3) or Int64 epoch ms) from JSON rows. */
async function loadClickHouseEvents(engine: Engine, events: readonly KpiEvent[], spec: EventTableSpec): Promise<void> {
  const { table, user = 'user_id', name = 'event_name', ts = 'ts', storage = 'timestamptz', properties = [] } = spec;
  const type = storage === 'epoch_ms' ? 'Int64' : `DateTime64(3, 'UTC')`;
  const propertyColumns = properties
    .map(({ key, type: kind, column = key }) => `, ${backQuoted(column)} ${CLICKHOUSE_TYPES[kind]}`)
    .join('');
  await engine.exec(`DROP TABLE IF EXISTS ${backQuoted(table)}`);
  await engine.exec(
    `CREATE TABLE ${backQuoted(table)} (${backQuoted(user)} String, ${backQuoted(name)} String, ${backQuoted(ts)} ${type}${propertyColumns}) ENGINE = Memory`,
  );
  if (events.length === 0) return;
  const lines = events
    .map((event) =>
      JSON.stringify({
        u: event.userId,
        n: event.name,
        ms: msOf(event),
        ...Object.fromEntries(properties.map(({ key }, i) => [`p${i}`, propertyOf(event, key)])),
      }),
    )
    .join('\n');
  const value = storage === 'epoch_ms' ? 'ms' : `fromUnixTimestamp64Milli(ms, 'UTC')`;
  const structure = ['u String, n String, ms Int64', ...properties.map(({ type: kind }, i) => `p${i} ${CLICKHOUSE_TYPES[kind]}`)].join(
    ', ',
  );
  await engine.exec(
    `INSERT INTO ${backQuoted(table)} SELECT u, n, ${value}${properties.map((_, i) => `, p${i}`).join('')} FROM format(JSONEachRow, ${literal(structure)}, ${literal(lines)})`,
  );
}
