import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built demo is served, e.g. `http://127.0.0.1:41235/`. */
    readonly baseUrl: string;
  }
}

/** The demo's folder (its `dist/` is what the tests load). */
const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Serves the BUILT demo with vite's preview server on a free loopback port
 * for every test file, and stops it after the last one.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(`${root}dist/index.html`)) {
    throw new Error(`No build of the demo in ${root}dist: run \`npx vite build\` there first (turbo's test:e2e task builds it).`);
  }
  const server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('The preview server has no local address.');
  }
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}
