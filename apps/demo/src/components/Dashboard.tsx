import { whatIf } from '@kpikit/core';
import { createFormatter, FunnelChart, NorthStarTree, NpsGauge, RetentionCohortGrid, StickinessCard } from '@kpikit/react';
import { useMemo, type ReactNode } from 'react';
import { SAMPLE_FUNNEL_STEPS, type ComputeControls, type ViewControls } from '../dashboard/controls';
import { localizeTree } from '../dashboard/localizeTree';
import type { DashboardModel } from '../dashboard/types';
import { fill, type DemoStrings } from '../i18n/strings';
import { useDrawnMark } from '../timeline/firstScreen';
import { KpiCards } from './KpiCards';

/** The team's NPS goal, marked on the gauge. */
const NPS_TARGET = 40;

/**
 * The dashboard's widgets, laid out as a host product would: headline
 * scores, revenue and customer cards, engagement, then the funnel, the
 * cohort grid and the North Star tree. While the worker computes, widgets
 * keep their last figures (or their skeleton before the first).
 */
export function Dashboard({
  model,
  controls,
  view,
  onView,
  t,
}: {
  readonly model: DashboardModel | null;
  readonly controls: ComputeControls;
  readonly view: ViewControls;
  readonly onView: (change: Partial<ViewControls>) => void;
  readonly t: DemoStrings;
}): ReactNode {
  const loading = model === null;
  const fmt = createFormatter(view.locale);
  const range = model?.range;
  const sampleSteps = controls.funnelSteps.join() === SAMPLE_FUNNEL_STEPS.join();
  const tree = model?.northStar;
  const northStar = useMemo(() => (tree ? localizeTree(tree, t) : tree), [tree, t]);
  useDrawnMark('nps', !loading);
  useDrawnMark('stickiness', !loading);
  useDrawnMark('kpis', !loading);
  useDrawnMark('funnel', !loading);
  useDrawnMark('retention', !loading);
  useDrawnMark('northStar', !loading);
  return (
    <>
      {range ? (
        <p className="demo-range" data-testid="range">
          <strong>{fill(t.range, { from: fmt.date(range.from, 'medium'), to: fmt.date(range.to, 'medium'), zone: range.timeZone })}</strong>
          {' · '}
          {range.previous
            ? fill(t.comparedWith, { from: fmt.date(range.previous.from, 'medium'), to: fmt.date(range.previous.to, 'medium') })
            : t.noComparison}
        </p>
      ) : null}
      <div className="demo-grid">
        <NpsGauge
          className="demo-card demo-card--nps"
          data={model?.nps}
          loading={loading}
          target={NPS_TARGET}
          emptyMessage={model && !model.nps ? t.noSurveys : undefined}
        />
        <StickinessCard
          className="demo-card demo-card--stickiness"
          data={model?.activeUsers.current}
          previous={model?.activeUsers.previous}
          loading={loading}
        />
        <KpiCards model={model} locale={view.locale} t={t} />
        <FunnelChart
          className="demo-card demo-card--wide"
          data={model?.funnel}
          loading={loading}
          label={t.funnelTitle}
          stepLabels={sampleSteps ? t.sampleSteps : undefined}
          emptyMessage={model && !model.funnel ? t.funnelNeedsSteps : undefined}
        />
        <RetentionCohortGrid
          className="demo-card demo-card--wide"
          data={model ? model.retention : null}
          loading={loading}
          label={t.retentionTitle[controls.retentionPeriod]}
          mode={view.retentionMode}
          onModeChange={(retentionMode) => {
            onView({ retentionMode });
          }}
          // Tall enough for the default view (13 weekly cohorts under the average row) without cutting the last row.
          maxHeight={600}
        />
        <NorthStarTree
          className="demo-card demo-card--wide"
          data={northStar}
          loading={loading}
          whatIf={whatIf}
          emptyMessage={model && !model.northStar ? t.noTree : undefined}
        />
      </div>
    </>
  );
}
