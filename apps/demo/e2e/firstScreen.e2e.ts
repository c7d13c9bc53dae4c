import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openDashboard, probe, READY_TIMEOUT, waitForReady } from './support/browser';
import { entry, formatTimeline, pageTimeline } from './support/timeline';

/**
 * The first screen, on the built page: every widget area is painted, with
 * its figures, from the page's HTML, before any of the page's scripts has
 * run (the page's own marks: `kpikit:prerendered-painted` before
 * `kpikit:page:scripts`), so no script, worker or data stands between
 * navigation and the figures; and no widget shows figures other than its
 * final ones on the way, or moves once the page is parsed (shifts while it
 * is are printed, with what moved).
 *
 * How long that takes is measured, not asserted here: the load of a shared
 * machine sets it as much as the page does. timings.e2e.ts prints the
 * medians of 5 loads, phase by phase; the README's figures come from it.
 */

const AREAS = [
  'nps',
  'stickiness',
  'kpis',
  'lifecycle',
  'daysActive',
  'funnel',
  'retention',
  'northStar',
  'attribution',
  'activationCandidates',
] as const;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

/** One widget card as the test saw it in a frame: its state, its text, where it was. */
interface CardFrame {
  readonly at: number;
  readonly state: string;
  readonly text: string;
  readonly rect: readonly [number, number, number, number];
  /** Seen while the browser was still parsing the prerendered page: the card may be only partly there. */
  readonly parsing: boolean;
}

/** One layout shift the page reported: its score, what moved from where to where, and whether the page was still parsed. */
interface LayoutShift {
  readonly value: number;
  readonly sources: readonly string[];
  readonly parsing: boolean;
}

declare global {
  interface Window {
    /** Per card of the grid, in page order: each change of its state, text or box, frame by frame. */
    __kpikitCards?: CardFrame[][];
    __kpikitShifts?: LayoutShift[];
  }
}

/**
 * Records every card of the dashboard's grid in every frame, before any of
 * the page's scripts runs: a card's `data-state` (the widgets' loading,
 * ready, empty), its text and its box; and the page's layout shifts.
 */
async function recordCards(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const cards: CardFrame[][] = [];
    const shifts: LayoutShift[] = [];
    window.__kpikitCards = cards;
    window.__kpikitShifts = shifts;
    new PerformanceObserver((list) => {
      type Source = { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly };
      const describe = (node: Node | null | undefined): string => {
        const element = node instanceof Element ? node : node?.parentElement;
        if (!element) return '?';
        const classes = [...element.classList].slice(0, 2).join('.');
        return `${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''} "${element.textContent.slice(0, 30)}"`;
      };
      const box = (rect: DOMRectReadOnly): string => [rect.x, rect.y, rect.width, rect.height].map((v) => v.toFixed(1)).join(',');
      for (const shift of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: Source[] })[]) {
        if (shift.hadRecentInput) continue;
        shifts.push({
          value: shift.value,
          sources: shift.sources.map((source) => `${describe(source.node)} ${box(source.previousRect)} → ${box(source.currentRect)}`),
          parsing: document.readyState === 'loading',
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    const frame = (): void => {
      const grid = document.querySelector('.demo-grid');
      if (grid) {
        [...grid.children].forEach((card, i) => {
          const box = card.getBoundingClientRect();
          const seen: CardFrame = {
            at: performance.now(),
            state: card.getAttribute('data-state') ?? card.querySelector('[data-state]')?.getAttribute('data-state') ?? 'none',
            text: card.textContent,
            rect: [Math.round(box.x), Math.round(box.y), Math.round(box.width), Math.round(box.height)],
            parsing: document.readyState === 'loading',
          };
          const history = (cards[i] ??= []);
          const last = history.at(-1);
          if (!last || last.state !== seen.state || last.text !== seen.text || last.rect.join() !== seen.rect.join()) history.push(seen);
        });
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

describe('first screen', () => {
  it("paints all ten widget areas with their figures before any of the page's scripts runs", async () => {
    const dashboard = await openDashboard(browser, { waitForReady: false });
    const { page } = dashboard;
    await page.waitForFunction(() => performance.getEntriesByName('kpikit:first-screen', 'mark').length > 0, undefined, {
      timeout: READY_TIMEOUT,
      polling: 50,
    });
    const timeline = await pageTimeline(page);
    const painted = entry(timeline, 'prerendered-painted').start;
    const scripts = entry(timeline, 'page:scripts').start;
    console.log(`first screen at ${Math.round(painted)} ms, the page's scripts at ${Math.round(scripts)} ms`);
    expect(painted, formatTimeline(timeline)).toBeLessThan(scripts);
    // Every area counted as drawn in that frame, and the test saw no card loading by then.
    expect(entry(timeline, 'first-screen').end).toBe(painted);
    for (const area of AREAS) expect(entry(timeline, `drawn:${area}`).start).toBe(painted);
    const { contentAt } = await probe(page);
    expect(contentAt).not.toBeNull();
    expect(contentAt!).toBeLessThanOrEqual(painted);
    expect(dashboard.problems).toEqual([]);
    await dashboard.close();
  });

  it('shows each widget loading, then its final figures, never others, and moves none of them', async () => {
    const dashboard = await openDashboard(browser, { beforeOpen: recordCards, waitForReady: false });
    const { page } = dashboard;
    // Until the worker has the sample and is idle: the page shows what the controls will work from.
    await waitForReady(page);
    await page.waitForTimeout(500);
    const cards = await page.evaluate(() => window.__kpikitCards!);
    const shifts = await page.evaluate(() => window.__kpikitShifts!);
    // Two scores, eight KPI cards, lifecycle, days active, the funnel, the cohort grid, the North Star tree, attribution and activation candidates.
    expect(cards).toHaveLength(17);
    for (const [i, history] of cards.entries()) {
      const final = history.at(-1)!;
      const label = `card ${i + 1} (${final.text.slice(0, 40)}…)`;
      expect(final.state, label).toMatch(/^(ready|empty)$/);
      const shown = history.filter((frame) => frame.state !== 'loading');
      // Loading (if at all), then its final content, unchanged.
      expect(
        history.slice(0, history.length - shown.length).every((frame) => frame.state === 'loading'),
        label,
      ).toBe(true);
      // While the page is parsed, a card may show only the start of its final text, never anything else.
      expect(
        shown.map((frame) => (frame.parsing && final.text.startsWith(frame.text) ? final.text : frame.text)),
        label,
      ).toEqual(shown.map(() => final.text));
      // Its box, loading or not, is where it ends, once the page is parsed (a card half read is half as tall).
      const parsed = history.filter((frame) => !frame.parsing);
      expect(
        parsed.map((frame) => frame.rect),
        label,
      ).toEqual(parsed.map(() => final.rect));
    }
    // Nothing moves once the page is parsed. While it is, a card row may still be arriving (the parser
    // yields mid-page on a loaded machine), as with the boxes above: those shifts are printed, not failed.
    const list = (some: LayoutShift[]): string => some.map((shift) => `${shift.value}: ${shift.sources.join('; ')}`).join('\n');
    const whileParsing = shifts.filter((shift) => shift.parsing);
    if (whileParsing.length > 0) console.log(`layout shifts while the page was parsed:\n${list(whileParsing)}`);
    const afterParsing = shifts.filter((shift) => !shift.parsing);
    expect(
      afterParsing.reduce((sum, shift) => sum + shift.value, 0),
      list(afterParsing),
    ).toBe(0);
    expect(dashboard.problems).toEqual([]);
    await dashboard.close();
  });
});
