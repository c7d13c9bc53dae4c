import { generateSampleData, retention, type KpiEvent, type RetentionOptions, type RetentionResult } from '@kpikit/core';

/** The product of `retentionFixtures`: 1,500 users over 120 days from 2024-01-01. */
const sample = generateSampleData({ seed: 7, users: 1500, days: 120 });

const COUNTRIES = ['US', 'FR', 'DE', 'GB', 'TW', 'JP', 'BR', 'IN', 'CA', 'ES', 'IT', 'NL', 'SE', 'PL'];

/**
 * A user's country, the same for all their events: one of 14 (so that the
 * four least common gather in "Other"), or none for about one user in twelve.
 * Skewed so that the groups differ in size.
 */
function countryOf(userId: string): string | undefined {
  let hash = 2166136261;
  for (let i = 0; i < userId.length; i++) hash = Math.imul(hash ^ userId.charCodeAt(i), 16777619);
  const draw = (hash >>> 0) % 1000;
  if (draw < 80) return undefined;
  return COUNTRIES[Math.floor(Math.sqrt((draw - 80) / 920) * COUNTRIES.length)];
}

/** The sample's events, each with the `country` of its user (or none). */
const events: readonly KpiEvent[] = sample.events.map((event) => {
  const country = countryOf(event.userId);
  return country === undefined ? event : { ...event, properties: { ...event.properties, country } };
});

const weekly: RetentionOptions = { period: 'week', periods: 12, from: '2024-01-01', to: '2024-04-24' };

/** Weekly cohorts broken down by country: ten countries, "Other" and "(none)". */
export const weeklyByCountry: RetentionResult = retention(events, { ...weekly, breakdown: { property: 'country' } });

/** The same cohorts, counting a return in a week or any later one. */
export const weeklyByCountryUnbounded: RetentionResult = retention(events, {
  ...weekly,
  mode: 'unbounded',
  breakdown: { property: 'country' },
});

/** Weekly cohorts broken down by the plan of each user's first event: everyone starts on `free`, one group. */
export const weeklyByPlan: RetentionResult = retention(sample.events, { ...weekly, breakdown: { property: 'plan' } });

/** Weekly cohorts broken down by acquisition source. */
export const weeklyBySource: RetentionResult = retention(sample.events, { ...weekly, breakdown: { property: 'source' } });
