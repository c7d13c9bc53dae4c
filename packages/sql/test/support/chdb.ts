/**
 * Finding chDB (embedded ClickHouse). It is not a dependency of the package:
 * its registry entry lists platform binaries the registry lacks, which breaks
 * `npm ci`. It is installed outside the workspace instead:
 *
 *   npm install --no-save --no-package-lock --prefix ~/.cache/kpikit-chdb chdb@3.4.0
 *
 * and found here, in this order: the folder named by `KPIKIT_CHDB_DIR`, else
 * `~/.cache/kpikit-chdb`, else wherever the workspace itself resolves `chdb`.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** What the tests use of chDB's module. */
export interface ChdbModule {
  readonly Session: new () => ChdbSession;
}

/** A chDB session: an in-process ClickHouse with its own temporary data. */
export interface ChdbSession {
  queryBind(sql: string, params: object, format: string): string;
  cleanup(): void;
}

/** chDB's module and where it came from, or why it could not be loaded. */
export type ChdbLookup = { readonly chdb: ChdbModule; readonly from: string } | { readonly chdb: null; readonly reason: string };

/** The folder the install command above writes to. */
export const defaultChdbDir = (): string => process.env.KPIKIT_CHDB_DIR ?? join(homedir(), '.cache', 'kpikit-chdb');

let cached: ChdbLookup | undefined;

/** Loads chDB once per process (its library is half a gigabyte). */
export function loadChdb(): ChdbLookup {
  cached ??= lookup();
  return cached;
}

function lookup(): ChdbLookup {
  const dir = defaultChdbDir();
  const reasons: string[] = [];
  // createRequire needs a file path: resolution starts in its folder (dir/node_modules/chdb).
  const bases = [
    ...(existsSync(dir) ? [{ base: join(dir, 'index.js'), from: dir }] : []),
    { base: import.meta.url, from: 'the workspace' },
  ];
  if (!existsSync(dir)) reasons.push(`${dir} does not exist`);
  for (const { base, from } of bases) {
    try {
      const chdb = createRequire(base)('chdb') as ChdbModule;
      return { chdb, from };
    } catch (error) {
      reasons.push(`not loadable from ${from}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  return { chdb: null, reason: reasons.join('; ') };
}
