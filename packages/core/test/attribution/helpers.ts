import { attribution } from '../../src/attribution/attribution';
import type { AttributionOptions, AttributionResult, AttributionRow } from '../../src/attribution/attribution.types';
import type { KpiEvent, PropertyValue } from '../../src/index';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const ev = (userId: string, name: string, timestamp: number | string, properties?: Record<string, PropertyValue>): KpiEvent => ({
  userId,
  name,
  timestamp,
  ...(properties ? { properties } : {}),
});

/** A touch: a `visit` carrying `utm_source` (and a campaign when given). */
export const visit = (userId: string, timestamp: number | string, source: PropertyValue, campaign?: string): KpiEvent =>
  ev(userId, 'visit', timestamp, campaign === undefined ? { utm_source: source } : { utm_source: source, utm_campaign: campaign });

/** Runs one model and returns its rows. */
export function rowsOf(events: readonly KpiEvent[], options: AttributionOptions): readonly AttributionRow[] {
  const result = attribution(events, options);
  if (result.models.length !== 1) throw new Error('rowsOf runs exactly one model');
  return result.models[0]!.rows;
}

/** `{ channel: credited conversions }` of one model, `none` for the none row. */
export function creditOf(rows: readonly AttributionRow[]): Record<string, number> {
  return Object.fromEntries(rows.map((row) => [row.channel ?? 'none', row.conversions]));
}

/** `{ channel: credited value }` of one model. */
export function valueOf(rows: readonly AttributionRow[]): Record<string, number | null> {
  return Object.fromEntries(rows.map((row) => [row.channel ?? 'none', row.value]));
}

/** The credit of each channel in each model: `{ model: { channel: conversions } }`. */
export function creditByModel(result: AttributionResult): Record<string, Record<string, number>> {
  return Object.fromEntries(result.models.map((model) => [model.model, creditOf(model.rows)]));
}

/** Credits are integers out of 2^24: close to the exact share, within one unit per conversion. */
export const SHARE_PRECISION = 2 ** -24;
