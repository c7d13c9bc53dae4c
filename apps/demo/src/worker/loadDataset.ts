import { eventTableFromColumns, generateSampleData } from '@kpikit/core';
import { accountProperty } from '../dashboard/controls';
import { SAMPLE_CURRENCY, SAMPLE_OPTIONS } from '../dashboard/sample';
import type { ImportOptions } from '@kpikit/core';
import type { Dataset, DatasetSummary, FileSummary, RowIssue } from '../dashboard/types';
import { importFile, inspectFile, type FileImport, type FileInspection } from './fileImport';

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
    marketingCosts: data.marketingCosts,
    currency: SAMPLE_CURRENCY,
  };
}

/** What loading a file gave: a data set, or the inspection to confirm first (then `dataset` is `null` and nothing was read). */
export interface FileLoad {
  readonly inspection: FileInspection;
  readonly dataset: Dataset | null;
  readonly read: FileImport | null;
}

/**
 * A file the user chose: its head is read to detect the format (core's
 * `detectFormat`), then, with `options` or when the detection needs no
 * confirming, the whole file is read through core's importer.
 */
export async function fileDataset(
  file: File,
  options: ImportOptions | undefined,
  onProgress: (fraction: number) => void,
  onIndexing: () => void,
): Promise<FileLoad> {
  const inspection = await inspectFile(file);
  const chosen = options ?? (inspection.confirm === null ? inspection.detection.options : null);
  if (chosen === null) return { inspection, dataset: null, read: null };
  const read = await importFile(file, inspection.kind, chosen, onProgress, onIndexing);
  const dataset: Dataset | null =
    read.rows === 0
      ? null
      : {
          source: 'file',
          name: file.name,
          table: read.table,
          surveys: null,
          subscriptions: null,
          northStar: null,
          marketingCosts: null,
          currency: SAMPLE_CURRENCY,
        };
  return { inspection, dataset, read };
}

/** How a file was read, for the page. */
export function fileSummary(load: FileLoad): FileSummary | undefined {
  if (!load.read) return undefined;
  return { kind: load.inspection.kind, detection: load.inspection.detection, options: load.read.options, import: load.read.summary };
}

/** What the page shows about a data set, and about the rows of its file that could not be read. */
export function summarize(
  dataset: Dataset | null,
  read: { rows: number; rejected: number; issues: readonly RowIssue[] } | null,
  file?: FileSummary,
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
      accountProperty: null,
      duplicates: 0,
      ...rejected,
      ...(file ? { file } : {}),
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
    accountProperty: accountProperty(table),
    duplicates: read ? read.rows - table.length : 0,
    ...rejected,
    // Left out rather than `undefined` for the sample: the same summary then survives JSON (the build's first screen).
    ...(file ? { file } : {}),
  };
}
