import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Property suites and the million-row cases take seconds; on two cores shared with the other packages' suites
    // (turbo runs them side by side) they can pass vitest's 5 s default without anything being wrong.
    testTimeout: 30_000,
  },
});
