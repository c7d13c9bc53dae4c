import { defineConfig } from 'vitest/config';

// End-to-end tests: the built demo (dist/) served by vite's preview server and
// driven in Debian's Chromium. One file at a time: each test file holds a
// browser, the pages share two cores with the demo's worker, and the timings
// they print mean something only without a second file running beside them.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['e2e/support/globalSetup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    // A first load takes 2–4 s on a quiet machine; a shared one may take several times that.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
