import { generateSampleData, toEventTable } from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { buildFirstScreen } from '../build/firstScreen';
import { computeDashboard } from '../src/dashboard/computeDashboard';
import { DEFAULT_COMPUTE_CONTROLS } from '../src/dashboard/controls';
import { sameControls, type FirstScreen } from '../src/dashboard/firstScreen';
import type { Dataset } from '../src/dashboard/types';

// A small version of the sample: 300 users over 60 days.
const data = generateSampleData({ seed: 5, users: 300, days: 60, timeZone: 'Europe/Paris' });
const sample = (): Dataset => ({
  source: 'sample',
  name: 'Sample SaaS, seed 5',
  table: toEventTable(data.events),
  surveys: data.surveys,
  subscriptions: data.subscriptions,
  northStar: data.northStar,
  marketingCosts: data.marketingCosts,
  currency: 'EUR',
});

describe('buildFirstScreen', () => {
  it('ships exactly the figures the worker would compute for the starting controls', () => {
    const built = buildFirstScreen(DEFAULT_COMPUTE_CONTROLS, sample);
    const shipped = JSON.parse(built.json) as FirstScreen;
    expect(shipped.model).toEqual(computeDashboard(sample(), DEFAULT_COMPUTE_CONTROLS));
    expect(shipped.controls).toEqual(DEFAULT_COMPUTE_CONTROLS);
    expect(shipped.summary).toEqual(expect.objectContaining({ events: sample().table.length, users: 300, source: 'sample' }));
    expect(shipped.summary).not.toHaveProperty('file');
    // The same sample gives the same bytes: builds are reproducible.
    expect(buildFirstScreen(DEFAULT_COMPUTE_CONTROLS, sample).json).toBe(built.json);
    expect(built.gzipBytes).toBeLessThan(built.json.length);
  });

  it('refuses controls the sample would make the page adapt', () => {
    expect(() => buildFirstScreen({ ...DEFAULT_COMPUTE_CONTROLS, funnelSteps: ['view_pricing', 'no_such_event'] }, sample)).toThrow(
      /lacks the starting funnel's events/,
    );
  });
});

describe('sameControls', () => {
  it('tells controls that compute the same figures from any that do not', () => {
    const controls = DEFAULT_COMPUTE_CONTROLS;
    expect(sameControls(controls, { ...controls, funnelSteps: [...controls.funnelSteps] })).toBe(true);
    expect(sameControls(controls, { ...controls, timeZone: 'UTC' })).toBe(false);
    expect(sameControls(controls, { ...controls, funnelSteps: controls.funnelSteps.slice(0, 3) })).toBe(false);
    expect(sameControls(controls, { ...controls, funnelSteps: [...controls.funnelSteps].reverse() })).toBe(false);
    expect(sameControls(controls, { ...controls, preset: 'custom', from: '2024-01-01', to: '2024-02-01' })).toBe(false);
    expect(sameControls(controls, { ...controls, lifecyclePeriod: 'month' })).toBe(false);
    expect(sameControls(controls, { ...controls, unit: 'account' })).toBe(false);
  });
});
