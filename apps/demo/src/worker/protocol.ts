import type { ComputeControls } from '../dashboard/controls';
import type { ImportOptions } from '@kpikit/core';
import type { DashboardModel, DatasetSummary } from '../dashboard/types';
import type { FileInspection } from './fileImport';
import type { WorkerTimeline } from '../timeline/timeline';

/** Messages from the page to the worker. */
export type WorkerRequest =
  | {
      readonly type: 'load-sample';
      readonly id: number;
      readonly controls: ComputeControls;
      /** The page already shows the sample's figures for these controls (the build's first screen): load, compute nothing. */
      readonly shown?: boolean | undefined;
    }
  | {
      readonly type: 'load-file';
      readonly id: number;
      readonly file: File;
      /** How to read it; without, the worker detects the format and reads at once unless the mapping needs confirming. */
      readonly options?: ImportOptions | undefined;
      readonly controls: ComputeControls;
    }
  | { readonly type: 'compute'; readonly id: number; readonly controls: ComputeControls };

/** Messages from the worker to the page; `id` is the request's. */
export type WorkerResponse =
  | { readonly type: 'progress'; readonly id: number; readonly fraction: number; readonly phase: Phase }
  /** A file's format as detected, when its mapping needs a person's confirmation before it is read. */
  | { readonly type: 'inspected'; readonly id: number; readonly inspection: FileInspection }
  | { readonly type: 'loaded'; readonly id: number; readonly summary: DatasetSummary; readonly milliseconds: number }
  /** Figures of the dashboard, sent as each part is computed (see `dashboardParts`); `computed` follows the last. */
  | { readonly type: 'part'; readonly id: number; readonly part: Partial<DashboardModel> }
  | { readonly type: 'computed'; readonly id: number; readonly milliseconds: number }
  /** The data is loaded and the figures the page shows are already its own (a `load-sample` marked `shown`): nothing computed. */
  | { readonly type: 'unchanged'; readonly id: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string; readonly summary?: DatasetSummary | undefined }
  /** The worker's performance measures since the last, for the page's timeline (after each request). */
  | ({ readonly type: 'timeline' } & WorkerTimeline);

/** What the worker is doing, for the progress indicator. */
export type Phase = 'generating' | 'reading' | 'indexing' | 'computing';
