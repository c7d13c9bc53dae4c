import type { FunnelOrder, Period, RetentionMode } from '@kpikit/core';

/** A range relative to the data's last day, or the dates typed in. */
export type RangePreset = 'last7' | 'last30' | 'last90' | 'all' | 'custom';

/** What the worker recomputes from: every control that changes a number. */
export interface ComputeControls {
  readonly preset: RangePreset;
  /** Local dates of a `custom` range, `YYYY-MM-DD`. */
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly retentionPeriod: Period;
  readonly funnelOrder: FunnelOrder;
  readonly funnelWindowDays: number;
  /** Event names of the funnel's steps, in order. */
  readonly funnelSteps: readonly string[];
}

/** Controls that only change how the page looks: no recomputation. */
export interface ViewControls {
  readonly retentionMode: RetentionMode;
  readonly locale: DemoLocale;
  readonly theme: 'light' | 'dark';
}

export const LOCALES = ['en', 'fr', 'zh-TW'] as const;
export type DemoLocale = (typeof LOCALES)[number];

/** Zones offered in the picker: the data's own, DST on both hemispheres, half-hour offsets. */
export const TIME_ZONES = [
  'UTC',
  'Europe/Paris',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Asia/Taipei',
  'Asia/Tokyo',
  'Australia/Sydney',
] as const;

export const RANGE_PRESETS: readonly RangePreset[] = ['last7', 'last30', 'last90', 'all', 'custom'];
export const RETENTION_PERIODS: readonly Period[] = ['day', 'week', 'month'];
export const FUNNEL_ORDERS: readonly FunnelOrder[] = ['ordered', 'strict', 'any'];
export const FUNNEL_WINDOWS_DAYS: readonly number[] = [1, 7, 14, 30, 60];

/** The sample product's funnel: visited pricing → trial → product-qualified (used a feature in trial) → paid. */
export const SAMPLE_FUNNEL_STEPS: readonly string[] = ['view_pricing', 'start_trial', 'feature_used', 'pay'];

export const DEFAULT_COMPUTE_CONTROLS: ComputeControls = {
  preset: 'last90',
  from: '',
  to: '',
  timeZone: 'Europe/Paris',
  retentionPeriod: 'week',
  funnelOrder: 'ordered',
  funnelWindowDays: 30,
  funnelSteps: SAMPLE_FUNNEL_STEPS,
};

export const DEFAULT_VIEW_CONTROLS: ViewControls = { retentionMode: 'exact', locale: 'en', theme: 'light' };

/** How many periods the retention grid follows, per period. */
export const RETENTION_PERIODS_SHOWN: Record<Period, number> = { day: 30, week: 12, month: 6 };

/**
 * The controls adapted to a newly loaded data set: a funnel over event names
 * the data does not have would show nothing, so it then starts from the
 * data's three most frequent names. The worker and the page apply the same
 * rule, so the page shows what the worker computed.
 */
export function controlsForData(controls: ComputeControls, eventNames: readonly string[]): ComputeControls {
  const names = new Set(eventNames);
  if (controls.funnelSteps.length >= 2 && controls.funnelSteps.every((step) => names.has(step))) return controls;
  const steps = SAMPLE_FUNNEL_STEPS.every((step) => names.has(step)) ? SAMPLE_FUNNEL_STEPS : eventNames.slice(0, 3);
  return { ...controls, funnelSteps: steps };
}
