import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterRecompute, choose, launchChromium, openDashboard, type DashboardPage } from './support/browser';

const require = createRequire(import.meta.url);

declare global {
  interface Window {
    axe?: { run: (context: Document) => Promise<AxeResults> };
  }
}

let browser: Browser;
let dashboard: DashboardPage;

beforeAll(async () => {
  browser = await launchChromium();
  dashboard = await openDashboard(browser);
  await dashboard.page.addScriptTag({ path: require.resolve('axe-core') });
});

afterAll(async () => {
  await dashboard.close();
  await browser.close();
});

/** axe's serious and critical violations on the whole page, one line per rule and element. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await page.evaluate(async () => {
    const { violations } = await window.axe!.run(document);
    return violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`.replace(/\s+/g, ' ')),
    }));
  });
  return results
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `[${violation.impact ?? ''}] ${violation.id} (${violation.help}) at ${node}`));
}

describe('axe finds no serious or critical violation', () => {
  it.each(['light', 'dark'] as const)('in the %s theme', async (theme) => {
    const { page, problems } = dashboard;
    await choose(page, 'theme', theme);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe(theme);
    const violations = await seriousViolations(page);
    expect(violations, `axe violations in the ${theme} theme:\n${violations.join('\n')}`).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('with the lifecycle by day (90 bars), accounts counted and the histogram showing "at least k"', async () => {
    const { page, problems } = dashboard;
    await afterRecompute(page, () => choose(page, 'lifecyclePeriod', 'day'));
    await afterRecompute(page, () => choose(page, 'unit', 'account'));
    await page.getByRole('button', { name: 'At least k', exact: true }).click();
    await expect.poll(() => page.locator('.kpikit-stickiness-histogram').getAttribute('data-mode')).toBe('atLeast');
    expect(await page.locator('.kpikit-lifecycle-chart__bar').count()).toBe(90);
    const violations = await seriousViolations(page);
    expect(violations, `axe violations:\n${violations.join('\n')}`).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('in French, with the data panel’s row issues shown', async () => {
    const { page } = dashboard;
    await choose(page, 'locale', 'fr');
    await page.locator('input[type="file"]').setInputFiles({
      name: 'issues.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'user_id,name,timestamp\nu1,signup,2024-03-04T09:00:00Z\n,signup,2024-03-04T09:05:00Z\nu2,view,2024-03-05T09:00:00Z\n',
      ),
    });
    await expect.poll(() => page.getByTestId('row-issues').count(), { timeout: 60_000 }).toBe(1);
    await page.waitForSelector('main#dashboard[data-ready]', { timeout: 60_000 });
    const violations = await seriousViolations(page);
    expect(violations, `axe violations:\n${violations.join('\n')}`).toEqual([]);
  });
});
