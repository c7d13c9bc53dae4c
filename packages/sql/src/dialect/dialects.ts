import type { Dialect } from '../target';
import { clickhouse } from './clickhouse';
import type { SqlDialect } from './dialect.types';
import { duckdb } from './duckdb';
import { postgres } from './postgres';

/** Every dialect by name. */
export const dialects: Readonly<Record<Dialect, SqlDialect>> = { duckdb, postgres, clickhouse };
