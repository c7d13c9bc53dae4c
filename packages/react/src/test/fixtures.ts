import { activeUsers, generateSampleData, type ActiveUsersRow } from '@kpikit/core';

/** A deterministic product: 1,500 users over 120 days from 2024-01-01. */
const sample = generateSampleData({ seed: 7, users: 1500, days: 120 });

/** NPS answers of the sample product (about +30 from 300 responses). */
export const npsScores: readonly number[] = sample.surveys.nps;

/** March 2024 of the sample product, one row per day. */
export const marchRows: readonly ActiveUsersRow[] = activeUsers(sample.events, { from: '2024-03-01', to: '2024-03-31' }).rows;

/** February 2024 of the sample product. */
export const februaryRows: readonly ActiveUsersRow[] = activeUsers(sample.events, { from: '2024-02-01', to: '2024-02-29' }).rows;

/** `n` answers of the same score. */
export const repeat = (score: number, n: number): number[] => Array.from({ length: n }, () => score);

/** Twelve months of MRR in euros, growing with a dip. */
export const mrrHistory: readonly number[] = [31200, 32900, 33100, 35400, 36050, 35800, 38900, 40100, 41800, 43900, 45600, 48200];

/** Monthly customer churn rates. */
export const churnHistory: readonly number[] = [0.034, 0.031, 0.033, 0.029, 0.027, 0.028, 0.026, 0.025, 0.024, 0.025, 0.022, 0.021];

/** Month names as a sparkline's point labels, for a locale. */
export function monthLabels(locale: string, count = 12): string[] {
  const format = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return Array.from({ length: count }, (_, i) => format.format(Date.UTC(2023, 4 + i, 1)));
}
