/**
 * A real PostgreSQL server for the test run, beside PGlite, when there is one:
 *
 * - the server at `KPIKIT_PG_URL` (e.g. `postgres://postgres@127.0.0.1:5432/postgres`),
 *   whose user may create databases: each test file makes its own;
 * - else a throwaway cluster of Debian's server binaries (`apt-get install
 *   postgresql`): the newest `/usr/lib/postgresql/<version>/bin`, or the
 *   folder named by `KPIKIT_PG_BIN` (a folder without them skips the suites).
 *   It lives in a temporary folder, listens on 127.0.0.1 only, on a free
 *   port, collates text as ICU's en-US (not binary), skips every flush, and
 *   is stopped (`pg_ctl stop -m immediate`) and removed after the run.
 *   initdb refuses root: as root, the server runs as the `postgres` user
 *   (`nobody` without one).
 *
 * Says once, before and after the run, whether the server suites run or were
 * skipped. Skipping is not a failure (PGlite still runs the PostgreSQL
 * dialect); a server that is found but does not start is one, with its log.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { appendFile, chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server the tests use beside PGlite, or `null` when there is none. */
    kpikitPgUrl: string | null;
  }
}

/** Where Debian puts each major version's server: `/usr/lib/postgresql/<version>/bin`. */
const DEBIAN_ROOT = '/usr/lib/postgresql';
const BINARIES = ['initdb', 'pg_ctl', 'postgres'] as const;

/** Test-only settings: nothing is kept, so nothing is flushed, and nothing runs but the tests. */
const SETTINGS = [
  'fsync = off',
  'synchronous_commit = off',
  'full_page_writes = off',
  'wal_level = minimal',
  'max_wal_senders = 0',
  'autovacuum = off',
  'jit = off',
  `lc_messages = 'C'`,
];

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.KPIKIT_PG_URL;
  if (given !== undefined && given !== '') {
    // A server named by hand must answer: a typo never passes for a skip.
    const version = await serverVersion(given);
    project.provide('kpikitPgUrl', given);
    return announce(`PostgreSQL server: PostgreSQL ${version} at ${withoutPassword(given)} (KPIKIT_PG_URL): the server suites run.`);
  }
  const found = findBinaries();
  if (found.bin === null) {
    project.provide('kpikitPgUrl', null);
    return announce(
      `PostgreSQL server SKIPPED: ${found.reason}. PGlite still runs the PostgreSQL dialect. To run it: apt-get install postgresql`,
    );
  }
  const cluster = await startCluster(found.bin);
  project.provide('kpikitPgUrl', cluster.url);
  const done = announce(`PostgreSQL server: PostgreSQL ${cluster.version} on 127.0.0.1:${cluster.port}: the server suites run.`);
  return async () => {
    await cluster.stop();
    await done();
  };
}

/** Prints the line now, and returns what prints it again at the end of the run. */
function announce(line: string): () => Promise<void> {
  process.stdout.write(`\n${line}\n\n`);
  return () => {
    process.stdout.write(`\n${line}\n`);
    return Promise.resolve();
  };
}

/** The folder of initdb, pg_ctl and postgres, or why there is none. */
function findBinaries(): { readonly bin: string } | { readonly bin: null; readonly reason: string } {
  const named = process.env.KPIKIT_PG_BIN;
  if (named !== undefined && named !== '') {
    const missing = BINARIES.filter((name) => !existsSync(join(named, name)));
    return missing.length === 0 ? { bin: named } : { bin: null, reason: `no ${missing.join(', ')} in ${named} (KPIKIT_PG_BIN)` };
  }
  const versions = existsSync(DEBIAN_ROOT)
    ? readdirSync(DEBIAN_ROOT)
        .filter((name) => /^\d+$/.test(name) && BINARIES.every((binary) => existsSync(join(DEBIAN_ROOT, name, 'bin', binary))))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  return newest === undefined
    ? { bin: null, reason: `no server binaries in ${DEBIAN_ROOT}/<version>/bin` }
    : { bin: join(DEBIAN_ROOT, newest, 'bin') };
}

/** A running throwaway cluster. */
interface Cluster {
  readonly url: string;
  readonly port: number;
  readonly version: string;
  stop(): Promise<void>;
}

/** initdb, then pg_ctl start, in a new temporary folder; on any failure, removes it and throws with the server's log. */
async function startCluster(bin: string): Promise<Cluster> {
  const owner = serverUser();
  const base = await mkdtemp(join(tmpdir(), 'kpikit-pg-'));
  const data = join(base, 'data');
  const log = join(base, 'server.log');
  const run = async (binary: string, args: readonly string[]): Promise<void> => {
    try {
      await promisify(execFile)(join(bin, binary), args, { cwd: base, ...(owner ?? {}) });
    } catch (error) {
      const { stderr } = error as { stderr?: string };
      throw new Error(`${binary} ${args.join(' ')} failed: ${stderr?.trim() || String(error)}`, { cause: error });
    }
  };
  const stop = (): Promise<void> => run('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w', '-s']);
  let started = false;
  try {
    if (owner !== undefined) await chown(base, owner.uid, owner.gid);
    await run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync', ...localeOptions(bin)]);
    const port = await freePort();
    // The socket goes in the temporary folder too: nothing is written outside it.
    const settings = [`listen_addresses = '127.0.0.1'`, `port = ${port}`, `unix_socket_directories = '${base}'`, ...SETTINGS];
    await appendFile(join(data, 'postgresql.conf'), `\n# Test-only settings\n${settings.join('\n')}\n`);
    started = true;
    await run('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', '60', '-s']);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const version = await serverVersion(url);
    return {
      url,
      port,
      version,
      stop: async () => {
        try {
          await stop();
        } finally {
          await rm(base, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    const text = await readFile(log, 'utf8').catch(() => '(no log)');
    if (started) await stop().catch(() => undefined);
    await rm(base, { recursive: true, force: true });
    throw new Error(
      `PostgreSQL server of ${bin} did not start: ${error instanceof Error ? error.message : String(error)}\n--- server log ---\n${text}`,
      { cause: error },
    );
  }
}

/**
 * UTF-8, and from PostgreSQL 15 on a default collation that is not binary
 * (ICU's en-US, as on many servers): the compiled queries must not depend on
 * it. Before 15 initdb has no ICU option: C.
 */
function localeOptions(bin: string): string[] {
  const version = execFileSync(join(bin, 'initdb'), ['--version'], { encoding: 'utf8' });
  const major = Number(/\(PostgreSQL\) (\d+)/.exec(version)?.[1] ?? 0);
  return major >= 15 ? ['--locale=C', '--locale-provider=icu', '--icu-locale=en-US'] : ['--locale=C'];
}

/** As root, the unprivileged user to run the server as (initdb refuses root); as anyone else, that user itself. */
function serverUser(): { readonly uid: number; readonly gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    try {
      const [, , uid, gid] = execFileSync('getent', ['passwd', name], { encoding: 'utf8' }).split(':');
      return { uid: Number(uid), gid: Number(gid) };
    } catch {
      // Not a user here: try the next.
    }
  }
  throw new Error('running as root, with neither a postgres nor a nobody user to run the PostgreSQL server as');
}

/** A TCP port on 127.0.0.1 that nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('no free port on 127.0.0.1'));
      });
    });
  });
}

/** The server's version (`15.18`), or a loud failure if it does not answer. */
async function serverVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 30_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version.split(' ')[0] ?? '?';
  } catch (error) {
    throw new Error(
      `PostgreSQL server at ${withoutPassword(url)} does not answer: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A connection URL fit to print. */
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unreadable URL)';
  }
}
