import type { ComputeControls } from './controls';
import type { DashboardModel, DatasetSummary } from './types';

/**
 * The built-in sample's first screen as the build computed it
 * (`build/firstScreenPlugin.ts`): `computeDashboard` over
 * `generateSampleData` with the page's starting controls, so the page draws
 * every widget before its worker has made the sample.
 */
export interface FirstScreen {
  /** The controls the model was computed with: the page's starting ones. */
  readonly controls: ComputeControls;
  readonly summary: DatasetSummary;
  readonly model: DashboardModel;
}

/** Whether two sets of controls compute the same figures. */
export function sameControls(a: ComputeControls, b: ComputeControls): boolean {
  return (
    a.preset === b.preset &&
    a.from === b.from &&
    a.to === b.to &&
    a.timeZone === b.timeZone &&
    a.retentionPeriod === b.retentionPeriod &&
    a.lifecyclePeriod === b.lifecyclePeriod &&
    a.unit === b.unit &&
    a.funnelOrder === b.funnelOrder &&
    a.funnelWindowDays === b.funnelWindowDays &&
    a.funnelSteps.length === b.funnelSteps.length &&
    a.funnelSteps.every((step, i) => step === b.funnelSteps[i])
  );
}
