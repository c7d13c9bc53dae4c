import { funnel, generateSampleData, type FunnelResult } from '@kpikit/core';

/** A deterministic product: 1,500 users over 120 days from 2024-01-01. */
const sample = generateSampleData({ seed: 7, users: 1500, days: 120 });

const steps = ['signup', 'activate', 'view_pricing', 'start_trial', 'upgrade'];

/** Sign-up to upgrade in five ordered steps within 14 days. */
export const signupFunnel: FunnelResult = funnel(sample.events, { steps });

/** The same funnel by acquisition channel. */
export const signupBySource: FunnelResult = funnel(sample.events, { steps, breakdown: { property: 'source' } });

/** Pricing to payment, any order within 7 days. */
export const anyOrderFunnel: FunnelResult = funnel(sample.events, {
  steps: ['view_pricing', 'start_trial', 'upgrade'],
  order: 'any',
  window: 7 * 86_400_000,
});

/** Readable names of the steps. */
export const stepNames = ['Signed up', 'Activated', 'Viewed pricing', 'Started trial', 'Upgraded'];
