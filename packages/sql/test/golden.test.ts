/**
 * The compiled SQL, kept as reviewed files: a change to a query shows up as a
 * diff of its text. ClickHouse runs in the engine tests only where chDB can be
 * loaded; these files cover its SQL everywhere.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/index';
import type { Dialect, MetricName, MetricOptions } from '../src/index';

const cases: { [M in MetricName]: { options: MetricOptions<M>; table: string } } = {
  activeUsers: {
    options: {
      from: '2024-03-01',
      to: '2024-03-31',
      timeZone: 'Europe/Paris',
      where: { name: ['login', 'view'], properties: { plan: 'pro' } },
    },
    table: 'events',
  },
  stickinessSummary: { options: { month: '2024-03', timeZone: 'Europe/Paris' }, table: 'events' },
  stickinessDistribution: {
    options: { interval: 'week', from: '2024-03-04', to: '2024-03-31', timeZone: 'Europe/Paris', where: { name: ['login', 'view'] } },
    table: 'events',
  },
  lifecycle: {
    options: { interval: 'week', from: '2024-03-06', to: '2024-03-31', timeZone: 'Europe/Paris', newFrom: { event: 'signup' } },
    table: 'events',
  },
  retention: { options: { period: 'week', periods: 8, mode: 'exact', startEvent: 'signup', timeZone: 'Europe/Paris' }, table: 'events' },
  funnel: { options: { steps: ['view_pricing', 'start_trial', 'pay'], window: 14 * 86_400_000, order: 'ordered' }, table: 'events' },
  sessions: { options: { inactivity: 30 * 60_000, sets: { pages: ['page_view'] }, timeZone: 'America/New_York' }, table: 'events' },
  nps: { options: { from: '2024-01-01', to: '2024-03-31', timeZone: 'Europe/Paris' }, table: 'survey' },
  mrr: { options: { granularity: 'month', timeZone: 'UTC' }, table: 'subscriptions' },
  mrrMovements: { options: { from: '2024-01-01', to: '2024-06-30' }, table: 'subscriptions' },
  attribution: {
    options: {
      conversion: { name: 'purchase', where: { plan: 'pro' } },
      touches: { channel: 'utm_source', campaign: 'utm_campaign' },
      models: ['first_touch', 'linear', { model: 'time_decay', halfLife: 3 * 86_400_000 }, 'position_based', 'last_non_direct'],
      value: { property: 'revenue' },
      costs: [{ channel: 'google', period: '2024-03', amount: 1200 }],
      from: '2024-03-01',
      to: '2024-03-31',
      timeZone: 'Europe/Paris',
    },
    table: 'events',
  },
  activationCandidates: {
    options: {
      from: '2024-03-01',
      to: '2024-03-31',
      timeZone: 'Europe/Paris',
      days: 3,
      candidates: ['invite_teammate', { name: 'feature_used', where: { feature: 'reports' } }],
      atLeast: [1, 3],
      outcome: { returnEvent: { properties: { plan: 'pro' } } },
    },
    table: 'events',
  },
};

describe('golden SQL', () => {
  for (const metric of Object.keys(cases) as MetricName[]) {
    it(`${metric} for ClickHouse`, async () => {
      const { options, table } = cases[metric];
      const { sql, params } = compile(metric, options as never, { dialect: 'clickhouse', table });
      await expect(`${sql}\n-- params: ${JSON.stringify(params)}\n`).toMatchFileSnapshot(`golden/clickhouse/${metric}.sql`);
    });
  }

  const funnels: Record<string, MetricOptions<'funnel'>> = {
    'funnel-strict': { steps: ['a', 'b', 'a'], order: 'strict' },
    'funnel-any': { steps: [{ name: 'view', where: { plan: 'pro' } }, 'view', 'pay'], order: 'any', window: 86_400_000 },
    'funnel-exclusions-breakdown': {
      steps: ['view_pricing', { name: 'start_trial', where: { seats: 1 } }, 'pay'],
      exclusions: [{ name: 'cancel', between: [1, 2] }],
      breakdown: { property: 'country' },
    },
    'funnel-strict-exclusions': {
      steps: ['a', 'b', 'c'],
      order: 'strict',
      exclusions: [{ name: 'x', where: { beta: true }, between: [0, 2] }],
    },
    'funnel-any-exclusions': {
      steps: ['view', 'trial', 'pay'],
      order: 'any',
      exclusions: [{ name: 'cancel', between: [0, 2] }],
      exclusionMode: 'furthestAttempt',
      breakdown: { property: 'country', attribution: { step: 0 } },
    },
    'funnel-breakdown-step': {
      steps: ['view', 'trial', 'pay'],
      exclusions: [{ name: 'cancel', between: [0, 1] }],
      exclusionMode: 'cleanAttempts',
      breakdown: { property: 'country', attribution: { step: 1 } },
    },
  };
  for (const [file, options] of Object.entries(funnels)) {
    it(`${file} for ClickHouse`, async () => {
      const { sql, params } = compile('funnel', options, { dialect: 'clickhouse', table: 'events' });
      await expect(`${sql}\n-- params: ${JSON.stringify(params)}\n`).toMatchFileSnapshot(`golden/clickhouse/${file}.sql`);
    });
  }

  it('a funnel broken down by a users-table property, for every dialect', async () => {
    for (const dialect of ['duckdb', 'postgres', 'clickhouse'] as Dialect[]) {
      const { sql, params } = compile(
        'funnel',
        { steps: ['signup', { name: 'pay', where: { 'user.plan': 'pro' } }], breakdown: { property: 'user.country' } },
        { dialect, table: 'events', users: { table: ['crm', 'users'], columns: { userId: 'id' } } },
      );
      await expect(`${sql}\n-- params: ${JSON.stringify(params)}\n`).toMatchFileSnapshot(`golden/${dialect}/funnel-users.sql`);
    }
  });

  // Recurring cohorts with conditions and a breakdown: the passes the default query does without.
  const recurring: MetricOptions<'retention'> = {
    period: 'week',
    periods: 8,
    mode: 'unbounded',
    cohort: 'recurring',
    startEvent: { name: 'login', where: { plan: 'pro' } },
    returnEvent: ['login', { name: 'purchase', where: { seats: 1 } }],
    breakdown: { property: 'country' },
    timeZone: 'Europe/Paris',
  };
  for (const dialect of ['clickhouse', 'duckdb', 'postgres'] as Dialect[]) {
    it(`retention-recurring-breakdown for ${dialect}`, async () => {
      const { sql, params } = compile('retention', recurring, { dialect, table: 'events' });
      await expect(`${sql}\n-- params: ${JSON.stringify(params)}\n`).toMatchFileSnapshot(
        `golden/${dialect}/retention-recurring-breakdown.sql`,
      );
    });
  }

  // The engagement metrics by period: every dialect, with a group unit and a users table's creation time.
  const engagement: [string, () => [MetricName, object]][] = [
    ['activeUsers-month', () => ['activeUsers', { interval: 'month', from: '2024-01-01', to: '2024-03-31', timeZone: 'UTC' }]],
    ['stickinessDistribution', () => ['stickinessDistribution', cases.stickinessDistribution.options]],
    ['lifecycle', () => ['lifecycle', cases.lifecycle.options]],
    [
      'lifecycle-createdAt-account',
      () => ['lifecycle', { interval: 'month', timeZone: 'America/New_York', newFrom: 'createdAt', unit: { group: 'account_id' } }],
    ],
  ];
  for (const dialect of ['duckdb', 'postgres', 'clickhouse'] as Dialect[]) {
    for (const [file, make] of engagement) {
      it(`${file} for ${dialect}`, async () => {
        const [metric, options] = make();
        const { sql, params } = compile(metric, options as never, {
          dialect,
          table: 'events',
          columns: { properties: { 'user.createdAt': 'user_created_ms' } },
        });
        await expect(`${sql}\n-- params: ${JSON.stringify(params)}\n`).toMatchFileSnapshot(`golden/${dialect}/${file}.sql`);
      });
    }
  }

  for (const dialect of ['duckdb', 'postgres', 'clickhouse'] as Dialect[]) {
    it(`activationCandidates of every event name and pairs by account in UTC for ${dialect}`, async () => {
      const options = { startEvent: 'signup', unit: { group: 'account_id' }, minUnits: 0, pairs: 3 } as const;
      const { sql, params } = compile('activationCandidates', options, { dialect, table: 'events' });
      await expect(`${sql}\n-- params: ${JSON.stringify(params)}\n`).toMatchFileSnapshot(
        `golden/${dialect}/activationCandidates-pairs-account.sql`,
      );
    });
  }

  for (const dialect of ['duckdb', 'postgres'] as Dialect[]) {
    it(`attribution for ${dialect}`, async () => {
      const { sql, params } = compile('attribution', cases.attribution.options, {
        dialect,
        table: 'events',
        costs: { table: ['ads', 'spend'], columns: { from: 'day', to: 'day' } },
      });
      await expect(`${sql}\n-- params: ${JSON.stringify(params)}\n`).toMatchFileSnapshot(`golden/${dialect}/attribution.sql`);
    });
    it(`retention for ${dialect}`, async () => {
      const { sql, params } = compile('retention', cases.retention.options, { dialect, table: 'events' });
      await expect(`${sql}\n-- params: ${JSON.stringify(params)}\n`).toMatchFileSnapshot(`golden/${dialect}/retention.sql`);
    });
    it(`activationCandidates for ${dialect}`, async () => {
      const { sql, params } = compile('activationCandidates', cases.activationCandidates.options, { dialect, table: 'events' });
      await expect(`${sql}\n-- params: ${JSON.stringify(params)}\n`).toMatchFileSnapshot(`golden/${dialect}/activationCandidates.sql`);
    });
    it(`retention in UTC (a fixed offset) for ${dialect}`, async () => {
      const { sql, params } = compile('retention', { ...cases.retention.options, timeZone: 'UTC' }, { dialect, table: 'events' });
      await expect(`${sql}\n-- params: ${JSON.stringify(params)}\n`).toMatchFileSnapshot(`golden/${dialect}/retention-utc.sql`);
    });
  }
});

describe('README', () => {
  it('shows the query compile really writes', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const golden = readFileSync(new URL('golden/postgres/retention-utc.sql', import.meta.url), 'utf8');
    expect(readme).toContain(`\`\`\`sql\n${golden}\`\`\``);
  });
});
