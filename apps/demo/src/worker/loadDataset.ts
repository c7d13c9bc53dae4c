import { eventTableFromColumns, generateSampleData } from '@kpikit/core';
import { SAMPLE_CURRENCY, SAMPLE_OPTIONS } from '../dashboard/sample';
import type { Dataset, DatasetSummary, RowIssue } from '../dashboard/types';
import type { ReadEvents } from './eventRows';
import { readCsv } from './readCsv';
import { readJsonLines } from './readJsonLines';

/** The generated product: events, surveys, subscriptions and its North Star tree. */
export function sampleDataset(onIndexing: () => void = () => undefined): Dataset {
  const data = generateSampleData(SAMPLE_OPTIONS);
  onIndexing();
  return {
    source: 'sample',
    name: `Sample SaaS, seed ${SAMPLE_OPTIONS.seed}`,
    // From columns: the sample's million events are never made as objects.
    table: eventTableFromColumns(data.columns),
    surveys: data.surveys,
    subscriptions: data.subscriptions,
    northStar: data.northStar,
    currency: SAMPLE_CURRENCY,
  };
}

/** A file the user dropped: JSON lines by their extension or first character, CSV otherwise. */
export async function fileDataset(
  file: File,
  onProgress: (fraction: number) => void,
  onIndexing: () => void,
): Promise<{ dataset: Dataset | null; rows: number; rejected: number; issues: readonly RowIssue[] }> {
  const read: ReadEvents = (await isJsonLines(file)) ? await readJsonLines(file, onProgress) : await readCsv(file, onProgress);
  const { rows, rejected, issues } = read;
  if (rows === 0) return { dataset: null, rows, rejected, issues };
  onIndexing();
  const table = eventTableFromColumns(read.columns);
  return {
    dataset: { source: 'file', name: file.name, table, surveys: null, subscriptions: null, northStar: null, currency: SAMPLE_CURRENCY },
    rows,
    rejected,
    issues,
  };
}

async function isJsonLines(file: File): Promise<boolean> {
  if (/\.(jsonl|ndjson|json)$/i.test(file.name)) return true;
  if (/\.(csv|txt)$/i.test(file.name)) return false;
  const head = await file.slice(0, 64).text();
  return head.trimStart().startsWith('{');
}

/** What the page shows about a data set, and about the rows of its file that could not be read. */
export function summarize(
  dataset: Dataset | null,
  read: { rows: number; rejected: number; issues: readonly RowIssue[] } | null,
): DatasetSummary {
  const rejected = { rejectedRows: read?.rejected ?? 0, issues: read?.issues ?? [] };
  if (!dataset) {
    return {
      source: 'file',
      name: '',
      events: 0,
      users: 0,
      eventNames: [],
      hasSurveys: false,
      hasRevenue: false,
      duplicates: 0,
      ...rejected,
    };
  }
  const { table } = dataset;
  const counts = new Float64Array(table.names.length);
  for (let i = 0; i < table.length; i++) counts[table.name[i]!]! += 1;
  const eventNames = table.names
    .map((name, code) => ({ name, count: counts[code]! }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
  return {
    source: dataset.source,
    name: dataset.name,
    events: table.length,
    users: table.userIds.length,
    eventNames,
    hasSurveys: dataset.surveys !== null,
    hasRevenue: dataset.subscriptions !== null,
    duplicates: read ? read.rows - table.length : 0,
    ...rejected,
  };
}
