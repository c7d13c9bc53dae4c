/**
 * The demo's own performance timeline: `performance.mark` / `measure` entries
 * named `kpikit:…`, in the worker and in the page. They show in the browser's
 * performance panel under Timings, and the end-to-end timings read them.
 *
 * A worker has a clock of its own (its time origin is when it started), so it
 * hands its entries to the page, which records them on the page's clock:
 * one timeline, from navigation start, for both threads.
 */

/** Every entry's name starts with it, so the demo's entries can be told from others. */
export const TIMELINE_PREFIX = 'kpikit:';

/** One measure as recorded: milliseconds from its context's time origin. */
export interface TimelineEntry {
  readonly name: string;
  readonly start: number;
  readonly duration: number;
}

/** Entries of a worker, with the worker's time origin to move them onto the page's clock. */
export interface WorkerTimeline {
  readonly origin: number;
  readonly entries: readonly TimelineEntry[];
}

/** Records `name` from `start` (a `performance.now()` reading) to now. */
export function measureSince(name: string, start: number): void {
  performance.measure(TIMELINE_PREFIX + name, { start, end: performance.now() });
}

/** Runs `work`, recording how long it took as `name`. */
export function timed<T>(name: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    measureSince(name, start);
  }
}

/** Marks a moment (`kpikit:name`) and returns its time. */
export function mark(name: string): number {
  return performance.mark(TIMELINE_PREFIX + name).startTime;
}

/** The measures recorded here since the last call, taken off this context's timeline (a worker's, to send on). */
export function takeMeasures(): WorkerTimeline {
  const entries = performance
    .getEntriesByType('measure')
    .filter((entry) => entry.name.startsWith(TIMELINE_PREFIX))
    .map((entry) => ({ name: entry.name.slice(TIMELINE_PREFIX.length), start: entry.startTime, duration: entry.duration }));
  for (const entry of entries) performance.clearMeasures(TIMELINE_PREFIX + entry.name);
  return { origin: performance.timeOrigin, entries };
}

/** Records a worker's measures on this page's timeline, as `kpikit:worker:…`. */
export function recordWorkerTimeline({ origin, entries }: WorkerTimeline): void {
  const shift = origin - performance.timeOrigin;
  for (const entry of entries) {
    performance.measure(`${TIMELINE_PREFIX}worker:${entry.name}`, { start: entry.start + shift, duration: entry.duration });
  }
}
