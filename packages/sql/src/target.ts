import { resolveCosts, type CostsTarget, type ResolvedCosts } from './costsTarget';
import { KpiValidationError } from '@kpikit/core';
import type { KpiIssue } from '@kpikit/core';

/** The SQL dialects a metric compiles to. */
export type Dialect = 'duckdb' | 'postgres' | 'clickhouse';

/** The dialects, in a stable order. */
export const DIALECTS: readonly Dialect[] = ['duckdb', 'postgres', 'clickhouse'];

/**
 * How a time column is stored: `timestamp` for any timestamp type (a zoned
 * one is an instant; a naive one is read as UTC), `epoch_ms` for a number of
 * milliseconds since 1970-01-01T00:00:00Z.
 */
export type TimestampType = 'timestamp' | 'epoch_ms';

/**
 * How a subscription boundary is stored: `date` for a local calendar date
 * (read in the call's `timeZone`), or an instant as for {@link TimestampType}.
 */
export type BoundaryType = 'date' | TimestampType;

/** Column names of an event table. Every name defaults to the one shown. */
export interface EventTableColumns {
  /** User id, a non-empty string. Default `"user_id"`. */
  readonly userId?: string | undefined;
  /** Event name, a non-empty string. Default `"event_name"`. */
  readonly name?: string | undefined;
  /** When the event happened. Default `"ts"`. */
  readonly timestamp?: string | undefined;
  /** How `timestamp` is stored. Default `"timestamp"`. */
  readonly timestampType?: TimestampType | undefined;
  /**
   * The column of each event property a query names (`where`, a funnel step's
   * `where`, a breakdown), by property key. Default: the column named like the
   * key (`plan` → `"plan"`).
   */
  readonly properties?: Readonly<Record<string, string>> | undefined;
}

/** Column names of a survey table (one answer per row). */
export interface SurveyTableColumns {
  /** The 0–10 answer. Default `"score"`. */
  readonly score?: string | undefined;
  /** When the answer was given; needed only to restrict answers to `from`/`to`. Default `"ts"`. */
  readonly timestamp?: string | undefined;
  /** How `timestamp` is stored. Default `"timestamp"`. */
  readonly timestampType?: TimestampType | undefined;
}

/** Column names of a subscription table (one subscription per row). */
export interface SubscriptionTableColumns {
  /** Default `"customer_id"`. */
  readonly customerId?: string | undefined;
  /** Price per interval in minor units, a non-negative integer. Default `"amount"`. */
  readonly amount?: string | undefined;
  /** `'month'` or `'year'`. Default `"interval"`. */
  readonly interval?: string | undefined;
  /** First day billed. Default `"start"`. */
  readonly start?: string | undefined;
  /** First day no longer billed; `NULL` while running. Default `"end"`. */
  readonly end?: string | undefined;
  /** How `start` and `end` are stored. Default `"date"`. */
  readonly boundaryType?: BoundaryType | undefined;
}

/** Column names of a users table (one user per row), for {@link UsersTarget}. */
export interface UserTableColumns {
  /** The user id, compared as text with the events' user id. Default `"user_id"`. */
  readonly userId?: string | undefined;
  /** When the user was created, read as `user.createdAt` (epoch ms). Default `"created_at"`. */
  readonly createdAt?: string | undefined;
  /** How `createdAt` is stored. Default `"timestamp"`. */
  readonly createdAtType?: TimestampType | undefined;
  /** The column of each user property a query names as `user.<key>`, by key. Default: the column named like the key. */
  readonly properties?: Readonly<Record<string, string>> | undefined;
}

/**
 * A users table joined to the events (event metrics only): `user.<key>` in a
 * `where`, a step's or exclusion's `where` or a breakdown reads the column
 * `<key>` of the user's row (a LEFT JOIN on the user id: NULL for a user the
 * table does not list), as core's `joinUsers` makes `user.<key>` properties.
 */
export interface UsersTarget {
  /** A table or view name, or its parts (`['crm', 'users']`). */
  readonly table: string | readonly string[];
  readonly columns?: UserTableColumns | undefined;
}

/** Where a metric's rows live: the dialect, the table (a name, or `[schema, table]` parts) and its column names. */
export interface SqlTarget<Columns> {
  readonly dialect: Dialect;
  /** A table or view name, quoted as one identifier; pass `['schema', 'table']` for a qualified name. */
  readonly table: string | readonly string[];
  readonly columns?: Columns | undefined;
  /**
   * Event metrics: whether the query counts the rows the contract rejects (a
   * NULL or empty user id or event name, a NULL timestamp), which `parse`
   * then reports as an error. Default `true`. Set it to `false` only when the
   * table's own constraints forbid such rows (`NOT NULL`, `CHECK (event_name
   * <> '')`): a query then reads no column it does not otherwise need (a
   * retention or active-users query without event names never reads the
   * event name), and a row breaking the rules would count as an ordinary event.
   */
  readonly checkRows?: boolean | undefined;
  /** Event metrics: a users table whose columns `user.<key>` properties read (see {@link UsersTarget}). */
  readonly users?: UsersTarget | undefined;
  /** `attribution` only: a spend table whose rows are cost entries besides the `costs` option (see {@link CostsTarget}). */
  readonly costs?: CostsTarget | undefined;
}

/** Column names with every default filled in. */
export type Resolved<Columns> = { readonly [K in keyof Columns]-?: Exclude<Columns[K], undefined> };

/** Which kind of table a metric reads. */
export type TableKind = 'events' | 'survey' | 'subscriptions';

const DEFAULTS: { readonly [K in TableKind]: Readonly<Record<string, string>> } = {
  events: { userId: 'user_id', name: 'event_name', timestamp: 'ts', timestampType: 'timestamp' },
  survey: { score: 'score', timestamp: 'ts', timestampType: 'timestamp' },
  subscriptions: {
    customerId: 'customer_id',
    amount: 'amount',
    interval: 'interval',
    start: 'start',
    end: 'end',
    boundaryType: 'date',
  },
};

const TYPE_VALUES: Readonly<Record<string, readonly string[]>> = {
  timestampType: ['timestamp', 'epoch_ms'],
  boundaryType: ['date', 'timestamp', 'epoch_ms'],
};

/** A resolved target: dialect, table name parts, column names and property columns. */
export interface ResolvedTarget {
  readonly dialect: Dialect;
  readonly table: readonly string[];
  readonly columns: Readonly<Record<string, string>>;
  /** Property key → column name, for the keys given (others: the key itself). */
  readonly properties: Readonly<Record<string, string>>;
  /** Whether event queries count invalid rows (see {@link SqlTarget.checkRows}). */
  readonly checkRows: boolean;
  /** The users table `user.<key>` properties read, if any. */
  readonly users: ResolvedUsers | null;
  /** The spend table `attribution` reads, if any. */
  readonly costs: ResolvedCosts | null;
}

/** A resolved users table: name parts, `userId`, `createdAt` and `createdAtType`, and property columns by key. */
export interface ResolvedUsers {
  readonly table: readonly string[];
  readonly columns: Readonly<Record<'userId' | 'createdAt' | 'createdAtType', string>>;
  readonly properties: Readonly<Record<string, string>>;
}

const USER_DEFAULTS = { userId: 'user_id', createdAt: 'created_at', createdAtType: 'timestamp' } as const;

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

// A NUL character cannot be quoted in every dialect: such a name is refused rather than mangled.
const isIdentifier = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && !value.includes('\0');

/**
 * Checks a target (`dialect`, `table`, `columns`) and fills in default column
 * names. Names may hold any character but NUL: they are always quoted.
 *
 * @throws {KpiValidationError} naming each bad field (`target.columns.userId`).
 */
export function resolveTarget(kind: TableKind, target: unknown): ResolvedTarget {
  const issues: KpiIssue[] = [];
  const add = (path: string, expected: string, received: unknown): void => {
    issues.push({ index: null, path, expected, received: describe(received) });
  };
  if (typeof target !== 'object' || target === null) {
    throw new KpiValidationError('target', [
      { index: null, path: 'target', expected: 'an object { dialect, table, columns? }', received: describe(target) },
    ]);
  }
  const { dialect, table, columns, checkRows = true, users, costs } = target as Record<string, unknown>;
  if (typeof checkRows !== 'boolean') add('target.checkRows', 'true or false', checkRows);
  if (dialect !== 'duckdb' && dialect !== 'postgres' && dialect !== 'clickhouse')
    add('target.dialect', 'one of "duckdb", "postgres", "clickhouse"', dialect);
  const parts = tableParts(table, 'target.table', add);
  const defaults = DEFAULTS[kind];
  const resolved: Record<string, string> = { ...defaults };
  const properties: Record<string, string> = Object.create(null) as Record<string, string>;
  if (columns !== undefined) {
    if (typeof columns !== 'object' || columns === null || Array.isArray(columns)) {
      add('target.columns', 'an object of column names', columns);
    } else {
      for (const [key, value] of Object.entries(columns as Record<string, unknown>)) {
        if (value === undefined) continue;
        if (key === 'properties' && kind === 'events') {
          resolveProperties(value, properties, add);
          continue;
        }
        const allowed = TYPE_VALUES[key];
        if (!(key in defaults)) {
          const known = [...Object.keys(defaults), ...(kind === 'events' ? ['properties'] : [])];
          add(`target.columns.${key}`, `a known column (${known.join(', ')})`, value);
        } else if (allowed ? !allowed.includes(value as string) : !isIdentifier(value)) {
          add(
            `target.columns.${key}`,
            allowed ? `one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}` : 'a column name (non-empty, no NUL character)',
            value,
          );
        } else resolved[key] = value as string;
      }
    }
  }
  const joined = users === undefined ? null : kind === 'events' ? resolveUsers(users, add) : null;
  if (users !== undefined && kind !== 'events') add('target.users', 'no users table (only event metrics join one)', users);
  const spend = costs === undefined ? null : resolveCosts(costs, add, (value, path) => tableParts(value, path, add));
  if (issues.length > 0) throw new KpiValidationError('target', issues);
  return {
    costs: spend,
    dialect: dialect as Dialect,
    table: parts as string[],
    columns: resolved,
    properties,
    checkRows: checkRows as boolean,
    users: joined,
  };
}

type AddIssue = (path: string, expected: string, received: unknown) => void;

function tableParts(table: unknown, path: string, add: AddIssue): string[] | null {
  const parts = typeof table === 'string' ? [table] : Array.isArray(table) ? (table as unknown[]) : null;
  if (parts === null || parts.length === 0 || parts.length > 3 || !parts.every(isIdentifier)) {
    add(path, 'a table name, or 1 to 3 name parts such as ["analytics", "events"] (non-empty, no NUL character)', table);
    return null;
  }
  return parts;
}

function resolveUsers(users: unknown, add: AddIssue): ResolvedUsers | null {
  if (typeof users !== 'object' || users === null || Array.isArray(users)) {
    add('target.users', 'an object { table, columns? }', users);
    return null;
  }
  const { table, columns, ...rest } = users as Record<string, unknown>;
  for (const key of Object.keys(rest)) add(`target.users.${key}`, 'a known field (table, columns)', rest[key]);
  const parts = tableParts(table, 'target.users.table', add);
  const resolved: Record<string, string> = { ...USER_DEFAULTS };
  const properties: Record<string, string> = Object.create(null) as Record<string, string>;
  if (columns !== undefined) {
    if (typeof columns !== 'object' || columns === null || Array.isArray(columns)) {
      add('target.users.columns', 'an object of column names', columns);
    } else {
      for (const [key, value] of Object.entries(columns as Record<string, unknown>)) {
        if (value === undefined) continue;
        if (key === 'properties') resolveProperties(value, properties, add, 'target.users.columns.properties');
        else if (key === 'createdAtType') {
          if (value === 'timestamp' || value === 'epoch_ms') resolved[key] = value;
          else add('target.users.columns.createdAtType', 'one of "timestamp", "epoch_ms"', value);
        } else if (!(key in USER_DEFAULTS)) {
          add(`target.users.columns.${key}`, 'a known column (userId, createdAt, createdAtType, properties)', value);
        } else if (!isIdentifier(value)) add(`target.users.columns.${key}`, 'a column name (non-empty, no NUL character)', value);
        else resolved[key] = value;
      }
    }
  }
  return parts === null ? null : { table: parts, columns: resolved as ResolvedUsers['columns'], properties };
}

function resolveProperties(value: unknown, into: Record<string, string>, add: AddIssue, path = 'target.columns.properties'): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    add(path, 'an object of column names by property key', value);
    return;
  }
  for (const [key, column] of Object.entries(value as Record<string, unknown>)) {
    if (column === undefined) continue;
    if (isIdentifier(column)) into[key] = column;
    else add(`${path}.${key}`, 'a column name (non-empty, no NUL character)', column);
  }
}
