import { describe, expect, it } from 'vitest';
import { card, dashboardSession } from './support/browser';
import { SAMPLE, sampleFigures } from './support/expected';
import {
  expectedFigures,
  expectedRangeText,
  expectedRetentionCells,
  kpiCardTitles,
  shownFigures,
  shownRetentionCells,
} from './support/figures';

const session = dashboardSession();

describe('the session.dashboard over the sample data', () => {
  it('loads without a console error, a page error or a failed request, and draws every widget', async () => {
    const { page, problems } = session.dashboard;
    expect(await page.title()).toBe('Acme Analytics · kpikit demo');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Product health');

    // Seventeen widgets, every one showing data: no skeleton, no empty or error state.
    const states = await page.locator('.kpikit-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-state')));
    expect(states).toEqual(Array.from({ length: 17 }, () => 'ready'));

    // The NPS gauge: its dial and score.
    await expect.poll(() => page.locator('.kpikit-nps-gauge svg .kpikit-nps-gauge__value-arc').count()).toBeGreaterThan(0);
    expect(await page.locator('.kpikit-nps-gauge__score').innerText()).toMatch(/^[+−]?\d+$/);
    // The stickiness card: a percentage and its sparkline.
    expect(await page.locator('.kpikit-stickiness-card .kpikit-kpi-card__value').innerText()).toMatch(/^\d+(\.\d)?%$/);
    expect(await page.locator('.kpikit-stickiness-card svg path').count()).toBeGreaterThan(0);
    // Eight KPI cards, in the order of the screen.
    expect(await kpiCardTitles(page)).toEqual([
      'Monthly recurring revenue',
      'Average revenue per customer',
      'Customer churn',
      'Customer lifetime value',
      'Customer acquisition cost',
      'Customer satisfaction',
      'Activation rate',
      'Sessions per user',
    ]);
    for (const value of await page.locator('.kpikit-kpi-card:not(.kpikit-stickiness-card) .kpikit-kpi-card__value').allInnerTexts()) {
      expect(value).toMatch(/\d/);
    }
    // The lifecycle's weekly bars and the histogram of days active, after the KPI cards.
    expect(await page.locator('.kpikit-lifecycle-chart .kpikit-lifecycle-chart__bar').count()).toBeGreaterThan(10);
    expect(await page.locator('.kpikit-stickiness-histogram .kpikit-stickiness-histogram__bar').count()).toBe(7);
    // The funnel: the four sample steps under their display names.
    expect(await page.locator('.kpikit-funnel__name').allInnerTexts()).toEqual([
      'Visited pricing',
      'Started a trial',
      'Used a feature (PQL)',
      'Paid',
    ]);
    // The cohort grid: weeks 0…12, an average row and a row per cohort.
    const grid = card(page, 'Retention by signup week');
    expect(await grid.locator('thead th[scope="col"]').allInnerTexts()).toEqual([
      'Cohort',
      ...Array.from({ length: 13 }, (_, k) => `Week ${k}`),
    ]);
    expect(await grid.locator('tbody tr').count()).toBeGreaterThan(5);
    // The default view's cohorts all fit: no row cut off at the bottom of the grid's scrolling area.
    expect(
      await grid.locator('.kpikit-retention-grid__scroll').evaluate((area) => area.scrollHeight - area.clientHeight),
    ).toBeLessThanOrEqual(0);
    // The North Star tree: the root and its first two levels.
    expect(await page.locator('.kpikit-north-star [role="treeitem"]').count()).toBeGreaterThan(3);

    // Nothing reads NaN, undefined, null or Infinity anywhere on the page.
    expect(await page.locator('body').innerText()).not.toMatch(/NaN|undefined|null|Infinity/);
    expect(problems).toEqual([]);
  });

  it('states the default range: the last 90 local days of the data in Europe/Paris, and the 90 days before', async () => {
    const figures = sampleFigures();
    expect(figures.range).toMatchObject({ from: '2024-03-31', to: '2024-06-28', timeZone: 'Europe/Paris' });
    expect(await session.dashboard.page.getByTestId('range').innerText()).toBe(expectedRangeText(figures));
  });

  it('shows the figures core computes for the same data, range and options', async () => {
    const { page } = session.dashboard;
    const figures = sampleFigures();
    const summary = await page.getByTestId('data-summary').innerText();
    expect(summary).toBe(
      `Sample SaaS, seed ${SAMPLE.seed}\n${figures.events.toLocaleString('en')} events from ${figures.users.toLocaleString('en')} users`,
    );
    expect(figures.users).toBe(SAMPLE.users);

    const shown = await shownFigures(page);
    expect(shown).toEqual(expectedFigures(figures));
    // Every cell of the grid (exact retention, the default).
    expect(await shownRetentionCells(page)).toEqual(expectedRetentionCells(figures.retention.exact));
  });

  it("shows core's attribution of sign-ups: every channel's credit under each of the five models", async () => {
    const { page } = session.dashboard;
    const { attribution } = sampleFigures();
    const chart = page.locator('.kpikit-attribution-chart');
    expect(await chart.locator('thead .kpikit-attribution-chart__model').allInnerTexts()).toEqual([
      'First touch',
      expect.stringMatching(/^Last touch/),
      'Linear',
      expect.stringMatching(/^Position-based/),
      expect.stringMatching(/^Time decay/),
    ]);
    const credit = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
    const rows = chart.locator('.kpikit-attribution-chart__table tbody tr');
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => [
        tr.querySelector('th')!.textContent.trim(),
        ...[...tr.querySelectorAll('td .kpikit-attribution-chart__value')].map((td) => td.textContent.trim()),
      ]),
    );
    const channels = [...new Set(attribution.models.flatMap((model) => model.rows.map((row) => row.channel)))];
    expect(channels).toEqual(expect.arrayContaining(['google', 'linkedin', 'newsletter', 'partner', 'direct', null]));
    const expected = channels.map((channel) => [
      channel ?? 'No touch',
      ...attribution.models.map((model) => credit.format(model.rows.find((row) => row.channel === channel)!.conversions)),
    ]);
    expect(shown).toHaveLength(expected.length);
    expect(shown).toEqual(expect.arrayContaining(expected));
    // Touchless sign-ups come last.
    expect(shown.at(-1)![0]).toBe('No touch');
  });

  it("ranks core's activation candidates: inviting a teammate in the first 3 days first", async () => {
    const { page } = session.dashboard;
    const { candidates } = sampleFigures();
    const widget = page.locator('.kpikit-activation-candidates');
    const top = candidates.candidates[0]!;
    expect(top.label).toBe('invite_teammate');
    const names = await widget.locator('.kpikit-activation-candidates__row .kpikit-activation-candidates__name').allInnerTexts();
    // The page names a single action by its event and, above once, its threshold.
    const named = (candidate: (typeof candidates.candidates)[number]): string =>
      candidate.conditions.map((c) => (c.atLeast === 1 ? c.name : `${c.name}, ${c.atLeast}+ times`)).join(' + ');
    expect(names).toEqual(candidates.candidates.slice(0, 10).map(named));
    const first = widget.locator('.kpikit-activation-candidates__row').first();
    expect(await first.locator('td').last().innerText()).toBe((top.counts.did.retained + top.counts.did.notRetained).toLocaleString('en'));
    expect(await widget.locator('.kpikit-activation-candidates__summary').innerText()).toContain(
      `retained of ${candidates.eligible.toLocaleString('en')} new users`,
    );
  });

  it('says the first figures were computed when the demo was built, and how long loading the sample took', async () => {
    expect(await session.dashboard.page.getByTestId('computed-in').innerText()).toMatch(
      /^Computed when the demo was built · data loaded in [\d,]+ ms$/,
    );
  });
});
