import type { EventTable, FunnelOrder, Period, RetentionMode } from '@kpikit/core';

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
  /** The lifecycle's intervals. */
  readonly lifecyclePeriod: Period;
  readonly funnelOrder: FunnelOrder;
  readonly funnelWindowDays: number;
  /** Event names of the funnel's steps, in order. */
  readonly funnelSteps: readonly string[];
  /** Whom the people-counting widgets (stickiness, lifecycle, days active, retention, the funnel) count: users, or accounts when the data names them. */
  readonly unit: DemoUnit;
}

/** Whom the people-counting widgets count. */
export type DemoUnit = 'user' | 'account';
export const UNITS: readonly DemoUnit[] = ['user', 'account'];

/** Event properties that name an event's account, in the order they are looked for. */
export const ACCOUNT_PROPERTIES: readonly string[] = ['accountId', 'account_id'];

/** The property that names each event's account, or `null` when the data has none (the unit switch is then hidden). */
export function accountProperty(table: EventTable): string | null {
  return ACCOUNT_PROPERTIES.find((name) => table.properties.has(name)) ?? null;
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
export const LIFECYCLE_PERIODS: readonly Period[] = ['day', 'week', 'month'];
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
  lifecyclePeriod: 'week',
  funnelOrder: 'ordered',
  funnelWindowDays: 30,
  funnelSteps: SAMPLE_FUNNEL_STEPS,
  unit: 'user',
};

export const DEFAULT_VIEW_CONTROLS: ViewControls = { retentionMode: 'exact', locale: 'en', theme: 'light' };

/** How many periods the retention grid follows, per period. */
export const RETENTION_PERIODS_SHOWN: Record<Period, number> = { day: 30, week: 12, month: 6 };

/**
 * The controls adapted to a newly loaded data set: a funnel over event names
 * the data does not have would show nothing, so it then starts from the
 * data's three most frequent names; data without accounts counts users. The
 * worker and the page apply the same rule, so the page shows what the worker
 * computed.
 */
export function controlsForData(controls: ComputeControls, eventNames: readonly string[], accounts: string | null): ComputeControls {
  const names = new Set(eventNames);
  const stepsFit = controls.funnelSteps.length >= 2 && controls.funnelSteps.every((step) => names.has(step));
  const unitFits = controls.unit === 'user' || accounts !== null;
  if (stepsFit && unitFits) return controls;
  const steps = SAMPLE_FUNNEL_STEPS.every((step) => names.has(step)) ? SAMPLE_FUNNEL_STEPS : eventNames.slice(0, 3);
  return { ...controls, funnelSteps: stepsFit ? controls.funnelSteps : steps, unit: unitFits ? controls.unit : 'user' };
}
