/**
 * Renders each widget of `main.tsx` in Chromium, one fresh page per run, and
 * prints the median times of the first render and of one interaction.
 *
 *   npm run bench:render -w @kpikit/bench [-- --runs 7 --widgets grid,peer,funnel,tree]
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromiumLaunchOptions } from '@kpikit/build-config/chromium';
import { chromium, type Browser } from 'playwright-core';
import { build, preview } from 'vite';
import type { WidgetName } from './main';

const root = fileURLToPath(new URL('.', import.meta.url));
const WIDGETS: readonly WidgetName[] = ['grid', 'peer', 'funnel', 'tree'];
const LABELS: Record<WidgetName, string> = {
  grid: 'RetentionCohortGrid, 104 × 104',
  peer: 'react-cohort-graph, same data',
  funnel: 'FunnelChart, 6 steps × 10 values',
  tree: 'NorthStarTree, 204 nodes',
};
const INTERACTIONS: Record<WidgetName, string> = {
  grid: 'ArrowRight to the next cell',
  peer: '–',
  funnel: 'ArrowDown to the next step',
  tree: "Enter collapses the root's first child",
};

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    widgets: { type: 'string', default: WIDGETS.join(',') },
    chromium: { type: 'string', default: chromiumLaunchOptions.executablePath },
  },
});
const runs = Number(values.runs);
const widgets = values.widgets.split(',').filter((name): name is WidgetName => (WIDGETS as readonly string[]).includes(name));
if (!Number.isInteger(runs) || runs < 1 || widgets.length === 0) {
  console.error('Usage: npm run bench:render -w @kpikit/bench [-- --runs 7 --widgets grid,peer,funnel,tree]');
  process.exit(2);
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface Figures {
  render: number[];
  commit: number[];
  interaction: number[];
  elements: number;
  warnings: Set<string>;
}

async function measure(browser: Browser, url: string, widget: WidgetName): Promise<Figures> {
  const figures: Figures = { render: [], commit: [], interaction: [], elements: 0, warnings: new Set() };
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') figures.warnings.add(message.text().slice(0, 160));
    });
    // An uncaught error in the page fails the run instead of leaving it waiting for a commit that never comes.
    const failed = new Promise<never>((_, reject) => {
      page.on('pageerror', (error) => {
        reject(new Error(`${widget}: ${error.message}`));
      });
    });
    await page.goto(`${url}?widget=${widget}`);
    await page.waitForFunction(() => window.kpikitBench !== undefined, undefined, { timeout: 60_000 });
    const rendered = await Promise.race([page.evaluate(() => window.kpikitBench!.render()), failed]);
    figures.render.push(rendered.ms);
    figures.commit.push(rendered.commitMs);
    figures.elements = rendered.elements;
    if (widget !== 'peer') {
      const key = await page.evaluate(() => window.kpikitBench!.armInteraction());
      await page.keyboard.press(key);
      figures.interaction.push(await Promise.race([page.evaluate(() => window.kpikitBench!.interaction()), failed]));
    }
    await page.close();
    process.stderr.write(`${widget} ${run + 1}/${runs}: render ${rendered.ms.toFixed(1)} ms\n`);
  }
  return figures;
}

process.stderr.write('Building the page…\n');
// 'error': rolldown warns that the widgets' "use client" directive is dropped, which is irrelevant to a single page.
await build({ root, logLevel: 'error', build: { outDir: 'dist', emptyOutDir: true } });
const server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false } });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('The preview server has no local address');
const browser = await chromium.launch({ ...chromiumLaunchOptions, executablePath: values.chromium });
const results = new Map<WidgetName, Figures>();
try {
  for (const widget of widgets) results.set(widget, await measure(browser, url, widget));
} finally {
  await browser.close();
  await server.close();
}

const rows = [['widget', 'elements', 'first render (median ms)', 'min', 'of which commit', 'interaction', 'interaction (median ms)']];
for (const [widget, figures] of results) {
  rows.push([
    LABELS[widget],
    String(figures.elements),
    median(figures.render).toFixed(1),
    Math.min(...figures.render).toFixed(1),
    median(figures.commit).toFixed(1),
    INTERACTIONS[widget],
    figures.interaction.length ? median(figures.interaction).toFixed(1) : '–',
  ]);
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
for (const [i, row] of rows.entries()) {
  console.log(`| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`);
  if (i === 0) console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
}
const grid = results.get('grid');
const peer = results.get('peer');
console.log(`\nChromium ${browser.version()}, ${runs} runs per widget, each in a fresh page.`);
if (grid && peer) {
  const ratio = median(grid.render) / median(peer.render);
  const first = median(grid.render);
  console.log(
    `Grid first render: ${first.toFixed(1)} ms (target ≤ 100 ms: ${first <= 100 ? 'met' : 'missed'}), ` +
      `${ratio.toFixed(2)}× react-cohort-graph's (target ≤ 0.5×: ${ratio <= 0.5 ? 'met' : 'missed'}).`,
  );
}
for (const [widget, figures] of results) {
  for (const warning of figures.warnings) console.log(`${widget}: console: ${warning}`);
}
