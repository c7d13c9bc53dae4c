import { activation, activeUsers, csat, funnel, northStarTree, nps, retention, sessions } from '@kpikit/core';
import { RETENTION_PERIODS_SHOWN, type ComputeControls } from './controls';
import { resolveDashboardRange } from './range';
import { revenueKpis } from './revenue';
import { ASSUMED_MONTHLY_SPEND } from './sample';
import type { Compared, DashboardModel, DashboardRange, Dataset } from './types';

const DAY = 86_400_000;

/** Reports which part is being computed, for the progress bar. */
export type ProgressListener = (done: number, total: number, phase: string) => void;

/**
 * Every figure of the dashboard, from one data set and the controls: all
 * through `@kpikit/core` over the data set's event table, so the page shows
 * exactly what core computes.
 */
export function computeDashboard(dataset: Dataset, controls: ComputeControls, onProgress?: ProgressListener): DashboardModel {
  const { table } = dataset;
  const range = resolveDashboardRange(table, controls);
  const { timeZone } = range;
  const window = { from: range.from, to: range.to, timeZone };
  const has = new Set(table.names);
  const total = 7;
  let done = 0;
  const step = (phase: string): void => {
    done += 1;
    onProgress?.(done, total, phase);
  };

  const activity = compared(range, (r) => activeUsers(table, { ...r, timeZone }));
  step('activeUsers');
  const periods = RETENTION_PERIODS_SHOWN[controls.retentionPeriod];
  const startEvent = has.has('signup') ? 'signup' : undefined;
  const cohortOptions = { ...window, period: controls.retentionPeriod, periods, startEvent } as const;
  const cohorts = {
    exact: retention(table, { ...cohortOptions, mode: 'exact' }),
    unbounded: retention(table, { ...cohortOptions, mode: 'unbounded' }),
  };
  step('retention');
  const paths =
    controls.funnelSteps.length >= 2
      ? funnel(table, { ...window, steps: [...controls.funnelSteps], order: controls.funnelOrder, window: controls.funnelWindowDays * DAY })
      : null;
  step('funnel');
  const usage = compared(range, (r) => sessions(table, { ...r, timeZone }));
  step('sessions');
  const activated =
    has.has('signup') && has.has('activate')
      ? compared(range, (r) => activation(table, { ...r, timeZone, signupEvent: 'signup', ahaEvent: 'activate', days: 7 }))
      : null;
  step('activation');
  const revenue = dataset.subscriptions ? revenueKpis(dataset.subscriptions, range, dataset.currency, ASSUMED_MONTHLY_SPEND) : null;
  step('revenue');
  const surveys = dataset.surveys;
  const model: DashboardModel = {
    range,
    nps: surveys ? nps(surveys.nps) : null,
    csat: surveys ? csat(surveys.csat) : null,
    activeUsers: activity,
    retention: cohorts,
    funnel: paths,
    sessions: usage,
    activation: activated,
    revenue,
    northStar: dataset.northStar ? northStarTree(dataset.northStar) : null,
  };
  step('northStar');
  return model;
}

/** A metric over the range and over the previous range (when the data covers it). */
function compared<T>(range: DashboardRange, compute: (period: { from: string; to: string }) => T): Compared<T> {
  return { current: compute({ from: range.from, to: range.to }), previous: range.previous ? compute(range.previous) : null };
}
