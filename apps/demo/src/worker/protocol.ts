import type { ComputeControls } from '../dashboard/controls';
import type { DashboardModel, DatasetSummary } from '../dashboard/types';

/** Messages from the page to the worker. */
export type WorkerRequest =
  | { readonly type: 'load-sample'; readonly id: number; readonly controls: ComputeControls }
  | { readonly type: 'load-file'; readonly id: number; readonly file: File; readonly controls: ComputeControls }
  | { readonly type: 'compute'; readonly id: number; readonly controls: ComputeControls };

/** Messages from the worker to the page; `id` is the request's. */
export type WorkerResponse =
  | { readonly type: 'progress'; readonly id: number; readonly fraction: number; readonly phase: Phase }
  | { readonly type: 'loaded'; readonly id: number; readonly summary: DatasetSummary; readonly milliseconds: number }
  | { readonly type: 'computed'; readonly id: number; readonly model: DashboardModel; readonly milliseconds: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string; readonly summary?: DatasetSummary | undefined };

/** What the worker is doing, for the progress indicator. */
export type Phase = 'generating' | 'reading' | 'indexing' | 'computing';
