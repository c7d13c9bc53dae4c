import { funnel, retention, toEventTable, type KpiEvent } from '@kpikit/core';
import { createFormatter } from '@kpikit/react';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { afterRecompute, choose, dashboardSession } from './support/browser';
import { artifactPath, fixturePath } from './support/artifacts';
import { lastDays } from './support/expected';
import { expectedRetentionCells, shownRetentionCells } from './support/figures';

const DAY = 86_400_000;
const session = dashboardSession();

/** The fixture's events: `user_id,name,timestamp,plan,account_id`, five users in three accounts. */
function readAccounts(): KpiEvent[] {
  const [, ...lines] = readFileSync(fixturePath('accounts.csv'), 'utf8').trim().split('\n');
  return lines.map((line) => {
    const [userId, name, timestamp, plan, accountId] = line.split(',') as [string, string, string, string, string];
    return {
      userId,
      name,
      timestamp: /^\d+$/.test(timestamp) ? Number(timestamp) : timestamp,
      properties: { plan, account_id: accountId },
    };
  });
}

describe('the unit switch', () => {
  it('shows only for data that names accounts, and then counts accounts in stickiness, lifecycle, days active, retention and the funnel', async () => {
    const { page, problems } = session.dashboard;
    // A file without accounts: no switch.
    const switcher = page.locator('select[name="unit"]');
    await afterRecompute(page, () => page.locator('input[type="file"]').setInputFiles(fixturePath('events.csv')));
    expect(await switcher.count()).toBe(0);

    await afterRecompute(page, () => page.locator('input[type="file"]').setInputFiles(fixturePath('accounts.csv')));
    expect(await switcher.count()).toBe(1);
    expect(await page.getByLabel('Count', { exact: true }).inputValue()).toBe('user');
    expect(await page.locator('.kpikit-funnel').getAttribute('data-unit')).toBe('user');

    await afterRecompute(page, () => choose(page, 'unit', 'account'));
    const table = toEventTable(readAccounts());
    const range = lastDays({ min: Math.min(...table.time), max: Math.max(...table.time) }, 90, 'Europe/Paris');
    const window = { from: range.from, to: range.to, timeZone: range.timeZone, unit: { group: 'account_id' } } as const;
    const paths = funnel(table, { ...window, steps: ['page_view', 'feature_used', 'search'], order: 'ordered', window: 30 * DAY });
    const fmt = createFormatter('en', undefined, undefined, 'account');
    expect(paths.unit?.groups).toBe(3);
    expect(await page.locator('.kpikit-funnel__count').allInnerTexts()).toEqual(
      paths.steps.map((step) => fmt.t('funnel.users', { count: fmt.count(step.count) }, step.count)),
    );
    expect(await page.locator('.kpikit-funnel__count').first().innerText()).toMatch(/^\d+ accounts?$/);
    for (const widget of [
      '.kpikit-funnel',
      '.kpikit-retention-grid',
      '.kpikit-stickiness-card',
      '.kpikit-lifecycle-chart',
      '.kpikit-stickiness-histogram',
    ]) {
      expect(await page.locator(widget).getAttribute('data-unit'), widget).toBe('account');
    }
    expect(await page.locator('.kpikit-stickiness-card').innerText()).toContain('Monthly active');
    const cohorts = retention(table, { ...window, period: 'week', periods: 12, startEvent: 'signup', mode: 'exact' });
    expect(await shownRetentionCells(page)).toEqual(expectedRetentionCells(cohorts));
    expect(await page.locator('.kpikit-retention-grid .kpikit-card__meta').innerText()).toMatch(/^\d+ accounts?$/);
    await page.screenshot({ path: artifactPath('dashboard-accounts.png'), fullPage: true });
    await page.locator('.demo-filters').screenshot({ path: artifactPath('filters-accounts.png') });

    // Back to data without accounts: the switch goes and the widgets count users.
    await afterRecompute(page, () => page.locator('input[type="file"]').setInputFiles(fixturePath('events.csv')));
    expect(await switcher.count()).toBe(0);
    expect(await page.locator('.kpikit-funnel').getAttribute('data-unit')).toBe('user');
    expect(problems).toEqual([]);
  });
});
