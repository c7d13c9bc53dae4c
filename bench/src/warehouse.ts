/**
 * The warehouse section: the same metrics computed where the events already
 * are. `@kpikit/sql` compiles `retention` and `activeUsers` to DuckDB SQL; each
 * is timed (compile, query, reading the rows, `parse`) against the best
 * hand-written DuckDB query for it (`engines/duckdb.ts`) on the same table,
 * and against core from an `EventTable`. All must return the same numbers;
 * the figure judged is compiled ÷ hand-written (target ≤ 1.5×), with the rows
 * checked as by default (the hand-written query checks none), and shown
 * again with `checkRows: false`.
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { eventTableFromColumns, parseDay } from '@kpikit/core';
import type { ActiveUsersOptions, RetentionOptions } from '@kpikit/core';
// From the source, so the bench needs no build of @kpikit/sql (tsx runs TypeScript).
import { compile, parse } from '@kpikit/sql';
import type { EventTableColumns } from '@kpikit/sql';
import { duckDbEngine, loadDuckDb } from './engines/duckdb';
import { kpikitEngine } from './engines/kpikit';
import { eventColumns, generateEvents } from './generate';
import { collectGarbage, formatSize, formatTable, timeRuns } from './measure';
import { activeUsersDifferences, RETENTION_PERIODS, retentionDifferences, type Cohort, type DailyActive } from './results';

/** The most compiled SQL may take, as a multiple of the hand-written query's time. */
export const WAREHOUSE_TARGET = 1.5;

const METRICS = ['retention', 'activeUsers'] as const;
type Metric = (typeof METRICS)[number];

/** The bench's table: `events(user_id VARCHAR, name VARCHAR, ts BIGINT)`, epoch ms. */
const COLUMNS: EventTableColumns = { userId: 'user_id', name: 'name', timestamp: 'ts', timestampType: 'epoch_ms' };
const RETENTION_OPTIONS: RetentionOptions = { period: 'week', periods: RETENTION_PERIODS, mode: 'exact', timeZone: 'UTC' };
// By day: `parse` types the result by the options.
const ACTIVE_USERS_OPTIONS = { timeZone: 'UTC' } as const satisfies ActiveUsersOptions;

interface Results {
  retention: readonly Cohort[];
  activeUsers: readonly DailyActive[];
}

const DIFFERENCES: { readonly [M in Metric]: (expected: Results[M], actual: Results[M]) => string[] } = {
  retention: retentionDifferences,
  activeUsers: activeUsersDifferences,
};

/** One timed row of the section. */
export interface WarehouseMeasurement {
  readonly metric: Metric;
  readonly size: number;
  readonly engine: string;
  readonly median: number;
  readonly samples: readonly number[];
  readonly preemptions: number;
}

/** What the section found at every size. */
export interface WarehouseReport {
  readonly measurements: WarehouseMeasurement[];
  readonly problems: string[];
  readonly checks: number;
  /** Per size and metric, the compiled query's time over the hand-written one's. */
  readonly ratios: { readonly size: number; readonly metric: Metric; readonly engine: string; readonly ratio: number }[];
}

type Run<T> = () => Promise<T> | T;

/** One way of computing the section's metrics. */
interface WarehouseEngine {
  readonly name: string;
  readonly retention: Run<Results['retention']>;
  readonly activeUsers: Run<Results['activeUsers']>;
  readonly prepare?: (() => void) | undefined;
}

const COMPILED = 'DuckDB compiled';
const UNCHECKED = 'DuckDB compiled, checkRows: false';

/** The metrics compiled by `@kpikit/sql` and run on DuckDB: compile, query with the bound parameters, read the rows, parse. */
function compiledEngine(connection: DuckDBConnection, checkRows: boolean): WarehouseEngine {
  const rowsOf = async (sql: string, params: unknown): Promise<Record<string, unknown>[]> =>
    (await connection.runAndReadAll(sql, params as DuckDBValue[])).getRowObjectsJS();
  const target = { dialect: 'duckdb', table: 'events', columns: COLUMNS, checkRows } as const;
  return {
    name: checkRows ? COMPILED : UNCHECKED,
    async retention() {
      const { sql, params } = compile('retention', RETENTION_OPTIONS, target);
      const result = parse('retention', await rowsOf(sql, params), RETENTION_OPTIONS);
      return result.cohorts.map(({ start, counts }) => ({ startDay: parseDay(start)!, counts }));
    },
    async activeUsers() {
      const { sql, params } = compile('activeUsers', ACTIVE_USERS_OPTIONS, target);
      const result = parse('activeUsers', await rowsOf(sql, params), ACTIVE_USERS_OPTIONS);
      return result.rows.map(({ date, dau, wau, mau }) => ({ day: parseDay(date)!, dau, wau, mau }));
    },
  };
}

const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

/**
 * The section at each size: generates the events, builds core's table from
 * columns, loads DuckDB (neither timed), then times each metric three ways.
 * `runs` per measurement after `warmUps` untimed calls.
 */
export async function benchmarkWarehouse(
  sizes: readonly number[],
  runsAt: (size: number) => number,
  warmUps: number,
  seed: number,
): Promise<WarehouseReport> {
  const measurements: WarehouseMeasurement[] = [];
  const problems: string[] = [];
  const ratios: WarehouseReport['ratios'] = [];
  let checks = 0;
  for (const size of sizes) {
    const runs = runsAt(size);
    log(`warehouse, ${formatSize(size)} events: generating, building the table, loading DuckDB`);
    const data = generateEvents(size, seed);
    const table = eventTableFromColumns(eventColumns(data));
    const duck = await loadDuckDb(data);
    await collectGarbage();
    const core = kpikitEngine(table, 'cold');
    const hand = duckDbEngine(duck.connection);
    const engines: WarehouseEngine[] = [
      {
        name: 'kpikit (cold)',
        retention: () => core.retention(),
        activeUsers: () => core.activeUsers(),
        prepare: () => {
          core.prepare();
        },
      },
      { name: 'DuckDB hand-written', retention: () => hand.retention(), activeUsers: () => hand.activeUsers() },
      compiledEngine(duck.connection, true),
      compiledEngine(duck.connection, false),
    ];
    for (const metric of METRICS) {
      let reference: Results[Metric] | undefined;
      const medians = new Map<string, number>();
      for (const engine of engines) {
        const run: Run<Results[Metric]> = engine[metric];
        const timing = await timeRuns(run, { runs, warmUps, ...(engine.prepare ? { prepare: engine.prepare } : {}) });
        log(`  ${metric} ${engine.name}: ${timing.samples.map((ms) => ms.toFixed(1)).join(', ')} ms`);
        measurements.push({
          metric,
          size,
          engine: engine.name,
          median: timing.median,
          samples: timing.samples,
          preemptions: timing.preemptions,
        });
        medians.set(engine.name, timing.median);
        if (reference === undefined) {
          reference = timing.result;
          if (reference.length === 0) problems.push(`warehouse ${formatSize(size)} ${metric}: kpikit returned nothing to compare`);
          continue;
        }
        checks++;
        const differences = (DIFFERENCES[metric] as (a: Results[Metric], b: Results[Metric]) => string[])(reference, timing.result);
        if (differences.length > 0) {
          problems.push(`warehouse ${formatSize(size)} ${metric}, ${engine.name} vs kpikit: ${differences.slice(0, 10).join('; ')}`);
        }
      }
      for (const engine of [COMPILED, UNCHECKED]) {
        ratios.push({ size, metric, engine, ratio: medians.get(engine)! / medians.get('DuckDB hand-written')! });
      }
    }
    duck.close();
  }
  return { measurements, problems, checks, ratios };
}

const ratio = (value: number): string => (value >= 10 ? `${value.toFixed(0)}×` : `${value.toFixed(2)}×`);

/** The section's table, and each compiled ÷ hand-written ratio against the target. */
export function printWarehouse(report: WarehouseReport, withTargets: boolean): void {
  const rows = report.measurements.map((m) => {
    const hand = report.measurements.find((o) => o.size === m.size && o.metric === m.metric && o.engine === 'DuckDB hand-written');
    return [
      m.metric,
      formatSize(m.size),
      m.engine,
      m.median.toFixed(1),
      Math.min(...m.samples).toFixed(1),
      String(m.samples.length),
      String(m.preemptions),
      hand ? ratio(m.median / hand.median) : '',
    ];
  });
  const header = ['metric', 'events', 'engine', 'median ms', 'min ms', 'runs', 'preempted', 'time ÷ hand-written'];
  process.stdout.write(`\nWarehouse (DuckDB):\n${formatTable(header, rows, [false, true, false, true, true, true, true, true])}\n`);
  if (!withTargets) return;
  const lines = report.ratios.map(
    ({ size, metric, engine, ratio: value }) =>
      `${formatSize(size)} ${metric} ${engine} ÷ hand-written ${value.toFixed(2)} (≤ ${WAREHOUSE_TARGET}): ${value <= WAREHOUSE_TARGET ? 'met' : 'NOT met'}`,
  );
  process.stdout.write(`\nWarehouse target:\n${lines.map((line) => `  ${line}`).join('\n')}\n`);
}
