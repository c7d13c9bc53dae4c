/**
 * The compiled SQL, kept as reviewed files: a change to a query shows up as a
 * diff of its text. ClickHouse runs in the engine tests only where chDB can be
 * loaded; these files cover its SQL everywhere.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../src/index';
import type { Dialect, MetricName, MetricOptions } from '../src/index';

const cases: { [M in MetricName]: { options: MetricOptions<M>; table: string } } = {
  activeUsers: {
    options: { from: '2024-03-01', to: '2024-03-31', timeZone: 'Europe/Paris', where: { name: ['login', 'view'] } },
    table: 'events',
  },
  stickinessSummary: { options: { month: '2024-03', timeZone: 'Europe/Paris' }, table: 'events' },
  retention: { options: { period: 'week', periods: 8, mode: 'exact', startEvent: 'signup', timeZone: 'Europe/Paris' }, table: 'events' },
  funnel: { options: { steps: ['view_pricing', 'start_trial', 'pay'], window: 14 * 86_400_000, order: 'ordered' }, table: 'events' },
  sessions: { options: { inactivity: 30 * 60_000, sets: { pages: ['page_view'] }, timeZone: 'America/New_York' }, table: 'events' },
  nps: { options: { from: '2024-01-01', to: '2024-03-31', timeZone: 'Europe/Paris' }, table: 'survey' },
  mrr: { options: { granularity: 'month', timeZone: 'UTC' }, table: 'subscriptions' },
  mrrMovements: { options: { from: '2024-01-01', to: '2024-06-30' }, table: 'subscriptions' },
};

describe('golden SQL', () => {
  for (const metric of Object.keys(cases) as MetricName[]) {
    it(`${metric} for ClickHouse`, async () => {
      const { options, table } = cases[metric];
      const { sql, params } = compile(metric, options as never, { dialect: 'clickhouse', table });
      await expect(`${sql}\n-- params: ${JSON.stringify(params)}\n`).toMatchFileSnapshot(`golden/clickhouse/${metric}.sql`);
    });
  }

  it('strict funnels for ClickHouse', async () => {
    const { sql, params } = compile('funnel', { steps: ['a', 'b', 'a'], order: 'strict' }, { dialect: 'clickhouse', table: 'events' });
    await expect(`${sql}\n-- params: ${JSON.stringify(params)}\n`).toMatchFileSnapshot('golden/clickhouse/funnel-strict.sql');
  });

  for (const dialect of ['duckdb', 'postgres'] as Dialect[]) {
    it(`retention for ${dialect}`, async () => {
      const { sql, params } = compile('retention', cases.retention.options, { dialect, table: 'events' });
      await expect(`${sql}\n-- params: ${JSON.stringify(params)}\n`).toMatchFileSnapshot(`golden/${dialect}/retention.sql`);
    });
  }
});
