import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { toEventTable, type KpiEvent } from '@kpikit/core';
import { arqueroEngine, arqueroTable } from './engines/arquero';
import { duckDbEngine, loadDuckDb } from './engines/duckdb';
import { kpikitEngine } from './engines/kpikit';
import { activationDifferences } from './activation';
import { benchmarkDiscovery, creditDifferences, printDiscovery, type DiscoveryReport } from './discovery';
import { benchmarkWarehouse, printWarehouse, type WarehouseReport } from './warehouse';
import { eventObjects, generateEvents, withAccounts } from './generate';
import { collectGarbage, formatSize, formatTable, heldBytes, timeRuns } from './measure';
import {
  activeUsersDifferences,
  dayCountDifferences,
  funnelDifferences,
  lifecycleDifferences,
  retentionDifferences,
  sessionDifferences,
  type Cohort,
  type DailyActive,
  type DayCounts,
  type FunnelStepFigures,
  type LifecycleWeek,
  type MetricEngine,
  type SessionFigures,
} from './results';

const USAGE = `Usage: npm run bench [-- --sizes 1e6,1e7] [--runs N] [--engines kpikit,duckdb,arquero] [--seed N] [--sections metrics,warehouse,discovery]
       npm test   (the --smoke check: 20k events, one run, engines must agree)`;
const SECTIONS = ['metrics', 'warehouse', 'discovery'] as const;
type Section = (typeof SECTIONS)[number];

const METRICS = ['activeUsers', 'retention', 'funnel', 'sessions', 'lifecycle', 'stickinessDistribution', 'accountRetention'] as const;
type Metric = (typeof METRICS)[number];
/** What each metric returns, from every engine. */
interface MetricResults {
  activeUsers: readonly DailyActive[];
  retention: readonly Cohort[];
  funnel: readonly FunnelStepFigures[];
  sessions: SessionFigures;
  lifecycle: readonly LifecycleWeek[];
  stickinessDistribution: DayCounts;
  accountRetention: readonly Cohort[];
}
/** How two engines' results of a metric differ (empty when they agree). */
const DIFFERENCES: { readonly [M in Metric]: (expected: MetricResults[M], actual: MetricResults[M]) => string[] } = {
  activeUsers: activeUsersDifferences,
  retention: retentionDifferences,
  funnel: funnelDifferences,
  sessions: sessionDifferences,
  lifecycle: lifecycleDifferences,
  stickinessDistribution: dayCountDifferences,
  accountRetention: retentionDifferences,
};
const ENGINES = ['kpikit', 'duckdb', 'arquero'] as const;
type EngineName = (typeof ENGINES)[number];

/** Targets, judged on the cold kpikit figure (each call computes its local days, as DuckDB's queries do). */
const TARGETS = { buildMsAt10M: 3000, bytesPerEvent: 40 };
/** Per metric: the most kpikit's time may be of DuckDB's, and how many times faster than arquero it must be (none: no target). */
const METRIC_TARGETS: { readonly [M in Metric]: { readonly versusDuckDb: number; readonly versusArquero?: number } } = {
  activeUsers: { versusDuckDb: 0.5, versusArquero: 20 },
  retention: { versusDuckDb: 0.5, versusArquero: 20 },
  funnel: { versusDuckDb: 1 },
  sessions: { versusDuckDb: 1 },
  lifecycle: { versusDuckDb: 0.5 },
  stickinessDistribution: { versusDuckDb: 0.5 },
  accountRetention: { versusDuckDb: 0.5 },
};

interface Measurement {
  readonly metric: string;
  readonly size: number;
  readonly engine: string;
  readonly median: number;
  readonly samples: readonly number[];
  readonly preemptions: number;
  readonly note?: string | undefined;
}

interface SizeReport {
  readonly size: number;
  readonly measurements: Measurement[];
  readonly bytesPerEvent: number;
  readonly problems: string[];
  readonly checks: number;
}

const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

function parseCommandLine(): {
  sizes: number[];
  runs: number | undefined;
  engines: Set<EngineName>;
  seed: number;
  smoke: boolean;
  sections: Set<Section>;
} {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      runs: { type: 'string' },
      engines: { type: 'string' },
      seed: { type: 'string' },
      smoke: { type: 'boolean' },
      sections: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help === true) {
    log(USAGE);
    process.exit(0);
  }
  const smoke = values.smoke === true;
  const sizes = (values.sizes ?? (smoke ? '2e4' : '1e6,1e7')).split(',').map(Number);
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  const engines = new Set((values.engines ?? ENGINES.join(',')).split(',').map((name) => name.trim().toLowerCase()));
  const seed = Number(values.seed ?? 20240101);
  const sections = new Set((values.sections ?? SECTIONS.join(',')).split(',').map((name) => name.trim().toLowerCase()));
  const bad =
    sizes.some((n) => !Number.isInteger(n) || n < 1) ||
    (runs !== undefined && (!Number.isInteger(runs) || runs < 1)) ||
    [...engines].some((name) => !(ENGINES as readonly string[]).includes(name)) ||
    !Number.isInteger(seed) ||
    [...sections].some((name) => !(SECTIONS as readonly string[]).includes(name));
  if (bad) {
    log(USAGE);
    process.exit(2);
  }
  return { sizes, runs, engines: engines as Set<EngineName>, seed, smoke, sections: sections as Set<Section> };
}

async function benchmarkSize(size: number, runs: number, warmUps: number, engines: Set<EngineName>, seed: number): Promise<SizeReport> {
  const measurements: Measurement[] = [];
  const problems: string[] = [];
  let checks = 0;
  const record = (
    metric: string,
    engine: string,
    timing: { median: number; samples: readonly number[]; preemptions: number },
    note?: string,
  ): void => {
    measurements.push({ metric, size, engine, median: timing.median, samples: timing.samples, preemptions: timing.preemptions, note });
    log(`  ${metric} ${engine}: ${timing.samples.map((ms) => ms.toFixed(1)).join(', ')} ms`);
  };

  log(`${formatSize(size)} events: generating`);
  const data = generateEvents(size, seed);

  // Build time, then the memory the table keeps once the input objects are gone.
  await collectGarbage();
  const before = heldBytes();
  let objects: KpiEvent[] | undefined = eventObjects(data);
  const build = await timeRuns(() => toEventTable(objects!), { runs, warmUps });
  objects = undefined;
  await collectGarbage();
  const table = build.result;
  const bytesPerEvent = (heldBytes() - before) / size;
  // The table's own columns, as a cross-check of the measured figure.
  const columnBytes = [table.user, table.name, table.time, table.userStart].reduce((sum, column) => sum + column.byteLength, 0) / size;
  record('toEventTable', 'kpikit', build, `${bytesPerEvent.toFixed(1)} bytes/event retained (its columns: ${columnBytes.toFixed(1)})`);
  // A cold call's own extra cost is mostly one new 4-byte column (the local days): written into fresh
  // memory (every page faulted in) and into memory already touched.
  const touched = new Int32Array(size);
  record('day column', 'fresh memory', await timeRuns(() => utcDays(new Int32Array(size), table.time), { runs, warmUps }));
  record('day column', 'touched memory', await timeRuns(() => utcDays(touched, table.time), { runs, warmUps }));

  const reference: Partial<MetricResults> = {};
  const check = <M extends Metric>(engine: string, metric: M, result: MetricResults[M]): void => {
    const expected = reference[metric];
    if (expected === undefined) {
      reference[metric] = result;
      return;
    }
    checks++;
    const differences = DIFFERENCES[metric](expected, result);
    if (differences.length > 0) problems.push(`${formatSize(size)} ${metric}, ${engine} vs kpikit: ${differences.slice(0, 10).join('; ')}`);
  };
  const runMetric = async (engine: MetricEngine, metric: Metric, prepare?: () => void): Promise<void> => {
    const compute = engine[metric]?.bind(engine);
    // An engine without the metric (arquero has only the first four) is not timed for it.
    if (!compute) return;
    const timing = await timeRuns<MetricResults[Metric]>(() => compute(), { runs, warmUps, ...(prepare ? { prepare } : {}) });
    record(metric, engine.name, timing);
    check(engine.name, metric, timing.result);
  };
  const runEngine = async (engine: MetricEngine, prepare?: () => void): Promise<void> => {
    for (const metric of METRICS) await runMetric(engine, metric, prepare);
  };

  // kpikit is the reference the others are checked against, so it always runs.
  const accounts = withAccounts(table);
  for (const mode of ['cold', 'first', 'warm'] as const) {
    const engine = kpikitEngine(table, mode, accounts);
    await runEngine(engine, () => {
      engine.prepare();
    });
  }
  if (
    (reference.activeUsers?.length ?? 0) === 0 ||
    (reference.retention?.length ?? 0) === 0 ||
    (reference.funnel?.at(-1)?.count ?? 0) === 0 ||
    (reference.sessions?.sessions ?? 0) === 0
  ) {
    problems.push(
      `${formatSize(size)}: kpikit returned no rows, no cohorts, nobody at the funnel's last step or no sessions; nothing to compare`,
    );
  }

  if (engines.has('duckdb')) {
    log(`${formatSize(size)} events: loading DuckDB`);
    const started = performance.now();
    const duck = await loadDuckDb(data);
    log(`  loaded in ${(performance.now() - started).toFixed(0)} ms (not timed)`);
    await runEngine(duckDbEngine(duck.connection));
    duck.close();
  }

  if (engines.has('arquero')) {
    log(`${formatSize(size)} events: arquero`);
    await runEngine(arqueroEngine(arqueroTable(data)));
  }
  return { size, measurements, bytesPerEvent, problems, checks };
}

const ratio = (value: number): string => (value >= 10 ? `${value.toFixed(0)}×` : `${value.toFixed(2)}×`);

function printReport(reports: readonly SizeReport[], withTargets: boolean): void {
  const rows: string[][] = [];
  for (const { measurements } of reports) {
    for (const m of measurements) {
      const kpikit = measurements.find((other) => other.metric === m.metric && other.engine === 'kpikit (cold)');
      const versus = m.metric === 'toEventTable' || !kpikit ? '' : ratio(m.median / kpikit.median);
      rows.push([
        m.metric,
        formatSize(m.size),
        m.engine,
        m.median.toFixed(1),
        Math.min(...m.samples).toFixed(1),
        String(m.samples.length),
        String(m.preemptions),
        versus,
        m.note ?? '',
      ]);
    }
  }
  process.stdout.write(
    `\n${formatTable(['metric', 'events', 'engine', 'median ms', 'min ms', 'runs', 'preempted', 'time ÷ kpikit cold', 'note'], rows, [
      false,
      true,
      false,
      true,
      true,
      true,
      true,
      true,
      false,
    ])}\n`,
  );

  if (!withTargets) return;
  const lines: string[] = [];
  const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
  for (const { size, measurements, bytesPerEvent } of reports) {
    const find = (metric: string, engine: string): Measurement | undefined =>
      measurements.find((m) => m.metric === metric && m.engine === engine);
    const build = find('toEventTable', 'kpikit')!;
    if (size === 1e7)
      lines.push(
        `${formatSize(size)} toEventTable ${build.median.toFixed(0)} ms (≤ ${TARGETS.buildMsAt10M} ms): ${verdict(build.median <= TARGETS.buildMsAt10M)}`,
      );
    lines.push(
      `${formatSize(size)} retained ${bytesPerEvent.toFixed(1)} bytes/event (≤ ${TARGETS.bytesPerEvent}): ${verdict(bytesPerEvent <= TARGETS.bytesPerEvent)}`,
    );
    for (const metric of METRICS) {
      const { versusDuckDb, versusArquero } = METRIC_TARGETS[metric];
      const kpikit = find(metric, 'kpikit (cold)');
      const first = find(metric, 'kpikit (first)');
      const warm = find(metric, 'kpikit (warm)');
      if (!kpikit || !first || !warm) continue;
      const duck = find(metric, 'DuckDB');
      const arquero = find(metric, 'arquero');
      if (duck) {
        const cold = kpikit.median / duck.median;
        lines.push(
          `${formatSize(size)} ${metric} kpikit ÷ DuckDB ${cold.toFixed(2)} cold, ${(first.median / duck.median).toFixed(2)} first call, ` +
            `${(warm.median / duck.median).toFixed(2)} warm (≤ ${versusDuckDb}): ${verdict(cold <= versusDuckDb)}`,
        );
      }
      if (arquero) {
        const cold = arquero.median / kpikit.median;
        const target = versusArquero === undefined ? 'no target' : `≥ ${versusArquero}×: ${verdict(cold >= versusArquero)}`;
        lines.push(
          `${formatSize(size)} ${metric} kpikit ${cold.toFixed(1)}× faster than arquero cold, ${(arquero.median / warm.median).toFixed(1)}× warm (${target})`,
        );
      }
    }
  }
  process.stdout.write(`\nTargets (judged on the cold kpikit figure):\n${lines.map((line) => `  ${line}`).join('\n')}\n`);
}

/** Each time's UTC day, as `localDays` computes it for a zone of one offset. */
function utcDays(days: Int32Array, time: Float64Array): Int32Array {
  for (let i = 0; i < time.length; i++) days[i] = Math.floor((time[i] as number) / 86_400_000);
  return days;
}

/** How many cases {@link checkerCatchesChanges} tries. */
const CHECKER_CASES = 11;

/** The comparison must be able to fail: a changed number has to be reported. */
function checkerCatchesChanges(): string[] {
  const rows: DailyActive[] = [{ day: 1, dau: 1, wau: 2, mau: 3 }];
  const cohorts: Cohort[] = [{ startDay: 4, counts: [5, 2] }];
  const problems: string[] = [];
  if (activeUsersDifferences(rows, [{ day: 1, dau: 1, wau: 2, mau: 4 }]).length !== 1)
    problems.push('the activeUsers comparison misses a changed mau');
  if (activeUsersDifferences(rows, []).length === 0) problems.push('the activeUsers comparison misses a missing day');
  if (retentionDifferences(cohorts, [{ startDay: 4, counts: [5, 1] }]).length !== 1)
    problems.push('the retention comparison misses a changed cell');
  if (retentionDifferences(cohorts, [{ startDay: 4, counts: [5, 2, 1] }]).length !== 1)
    problems.push('the retention comparison misses an extra cell');
  const steps: FunnelStepFigures[] = [
    { count: 10, median: null, mean: null },
    { count: 4, median: 2.5, mean: 3 },
  ];
  if (funnelDifferences(steps, [steps[0]!, { count: 4, median: 2.5, mean: 3.000000001 }]).length !== 1)
    problems.push('the funnel comparison misses a changed mean');
  if (funnelDifferences(steps, [steps[0]!, { count: 4, median: null, mean: 3 }]).length !== 1)
    problems.push('the funnel comparison misses a missing median');
  if (funnelDifferences(steps, [steps[0]!]).length === 0) problems.push('the funnel comparison misses a missing step');
  const session: SessionFigures = { users: 2, sessions: 3, events: 7, meanDuration: 10, medianDuration: 5, eventsPerSession: 7 / 3 };
  if (sessionDifferences(session, { ...session, events: 8 }).length !== 1) problems.push('the sessions comparison misses a changed count');
  if (sessionDifferences(session, { ...session, medianDuration: 5.5 }).length !== 1)
    problems.push('the sessions comparison misses a changed median');
  if (creditDifferences(credits(0.5), credits(0.5 + 2 ** -20), 1).length !== 1)
    problems.push('the attribution comparison misses a credit changed beyond rounding');
  const counts = { eligible: 4, retained: 2, censored: 1, signals: new Map([['a ≥ 1', [1, 1] as const]]) };
  if (activationDifferences(counts, { ...counts, signals: new Map([['a ≥ 1', [1, 2] as const]]) }).length !== 1)
    problems.push('the activation comparison misses a changed count');
  return problems;
}

/** Every model's credits with `google` at `linear` and the rest at 1. */
function credits(linear: number): Parameters<typeof creditDifferences>[0] {
  const one = (): Map<string | null, number> => new Map([['google', 1]]);
  return { first_touch: one(), last_touch: one(), linear: new Map([['google', linear]]), time_decay: one(), position_based: one() };
}

async function main(): Promise<void> {
  const { sizes, runs, engines, seed, smoke, sections } = parseCommandLine();
  if (globalThis.gc === undefined) log('warning: run node with --expose-gc for the memory figure and steadier timings');
  log(`node ${process.version}, ${engines.size} engines, seed ${seed}`);
  const reports: SizeReport[] = [];
  const runsAt = (size: number): number => runs ?? (smoke ? 1 : size >= 5e6 ? 3 : 5);
  if (sections.has('metrics')) {
    for (const size of sizes) reports.push(await benchmarkSize(size, runsAt(size), smoke ? 0 : 1, engines, seed));
    printReport(reports, !smoke);
  }
  let warehouse: WarehouseReport | undefined;
  if (sections.has('warehouse')) {
    warehouse = await benchmarkWarehouse(sizes, runsAt, smoke ? 0 : 1, seed);
    printWarehouse(warehouse, !smoke);
  }
  let discovery: DiscoveryReport | undefined;
  if (sections.has('discovery')) {
    discovery = await benchmarkDiscovery(sizes, runsAt, smoke ? 0 : 1, seed);
    printDiscovery(discovery, !smoke);
  }
  if (!smoke) {
    // Machine-readable figures for comparing runs (bench/results is not committed).
    const directory = new URL('../results/', import.meta.url);
    mkdirSync(directory, { recursive: true });
    const file = new URL('latest.json', directory);
    const environment = { node: process.version, platform: `${process.platform} ${process.arch}`, seed, date: new Date().toISOString() };
    writeFileSync(file, `${JSON.stringify({ environment, reports, warehouse, discovery }, null, 2)}\n`);
    log(`figures written to ${file.pathname}`);
  }

  const problems = [...reports.flatMap((report) => report.problems), ...(warehouse?.problems ?? []), ...(discovery?.problems ?? [])];
  const comparisons = reports.reduce((sum, report) => sum + report.checks, 0) + (warehouse?.checks ?? 0) + (discovery?.checks ?? 0);
  let checks = comparisons;
  if (smoke) {
    const checkerProblems = checkerCatchesChanges();
    problems.push(...checkerProblems);
    checks += CHECKER_CASES;
  }
  if (problems.length > 0) {
    process.stdout.write(`\nENGINES DISAGREE:\n${problems.map((problem) => `  ${problem}`).join('\n')}\n`);
  } else {
    process.stdout.write(
      comparisons === 0
        ? '\nOnly kpikit ran: nothing to compare.\n'
        : `\nAll engines agree on every activeUsers row, retention cell (by user and by account), funnel step, session figure, lifecycle week, stickiness count, attribution credit and activation count (${comparisons} comparisons).\n`,
    );
  }
  if (smoke) process.stdout.write(`bench: ${checks - problems.length} passed, ${problems.length} failed\n`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}

await main();
