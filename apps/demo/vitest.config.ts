import { defineConfig } from 'vitest/config';

// Unit tests of the page's data code, in Node; the page itself is tested in Chromium by vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
