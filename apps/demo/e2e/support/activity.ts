/**
 * The lifecycle and days-active cards: what core computes for them, straight
 * from `@kpikit/core` over the sample (never through the demo's code), and
 * what the page shows, read off it as text.
 */
import { lifecycle, stickinessDistribution, type LifecycleResult, type Period, type StickinessDistributionResult } from '@kpikit/core';
import { createFormatter, type Formatter } from '@kpikit/react';
import type { Page } from 'playwright-core';
import { addDays, sampleData, type DateRange } from './expected';
import type { DemoLocale } from './figures';

/** Whom the cards count: users, or the sample's accounts (`accountId`). */
export type CardUnit = 'user' | 'account';

const coreUnit = (unit: CardUnit) => (unit === 'account' ? { group: 'accountId' } : 'user');

/** The first day on or after `date` that starts a week (a Monday) or a month; `date` itself for days. */
export function firstWholeInterval(date: string, period: Period): string {
  if (period === 'day') return date;
  if (period === 'week') return addDays(date, (8 - new Date(`${date}T00:00:00Z`).getUTCDay()) % 7);
  if (date.endsWith('-01')) return date;
  const [year, month] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
}

/** Core's lifecycle of the sample over a range, from its first whole interval (the range whole when it holds none). */
export function expectedLifecycle(range: DateRange, period: Period, unit: CardUnit = 'user'): LifecycleResult {
  const start = firstWholeInterval(range.from, period);
  return lifecycle(sampleData().table, {
    from: start <= range.to ? start : range.from,
    to: range.to,
    timeZone: range.timeZone,
    interval: period,
    unit: coreUnit(unit),
  });
}

/** Core's days-active distribution of the sample over the range's last 7 days. */
export function expectedDaysActive(range: DateRange, unit: CardUnit = 'user'): StickinessDistributionResult {
  const week = addDays(range.to, -6);
  return stickinessDistribution(sampleData().table, {
    from: week < range.from ? range.from : week,
    to: range.to,
    timeZone: range.timeZone,
    interval: 'day',
    unit: coreUnit(unit),
  });
}

/** The words of the two cards that the tests read, in each language of the page. */
export const ACTIVITY_WORDS: Readonly<
  Record<
    DemoLocale,
    {
      readonly lifecycleBy: string;
      readonly lifecycleTitle: Readonly<Record<Period, string>>;
      readonly weekOf: string;
      readonly incomplete: string;
      readonly daysActiveTitle: string;
      readonly barsShow: string;
      readonly atLeast: string;
    }
  >
> = {
  en: {
    lifecycleBy: 'Lifecycle by',
    lifecycleTitle: { day: 'Lifecycle by day', week: 'Lifecycle by week', month: 'Lifecycle by month' },
    weekOf: 'Week of {date}',
    incomplete: 'incomplete',
    daysActiveTitle: 'Days active in the last 7 days',
    barsShow: 'Bars show',
    atLeast: 'At least k',
  },
  fr: {
    lifecycleBy: 'Cycle de vie par',
    lifecycleTitle: { day: 'Cycle de vie par jour', week: 'Cycle de vie par semaine', month: 'Cycle de vie par mois' },
    weekOf: 'Semaine du {date}',
    incomplete: 'incomplet',
    daysActiveTitle: 'Jours d’activité sur les 7 derniers jours',
    barsShow: 'Les barres comptent',
    atLeast: 'Au moins k',
  },
  'zh-TW': {
    lifecycleBy: '生命週期單位',
    lifecycleTitle: { day: '每日生命週期', week: '每週生命週期', month: '每月生命週期' },
    weekOf: '{date}當週',
    incomplete: '不完整',
    daysActiveTitle: '過去 7 天的活躍天數',
    barsShow: '長條顯示',
    atLeast: '至少 k',
  },
};

/** An interval's name as the chart writes it: "Week of Apr 1, 2024", "Apr 1, 2024", "April 2024". */
export function intervalName(period: Period, date: string, fmt: Formatter, locale: DemoLocale): string {
  if (period === 'month') return fmt.date(date, 'month');
  const day = fmt.date(date, 'medium');
  return period === 'week' ? ACTIVITY_WORDS[locale].weekOf.replace('{date}', day) : day;
}

/** Days of the whole interval starting on `date`. */
function intervalDays(period: Period, date: string): number {
  if (period === 'day') return 1;
  if (period === 'week') return 7;
  const [year, month] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Core's lifecycle as the chart's table writes it: per interval its name,
 * new, returning, resurrecting, dormant (as a count), active, and the days
 * counted ("5 of 7 (incomplete)" for a cut interval).
 */
export function lifecycleTableRows(result: LifecycleResult, locale: DemoLocale = 'en'): string[][] {
  const fmt = createFormatter(locale);
  const of: Readonly<Record<DemoLocale, string>> = {
    en: '{days} of {total}',
    fr: '{days} sur {total}',
    'zh-TW': '{total} 天中的 {days} 天',
  };
  return result.rows.map((row) => {
    const total = intervalDays(result.interval, row.period);
    const days = row.incomplete
      ? `${of[locale].replace('{days}', fmt.number(row.days)).replace('{total}', fmt.number(total))} (${ACTIVITY_WORDS[locale].incomplete})`
      : fmt.number(row.days);
    return [
      intervalName(result.interval, row.period, fmt, locale),
      ...[row.new, row.returning, row.resurrecting, -row.dormant, row.active].map((n) => fmt.count(n)),
      days,
    ];
  });
}

/** Core's days-active distribution as the histogram's table writes it: k, exactly k and its share, k or more and its share. */
export function daysActiveTableRows(result: StickinessDistributionResult, locale: DemoLocale = 'en'): string[][] {
  const fmt = createFormatter(locale);
  return result.rows.map((row) => [
    fmt.number(row.activeIntervals),
    fmt.count(row.units),
    fmt.percent(row.share),
    fmt.count(row.atLeast),
    fmt.percent(row.atLeastShare),
  ]);
}

/** The rows of a card's data table (the screen reader's view of the chart), cell by cell. */
export function tableRows(page: Page, card: string): Promise<string[][]> {
  return page
    .locator(`${card} .kpikit-data-table tbody tr`)
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent.trim())));
}

/** The lifecycle's readout as shown: the interval, its active count, and each status with its figure. */
export async function lifecycleReadout(page: Page): Promise<{ title: string; active: string; figures: string[] }> {
  const readout = page.locator('.kpikit-lifecycle-chart__readout');
  return {
    title: await readout.locator('.kpikit-lifecycle-chart__period').innerText(),
    active: await readout.locator('.kpikit-lifecycle-chart__total').innerText(),
    figures: await readout.locator('.kpikit-lifecycle-chart__figure').allInnerTexts(),
  };
}

/** A lifecycle row's figures as the readout writes them: new, returning, resurrecting, then dormant with a minus sign. */
export function readoutFigures(row: LifecycleResult['rows'][number], locale: DemoLocale = 'en'): string[] {
  const fmt = createFormatter(locale);
  return [
    fmt.count(row.new),
    fmt.count(row.returning),
    fmt.count(row.resurrecting),
    row.dormant === 0 ? '0' : `−${fmt.count(-row.dormant)}`,
  ];
}

/** The counts and shares written above the histogram's bars, one pair per bar. */
export function histogramBarTexts(page: Page): Promise<string[][]> {
  return page
    .locator('.kpikit-stickiness-histogram__value')
    .evaluateAll((texts) => texts.map((text) => [...text.querySelectorAll('tspan')].map((span) => span.textContent.trim())));
}

/** Core's distribution as the bars' texts: each bar's count (compact) and share, exactly k or k or more. */
export function expectedBarTexts(result: StickinessDistributionResult, mode: 'exactly' | 'atLeast', locale: DemoLocale = 'en'): string[][] {
  const fmt = createFormatter(locale);
  return result.rows.map((row) =>
    mode === 'exactly' ? [fmt.compact(row.units), fmt.percent(row.share)] : [fmt.compact(row.atLeast), fmt.percent(row.atLeastShare)],
  );
}
