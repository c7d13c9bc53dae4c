/**
 * The discovery section: `attribution` and `activationCandidates` from an
 * `EventTable` against the same figures computed by hand-written DuckDB
 * queries over the same events, in the same run (`activation.ts` holds the
 * second). Touches are `page_view` events carrying `utm_source`, a channel
 * that is a pure function of the event's millisecond (so an exact duplicate
 * carries the same channel, and SQL and the generator agree without a second
 * copy of the data); the conversion is each user's first `purchase`. Both
 * engines must agree on every channel's credit of every model: first and last
 * touch exactly, the fractional models within 2^−24 per touched conversion
 * (core shares each conversion out in whole units of 2^−24).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { attribution, eventTableFromColumns, type AttributionOptions, type EventTable } from '@kpikit/core';
import { activationDifferences, duckDbActivation, kpikitActivation } from './activation';
import { loadDuckDb } from './engines/duckdb';
import { DAY_MS, eventColumns, generateEvents, type EventData } from './generate';
import { collectGarbage, formatSize, formatTable, timeRuns } from './measure';

/** The most kpikit's time may be of DuckDB's. */
export const DISCOVERY_TARGET = 1;

/** Channels by the event's millisecond of the second: `[from, to)` of `ts % 1000`; other page views carry none. */
const CHANNELS = [
  { channel: 'google', from: 0, to: 30 },
  { channel: 'newsletter', from: 30, to: 45 },
  { channel: 'facebook', from: 45, to: 55 },
  { channel: 'linkedin', from: 55, to: 62 },
  { channel: 'direct', from: 62, to: 75 },
  { channel: 'bing', from: 75, to: 80 },
] as const;
const TOUCH_EVENT = 'page_view';
const HALF_LIFE = 7 * DAY_MS;
const LOOKBACK = 30 * DAY_MS;
const MODELS = ['first_touch', 'last_touch', 'linear', 'time_decay', 'position_based'] as const;
type Model = (typeof MODELS)[number];

const OPTIONS: AttributionOptions = {
  conversion: 'purchase',
  touches: { channel: 'utm_source' },
  lookback: LOOKBACK,
  models: MODELS.map((model) => (model === 'time_decay' ? { model, halfLife: HALF_LIFE } : model)),
  timeZone: 'UTC',
};

/** The channel of a generated event, or `null`: the JavaScript side of {@link CHANNEL_SQL}. */
function channelOf(name: string, time: number): string | null {
  if (name !== TOUCH_EVENT) return null;
  const ms = time % 1000;
  return CHANNELS.find(({ from, to }) => ms >= from && ms < to)?.channel ?? null;
}

const CHANNEL_SQL = `CASE ${CHANNELS.map(({ channel, from, to }) => `WHEN ts % 1000 >= ${from} AND ts % 1000 < ${to} THEN '${channel}'`).join(' ')} END`;

/**
 * Every model's credit per channel, over a conversion's touches in time then
 * channel order (as core orders them). Touches are distinct events (an exact
 * duplicate is one); the `none` row is the conversions with no touch.
 */
const ATTRIBUTION_SQL = `
WITH conversions AS (
  SELECT user_id, min(ts) AS t FROM events WHERE name = 'purchase' GROUP BY user_id
),
touches AS (
  SELECT DISTINCT user_id, ts, ${CHANNEL_SQL} AS channel FROM events WHERE name = '${TOUCH_EVENT}'
),
credited AS (
  SELECT c.user_id, t.channel, c.t - t.ts AS age,
         row_number() OVER w AS i, count(*) OVER (PARTITION BY c.user_id) AS n
  FROM conversions c JOIN touches t
    ON t.user_id = c.user_id AND t.channel IS NOT NULL AND t.ts BETWEEN c.t - ${LOOKBACK} AND c.t
  WINDOW w AS (PARTITION BY c.user_id ORDER BY t.ts, t.channel)
),
weighted AS (
  SELECT *, pow(2, -age / ${HALF_LIFE}) / sum(pow(2, -age / ${HALF_LIFE})) OVER (PARTITION BY user_id) AS decay FROM credited
)
SELECT channel,
       sum(CASE WHEN i = 1 THEN 1 ELSE 0 END) AS first_touch,
       sum(CASE WHEN i = n THEN 1 ELSE 0 END) AS last_touch,
       sum(1.0 / n) AS linear,
       sum(decay) AS time_decay,
       sum(CASE WHEN n = 1 THEN 1 WHEN n = 2 THEN 0.5 WHEN i = 1 OR i = n THEN 0.4 ELSE 0.2 / (n - 2) END) AS position_based
FROM weighted GROUP BY channel
UNION ALL
SELECT NULL, count(*), count(*), count(*), count(*), count(*) FROM conversions c
WHERE NOT EXISTS (
  SELECT 1 FROM touches t
  WHERE t.user_id = c.user_id AND t.channel IS NOT NULL AND t.ts BETWEEN c.t - ${LOOKBACK} AND c.t
)
`;

/** Credits per model, then per channel (`null`: no touch). */
export type Credits = Record<Model, Map<string | null, number>>;

function kpikitCredits(table: EventTable): { credits: Credits; touched: number } {
  const result = attribution(table, OPTIONS);
  const credits = {} as Credits;
  result.models.forEach((model, m) => {
    credits[MODELS[m]!] = new Map(model.rows.filter((row) => row.conversions > 0).map((row) => [row.channel, row.conversions]));
  });
  return { credits, touched: result.touched };
}

async function duckDbCredits(connection: DuckDBConnection): Promise<Credits> {
  const rows = (await connection.runAndReadAll(ATTRIBUTION_SQL)).getRowObjectsJS();
  const credits = Object.fromEntries(MODELS.map((model) => [model, new Map<string | null, number>()])) as Credits;
  for (const row of rows) {
    for (const model of MODELS) {
      const value = Number(row[model]);
      if (value > 0) credits[model].set((row.channel as string | null) ?? null, value);
    }
  }
  return credits;
}

/** How DuckDB's credits differ from kpikit's beyond the rounding core's whole units allow. */
export function creditDifferences(expected: Credits, actual: Credits, touched: number): string[] {
  const differences: string[] = [];
  for (const model of MODELS) {
    const exact = model === 'first_touch' || model === 'last_touch';
    const tolerance = exact ? 0 : touched * 2 ** -24 + 1e-9;
    const channels = new Set([...expected[model].keys(), ...actual[model].keys()]);
    for (const channel of channels) {
      const a = expected[model].get(channel) ?? 0;
      const b = actual[model].get(channel) ?? 0;
      if (Math.abs(a - b) > tolerance) differences.push(`${model} ${channel ?? 'none'}: ${a} vs ${b}`);
    }
  }
  return differences;
}

/** The generated events as core's columns, with the touch channel as the `utm_source` property. */
function tableOf(data: EventData): EventTable {
  const columns = eventColumns(data);
  const utmSource = columns.name.map((name, i) => channelOf(name, data.time[i]!));
  return eventTableFromColumns({ ...columns, properties: { utm_source: utmSource } });
}

/** One timed row of the section. */
export interface DiscoveryMeasurement {
  readonly metric: 'attribution' | 'activationCandidates';
  readonly size: number;
  readonly engine: string;
  readonly median: number;
  readonly samples: readonly number[];
  readonly preemptions: number;
}

/** What the section found at every size. */
export interface DiscoveryReport {
  readonly measurements: DiscoveryMeasurement[];
  readonly problems: string[];
  readonly checks: number;
}

const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

/** Times attribution (five models at once) and activationCandidates on kpikit and on DuckDB at each size, and compares their figures. */
export async function benchmarkDiscovery(
  sizes: readonly number[],
  runsAt: (size: number) => number,
  warmUps: number,
  seed: number,
): Promise<DiscoveryReport> {
  const measurements: DiscoveryMeasurement[] = [];
  const problems: string[] = [];
  let checks = 0;
  for (const size of sizes) {
    const runs = runsAt(size);
    log(`discovery, ${formatSize(size)} events: generating, building the table, loading DuckDB`);
    const data = generateEvents(size, seed);
    const table = tableOf(data);
    const duck = await loadDuckDb(data);
    await collectGarbage();
    const record = (
      metric: DiscoveryMeasurement['metric'],
      engine: string,
      timing: { median: number; samples: readonly number[]; preemptions: number },
    ): void => {
      log(`  ${metric} ${engine}: ${timing.samples.map((ms) => ms.toFixed(1)).join(', ')} ms`);
      measurements.push({ metric, size, engine, median: timing.median, samples: timing.samples, preemptions: timing.preemptions });
    };
    const compare = (metric: DiscoveryMeasurement['metric'], differences: string[]): void => {
      checks++;
      if (differences.length > 0)
        problems.push(`discovery ${formatSize(size)} ${metric}, DuckDB vs kpikit: ${differences.slice(0, 10).join('; ')}`);
    };

    const core = await timeRuns(() => kpikitCredits(table), { runs, warmUps });
    record('attribution', 'kpikit', core);
    const duckdb = await timeRuns(() => duckDbCredits(duck.connection), { runs, warmUps });
    record('attribution', 'DuckDB', duckdb);
    const { credits, touched } = core.result;
    if (touched === 0) problems.push(`discovery ${formatSize(size)}: no conversion had a touch; nothing to compare`);
    compare('attribution', creditDifferences(credits, duckdb.result, touched));

    const coreActivation = await timeRuns(() => kpikitActivation(table), { runs, warmUps });
    record('activationCandidates', 'kpikit', coreActivation);
    const duckActivation = await timeRuns(() => duckDbActivation(duck.connection), { runs, warmUps });
    record('activationCandidates', 'DuckDB', duckActivation);
    if (coreActivation.result.signals.size === 0) problems.push(`discovery ${formatSize(size)}: no activation signal; nothing to compare`);
    compare('activationCandidates', activationDifferences(coreActivation.result, duckActivation.result));
    duck.close();
  }
  return { measurements, problems, checks };
}

/** The section's table, and kpikit ÷ DuckDB against the target. */
export function printDiscovery(report: DiscoveryReport, withTargets: boolean): void {
  const duckOf = (m: DiscoveryMeasurement): DiscoveryMeasurement | undefined =>
    report.measurements.find((o) => o.size === m.size && o.metric === m.metric && o.engine === 'DuckDB');
  const rows = report.measurements.map((m) => {
    const duck = duckOf(m);
    return [
      m.metric,
      formatSize(m.size),
      m.engine,
      m.median.toFixed(1),
      Math.min(...m.samples).toFixed(1),
      String(m.samples.length),
      String(m.preemptions),
      duck ? `${(m.median / duck.median).toFixed(2)}×` : '',
    ];
  });
  const header = ['metric', 'events', 'engine', 'median ms', 'min ms', 'runs', 'preempted', 'time ÷ DuckDB'];
  process.stdout.write(
    `\nDiscovery (attribution: five models at once):\n${formatTable(header, rows, [false, true, false, true, true, true, true, true])}\n`,
  );
  if (!withTargets) return;
  const lines = report.measurements
    .filter((m) => m.engine === 'kpikit')
    .map((m) => {
      const value = m.median / duckOf(m)!.median;
      return `${formatSize(m.size)} ${m.metric} kpikit ÷ DuckDB ${value.toFixed(2)} (≤ ${DISCOVERY_TARGET}): ${value <= DISCOVERY_TARGET ? 'met' : 'NOT met'}`;
    });
  process.stdout.write(`\nDiscovery target:\n${lines.map((line) => `  ${line}`).join('\n')}\n`);
}
