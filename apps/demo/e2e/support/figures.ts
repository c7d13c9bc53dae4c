/**
 * The dashboard's figures as a person reads them on the page, and the same
 * figures formatted from core's results with the widgets' formatter
 * (`createFormatter`), following how each widget renders its headline.
 */
import type { NorthStarNodeResult, RetentionResult } from '@kpikit/core';
import { createFormatter, type Formatter } from '@kpikit/react';
import type { Page } from 'playwright-core';
import { stringsFor } from '../../src/i18n/strings';
import { cardValue } from './browser';
import type { SampleFigures } from './expected';

export type DemoLocale = 'en' | 'fr' | 'zh-TW';

/** The titles of the KPI cards the tests read, in each language of the page. */
export const CARD_TITLES: Readonly<Record<DemoLocale, { readonly mrr: string; readonly csat: string; readonly sessionsPerUser: string }>> =
  {
    en: { mrr: 'Monthly recurring revenue', csat: 'Customer satisfaction', sessionsPerUser: 'Sessions per user' },
    fr: { mrr: 'Revenu mensuel récurrent', csat: 'Satisfaction client', sessionsPerUser: 'Sessions par utilisateur' },
    'zh-TW': { mrr: '每月經常性收入', csat: '客戶滿意度', sessionsPerUser: '每位使用者工作階段數' },
  };

/** What the tests compare, as text. */
export interface Figures {
  readonly npsScore: string;
  readonly npsCount: string;
  readonly csat: string;
  readonly stickiness: string;
  readonly stickinessDetails: readonly string[];
  readonly mrr: string;
  readonly sessionsPerUser: string;
  readonly funnel: readonly string[];
  readonly northStarRoot: string;
}

/** Reads the figures off the page. */
export async function shownFigures(page: Page, locale: DemoLocale = 'en'): Promise<Figures> {
  const titles = CARD_TITLES[locale];
  const stickiness = page.locator('.kpikit-stickiness-card');
  return {
    npsScore: await page.locator('.kpikit-nps-gauge__score').innerText(),
    npsCount: await page.locator('.kpikit-nps-gauge .kpikit-card__meta').innerText(),
    csat: await cardValue(page, titles.csat),
    stickiness: await stickiness.locator('.kpikit-kpi-card__value').innerText(),
    stickinessDetails: await stickiness.locator('.kpikit-kpi-card__detail dd').allInnerTexts(),
    mrr: await cardValue(page, titles.mrr),
    sessionsPerUser: await cardValue(page, titles.sessionsPerUser),
    funnel: await page.locator('.kpikit-funnel__count').allInnerTexts(),
    northStarRoot: await page
      .locator('.kpikit-north-star [role="treeitem"][aria-level="1"] .kpikit-north-star__value')
      .textContent()
      .then(String),
  };
}

/** A North Star node's value as the tree writes it: rates as percentages, else the number (compact from 100) and its unit in the page's language. */
function northStarValue(node: NorthStarNodeResult, fmt: Formatter, locale: DemoLocale): string {
  const { value } = node;
  const unit = node.unit === null ? null : (stringsFor(locale).northStarUnits[node.unit] ?? node.unit);
  if (value === null) return fmt.number(null);
  if (unit === 'ratio' || unit === 'rate' || unit === '%' || unit === 'percent') return fmt.percent(value);
  const number = Math.abs(value) < 100 && !Number.isInteger(value) ? fmt.number(value, { maximumFractionDigits: 1 }) : fmt.compact(value);
  return unit ? `${number} ${unit}` : number;
}

/** Core's figures, formatted as the widgets show them. */
export function expectedFigures(figures: SampleFigures, locale: DemoLocale = 'en'): Figures {
  const fmt = createFormatter(locale);
  const { stickiness } = figures;
  return {
    // The gauge shows the score rounded to an integer, signed; its header `n = …`.
    npsScore: fmt.signedInteger(Math.round(figures.nps.score)),
    npsCount: fmt.t('nps.n', { count: fmt.number(figures.nps.total) }),
    csat: fmt.percent(figures.csat),
    stickiness: fmt.percent(stickiness.ratio),
    // Mean DAU (one decimal below 100), then MAU.
    stickinessDetails: [
      stickiness.dau < 100 ? fmt.number(stickiness.dau, { maximumFractionDigits: 1 }) : fmt.count(stickiness.dau),
      fmt.count(stickiness.mau),
    ],
    // Amounts are in cents; the card takes units of the currency.
    mrr: fmt.currency(figures.mrr / 100, 'EUR'),
    sessionsPerUser: fmt.number(figures.sessionsPerUser),
    funnel: figures.funnel.map((count) => fmt.t('funnel.users', { count: fmt.count(count) }, count)),
    northStarRoot: northStarValue(figures.northStarRoot, fmt, locale),
  };
}

/** The retention grid's cells as shown: `row:column` → text (row 0 is the weighted average). */
export async function shownRetentionCells(page: Page): Promise<Record<string, string>> {
  return page.locator('.kpikit-retention-grid table').evaluate((table) => {
    const cells: Record<string, string> = {};
    for (const cell of table.querySelectorAll<HTMLElement>('[data-cell]')) {
      // The cell's own text, without the visually hidden "(incomplete)" that follows it.
      cells[cell.dataset['cell']!] = cell.firstChild?.textContent ?? '';
    }
    return cells;
  });
}

/** Core's retention result as the grid's cells: the average row first, then a row per cohort, shares of the cohort. */
export function expectedRetentionCells(result: RetentionResult, locale: DemoLocale = 'en'): Record<string, string> {
  const fmt = createFormatter(locale);
  const cells: Record<string, string> = {};
  for (const [k, rate] of result.average.entries()) {
    if (rate === null) break;
    cells[`0:${k}`] = fmt.percent(rate);
  }
  for (const [i, cohort] of result.cohorts.entries()) {
    for (let k = 0; k < cohort.counts.length; k++) cells[`${i + 1}:${k}`] = fmt.percent(cohort.rates[k] ?? null);
  }
  return cells;
}

/** The text of the line under the title: the range, its zone and the range compared with. */
export function expectedRangeText(figures: SampleFigures, locale: DemoLocale = 'en'): string {
  const fmt = createFormatter(locale);
  const { from, to, timeZone, previous } = figures.range;
  const date = (value: string): string => fmt.date(value, 'medium');
  const templates: Readonly<Record<DemoLocale, { readonly range: string; readonly compared: string }>> = {
    en: { range: '{from} – {to}, {zone}', compared: 'Changes compare with {from} – {to}.' },
    fr: { range: 'Du {from} au {to}, {zone}', compared: 'Évolutions par rapport à la période du {from} au {to}.' },
    'zh-TW': { range: '{from} – {to}，{zone}', compared: '變化與 {from} – {to} 比較。' },
  };
  const fill = (template: string, values: Record<string, string>): string =>
    template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
  const head = fill(templates[locale].range, { from: date(from), to: date(to), zone: timeZone });
  const noComparison: Readonly<Record<DemoLocale, string>> = {
    en: 'The data does not reach back far enough for a comparison.',
    fr: 'Les données ne remontent pas assez loin pour une comparaison.',
    'zh-TW': '資料時間不足，無法比較。',
  };
  const compared = previous ? fill(templates[locale].compared, { from: date(previous.from), to: date(previous.to) }) : noComparison[locale];
  return `${head} · ${compared}`;
}

/** Every KPI card's title, in page order. */
export function kpiCardTitles(page: Page): Promise<string[]> {
  return page.locator('.kpikit-kpi-card:not(.kpikit-stickiness-card) .kpikit-card__title').allInnerTexts();
}
