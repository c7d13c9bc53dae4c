import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Each test runs its queries on up to four real engines; ClickHouse plans a query in 0.1–1 s.
    testTimeout: 60_000,
    // Report whether chDB (ClickHouse) and a PostgreSQL server were found: their suites run only then.
    // The second starts a throwaway PostgreSQL server for the run, and stops it after.
    globalSetup: ['test/support/clickhouse.setup.ts', 'test/support/postgres.setup.ts'],
  },
});
