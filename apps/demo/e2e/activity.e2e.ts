import { createFormatter } from '@kpikit/react';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_WORDS,
  daysActiveTableRows,
  expectedBarTexts,
  expectedDaysActive,
  expectedLifecycle,
  histogramBarTexts,
  intervalName,
  lifecycleReadout,
  lifecycleTableRows,
  readoutFigures,
  tableRows,
} from './support/activity';
import { afterRecompute, choose, dashboardSession } from './support/browser';
import { lastDays, sampleData, SAMPLE, type DateRange } from './support/expected';

const session = dashboardSession();
const LIFECYCLE = '.kpikit-lifecycle-chart';
const HISTOGRAM = '.kpikit-stickiness-histogram';

/** The default range: the last 90 local days of the sample in a zone. */
const last90 = (timeZone: string = SAMPLE.timeZone): DateRange => lastDays(sampleData().times, 90, timeZone);

/** Each card's title and the range written beside it. */
async function header(page: Page, card: string): Promise<[string, string]> {
  const widget = page.locator(card);
  return [await widget.locator('.kpikit-card__title').innerText(), await widget.locator('.kpikit-card__meta').innerText()];
}

/** What the element with focus is: its widget's class, its role and its name. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element) return 'nothing';
    const widget = element.closest('.kpikit')?.classList[2] ?? 'page';
    const name = element.getAttribute('aria-label') ?? element.textContent;
    return `${widget} ${element.getAttribute('role') ?? element.tagName.toLowerCase()} ${name}`;
  });
}

describe('the lifecycle and days-active cards over the sample', () => {
  it("show core's lifecycle by week from the range's first Monday, and the days active in its last 7 days", async () => {
    const { page, problems } = session.dashboard;
    const range = last90();
    const lifecycle = expectedLifecycle(range, 'week');
    // The range starts on a Sunday (2024-03-31): the first bar is the whole week after it, the last one is cut by the data's end.
    expect(lifecycle.rows[0]).toMatchObject({ period: '2024-04-01', days: 7, incomplete: false });
    expect(lifecycle.rows.at(-1)).toMatchObject({ period: '2024-06-24', days: 5, incomplete: true });
    expect(lifecycle.rows.filter((row) => row.incomplete)).toHaveLength(1);
    expect(await header(page, LIFECYCLE)).toEqual(['Lifecycle by week', 'Apr 1 – Jun 28, 2024']);
    expect(await page.locator(LIFECYCLE).getAttribute('data-interval')).toBe('week');
    expect(await page.locator(`${LIFECYCLE} .kpikit-lifecycle-chart__bar`).count()).toBe(lifecycle.rows.length);
    expect(await page.locator(`${LIFECYCLE} .kpikit-lifecycle-chart__bar[data-incomplete]`).count()).toBe(1);
    expect(await tableRows(page, LIFECYCLE)).toEqual(lifecycleTableRows(lifecycle));
    // The readout shows the last whole week: a cut one would read as a drop.
    const shown = lifecycle.rows.at(-2)!;
    const fmt = createFormatter('en');
    expect(await lifecycleReadout(page)).toEqual({
      title: intervalName('week', shown.period, fmt, 'en'),
      active: fmt.count(shown.active),
      figures: readoutFigures(shown),
    });

    const days = expectedDaysActive(range);
    expect([days.from, days.to, days.intervals, days.incomplete]).toEqual(['2024-06-22', '2024-06-28', 7, false]);
    expect(await header(page, HISTOGRAM)).toEqual(['Days active in the last 7 days', 'Jun 22 – Jun 28, 2024']);
    expect(await page.locator(`${HISTOGRAM} .kpikit-stickiness-histogram__total`).innerText()).toBe(
      fmt.number(days.mean, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    );
    expect(await page.locator(`${HISTOGRAM} .kpikit-stickiness-histogram__context`).innerText()).toBe(
      `of ${fmt.count(days.units)} users active at least once in 7 days`,
    );
    expect(await histogramBarTexts(page)).toEqual(expectedBarTexts(days, 'exactly'));
    expect(await tableRows(page, HISTOGRAM)).toEqual(daysActiveTableRows(days));
    // Most users of a week are active on one day of it; a few on all seven.
    expect(days.rows[0]!.units).toBeGreaterThan(days.rows[6]!.units);
    expect(problems).toEqual([]);
  });

  it('follow the Lifecycle by select: days and months, as core computes them', async () => {
    const { page } = session.dashboard;
    const range = last90();
    expect(await page.getByLabel('Lifecycle by', { exact: true }).inputValue()).toBe('week');
    expect(await page.locator('select[name="lifecyclePeriod"] option').allInnerTexts()).toEqual(['Day', 'Week', 'Month']);

    await afterRecompute(page, () => choose(page, 'lifecyclePeriod', 'month'));
    const months = expectedLifecycle(range, 'month');
    expect(months.rows.map((row) => [row.period, row.incomplete])).toEqual([
      ['2024-04-01', false],
      ['2024-05-01', false],
      ['2024-06-01', true],
    ]);
    expect(await header(page, LIFECYCLE)).toEqual(['Lifecycle by month', 'Apr 1 – Jun 28, 2024']);
    expect(await tableRows(page, LIFECYCLE)).toEqual(lifecycleTableRows(months));

    await afterRecompute(page, () => choose(page, 'lifecyclePeriod', 'day'));
    const daily = expectedLifecycle(range, 'day');
    expect(daily.rows).toHaveLength(90);
    expect(daily.rows.every((row) => !row.incomplete)).toBe(true);
    expect(await header(page, LIFECYCLE)).toEqual(['Lifecycle by day', 'Mar 31 – Jun 28, 2024']);
    expect(await tableRows(page, LIFECYCLE)).toEqual(lifecycleTableRows(daily));
    expect(await page.locator(`${LIFECYCLE} .kpikit-lifecycle-chart__bar`).count()).toBe(90);

    await afterRecompute(page, () => choose(page, 'lifecyclePeriod', 'week'));
    expect(await tableRows(page, LIFECYCLE)).toEqual(lifecycleTableRows(expectedLifecycle(range, 'week')));
  });

  it('follow a typed range: the lifecycle from its first Monday, days active over its last 7 days', async () => {
    const { page, problems } = session.dashboard;
    await afterRecompute(page, () => choose(page, 'range', 'custom'));
    await afterRecompute(page, () => page.getByLabel('To', { exact: true }).fill('2024-04-30'));
    await afterRecompute(page, () => page.getByLabel('From', { exact: true }).fill('2024-04-03'));
    const range: DateRange = { from: '2024-04-03', to: '2024-04-30', timeZone: SAMPLE.timeZone, previous: null };
    const lifecycle = expectedLifecycle(range, 'week');
    // Wednesday the 3rd: the first whole week is Monday the 8th's; the last, Monday the 29th's, is cut after two days.
    expect(lifecycle.rows.map((row) => [row.period, row.days])).toEqual([
      ['2024-04-08', 7],
      ['2024-04-15', 7],
      ['2024-04-22', 7],
      ['2024-04-29', 2],
    ]);
    expect(await header(page, LIFECYCLE)).toEqual(['Lifecycle by week', 'Apr 8 – Apr 30, 2024']);
    expect(await tableRows(page, LIFECYCLE)).toEqual(lifecycleTableRows(lifecycle));
    const days = expectedDaysActive(range);
    expect(await header(page, HISTOGRAM)).toEqual(['Days active in the last 7 days', 'Apr 24 – Apr 30, 2024']);
    expect(await tableRows(page, HISTOGRAM)).toEqual(daysActiveTableRows(days));
    expect(await histogramBarTexts(page)).toEqual(expectedBarTexts(days, 'exactly'));

    // Three days: the histogram says so in its title and has three bars; no week starts in them, so the lifecycle takes them whole.
    await afterRecompute(page, () => page.getByLabel('From', { exact: true }).fill('2024-04-24'));
    await afterRecompute(page, () => page.getByLabel('To', { exact: true }).fill('2024-04-26'));
    const short: DateRange = { from: '2024-04-24', to: '2024-04-26', timeZone: SAMPLE.timeZone, previous: null };
    expect(await header(page, HISTOGRAM)).toEqual(['Days active in the last 3 days', 'Apr 24 – Apr 26, 2024']);
    expect(await tableRows(page, HISTOGRAM)).toEqual(daysActiveTableRows(expectedDaysActive(short)));
    expect(await tableRows(page, LIFECYCLE)).toEqual(lifecycleTableRows(expectedLifecycle(short, 'week')));
    expect(await page.locator(`${LIFECYCLE} .kpikit-lifecycle-chart__note`).innerText()).toMatch(/^Lighter, hatched bars/);

    await afterRecompute(page, () => choose(page, 'range', 'last90'));
    expect(await tableRows(page, HISTOGRAM)).toEqual(daysActiveTableRows(expectedDaysActive(last90())));
    expect(problems).toEqual([]);
  });

  it('follow the time zone: local weeks and days, as core computes them in Tokyo', async () => {
    const { page } = session.dashboard;
    const paris = last90('Europe/Paris');
    const tokyo = last90('Asia/Tokyo');
    // The zone changes the figures: otherwise this test could not fail.
    expect(lifecycleTableRows(expectedLifecycle(tokyo, 'week'))).not.toEqual(lifecycleTableRows(expectedLifecycle(paris, 'week')));
    expect(daysActiveTableRows(expectedDaysActive(tokyo))).not.toEqual(daysActiveTableRows(expectedDaysActive(paris)));

    await afterRecompute(page, () => choose(page, 'timeZone', 'Asia/Tokyo'));
    expect(await tableRows(page, LIFECYCLE)).toEqual(lifecycleTableRows(expectedLifecycle(tokyo, 'week')));
    expect(await tableRows(page, HISTOGRAM)).toEqual(daysActiveTableRows(expectedDaysActive(tokyo)));
    expect(await histogramBarTexts(page)).toEqual(expectedBarTexts(expectedDaysActive(tokyo), 'exactly'));

    await afterRecompute(page, () => choose(page, 'timeZone', 'Europe/Paris'));
    expect(await tableRows(page, LIFECYCLE)).toEqual(lifecycleTableRows(expectedLifecycle(paris, 'week')));
  });

  it('follow the Count control: accounts, as core groups them by accountId', async () => {
    const { page } = session.dashboard;
    const range = last90();
    const lifecycle = expectedLifecycle(range, 'week', 'account');
    const days = expectedDaysActive(range, 'account');
    expect(lifecycle.unit?.group).toBe('accountId');
    expect(days.units).toBeLessThan(expectedDaysActive(range).units);

    await afterRecompute(page, () => choose(page, 'unit', 'account'));
    for (const card of [LIFECYCLE, HISTOGRAM]) expect(await page.locator(card).getAttribute('data-unit'), card).toBe('account');
    expect(await tableRows(page, LIFECYCLE)).toEqual(lifecycleTableRows(lifecycle));
    expect(await page.locator(`${LIFECYCLE} .kpikit-lifecycle-chart__total-label`).innerText()).toBe('active accounts');
    expect(await tableRows(page, HISTOGRAM)).toEqual(daysActiveTableRows(days));
    expect(await page.locator(`${HISTOGRAM} .kpikit-stickiness-histogram__context`).innerText()).toBe(
      `of ${createFormatter('en').count(days.units)} accounts active at least once in 7 days`,
    );

    await afterRecompute(page, () => choose(page, 'unit', 'user'));
    for (const card of [LIFECYCLE, HISTOGRAM]) expect(await page.locator(card).getAttribute('data-unit'), card).toBe('user');
  });

  it.each(['fr', 'zh-TW'] as const)('speak %s: titles, the select, dates and numbers', async (locale) => {
    const { page, problems } = session.dashboard;
    await choose(page, 'locale', locale);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
    const words = ACTIVITY_WORDS[locale];
    const range = last90();
    expect(
      await page.locator('select[name="lifecyclePeriod"]').evaluate((select: HTMLSelectElement) => select.labels[0]?.textContent),
    ).toBe(words.lifecycleBy);
    expect(await page.locator(`${LIFECYCLE} .kpikit-card__title`).innerText()).toBe(words.lifecycleTitle.week);
    expect(await page.locator(`${HISTOGRAM} .kpikit-card__title`).innerText()).toBe(words.daysActiveTitle);
    expect(await page.getByRole('group', { name: words.barsShow, exact: true }).count()).toBe(1);
    expect(await tableRows(page, LIFECYCLE)).toEqual(lifecycleTableRows(expectedLifecycle(range, 'week'), locale));
    expect(await tableRows(page, HISTOGRAM)).toEqual(daysActiveTableRows(expectedDaysActive(range), locale));
    expect(await histogramBarTexts(page)).toEqual(expectedBarTexts(expectedDaysActive(range), 'exactly', locale));
    for (const card of [LIFECYCLE, HISTOGRAM]) expect(await page.locator(card).getAttribute('lang'), card).toBe(locale);

    await choose(page, 'locale', 'en');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(problems).toEqual([]);
  });

  it('give every control its own name: the unit switch is the one "Count", the histogram’s switch says what the bars show', async () => {
    const { page } = session.dashboard;
    expect(await page.getByLabel('Count', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Count', exact: true }).count()).toBe(1);
    expect(await page.getByRole('group', { name: 'Count', exact: true }).count()).toBe(0);
    const modes = page.getByRole('group', { name: 'Bars show', exact: true });
    expect(await modes.getByRole('button').allInnerTexts()).toEqual(['Exactly k', 'At least k']);
    expect(await page.getByRole('combobox', { name: 'Lifecycle by', exact: true }).count()).toBe(1);
    // Each card is one figure, named by its title.
    expect(await page.getByRole('figure', { name: 'Lifecycle by week', exact: true }).count()).toBe(1);
    expect(await page.getByRole('figure', { name: 'Days active in the last 7 days', exact: true }).count()).toBe(1);
  });

  it('are reached by keyboard in one tab stop each, and arrow keys move the readout along core’s figures', async () => {
    const { page } = session.dashboard;
    const range = last90();
    const lifecycle = expectedLifecycle(range, 'week');
    const days = expectedDaysActive(range);
    const fmt = createFormatter('en');
    const readoutOf = (index: number) => {
      const row = lifecycle.rows[index]!;
      return { title: intervalName('week', row.period, fmt, 'en'), active: fmt.count(row.active), figures: readoutFigures(row) };
    };

    // From the last control of the sidebar, Tab goes through the cards above to the lifecycle's bars.
    await page.getByLabel('Funnel steps', { exact: true }).focus();
    let stop = '';
    for (let i = 0; i < 10 && !stop.startsWith('kpikit-lifecycle-chart'); i++) {
      await page.keyboard.press('Tab');
      stop = await focused(page);
    }
    const last = lifecycle.rows.length - 2;
    expect(stop).toMatch(
      new RegExp(`^kpikit-lifecycle-chart img Week of Jun 17, 2024: ${fmt.count(lifecycle.rows[last]!.active)} active users; `),
    );
    await page.keyboard.press('ArrowLeft');
    expect(await lifecycleReadout(page)).toEqual(readoutOf(last - 1));
    await page.keyboard.press('Home');
    expect(await lifecycleReadout(page)).toEqual(readoutOf(0));
    await page.keyboard.press('End');
    // The last week, cut by the data's end, says so.
    expect(await lifecycleReadout(page)).toEqual({
      ...readoutOf(lifecycle.rows.length - 1),
      title: 'Week of Jun 24, 2024 · Incomplete: 5 of its 7 days counted',
    });

    // The next stops: the histogram's switch, then its bars.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('kpikit-stickiness-histogram button Exactly k');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('kpikit-stickiness-histogram button At least k');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^kpikit-stickiness-histogram img Active 7 of 7 days: /);
    await page.keyboard.press('Home');
    const one = days.rows[0]!;
    expect(await page.locator(`${HISTOGRAM} .kpikit-stickiness-histogram__readout p`).allInnerTexts()).toEqual([
      'Active 1 of 7 days',
      `${fmt.count(one.units)} users in exactly 1 (${fmt.percent(one.share)})`,
      `${fmt.count(one.atLeast)} users in 1 or more (${fmt.percent(one.atLeastShare)})`,
    ]);
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toMatch(/^kpikit-stickiness-histogram img Active 2 of 7 days: /);

    // Back to the switch: "at least k" redraws the bars cumulatively.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('kpikit-stickiness-histogram button At least k');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(HISTOGRAM).getAttribute('data-mode')).toBe('atLeast');
    expect(await histogramBarTexts(page)).toEqual(expectedBarTexts(days, 'atLeast'));
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(HISTOGRAM).getAttribute('data-mode')).toBe('exactly');
    expect(await histogramBarTexts(page)).toEqual(expectedBarTexts(days, 'exactly'));
  });
});
