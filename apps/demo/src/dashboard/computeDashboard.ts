import {
  activation,
  activationCandidates,
  activeUsers,
  attribution,
  csat,
  funnel,
  lifecycle,
  northStarTree,
  nps,
  retention,
  sessions,
  stickinessDistribution,
} from '@kpikit/core';
import { daysActiveWindow, lifecycleWindow } from './activityWindows';
import { accountProperty, RETENTION_PERIODS_SHOWN, type ComputeControls } from './controls';
import { resolveDashboardRange } from './range';
import { revenueKpis } from './revenue';
import { ASSUMED_MONTHLY_SPEND } from './sample';
import type { Compared, DashboardModel, DashboardRange, Dataset } from './types';

const DAY = 86_400_000;

/** The attribution models shown side by side. */
export const ATTRIBUTION_MODELS = ['first_touch', 'last_touch', 'linear', 'position_based', 'time_decay'] as const;
/** Days after sign-up whose actions are activation candidates. */
export const ACTIVATION_WINDOW_DAYS = 3;

/** Reports which part is being computed, for the progress bar. */
export type ProgressListener = (done: number, total: number, phase: string) => void;

/** The parts of the dashboard, in the order the worker computes and sends them: what draws soonest first. */
export const DASHBOARD_PARTS = [
  'overview',
  'activeUsers',
  'lifecycle',
  'daysActive',
  'revenue',
  'sessions',
  'activation',
  'funnel',
  'retention',
  'attribution',
  'activationCandidates',
] as const;
export type DashboardPartName = (typeof DASHBOARD_PARTS)[number];

/** One part of the dashboard's model, as computed. */
export interface DashboardPart {
  readonly name: DashboardPartName;
  readonly model: Partial<DashboardModel>;
}

/**
 * Every figure of the dashboard, from one data set and the controls: all
 * through `@kpikit/core` over the data set's event table, so the page shows
 * exactly what core computes.
 */
export function computeDashboard(dataset: Dataset, controls: ComputeControls, onProgress?: ProgressListener): DashboardModel {
  const model: Partial<DashboardModel> = {};
  let done = 0;
  for (const part of dashboardParts(dataset, controls)) {
    Object.assign(model, part.model);
    done += 1;
    onProgress?.(done, DASHBOARD_PARTS.length, part.name);
  }
  const complete = completeModel(model);
  if (!complete) throw new Error('The dashboard parts left a figure out.');
  return complete;
}

/** Every figure of the model, to tell a complete one from the parts of one. */
const MODEL_KEYS = Object.keys({
  range: true,
  nps: true,
  csat: true,
  activeUsers: true,
  lifecycle: true,
  daysActive: true,
  retention: true,
  funnel: true,
  sessions: true,
  activation: true,
  revenue: true,
  northStar: true,
  attribution: true,
  activationCandidates: true,
} satisfies Record<keyof DashboardModel, true>) as readonly (keyof DashboardModel)[];

/** The model when every figure is there (`null` counts: it says a figure cannot be computed), else `null`. */
export function completeModel(model: Partial<DashboardModel>): DashboardModel | null {
  return MODEL_KEYS.every((key) => model[key] !== undefined) ? (model as DashboardModel) : null;
}

/**
 * The same figures as {@link computeDashboard}, a part at a time, each computed
 * when the one before has been taken: the cheapest, which need no pass over
 * the events (range, surveys, North Star), first, so a page can draw each
 * widget as soon as its figures exist. Together they make the whole model.
 */
export function* dashboardParts(dataset: Dataset, controls: ComputeControls): Generator<DashboardPart, void, undefined> {
  const { table, surveys } = dataset;
  const range = resolveDashboardRange(table, controls);
  const { timeZone } = range;
  const window = { from: range.from, to: range.to, timeZone };
  const has = new Set(table.names);
  // The widgets that count people count accounts when asked and the data names them.
  const accounts = controls.unit === 'account' ? accountProperty(table) : null;
  const unit = accounts ? { group: accounts } : 'user';

  yield {
    name: 'overview',
    model: {
      range,
      nps: surveys ? nps(surveys.nps) : null,
      csat: surveys ? csat(surveys.csat) : null,
      northStar: dataset.northStar ? northStarTree(dataset.northStar) : null,
    },
  };
  yield { name: 'activeUsers', model: { activeUsers: compared(range, (r) => activeUsers(table, { ...r, timeZone, unit })) } };
  yield {
    name: 'lifecycle',
    model: {
      lifecycle: lifecycle(table, {
        ...lifecycleWindow(range, controls.lifecyclePeriod),
        timeZone,
        interval: controls.lifecyclePeriod,
        unit,
      }),
    },
  };
  yield {
    name: 'daysActive',
    model: { daysActive: stickinessDistribution(table, { ...daysActiveWindow(range), timeZone, interval: 'day', unit }) },
  };
  yield {
    name: 'revenue',
    model: { revenue: dataset.subscriptions ? revenueKpis(dataset.subscriptions, range, dataset.currency, ASSUMED_MONTHLY_SPEND) : null },
  };
  yield { name: 'sessions', model: { sessions: compared(range, (r) => sessions(table, { ...r, timeZone })) } };
  yield {
    name: 'activation',
    model: {
      activation:
        has.has('signup') && has.has('activate')
          ? compared(range, (r) => activation(table, { ...r, timeZone, signupEvent: 'signup', ahaEvent: 'activate', days: 7 }))
          : null,
    },
  };
  yield {
    name: 'funnel',
    model: {
      funnel:
        controls.funnelSteps.length >= 2
          ? funnel(table, {
              ...window,
              steps: [...controls.funnelSteps],
              order: controls.funnelOrder,
              window: controls.funnelWindowDays * DAY,
              unit,
            })
          : null,
    },
  };
  const periods = RETENTION_PERIODS_SHOWN[controls.retentionPeriod];
  const startEvent = has.has('signup') ? 'signup' : undefined;
  const cohortOptions = { ...window, period: controls.retentionPeriod, periods, startEvent, unit } as const;
  yield {
    name: 'retention',
    model: {
      retention: {
        exact: retention(table, { ...cohortOptions, mode: 'exact' }),
        unbounded: retention(table, { ...cohortOptions, mode: 'unbounded' }),
      },
    },
  };
  yield {
    name: 'attribution',
    model: {
      attribution: has.has('signup')
        ? attribution(table, {
            ...window,
            conversion: 'signup',
            touches: { channel: 'utm_source' },
            models: [...ATTRIBUTION_MODELS],
            ...(dataset.marketingCosts ? { costs: [...dataset.marketingCosts] } : {}),
            unit,
          })
        : null,
    },
  };
  yield {
    name: 'activationCandidates',
    model: {
      activationCandidates: has.has('signup') ? activationCandidates(table, { ...window, days: ACTIVATION_WINDOW_DAYS, unit }) : null,
    },
  };
}

/** A metric over the range and over the previous range (when the data covers it). */
function compared<T>(range: DashboardRange, compute: (period: { from: string; to: string }) => T): Compared<T> {
  return { current: compute({ from: range.from, to: range.to }), previous: range.previous ? compute(range.previous) : null };
}
