import {
  activation,
  activationCandidates,
  activeUsers,
  attribution,
  csat,
  eventTableFromColumns,
  funnel,
  generateSampleData,
  lifecycle,
  northStarTree,
  nps,
  retention,
  sessions,
  stickinessDistribution,
  toEventTable,
} from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { completeModel, computeDashboard, DASHBOARD_PARTS, dashboardParts } from '../src/dashboard/computeDashboard';
import { controlsForData, DEFAULT_COMPUTE_CONTROLS, SAMPLE_FUNNEL_STEPS, type ComputeControls } from '../src/dashboard/controls';
import type { Dataset } from '../src/dashboard/types';

const DAY = 86_400_000;
// A small version of the sample: 400 users over 60 days from 2024-01-01 (Paris).
const data = generateSampleData({ seed: 3, users: 400, days: 60, timeZone: 'Europe/Paris' });
const sample: Dataset = {
  source: 'sample',
  name: 'sample',
  table: toEventTable(data.events),
  surveys: data.surveys,
  subscriptions: data.subscriptions,
  northStar: data.northStar,
  marketingCosts: data.marketingCosts,
  currency: 'EUR',
};

describe('computeDashboard', () => {
  it("shows exactly core's figures for the range and options the controls name", () => {
    const controls: ComputeControls = { ...DEFAULT_COMPUTE_CONTROLS, preset: 'last30', funnelOrder: 'strict', funnelWindowDays: 14 };
    const progress: number[] = [];
    const model = computeDashboard(sample, controls, (done, total) => progress.push(done / total));
    const { range } = model;
    expect([range.to, range.days, range.previous?.to]).toEqual([range.last, 30, dayBefore(range.from)]);
    const zone = { timeZone: 'Europe/Paris' };
    const current = { from: range.from, to: range.to, ...zone };
    const previous = { ...range.previous!, ...zone };
    expect(model.nps).toEqual(nps(data.surveys.nps));
    expect(model.csat).toEqual(csat(data.surveys.csat));
    expect(model.activeUsers).toEqual({ current: activeUsers(sample.table, current), previous: activeUsers(sample.table, previous) });
    const cohorts = { ...current, period: 'week', periods: 12, startEvent: 'signup' } as const;
    expect(model.retention.exact).toEqual(retention(sample.table, { ...cohorts, mode: 'exact' }));
    expect(model.retention.unbounded).toEqual(retention(sample.table, { ...cohorts, mode: 'unbounded' }));
    expect(model.funnel).toEqual(funnel(sample.table, { ...current, steps: [...SAMPLE_FUNNEL_STEPS], order: 'strict', window: 14 * DAY }));
    expect(model.sessions.current).toEqual(sessions(sample.table, current));
    expect(model.activation?.previous).toEqual(
      activation(sample.table, { ...previous, signupEvent: 'signup', ahaEvent: 'activate', days: 7 }),
    );
    expect(model.northStar).toEqual(northStarTree(data.northStar));
    expect(model.revenue?.mrr.current).toBeGreaterThan(0);
    const models = ['first_touch', 'last_touch', 'linear', 'position_based', 'time_decay'] as const;
    expect(model.attribution).toEqual(
      attribution(sample.table, {
        ...current,
        conversion: 'signup',
        touches: { channel: 'utm_source' },
        models: [...models],
        costs: data.marketingCosts,
      }),
    );
    expect(model.attribution?.models.map((m) => m.model)).toEqual([...models]);
    expect(model.activationCandidates).toEqual(activationCandidates(sample.table, { ...current, days: 3 }));
    // The lifecycle by week from the first Monday of the range; days active over its last 7 days.
    const monday = firstMonday(range.from);
    expect(model.lifecycle).toEqual(lifecycle(sample.table, { ...current, from: monday, interval: 'week' }));
    expect(model.lifecycle.rows[0]).toMatchObject({ period: monday, days: 7, incomplete: false });
    expect(model.daysActive).toEqual(stickinessDistribution(sample.table, { ...current, from: addDays(range.to, -6), interval: 'day' }));
    expect(model.daysActive.intervals).toBe(7);
    // Progress rises to 1.
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('shows empty cards, not zeros, for what a file does not have', () => {
    const table = eventTableFromColumns({
      userId: ['a', 'a', 'b'],
      name: ['open', 'buy', 'open'],
      timestamp: ['2024-05-01T10:00:00Z', '2024-05-01T11:00:00Z', '2024-05-02T10:00:00Z'],
    });
    const file: Dataset = {
      source: 'file',
      name: 'f.csv',
      table,
      surveys: null,
      subscriptions: null,
      northStar: null,
      marketingCosts: null,
      currency: 'EUR',
    };
    const controls = controlsForData({ ...DEFAULT_COMPUTE_CONTROLS, preset: 'all', timeZone: 'UTC' }, ['open', 'buy'], null);
    const model = computeDashboard(file, controls);
    expect([model.nps, model.csat, model.revenue, model.activation, model.northStar]).toEqual([null, null, null, null, null]);
    expect(model.funnel?.steps.map((step) => [step.name, step.count])).toEqual([
      ['open', 2],
      ['buy', 1],
    ]);
    // Without signup events, cohorts start at each user's first event.
    expect(model.retention.exact.cohorts.map((cohort) => cohort.size)).toEqual([2]);
  });

  it('gives the same model a part at a time, each figure in exactly one part, the cheap ones first', () => {
    const parts = [...dashboardParts(sample, DEFAULT_COMPUTE_CONTROLS)];
    expect(parts.map((part) => part.name)).toEqual([...DASHBOARD_PARTS]);
    expect(parts[0]!.model).toEqual(
      expect.objectContaining({ range: expect.anything(), nps: expect.anything(), northStar: expect.anything() }),
    );
    const keys = parts.flatMap((part) => Object.keys(part.model));
    expect(new Set(keys).size).toBe(keys.length);
    const merged = Object.assign({}, ...parts.map((part) => part.model)) as object;
    expect(merged).toEqual(computeDashboard(sample, DEFAULT_COMPUTE_CONTROLS));
    // Until the last part, the model is not complete: the page keeps the rest of the widgets loading.
    const partial: Record<string, unknown> = { ...merged };
    delete partial['retention'];
    expect(completeModel(partial)).toBeNull();
    expect(completeModel(merged)).toEqual(merged);
  });

  it('counts accounts in stickiness, lifecycle, days active, retention and the funnel when asked and the data names them', () => {
    // Ana and Ben share account a1; Cy is a2. Ana and Cy sign up, Ben buys: by account both sign up and a1 buys.
    const table = eventTableFromColumns({
      userId: ['ana', 'ben', 'cy'],
      name: ['signup', 'buy', 'signup'],
      timestamp: ['2024-05-01T10:00:00Z', '2024-05-01T11:00:00Z', '2024-05-02T10:00:00Z'],
      properties: { accountId: ['a1', 'a1', 'a2'] },
    });
    const file: Dataset = {
      source: 'file',
      name: 'f.csv',
      table,
      surveys: null,
      subscriptions: null,
      northStar: null,
      marketingCosts: null,
      currency: 'EUR',
    };
    const controls = { ...DEFAULT_COMPUTE_CONTROLS, preset: 'all', timeZone: 'UTC', funnelSteps: ['signup', 'buy'] } as const;
    const byUser = computeDashboard(file, controls);
    const byAccount = computeDashboard(file, { ...controls, unit: 'account' });
    expect(byUser.funnel?.steps.map((step) => step.count)).toEqual([2, 0]);
    expect(byAccount.funnel?.steps.map((step) => step.count)).toEqual([2, 1]);
    expect(byAccount.funnel?.unit).toEqual({ group: 'accountId', groups: 2, ungroupedEvents: 0 });
    expect(byAccount.activeUsers.current.unit?.group).toBe('accountId');
    expect(byAccount.activeUsers.current.rows[0]?.dau).toBe(1);
    expect(byUser.activeUsers.current.rows[0]?.dau).toBe(2);
    expect(byAccount.retention.exact.unit?.group).toBe('accountId');
    expect(byAccount.lifecycle.unit?.group).toBe('accountId');
    expect(byAccount.daysActive.unit?.group).toBe('accountId');
    // Two accounts and three users, each active on one of the two days.
    expect(byAccount.daysActive.rows.map((row) => row.units)).toEqual([2, 0]);
    expect(byUser.daysActive.rows.map((row) => row.units)).toEqual([3, 0]);
    // Data without accounts counts users whatever the control says.
    const noAccounts: Dataset = {
      ...file,
      table: eventTableFromColumns({ userId: ['ana'], name: ['signup'], timestamp: ['2024-05-01T10:00:00Z'] }),
    };
    expect(computeDashboard(noAccounts, { ...controls, unit: 'account' }).funnel?.unit).toBeUndefined();
  });

  it('shows no funnel with fewer than two steps', () => {
    expect(computeDashboard(sample, { ...DEFAULT_COMPUTE_CONTROLS, funnelSteps: ['pay'] }).funnel).toBeNull();
  });
});

describe('controlsForData', () => {
  it("keeps the funnel when the data has its events, else starts from the data's most frequent ones", () => {
    const controls = DEFAULT_COMPUTE_CONTROLS;
    expect(controlsForData(controls, ['pay', 'feature_used', 'start_trial', 'view_pricing', 'login'], null)).toBe(controls);
    expect(controlsForData(controls, ['open', 'buy', 'share', 'leave'], null).funnelSteps).toEqual(['open', 'buy', 'share']);
    expect(controlsForData({ ...controls, funnelSteps: ['open'] }, ['open', 'buy'], null).funnelSteps).toEqual(['open', 'buy']);
    // Back to the sample: its own funnel again.
    expect(controlsForData({ ...controls, funnelSteps: ['open', 'buy'] }, [...SAMPLE_FUNNEL_STEPS, 'login'], null).funnelSteps).toEqual(
      SAMPLE_FUNNEL_STEPS,
    );
  });

  it('counts users again when the new data names no accounts', () => {
    const byAccount = { ...DEFAULT_COMPUTE_CONTROLS, unit: 'account' } as const;
    expect(controlsForData(byAccount, [...SAMPLE_FUNNEL_STEPS], 'accountId')).toBe(byAccount);
    expect(controlsForData(byAccount, [...SAMPLE_FUNNEL_STEPS], null)).toEqual({ ...byAccount, unit: 'user' });
    expect(controlsForData(byAccount, ['open', 'buy'], null)).toEqual({ ...byAccount, unit: 'user', funnelSteps: ['open', 'buy'] });
  });
});

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The first Monday on or after a date. */
function firstMonday(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, (8 - weekday) % 7);
}

function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
}
