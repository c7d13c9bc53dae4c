/// <reference lib="webworker" />
import { DASHBOARD_PARTS, dashboardParts } from '../dashboard/computeDashboard';
import { controlsForData, type ComputeControls } from '../dashboard/controls';
import type { Dataset, DatasetSummary } from '../dashboard/types';
import { measureSince, takeMeasures, timed } from '../timeline/timeline';
import { fileDataset, fileSummary, sampleDataset, summarize } from './loadDataset';
import type { Phase, WorkerRequest, WorkerResponse } from './protocol';

/**
 * The dashboard's worker: it holds the data set (events indexed once into
 * an `EventTable`) and computes every figure, so the page never freezes,
 * even while a 100 MB file is read.
 */
declare const self: DedicatedWorkerGlobalScope;

// From the worker's start to its script running: fetching and compiling it.
measureSince('boot', 0);

let dataset: Dataset | null = null;

/**
 * The sample, made once and kept: the page asks for it first, and making it
 * is most of the first render, so the worker starts at once, before the
 * page's first message (which waits in the queue meanwhile).
 */
let sample: { readonly dataset: Dataset; readonly milliseconds: number } | null = null;
function loadSample(onIndexing?: () => void): { readonly dataset: Dataset; readonly milliseconds: number } {
  if (!sample) {
    const started = performance.now();
    let indexing = started;
    const made = sampleDataset(() => {
      measureSince('sample:generate', started);
      indexing = performance.now();
      onIndexing?.();
    });
    measureSince('sample:index', indexing);
    sample = { dataset: made, milliseconds: performance.now() - started };
  }
  return sample;
}

const post = (message: WorkerResponse): void => {
  self.postMessage(message);
};
const progress = (id: number, phase: Phase, fraction: number): void => {
  post({ type: 'progress', id, phase, fraction });
};

/** Loads the data set a request asks for; `null` when a file had no readable rows (already reported). */
async function load(request: Exclude<WorkerRequest, { type: 'compute' }>): Promise<DatasetSummary | null> {
  const { id } = request;
  const started = performance.now();
  let summary: DatasetSummary;
  let milliseconds: number;
  if (request.type === 'load-sample') {
    progress(id, 'generating', 0);
    const made = loadSample(() => {
      progress(id, 'indexing', 0);
    });
    dataset = made.dataset;
    milliseconds = made.milliseconds;
    summary = summarize(dataset, null);
  } else {
    progress(id, 'reading', 0);
    const load = await fileDataset(
      request.file,
      request.options,
      (fraction) => {
        progress(id, 'reading', fraction);
      },
      () => {
        progress(id, 'indexing', 0);
      },
    );
    const { read } = load;
    if (!read) {
      // The mapping needs confirming: nothing was read, the page asks.
      post({ type: 'inspected', id, inspection: load.inspection });
      return null;
    }
    if (!load.dataset) {
      const { name } = request.file;
      const message = read.rejected > 0 ? `None of the ${read.rejected} rows of ${name} could be read.` : `${name} holds no events.`;
      post({ type: 'failed', id, message, summary: { ...summarize(null, read, fileSummary(load)), name } });
      return null;
    }
    dataset = load.dataset;
    summary = summarize(dataset, read, fileSummary(load));
    milliseconds = performance.now() - started;
  }
  post({ type: 'loaded', id, summary, milliseconds });
  return summary;
}

/** Computes the dashboard and sends each part as soon as it is computed, then says it is done. */
function compute(id: number, data: Dataset, controls: ComputeControls): void {
  progress(id, 'computing', 0);
  const started = performance.now();
  let done = 0;
  let partStarted = started;
  for (const part of dashboardParts(data, controls)) {
    measureSince(`compute:${part.name}`, partStarted);
    timed(`post:${part.name}`, () => {
      post({ type: 'part', id, part: part.model });
    });
    done += 1;
    progress(id, 'computing', done / DASHBOARD_PARTS.length);
    partStarted = performance.now();
  }
  post({ type: 'computed', id, milliseconds: performance.now() - started });
}

async function handle(request: WorkerRequest): Promise<void> {
  let controls = request.controls;
  if (request.type !== 'compute') {
    const summary = await load(request);
    if (!summary) return;
    // A new data set may lack the funnel's events: the page adapts its controls by the same rule.
    controls = controlsForData(
      controls,
      summary.eventNames.map((entry) => entry.name),
      summary.accountProperty,
    );
    if (request.type === 'load-sample' && request.shown && controls === request.controls) {
      post({ type: 'unchanged', id: request.id });
      return;
    }
  }
  if (!dataset) throw new Error('No data is loaded.');
  compute(request.id, dataset, controls);
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const started = performance.now();
  handle(event.data)
    .catch((error: unknown) => {
      post({ type: 'failed', id: event.data.id, message: error instanceof Error ? error.message : String(error) });
    })
    .finally(() => {
      measureSince(`request:${event.data.type}`, started);
      post({ type: 'timeline', ...takeMeasures() });
    });
};

loadSample();
