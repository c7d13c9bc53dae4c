import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, launchChromium, openDashboard } from './support/browser';
import { artifactPath } from './support/artifacts';

/** Full-page screenshots to look at (artifacts/), and the layout checks a machine can make on them. */

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

const SHOTS = [
  { name: 'dashboard-light.png', theme: 'light', locale: 'en', width: 1440, height: 900 },
  { name: 'dashboard-dark.png', theme: 'dark', locale: 'en', width: 1440, height: 900 },
  { name: 'dashboard-fr.png', theme: 'light', locale: 'fr', width: 1440, height: 900 },
  { name: 'dashboard-zh-TW.png', theme: 'light', locale: 'zh-TW', width: 1440, height: 900 },
  { name: 'dashboard-narrow.png', theme: 'light', locale: 'en', width: 390, height: 900 },
  // The repository README's picture (docs/dashboard.png, copied there when the dashboard changes): tall enough for the whole sidebar.
  { name: 'dashboard-readme.png', theme: 'light', locale: 'en', width: 1280, height: 1100 },
] as const;

describe('screenshots', () => {
  it.each(SHOTS)('$name', async ({ name, theme, locale, width, height }) => {
    const dashboard = await openDashboard(browser, { colorScheme: theme, viewport: { width, height } });
    const { page } = dashboard;
    try {
      if (locale !== 'en') {
        await choose(page, 'locale', locale);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
      }
      expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(theme);
      // Nothing wider than the window: no horizontal scrolling of the page.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // No card's content spills out of it.
      const spills = await page
        .locator('.kpikit-card')
        .evaluateAll((cards): string[] =>
          cards.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.querySelector('.kpikit-card__title')?.textContent ?? '?'),
        );
      expect(spills).toEqual([]);
      const path = artifactPath(name);
      await page.screenshot({ path, fullPage: true });
      expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
      expect(dashboard.problems).toEqual([]);
    } finally {
      await dashboard.close();
    }
  });
});
