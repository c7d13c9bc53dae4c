import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { afterRecompute, choose, openDashboard, dashboardSession } from './support/browser';
import { sampleFigures } from './support/expected';
import {
  expectedFigures,
  expectedRangeText,
  expectedRetentionCells,
  shownFigures,
  shownRetentionCells,
  type DemoLocale,
} from './support/figures';

const session = dashboardSession();

/** Relative luminance (WCAG) of a computed CSS colour `rgb(r, g, b)`. */
async function luminance(page: Page, selector: string, property: 'backgroundColor' | 'color'): Promise<number> {
  const colour = await page
    .locator(selector)
    .first()
    .evaluate((element, name) => getComputedStyle(element)[name], property);
  const channels = /rgba?\((\d+), (\d+), (\d+)/.exec(colour);
  if (!channels) throw new Error(`${selector}: unexpected colour ${colour}`);
  const [r, g, b] = channels.slice(1, 4).map((value) => {
    const c = Number(value) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** What changes with the language, besides the figures. */
interface Words {
  readonly title: string;
  readonly language: string;
  readonly sample: string;
  readonly npsTitle: string;
  readonly steps: readonly string[];
  readonly windows: readonly string[];
}

const WORDS: Readonly<Record<DemoLocale, Words>> = {
  en: {
    title: 'Product health',
    language: 'Language',
    sample: 'Sample SaaS, seed 42',
    npsTitle: 'Net Promoter Score',
    steps: ['Visited pricing', 'Started a trial', 'Used a feature (PQL)', 'Paid'],
    windows: ['1 day', '7 days', '14 days', '30 days', '60 days'],
  },
  fr: {
    title: 'Santé du produit',
    language: 'Langue',
    sample: 'SaaS d’exemple, graine 42',
    npsTitle: 'Net Promoter Score',
    steps: ['A vu les tarifs', 'A commencé un essai', 'A utilisé une fonction (PQL)', 'A payé'],
    windows: ['1 jour', '7 jours', '14 jours', '30 jours', '60 jours'],
  },
  'zh-TW': {
    title: '產品健康度',
    language: '語言',
    sample: '範例 SaaS，隨機種子 42',
    npsTitle: '淨推薦值',
    steps: ['瀏覽定價', '開始試用', '使用功能（PQL）', '付費'],
    windows: ['1 天', '7 天', '14 天', '30 天', '60 天'],
  },
};

describe('the page follows its controls', () => {
  it.each(['fr', 'zh-TW', 'en'] as const)('in %s: words, number and date formats, and <html lang>', async (locale) => {
    const { page, problems } = session.dashboard;
    // The language is a view setting: the figures are reformatted, not recomputed.
    await choose(page, 'locale', locale);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
    const words = WORDS[locale];
    expect(await page.locator('h1').innerText()).toBe(words.title);
    expect(await page.locator('select[name="locale"]').evaluate((select: HTMLSelectElement) => select.labels[0]?.textContent)).toBe(
      words.language,
    );
    expect(await page.getByTestId('data-summary').locator('strong').innerText()).toBe(words.sample);
    expect(await page.locator('select[name="funnelWindow"] option').allInnerTexts()).toEqual(words.windows);
    expect(await page.locator('.kpikit-nps-gauge .kpikit-card__title').innerText()).toBe(words.npsTitle);
    expect(await page.locator('.kpikit-funnel__name').allInnerTexts()).toEqual(words.steps);
    // Every widget names its language for screen readers.
    expect(new Set(await page.locator('.kpikit-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('lang'))))).toEqual(
      new Set([locale]),
    );
    const figures = sampleFigures();
    expect(await page.getByTestId('range').innerText()).toBe(expectedRangeText(figures, locale));
    expect(await shownFigures(page, locale)).toEqual(expectedFigures(figures, locale));
    expect(await shownRetentionCells(page)).toEqual(expectedRetentionCells(figures.retention.exact, locale));
    expect(problems).toEqual([]);
  });

  it('switches to the dark theme: the page and every widget, on a dark surface', async () => {
    const { page } = session.dashboard;
    expect(await luminance(page, '.kpikit-card', 'backgroundColor')).toBeGreaterThan(0.8);
    await choose(page, 'theme', 'dark');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expect(await page.locator('.demo').getAttribute('data-theme')).toBe('dark');
    const themes = await page.locator('.kpikit-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-theme')));
    expect(themes).toEqual(Array.from({ length: 17 }, () => 'dark'));
    // Dark surfaces under light text, for the cards and the page around them.
    expect(await luminance(page, '.kpikit-card', 'backgroundColor')).toBeLessThan(0.05);
    expect(await luminance(page, '.demo', 'backgroundColor')).toBeLessThan(0.05);
    expect(await luminance(page, '.demo-header', 'backgroundColor')).toBeLessThan(0.05);
    expect(await luminance(page, '.kpikit-kpi-card__value', 'color')).toBeGreaterThan(0.6);
    expect(await luminance(page, 'h1', 'color')).toBeGreaterThan(0.6);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');

    await choose(page, 'theme', 'light');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
    expect(await luminance(page, '.kpikit-card', 'backgroundColor')).toBeGreaterThan(0.8);
  });

  it('starts in the theme the system prefers', async () => {
    const dark = await openDashboard(session.browser, { colorScheme: 'dark' });
    try {
      expect(await dark.page.locator('select[name="theme"]').inputValue()).toBe('dark');
      expect(await dark.page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
      expect(await luminance(dark.page, '.kpikit-card', 'backgroundColor')).toBeLessThan(0.05);
      expect(dark.problems).toEqual([]);
    } finally {
      await dark.close();
    }
  });

  it('shows unbounded retention, as core computes it, when the mode changes', async () => {
    const { page } = session.dashboard;
    const { retention } = sampleFigures();
    const exact = expectedRetentionCells(retention.exact);
    const unbounded = expectedRetentionCells(retention.unbounded);
    // The two modes differ on this data: the test would notice a grid that did not change.
    expect(Object.keys(unbounded).filter((cell) => unbounded[cell] !== exact[cell]).length).toBeGreaterThan(10);

    const grid = page.locator('.kpikit-retention-grid');
    expect(await shownRetentionCells(page)).toEqual(exact);
    await choose(page, 'retentionMode', 'unbounded');
    await expect.poll(() => grid.getAttribute('data-mode')).toBe('unbounded');
    expect(await shownRetentionCells(page)).toEqual(unbounded);
    // The grid's own toggle agrees with the filter …
    expect(await grid.getByRole('button', { name: 'In or after' }).getAttribute('aria-pressed')).toBe('true');
    // … and drives it back.
    await grid.getByRole('button', { name: 'In the period' }).click();
    await expect.poll(() => page.locator('select[name="retentionMode"]').inputValue()).toBe('exact');
    expect(await shownRetentionCells(page)).toEqual(exact);
  });

  it('recomputes in another time zone: the range names it, the figures are core’s for that zone', async () => {
    const { page, problems } = session.dashboard;
    const paris = sampleFigures('Europe/Paris');
    const tokyo = sampleFigures('Asia/Tokyo');
    // Figures that depend on the zone do change between these two: otherwise this test could not fail.
    expect(expectedFigures(tokyo)).not.toEqual(expectedFigures(paris));
    expect(tokyo.funnel).not.toEqual(paris.funnel);

    await afterRecompute(page, () => choose(page, 'timeZone', 'Asia/Tokyo'));
    const range = await page.getByTestId('range').innerText();
    expect(range).toContain('Asia/Tokyo');
    expect(range).toBe(expectedRangeText(tokyo));
    expect(await shownFigures(page)).toEqual(expectedFigures(tokyo));
    expect(await shownRetentionCells(page)).toEqual(expectedRetentionCells(tokyo.retention.exact));

    await afterRecompute(page, () => choose(page, 'timeZone', 'Europe/Paris'));
    expect(await shownFigures(page)).toEqual(expectedFigures(paris));
    expect(problems).toEqual([]);
  });
});
