// Screenshots of every story, taken in Debian's Chromium, for looking at.
//
//   npm run storybook:build            (at the repository root)
//   npm run screenshots -w @kpikit/react [-- filter]
//
// Writes packages/react/screenshots/<story-id>.png (git-ignored). Chinese
// stories need a CJK font on the machine: apt-get install fonts-noto-cjk.
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@kpikit/build-config/chromium';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const staticDir = path.resolve(here, '../../../storybook-static');
const outDir = path.resolve(here, '../screenshots');
const filter = process.argv[2] ?? '';

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

if (!existsSync(path.join(staticDir, 'index.json'))) {
  console.error(`No built Storybook at ${staticDir}: run \`npm run storybook:build\` at the repository root first.`);
  process.exit(1);
}

// A static file server on the loopback interface for the built Storybook.
const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const file = path.join(staticDir, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
  if (!file.startsWith(staticDir) || !existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const index = JSON.parse(await readFile(path.join(staticDir, 'index.json'), 'utf8')) as {
  entries: Record<string, { id: string; type: string }>;
};
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story' && entry.id.includes(filter));

await mkdir(outDir, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage({ viewport: { width: 820, height: 900 }, deviceScaleFactor: 2, reducedMotion: 'reduce' });
  for (const story of stories) {
    await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`);
    const frame = page.locator('.story-frame');
    await frame.waitFor({ state: 'visible' });
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(150);
    const file = path.join(outDir, `${story.id}.png`);
    // The frame and a margin of the host page around it, however far down the page it goes.
    const box = (await frame.boundingBox())!;
    const margin = 16;
    await page.screenshot({
      path: file,
      fullPage: true,
      clip: { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin },
    });
    console.log(file);
  }
} finally {
  await browser.close();
  server.close();
}
