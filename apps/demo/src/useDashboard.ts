import type { ImportOptions } from '@kpikit/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import firstScreen from 'virtual:kpikit-first-screen';
import { controlsForData, type ComputeControls } from './dashboard/controls';
import { completeModel } from './dashboard/computeDashboard';
import { sameControls } from './dashboard/firstScreen';
import type { DashboardModel, DatasetSummary } from './dashboard/types';
import { mark, recordWorkerTimeline } from './timeline/timeline';
import { dashboardWorker } from './worker/dashboardWorker';
import type { FileInspection } from './worker/fileImport';
import type { Phase, WorkerRequest, WorkerResponse } from './worker/protocol';

type Request =
  | { readonly type: 'load-sample'; readonly shown?: boolean }
  | { readonly type: 'load-file'; readonly file: File; readonly options?: ImportOptions | undefined }
  | { readonly type: 'compute' };

/** What the page knows of the worker's work. */
export interface DashboardState {
  /** The last model computed in full. */
  readonly model: DashboardModel | null;
  /**
   * What the widgets show: the last model computed in full, or, before the
   * first, the parts of it that have arrived. Later models replace it whole
   * (the page never mixes figures of two computations).
   */
  readonly shown: Partial<DashboardModel>;
  readonly summary: DatasetSummary | null;
  /** Whether a load or a computation is under way. */
  readonly busy: boolean;
  readonly phase: Phase | null;
  /** Progress of the current phase, in [0, 1]. */
  readonly fraction: number;
  /** How long the last computation took in the worker, in ms. */
  readonly milliseconds: number | null;
  /** Whether the figures shown are the sample's first screen as the build computed it (none computed here yet). */
  readonly prebuilt: boolean;
  /** How long loading the data set took in the worker (generating or reading, then indexing), in ms. */
  readonly loadMilliseconds: number | null;
  readonly error: string | null;
  /** A file whose mapping the worker asks to confirm before reading it. */
  readonly pending: FileInspection | null;
}

const INITIAL: DashboardState = {
  model: null,
  shown: {},
  summary: null,
  busy: true,
  phase: 'generating',
  fraction: 0,
  milliseconds: null,
  prebuilt: false,
  loadMilliseconds: null,
  error: null,
  pending: null,
};

/**
 * What the page shows first: the build's first screen of the sample when
 * the page starts with the controls it was computed for, else skeletons
 * until the worker's figures arrive.
 */
function initialState(controls: ComputeControls): DashboardState {
  if (!firstScreen || !sameControls(firstScreen.controls, controls)) return INITIAL;
  const { model, summary } = firstScreen;
  return { ...INITIAL, model, shown: model, summary, prebuilt: true };
}

/**
 * Runs the dashboard's worker: loads the sample data at first, recomputes
 * when the controls change, loads files on demand. One request at a time:
 * while one runs, only the latest of those asked for meanwhile waits (a
 * burst of control changes computes once more, not once per change).
 *
 * A loaded data set may adapt the controls (see `controlsForData`): the
 * worker computes with the adapted ones and `onControlsAdapted` hands them
 * to the page, which then does not recompute.
 */
export function useDashboard(
  controls: ComputeControls,
  onControlsAdapted: (controls: ComputeControls) => void,
): {
  readonly state: DashboardState;
  readonly loadFile: (file: File, options?: ImportOptions) => void;
  readonly loadSample: () => void;
} {
  const [state, setState] = useState<DashboardState>(() => initialState(controls));
  /** Whether the first screen is the build's: the worker then loads the sample without computing it again. */
  const prebuilt = useRef(state.prebuilt);
  const worker = useRef<Worker | null>(null);
  /** The controls of the last request sent or waiting: a change of the page's controls from these recomputes. */
  const latest = useRef(controls);
  const running = useRef<number | null>(null);
  /** The parts of the running request's model received so far. */
  const parts = useRef<Partial<DashboardModel>>({});
  const waiting = useRef<Request | null>(null);
  const nextId = useRef(0);
  const adapted = useRef(onControlsAdapted);
  adapted.current = onControlsAdapted;

  const send = useCallback((request: Request) => {
    if (!worker.current) return;
    if (running.current !== null) {
      // A waiting load is never replaced by a recomputation: the load computes too.
      if (request.type !== 'compute' || waiting.current === null || waiting.current.type === 'compute') waiting.current = request;
      return;
    }
    const id = ++nextId.current;
    running.current = id;
    parts.current = {};
    setState((s) => ({
      ...s,
      busy: true,
      phase: request.type === 'compute' ? 'computing' : s.phase,
      fraction: 0,
      // A new load answers or replaces the question a file asked.
      pending: request.type === 'compute' ? s.pending : null,
    }));
    worker.current.postMessage({ ...request, id, controls: latest.current } satisfies WorkerRequest);
  }, []);

  useEffect(() => {
    const instance = dashboardWorker();
    worker.current = instance;
    const finish = (): void => {
      running.current = null;
      const next = waiting.current;
      waiting.current = null;
      if (next) send(next);
      else setState((s) => ({ ...s, busy: false, phase: null }));
    };
    instance.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      if (message.type === 'timeline') {
        recordWorkerTimeline(message);
        return;
      }
      if (message.id !== running.current) return;
      switch (message.type) {
        case 'progress':
          setState((s) => ({ ...s, phase: message.phase, fraction: message.fraction }));
          break;
        case 'loaded': {
          const next = controlsForData(
            latest.current,
            message.summary.eventNames.map((entry) => entry.name),
            message.summary.accountProperty,
          );
          if (next !== latest.current) {
            latest.current = next;
            adapted.current(next);
          }
          setState((s) => ({ ...s, summary: message.summary, loadMilliseconds: message.milliseconds, error: null, pending: null }));
          break;
        }
        case 'part': {
          const received = { ...parts.current, ...message.part };
          parts.current = received;
          // Only the first model is shown as it arrives: a later one waits to replace the one shown whole.
          setState((s) => (s.model ? s : { ...s, shown: received }));
          break;
        }
        case 'computed': {
          mark('page:model-received');
          const model = completeModel(parts.current);
          setState((s) =>
            model
              ? { ...s, model, shown: model, milliseconds: message.milliseconds, prebuilt: false, error: null }
              : { ...s, error: 'The worker left figures out of the dashboard.' },
          );
          finish();
          break;
        }
        case 'unchanged':
          finish();
          break;
        case 'inspected':
          setState((s) => ({ ...s, pending: message.inspection, error: null }));
          finish();
          break;
        case 'failed':
          setState((s) => ({ ...s, error: message.message, summary: message.summary ?? s.summary }));
          finish();
          break;
      }
    };
    instance.onerror = (event) => {
      running.current = null;
      setState((s) => ({ ...s, error: event.message || 'The worker stopped.', busy: false, phase: null }));
    };
    send({ type: 'load-sample', shown: prebuilt.current });
    return () => {
      // The worker lives as long as the page; a remount asks again and ignores answers to the old ids.
      instance.onmessage = null;
      instance.onerror = null;
      worker.current = null;
      running.current = null;
      waiting.current = null;
    };
  }, [send]);

  useEffect(() => {
    if (controls === latest.current) return;
    latest.current = controls;
    send({ type: 'compute' });
  }, [controls, send]);

  const loadFile = useCallback(
    (file: File, options?: ImportOptions) => {
      send({ type: 'load-file', file, options });
    },
    [send],
  );
  const loadSample = useCallback(() => {
    send({ type: 'load-sample' });
  }, [send]);
  return { state, loadFile, loadSample };
}
