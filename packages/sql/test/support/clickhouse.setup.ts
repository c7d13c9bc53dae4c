/**
 * Says once, before and after the run, whether the ClickHouse suites run
 * (chDB found and working) or were skipped, so a skipped engine never passes
 * unnoticed. Skipping is not a failure: the golden files still cover the
 * ClickHouse SQL.
 */
import { defaultChdbDir, loadChdb } from './chdb';

export default function setup(): () => void {
  const found = loadChdb();
  let line: string;
  if (found.chdb === null) {
    line = `ClickHouse SKIPPED: chDB not found (${found.reason}). Only the golden files cover the ClickHouse SQL. To run it: npm install --no-save --no-package-lock --prefix ${defaultChdbDir()} chdb@3.4.0`;
  } else {
    try {
      const session = new found.chdb.Session();
      const version = (JSON.parse(session.queryBind('SELECT version() AS v', {}, 'JSON')) as { data: { v: string }[] }).data[0]?.v;
      session.cleanup();
      line = `ClickHouse: chDB (ClickHouse ${version ?? '?'}) from ${found.from}: the ClickHouse suites run.`;
    } catch (error) {
      line = `ClickHouse SKIPPED: chDB from ${found.from} does not run (${error instanceof Error ? error.message : String(error)}).`;
    }
  }
  process.stdout.write(`\n${line}\n\n`);
  return () => {
    process.stdout.write(`\n${line}\n`);
  };
}
