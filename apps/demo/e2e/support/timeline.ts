import type { Page } from 'playwright-core';
import { READY_TIMEOUT } from './browser';

/**
 * The page's own performance timeline (`src/timeline/`): `kpikit:` marks and
 * measures of the page and, moved onto the page's clock, of its worker.
 * Milliseconds from navigation start.
 */
export interface TimelineEntry {
  /** Without the `kpikit:` prefix: `worker:sample:generate`, `drawn:nps`, `first-screen` … */
  readonly name: string;
  readonly type: 'mark' | 'measure';
  readonly start: number;
  readonly end: number;
}

/**
 * Waits until the page has drawn its first screen and recorded its worker's
 * measures of the first load, then reads the timeline, in order of start.
 */
export async function firstScreenTimeline(page: Page): Promise<TimelineEntry[]> {
  await page.waitForFunction(
    () =>
      performance.getEntriesByName('kpikit:first-screen', 'mark').length > 0 &&
      performance.getEntriesByName('kpikit:worker:request:load-sample', 'measure').length > 0,
    undefined,
    { timeout: READY_TIMEOUT, polling: 50 },
  );
  return pageTimeline(page);
}

/** The page's `kpikit:` timeline as it stands, in order of start. */
export function pageTimeline(page: Page): Promise<TimelineEntry[]> {
  return page.evaluate(() =>
    performance
      .getEntries()
      .filter((entry) => entry.name.startsWith('kpikit:') && (entry.entryType === 'mark' || entry.entryType === 'measure'))
      .map((entry) => ({
        name: entry.name.slice('kpikit:'.length),
        type: entry.entryType as 'mark' | 'measure',
        start: entry.startTime,
        end: entry.startTime + entry.duration,
      }))
      .sort((a, b) => a.start - b.start || a.end - b.end),
  );
}

/** The entry named `name` (the first, if several), or an error naming what the timeline holds. */
export function entry(timeline: readonly TimelineEntry[], name: string): TimelineEntry {
  const found = timeline.find((e) => e.name === name);
  if (!found) throw new Error(`No kpikit:${name} on the page's timeline: ${timeline.map((e) => e.name).join(', ')}`);
  return found;
}

/** The timeline as a table to print: each entry's start, end and length, rounded. */
export function formatTimeline(timeline: readonly TimelineEntry[]): string {
  const width = Math.max(...timeline.map((e) => e.name.length));
  const ms = (value: number): string => String(Math.round(value)).padStart(6);
  return timeline
    .map((e) =>
      e.type === 'mark'
        ? `${e.name.padEnd(width)}  ${ms(e.start)}`
        : `${e.name.padEnd(width)}  ${ms(e.start)} → ${ms(e.end)}  (${ms(e.end - e.start)} ms)`,
    )
    .join('\n');
}
