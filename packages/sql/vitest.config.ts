import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Each test runs its queries on up to three real engines; ClickHouse plans a query in 0.1–1 s.
    testTimeout: 60_000,
    // Reports whether chDB (ClickHouse) was found: its suites run only then.
    globalSetup: ['test/support/clickhouse.setup.ts'],
  },
});
