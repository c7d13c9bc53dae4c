import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { format, resolveConfig } from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterRecompute, choose, launchChromium, openDashboard, probe } from './support/browser';
import { artifactPath } from './support/artifacts';
import { firstScreenTimeline, formatTimeline, pageTimeline, type TimelineEntry } from './support/timeline';

/**
 * Where the first screen's time goes, phase by phase, from the page's own
 * timeline (page and worker on one clock), over several loads: printed and
 * written to artifacts/timings.json, the medians and spreads the README
 * reports. Not asserted here (firstScreen.e2e.ts holds the budget): the
 * machine is shared, so the figures vary with what else runs, and the
 * machine's load is written beside them.
 */

const RUNS = Number(process.env['KPIKIT_TIMING_RUNS'] ?? 5);

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

/** Median, least and greatest of some milliseconds, rounded. */
interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: readonly number[];
}

function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median: Math.round(median), min: Math.round(sorted[0]!), max: Math.round(sorted.at(-1)!), runs: values.map(Math.round) };
}

/** When an entry ends (a mark: when it is), or `null` when the timeline lacks it. */
const endOf = (timeline: readonly TimelineEntry[], name: string): number | null => timeline.find((e) => e.name === name)?.end ?? null;
const lengthOf = (timeline: readonly TimelineEntry[], name: string): number | null => {
  const found = timeline.find((e) => e.name === name && e.type === 'measure');
  return found ? found.end - found.start : null;
};

/** Each phase's figure over the runs, leaving out runs where the phase did not happen. */
function phases(
  timelines: readonly (readonly TimelineEntry[])[],
  read: Record<string, (timeline: readonly TimelineEntry[]) => number | null>,
): Record<string, Spread> {
  const result: Record<string, Spread> = {};
  for (const [phase, value] of Object.entries(read)) {
    const values = timelines.map(value).filter((v): v is number => v !== null);
    if (values.length > 0) result[phase] = spread(values);
  }
  return result;
}

const table = (rows: Record<string, Spread>): string =>
  Object.entries(rows)
    .map(([phase, s]) => `${phase.padEnd(40)} ${String(s.median).padStart(6)} ms  [${s.min}–${s.max}]`)
    .join('\n');

describe('timings', () => {
  it('first screen and first load of the sample, phase by phase, then recomputing after a time zone change', async () => {
    const loadBefore = loadavg();
    const loads: TimelineEntry[][] = [];
    const readyAt: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const dashboard = await openDashboard(browser);
      loads.push(await firstScreenTimeline(dashboard.page));
      readyAt.push((await probe(dashboard.page)).readyAt[0]!);
      expect(dashboard.problems).toEqual([]);
      await dashboard.close();
    }
    for (const [run, timeline] of loads.entries()) console.log(`load ${run + 1}:\n${formatTimeline(timeline)}`);
    const firstLoad = {
      ...phases(loads, {
        'page scripts run (navigation →)': (t) => endOf(t, 'page:scripts'),
        'first widget area painted (navigation →)': (t) => Math.min(...t.filter((e) => e.name.startsWith('drawn:')).map((e) => e.end)),
        'every widget area painted (navigation →)': (t) => endOf(t, 'first-screen'),
        'worker boot': (t) => lengthOf(t, 'worker:boot'),
        'worker: generate the sample': (t) => lengthOf(t, 'worker:sample:generate'),
        'worker: index it': (t) => lengthOf(t, 'worker:sample:index'),
        'worker: compute every figure': (t) => {
          const parts = t.filter((e) => e.name.startsWith('worker:compute:'));
          return parts.length ? parts.reduce((sum, e) => sum + e.end - e.start, 0) : null;
        },
      }),
      'controls work on the loaded sample (navigation → data-ready)': spread(readyAt),
    };

    const dashboard = await openDashboard(browser);
    const recomputes: TimelineEntry[][] = [];
    const recomputeMs: number[] = [];
    for (const zone of ['Asia/Tokyo', 'America/New_York', 'Europe/Paris', 'Australia/Sydney', 'Europe/Paris']) {
      const before = (await pageTimeline(dashboard.page)).length;
      recomputeMs.push(await afterRecompute(dashboard.page, () => choose(dashboard.page, 'timeZone', zone)));
      // The worker's measures of this request arrive just after its last message.
      await dashboard.page.waitForFunction(
        (n) => performance.getEntriesByName('kpikit:worker:request:compute', 'measure').length >= n,
        recomputes.length + 1,
      );
      recomputes.push((await pageTimeline(dashboard.page)).slice(before));
    }
    expect(dashboard.problems).toEqual([]);
    await dashboard.close();
    const parts = [
      'overview',
      'activeUsers',
      'lifecycle',
      'daysActive',
      'revenue',
      'sessions',
      'activation',
      'funnel',
      'retention',
      'attribution',
      'activationCandidates',
    ];
    const recompute = {
      ...phases(
        recomputes,
        Object.fromEntries(
          parts.map((part) => [`worker: ${part}`, (t: readonly TimelineEntry[]) => lengthOf(t, `worker:compute:${part}`)]),
        ),
      ),
      'change of zone → every widget redrawn (data-ready)': spread(recomputeMs),
    };

    const timings = {
      measuredAt: new Date().toISOString(),
      browser: `Chromium ${browser.version()}`,
      loadAverage: { before: loadBefore.map((v) => +v.toFixed(1)), after: loadavg().map((v) => +v.toFixed(1)) },
      note: `Milliseconds in the page on a shared 2-core machine: median [least–greatest] of ${RUNS} loads and 5 recomputations. Not asserted.`,
      firstLoad,
      recompute,
    };
    const path = artifactPath('timings.json');
    writeFileSync(path, await format(JSON.stringify(timings), { ...(await resolveConfig(path)), parser: 'json' }));
    console.log(
      `machine load ${timings.loadAverage.before.join(' ')} → ${timings.loadAverage.after.join(' ')}\n` +
        `first load, median [spread] of ${RUNS}:\n${table(firstLoad)}\n` +
        `recompute after a time zone change:\n${table(recompute)}\nwritten to ${path}`,
    );
    expect(Object.keys(firstLoad)).toContain('every widget area painted (navigation →)');
  });
});
