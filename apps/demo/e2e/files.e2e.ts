import { readFileSync } from 'node:fs';
import { activation, activeUsers, funnel, retention, sessions, toEventTable, type KpiEvent } from '@kpikit/core';
import { createFormatter } from '@kpikit/react';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { afterRecompute, card, cardValue, dashboardSession } from './support/browser';
import { artifactPath, fixturePath } from './support/artifacts';
import { lastDays, sampleFigures, stickinessHeadline } from './support/expected';
import { expectedFigures, expectedRetentionCells, shownFigures, shownRetentionCells } from './support/figures';

const DAY = 86_400_000;
const fmt = createFormatter('en');

const session = dashboardSession();

/** The data panel's summary: the data set's name and its counts line. */
async function summary(page: Page): Promise<{ name: string; counts: string }> {
  const panel = page.getByTestId('data-summary');
  return { name: await panel.locator('strong').innerText(), counts: await panel.locator('span').first().innerText() };
}

/** Loads a file through the file picker, as a person choosing it would, and waits for its figures. */
async function pick(page: Page, path: string): Promise<void> {
  await afterRecompute(page, () => page.locator('input[type="file"]').setInputFiles(path));
}

/** A plain CSV without quoting, read in Node: `user_id,name,timestamp,…` (digits are epoch ms, other columns properties). */
function readPlainCsv(text: string): KpiEvent[] {
  const [header, ...lines] = text.trim().split('\n');
  const columns = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    const value = (column: string): string => cells[columns.indexOf(column)] ?? '';
    const timestamp = value('timestamp');
    const properties = Object.fromEntries(
      columns.filter((column) => !['user_id', 'name', 'timestamp'].includes(column)).map((column) => [column, value(column)]),
    );
    return {
      userId: value('user_id'),
      name: value('name'),
      timestamp: /^\d+$/.test(timestamp) ? Number(timestamp) : timestamp,
      properties,
    };
  });
}

describe('events files', () => {
  it('loads a small CSV: its counts, a funnel over its own events, and the empty states of what it lacks', async () => {
    const { page, problems } = session.dashboard;
    const path = fixturePath('events.csv');
    const events = readPlainCsv(readFileSync(path, 'utf8'));
    const users = new Set(events.map((event) => event.userId)).size;
    expect(events).toHaveLength(50);
    expect(users).toBe(5);

    await pick(page, path);
    expect(await summary(page)).toEqual({ name: 'events.csv', counts: '50 events from 5 users' });

    // The sample's funnel events are not in this file: the funnel starts from its three most frequent names.
    const counts = new Map<string, number>();
    for (const event of events) counts.set(event.name, (counts.get(event.name) ?? 0) + 1);
    const steps = [...counts].sort((a, b) => b[1] - a[1]).map(([name]) => name);
    expect(steps.slice(0, 3)).toEqual(['page_view', 'feature_used', 'search']);
    expect(await page.getByLabel('Funnel steps').inputValue()).toBe('page_view, feature_used, search');
    expect(await page.locator('.kpikit-funnel__name').allInnerTexts()).toEqual(['page_view', 'feature_used', 'search']);

    // Every figure the file supports is core's, over its range (its four days: shorter than 90) in Paris.
    const table = toEventTable(events);
    const times = { min: Math.min(...table.time), max: Math.max(...table.time) };
    const range = lastDays(times, 90, 'Europe/Paris');
    expect(range).toEqual({ from: '2024-05-06', to: '2024-05-09', timeZone: 'Europe/Paris', previous: null });
    const window = { from: range.from, to: range.to, timeZone: range.timeZone };
    expect(await page.getByTestId('range').innerText()).toBe(
      'May 6, 2024 – May 9, 2024, Europe/Paris · The data does not reach back far enough for a comparison.',
    );
    const paths = funnel(table, { ...window, steps: ['page_view', 'feature_used', 'search'], order: 'ordered', window: 30 * DAY });
    // Not everyone gets through: the counts must come from the data, not from the number of users.
    expect(paths.steps.map((step) => step.count)).toEqual([5, 5, 3]);
    expect(await page.locator('.kpikit-funnel__count').allInnerTexts()).toEqual(
      paths.steps.map((step) => fmt.t('funnel.users', { count: fmt.count(step.count) }, step.count)),
    );
    const headline = stickinessHeadline(activeUsers(table, window).rows);
    expect(await page.locator('.kpikit-stickiness-card .kpikit-kpi-card__value').innerText()).toBe(fmt.percent(headline?.ratio));
    expect(await cardValue(page, 'Sessions per user')).toBe(fmt.number(sessions(table, window).sessionsPerUser));
    const activated = activation(table, { ...window, signupEvent: 'signup', ahaEvent: 'activate', days: 7 });
    expect(await cardValue(page, 'Activation rate')).toBe(fmt.percent(activated.rate));
    const cohorts = retention(table, { ...window, period: 'week', periods: 12, startEvent: 'signup', mode: 'exact' });
    expect(cohorts.cohorts.length).toBeGreaterThan(0);
    expect(await shownRetentionCells(page)).toEqual(expectedRetentionCells(cohorts));

    // No subscriptions, no survey answers, no tree: each widget says so instead of showing zeros.
    for (const title of [
      'Monthly recurring revenue',
      'Average revenue per customer',
      'Customer churn',
      'Customer lifetime value',
      'Customer acquisition cost',
    ]) {
      expect(await card(page, title).getAttribute('data-state')).toBe('empty');
      expect(await card(page, title).innerText()).toContain('This data has no subscriptions.');
    }
    expect(await card(page, 'Customer satisfaction').innerText()).toContain('This data has no survey answers.');
    expect(await page.locator('.kpikit-nps-gauge').getAttribute('data-state')).toBe('empty');
    expect(await page.locator('.kpikit-nps-gauge').innerText()).toContain('This data has no survey answers.');
    expect(await page.locator('.kpikit-north-star').innerText()).toContain('This data has no North Star tree.');
    expect(await page.locator('body').innerText()).not.toMatch(/NaN|undefined|Infinity/);
    await page.screenshot({ path: artifactPath('dashboard-file.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('reports bad rows of a CSV by the line they start on, and counts every valid row', async () => {
    const { page } = session.dashboard;
    await pick(page, fixturePath('bad-rows.csv'));
    // Valid: lines 2, 6–7 (a quoted plan over two lines), 9 (epoch ms), 11 (a missing last value), 12, 13, 14 and 15:
    // 8 events from u1, u2, u4, u5, u6 and u7.
    expect(await summary(page)).toEqual({ name: 'bad-rows.csv', counts: '8 events from 6 users' });
    const issues = page.getByTestId('row-issues');
    expect(await issues.locator('p').innerText()).toBe('5 rows could not be read and were left out. The first ones:');
    const lines = await issues.locator('li').allInnerTexts();
    const expected: readonly [string, RegExp][] = [
      ['Line 3, user_id:', /received an empty value$/],
      ['Line 4, timestamp:', /offset, received "2024-03-04T10:00:00"$/],
      ['Line 5, row:', /expected 4 values, received 5$/],
      // After the value that spans lines 6 and 7: line 8, not 7.
      ['Line 8, timestamp:', /received "yesterday"$/],
      ['Line 10, name:', /received an empty value$/],
    ];
    expect(lines).toHaveLength(expected.length);
    for (const [index, [start, message]] of expected.entries()) {
      expect(lines[index]!.startsWith(start), lines[index]).toBe(true);
      expect(lines[index]).toMatch(message);
    }
  });

  it('loads JSON lines dropped on the data panel, and the sample again on request', async () => {
    const { page, problems } = session.dashboard;
    const text = readFileSync(fixturePath('events.jsonl'), 'utf8');
    const dataTransfer = await page.evaluateHandle((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'events.jsonl', { type: 'application/x-ndjson' }));
      return transfer;
    }, text);
    const panel = page.getByRole('region', { name: 'Data' });
    await afterRecompute(page, async () => {
      await panel.dispatchEvent('dragover', { dataTransfer });
      await panel.dispatchEvent('drop', { dataTransfer });
    });
    const rows = text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { userId?: string; user_id?: string });
    expect(rows).toHaveLength(12);
    expect(await summary(page)).toEqual({ name: 'events.jsonl', counts: '12 events from 4 users' });
    expect(await page.getByTestId('row-issues').count()).toBe(0);
    // This file has the sample's funnel events: the funnel is the sample's again, under its display names.
    expect(await page.locator('.kpikit-funnel__name').allInnerTexts()).toEqual([
      'Visited pricing',
      'Started a trial',
      'Used a feature (PQL)',
      'Paid',
    ]);

    await afterRecompute(page, () => page.getByRole('button', { name: 'Use sample data' }).click());
    const figures = sampleFigures();
    expect(await summary(page)).toEqual({
      name: 'Sample SaaS, seed 42',
      counts: `${fmt.number(figures.events)} events from ${fmt.number(figures.users)} users`,
    });
    expect(await page.getByRole('button', { name: 'Use sample data' }).count()).toBe(0);
    expect(await shownFigures(page)).toEqual(expectedFigures(figures));
    expect(problems).toEqual([]);
  });
});
