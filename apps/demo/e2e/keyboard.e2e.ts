import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dashboardSession } from './support/browser';

const session = dashboardSession();

/** A short, stable name of the focused element: how a test recognises each stop. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'body';
    const widget = element.closest('.kpikit')?.classList[2] ?? '';
    if (element.matches('a.demo-skip')) return 'skip link';
    if (element.matches('select, input, textarea')) {
      const label = (element as HTMLInputElement).labels?.[0]?.textContent ?? '';
      return `${element.matches('input[type="file"]') ? 'file picker' : 'field'} ${label}`;
    }
    if (element instanceof HTMLElement && element.dataset['cell']) return `${widget} cell ${element.dataset['cell']}`;
    if (element instanceof HTMLElement && element.dataset['step']) return `${widget} step ${element.dataset['step']}`;
    if (element.getAttribute('role') === 'treeitem') return `${widget} treeitem ${element.getAttribute('data-node') ?? ''}`;
    const name = element.getAttribute('aria-label') ?? element.textContent;
    return `${widget} ${element.getAttribute('role') ?? element.tagName.toLowerCase()} ${name.slice(0, 40)}`.trim();
  });
}

/** Whether the focused element shows where focus is: an outline, or (for the hidden file input) its label's. */
function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof Element)) return false;
    const visible = (e: Element): boolean => {
      const style = getComputedStyle(e);
      return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    };
    if (element.matches('input[type="file"]')) return [...(element as HTMLInputElement).labels!].some(visible);
    return visible(element);
  });
}

describe('keyboard only', () => {
  it('Tab goes from the skip link through every control to each widget, and on round to the start', async () => {
    const { page } = session.dashboard;
    // From the top: a page just loaded, nothing focused yet.
    await page.reload();
    await page.waitForSelector('main#dashboard[data-ready]', { timeout: 120_000 });
    expect(await focused(page)).toBe('body');
    const stops: string[] = [];
    const hidden: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const stop = await focused(page);
      if (stop === 'body' || (stops.length > 0 && stop === stops[0])) break;
      stops.push(stop);
      if (!(await focusIsVisible(page))) hidden.push(stop);
    }
    // The order a sighted keyboard user follows: skip link, header, data, filters, then the widgets top to bottom.
    expect(stops.slice(0, 13)).toEqual([
      'skip link',
      'field Language',
      'field Theme',
      'file picker Load an events file',
      'field Date range',
      'field Time zone',
      'field Count',
      'field Lifecycle by',
      'field Cohorts by',
      'field Retention',
      'field Funnel order',
      'field Funnel window',
      'field Funnel steps',
    ]);
    const widgets = stops.slice(13);
    const at = (pattern: RegExp): number => widgets.findIndex((stop) => pattern.test(stop));
    // One tab stop per composite widget (a roving tabindex), in page order.
    const lifecycle = at(/^kpikit-lifecycle-chart img Week of /);
    const modes = at(/^kpikit-stickiness-histogram button Exactly k$/);
    const histogram = at(/^kpikit-stickiness-histogram img Active 7 of 7 days/);
    const funnel = at(/^kpikit-funnel step 0$/);
    const cell = at(/^kpikit-retention-grid cell 0:0$/);
    const tree = at(/^kpikit-north-star treeitem /);
    expect([lifecycle, modes, histogram, funnel, cell, tree].every((index) => index >= 0)).toBe(true);
    // The lifecycle's bars, the histogram's two switch buttons and its bars, then the funnel.
    expect(widgets.slice(lifecycle, funnel)).toEqual([
      widgets[lifecycle],
      'kpikit-stickiness-histogram button Exactly k',
      'kpikit-stickiness-histogram button At least k',
      widgets[histogram],
    ]);
    expect(widgets.filter((stop) => / img /.test(stop))).toHaveLength(2);
    expect(funnel).toBeLessThan(cell);
    expect(cell).toBeLessThan(tree);
    expect(widgets.filter((stop) => / step \d/.test(stop))).toHaveLength(1);
    // The grid, the attribution table and the candidates' table: a cell each.
    expect(widgets.filter((stop) => / cell \d/.test(stop))).toHaveLength(3);
    const attribution = at(/^kpikit-attribution-chart /);
    const candidates = at(/^kpikit-activation-candidates /);
    expect(tree).toBeLessThan(attribution);
    expect(attribution).toBeLessThan(candidates);
    expect(widgets.filter((stop) => / treeitem /.test(stop))).toHaveLength(1);
    // The grid's display and mode toggles, and the tree's what-if and zoom buttons.
    expect(widgets).toEqual(
      expect.arrayContaining([
        'kpikit-retention-grid button %Percentages',
        'kpikit-retention-grid button Counts',
        'kpikit-retention-grid button In or after',
        'kpikit-north-star button What if',
        'kpikit-north-star button Zoom in',
      ]),
    );
    // No stop hides where focus is.
    expect(hidden).toEqual([]);
    // No trap: the last stop leads on (out of the page, then round to the skip link).
    expect(stops.length).toBeLessThan(60);
  });

  it('the skip link is shown on focus and moves focus to the dashboard', async () => {
    const { page } = session.dashboard;
    await page.reload();
    await page.waitForSelector('main#dashboard[data-ready]', { timeout: 120_000 });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('skip link');
    const box = await page.locator('a.demo-skip').boundingBox();
    expect(box && box.y >= 0 && box.height > 0).toBe(true);
    expect(await page.locator('a.demo-skip').innerText()).toBe('Skip to the dashboard');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('dashboard');
    // The next Tab lands inside the session.dashboard, past the sidebar.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#dashboard') !== null)).toBe(true);
  });

  it('arrow keys move between the grid’s cells, the funnel’s steps and the tree’s items', async () => {
    const { page } = session.dashboard;
    const cell = page.locator('.kpikit-retention-grid [data-cell="0:0"]');
    await cell.focus();
    expect(await focused(page)).toBe('kpikit-retention-grid cell 0:0');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('kpikit-retention-grid cell 0:1');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('kpikit-retention-grid cell 1:1');
    await page.keyboard.press('End');
    expect(await focused(page)).toBe('kpikit-retention-grid cell 1:12');
    await page.keyboard.press('Home');
    expect(await focused(page)).toBe('kpikit-retention-grid cell 1:0');
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toBe('kpikit-retention-grid cell 0:0');
    // The focused cell says what it holds.
    await page.keyboard.press('ArrowRight');
    const tooltip = await page.locator('.kpikit-retention-grid [data-cell="0:1"]').getAttribute('aria-describedby');
    expect(tooltip).toBeTruthy();
    expect(await page.locator(`[id="${tooltip!}"]`).innerText()).toMatch(/Week 1/);
    // Tab leaves the grid in one step, Shift+Tab comes back to the same cell.
    await page.keyboard.press('Tab');
    expect(await focused(page)).not.toMatch(/ cell /);
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('kpikit-retention-grid cell 0:1');

    await page.locator('.kpikit-funnel [data-step="0"]').focus();
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('kpikit-funnel step 1');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Step 2, Started a trial: /);

    const root = page.locator('.kpikit-north-star [role="treeitem"][aria-level="1"]');
    await root.focus();
    const first = await focused(page);
    await page.keyboard.press('ArrowDown');
    const next = await focused(page);
    expect(next).toMatch(/^kpikit-north-star treeitem /);
    expect(next).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toBe(first);
  });
});
