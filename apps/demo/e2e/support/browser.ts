import { chromiumLaunchOptions } from '@kpikit/build-config/chromium';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

/** How long the page may take to show a model: generous, the machine is shared. */
export const READY_TIMEOUT = 120_000;

/** What the page records for the tests, installed before any of its scripts runs. */
interface PageProbe {
  /** `performance.now()` of each time `main[data-ready]` appeared (navigation start = 0). */
  readonly readyAt: number[];
  /** The `timeStamp` of each `change` event of a control, same clock. */
  readonly changedAt: number[];
  /**
   * When the DOM first had widget cards and none of them loading (every one
   * with its figures, or saying why it has none), same clock; seen by the
   * test itself, apart from the marks the page sets.
   */
  contentAt: number | null;
}

declare global {
  interface Window {
    __kpikitE2E?: PageProbe;
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

/** The served demo's address (see globalSetup). */
export function baseUrl(): string {
  return inject('baseUrl');
}

/** A page of the demo and what went wrong in it. */
export interface DashboardPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors, uncaught errors and failed requests, in order. */
  readonly problems: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly colorScheme?: 'light' | 'dark' | undefined;
  readonly viewport?: { readonly width: number; readonly height: number } | undefined;
  /** Wait for the first model to be shown. Default true. */
  readonly waitForReady?: boolean | undefined;
  /** Runs before the page is opened (to install a script of the test's own before any of the page's). */
  readonly beforeOpen?: ((page: Page) => Promise<void>) | undefined;
}

/**
 * Opens the demo in a fresh context. The viewer's own time zone is set far
 * from the data's (Los Angeles): a date that moved with the viewer's zone
 * would show up as a day off.
 */
export async function openDashboard(browser: Browser, options: OpenOptions = {}): Promise<DashboardPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1440, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    locale: 'en-US',
    timezoneId: 'America/Los_Angeles',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => {
    problems.push(`page error: ${error.message}`);
  });
  page.on('requestfailed', (request) => {
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.addInitScript(() => {
    const probe: PageProbe = { readyAt: [], changedAt: [], contentAt: null };
    window.__kpikitE2E = probe;
    document.addEventListener(
      'change',
      (event) => {
        probe.changedAt.push(event.timeStamp);
      },
      true,
    );
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target as Element;
        if (target.id === 'dashboard' && target.hasAttribute('data-ready')) probe.readyAt.push(performance.now());
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
    const content = new MutationObserver(() => {
      const cards = document.querySelectorAll('.kpikit-card');
      if (cards.length > 0 && document.querySelector('.kpikit-card[data-state="loading"]') === null) {
        probe.contentAt = performance.now();
        content.disconnect();
      }
    });
    content.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
  await options.beforeOpen?.(page);
  await page.goto(baseUrl());
  if (options.waitForReady ?? true) await waitForReady(page);
  return {
    context,
    page,
    problems,
    close: () => context.close(),
  };
}

/** What the page recorded: when models were shown and controls changed. */
export function probe(page: Page): Promise<PageProbe> {
  return page.evaluate(() => window.__kpikitE2E!);
}

/** How many times the page has shown a model. */
export function readyCount(page: Page): Promise<number> {
  return page.evaluate(() => window.__kpikitE2E?.readyAt.length ?? 0);
}

/** Waits until the page shows a model and its worker is idle, for at least the `count`-th time. */
export async function waitForReady(page: Page, count = 1): Promise<void> {
  await page.waitForFunction(
    (n) => (window.__kpikitE2E?.readyAt.length ?? 0) >= n && document.querySelector('main#dashboard[data-ready]') !== null,
    count,
    { timeout: READY_TIMEOUT, polling: 50 },
  );
}

/**
 * Runs `action` (a change of a control, a file…) and waits until the page
 * has shown the model computed for it; returns how long that took in the
 * page, from the action to `data-ready`, in ms.
 */
export async function afterRecompute(page: Page, action: () => Promise<void>): Promise<number> {
  const before = await readyCount(page);
  const started = await page.evaluate(() => performance.now());
  await action();
  await waitForReady(page, before + 1);
  return page.evaluate((n) => window.__kpikitE2E!.readyAt[n]!, before).then((at) => at - started);
}

/** Selects an option of one of the page's selects, by its `name`. */
export async function choose(page: Page, name: string, value: string): Promise<void> {
  await page.locator(`select[name="${name}"]`).selectOption(value);
}

/** The widget card whose title is exactly `title`. */
export function card(page: Page, title: string): Locator {
  return page.locator('.kpikit-card').filter({ has: page.locator('.kpikit-card__title', { hasText: exactly(title) }) });
}

/** The headline value of the KPI card titled `title`. */
export function cardValue(page: Page, title: string): Promise<string> {
  return card(page, title).locator('.kpikit-kpi-card__value').innerText();
}

/** A pattern that matches `text` and nothing more. */
export function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** A file's browser and dashboard page, open for all its tests. */
export interface DashboardSession {
  readonly browser: Browser;
  readonly dashboard: DashboardPage;
}

/** Launches Chromium and opens the dashboard before the file's tests, and closes both after them. */
export function dashboardSession(): DashboardSession {
  let browser: Browser | undefined;
  let dashboard: DashboardPage | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    dashboard = await openDashboard(browser);
  });
  afterAll(async () => {
    await dashboard?.close();
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('The browser is not open yet.');
      return browser;
    },
    get dashboard() {
      if (!dashboard) throw new Error('The dashboard is not open yet.');
      return dashboard;
    },
  };
}
