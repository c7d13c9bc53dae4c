import { generateSampleData, retention, type RetentionOptions, type RetentionResult } from '@kpikit/core';

/** A deterministic product: 1,500 users over 120 days from 2024-01-01. */
const sample = generateSampleData({ seed: 7, users: 1500, days: 120 });

const weekly: RetentionOptions = { period: 'week', periods: 12, from: '2024-01-01', to: '2024-04-24' };

/** Weekly cohorts, January to April 2024: the last week is still running on the 24th. */
export const weeklyExact: RetentionResult = retention(sample.events, weekly);

/** The same cohorts, counting a return in a week or any later one. */
export const weeklyUnbounded: RetentionResult = retention(sample.events, { ...weekly, mode: 'unbounded' });

/** Daily cohorts of March 2024, two weeks of days. */
export const dailyExact: RetentionResult = retention(sample.events, { period: 'day', periods: 14, from: '2024-03-01', to: '2024-03-21' });

/** Monthly cohorts, January to April 2024. */
export const monthlyExact: RetentionResult = retention(sample.events, {
  period: 'month',
  periods: 3,
  from: '2024-01-01',
  to: '2024-04-29',
});

let large: RetentionResult | undefined;

/** 104 weekly cohorts × 104 weeks (two years of 3,000 users); built on first use, it takes about a second. */
export function largeWeekly(): RetentionResult {
  large ??= retention(generateSampleData({ seed: 11, users: 3000, days: 728 }).events, { period: 'week', periods: 103 });
  return large;
}
