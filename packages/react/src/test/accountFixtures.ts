import {
  activeUsers,
  funnel,
  generateSampleData,
  retention,
  type ActiveUsersResult,
  type FunnelResult,
  type KpiEvent,
  type RetentionResult,
} from '@kpikit/core';

/** A deterministic product: 1,500 users over 120 days from 2024-01-01. */
const sample = generateSampleData({ seed: 7, users: 1500, days: 120 });

/**
 * The account of a user: about five users an account, the same for a user
 * whatever the seed. Events that already name an account keep it.
 */
function accountOf(userId: string): string {
  let hash = 2166136261;
  for (let i = 0; i < userId.length; i++) hash = Math.imul(hash ^ userId.charCodeAt(i), 16777619);
  return `acct-${String((hash >>> 0) % 300).padStart(3, '0')}`;
}

/** The sample's events, each with the `accountId` of its user. */
const events: readonly KpiEvent[] = sample.events.map((event) => {
  const properties: Readonly<Record<string, unknown>> = event.properties;
  return properties.accountId === undefined ? { ...event, properties: { ...event.properties, accountId: accountOf(event.userId) } } : event;
});

const unit = { group: 'accountId' } as const;

/** March 2024 of the sample product, active accounts by day. */
export const accountMarch: ActiveUsersResult = activeUsers(events, { from: '2024-03-01', to: '2024-03-31', unit });

/** February 2024, active accounts by day. */
export const accountFebruary: ActiveUsersResult = activeUsers(events, { from: '2024-02-01', to: '2024-02-29', unit });

const weekly = { period: 'week', periods: 12, from: '2024-01-01', to: '2024-04-24', unit } as const;

/** Weekly cohorts of accounts, January to April 2024. */
export const accountWeeklyExact: RetentionResult = retention(events, weekly);

/** The same account cohorts, counting a return in a week or any later one. */
export const accountWeeklyUnbounded: RetentionResult = retention(events, { ...weekly, mode: 'unbounded' });

/** Sign-up to upgrade in five ordered steps within 14 days, by account. */
export const accountSignupFunnel: FunnelResult = funnel(events, {
  steps: ['signup', 'activate', 'view_pricing', 'start_trial', 'upgrade'],
  unit,
});
