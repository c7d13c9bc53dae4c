import { whatIf, type RetentionMode } from '@kpikit/core';
import {
  ActivationCandidates,
  AttributionChart,
  createFormatter,
  FunnelChart,
  LifecycleChart,
  NorthStarTree,
  NpsGauge,
  RetentionCohortGrid,
  StickinessCard,
  StickinessHistogram,
} from '@kpikit/react';
import { memo, useCallback, useMemo, type ReactNode } from 'react';
import { DAYS_ACTIVE_WINDOW } from '../dashboard/activityWindows';
import { SAMPLE_FUNNEL_STEPS, type ComputeControls, type ViewControls } from '../dashboard/controls';
import { SAMPLE_CURRENCY } from '../dashboard/sample';
import { localizeTree } from '../dashboard/localizeTree';
import type { DashboardModel } from '../dashboard/types';
import { fill, type DemoStrings } from '../i18n/strings';
import { useDrawnMark } from '../timeline/firstScreen';
import { KpiCards } from './KpiCards';

/** The team's NPS goal, marked on the gauge. */
const NPS_TARGET = 40;

// Each widget redraws only when its own figures or words change: the first
// screen arrives a part at a time, and a part should not redraw the others.
const Nps = memo(NpsGauge);
const Stickiness = memo(StickinessCard);
const Funnel = memo(FunnelChart);
const Retention = memo(RetentionCohortGrid);
const Tree = memo(NorthStarTree);
const Kpis = memo(KpiCards);
const Attribution = memo(AttributionChart);
const Candidates = memo(ActivationCandidates);
const Lifecycle = memo(LifecycleChart);
const DaysActive = memo(StickinessHistogram);

/**
 * The dashboard's widgets, laid out as a host product would: headline
 * scores, revenue and customer cards, engagement, then the funnel, the
 * cohort grid and the North Star tree. Each widget shows its skeleton until
 * its figures arrive (a part at a time, the first time), then keeps its
 * last figures while the worker recomputes.
 */
export function Dashboard({
  model,
  controls,
  view,
  onView,
  t,
}: {
  /** The figures computed so far: a whole model, or, the first time, the parts of one that have arrived. */
  readonly model: Partial<DashboardModel>;
  readonly controls: ComputeControls;
  readonly view: ViewControls;
  readonly onView: (change: Partial<ViewControls>) => void;
  readonly t: DemoStrings;
}): ReactNode {
  const fmt = createFormatter(view.locale);
  const {
    range,
    nps,
    activeUsers,
    lifecycle,
    daysActive,
    funnel,
    retention,
    northStar: tree,
    revenue,
    csat,
    activation,
    sessions,
    attribution,
    activationCandidates: candidates,
  } = model;
  const sampleSteps = controls.funnelSteps.join() === SAMPLE_FUNNEL_STEPS.join();
  const northStar = useMemo(() => (tree ? localizeTree(tree, t) : tree), [tree, t]);
  // Titles name what the figures shown cover, not what the controls will compute next.
  const daysActiveDays = daysActive?.intervals ?? DAYS_ACTIVE_WINDOW;
  const onRetentionMode = useCallback(
    (retentionMode: RetentionMode) => {
      onView({ retentionMode });
    },
    [onView],
  );
  const kpisReady = revenue !== undefined && csat !== undefined && activation !== undefined && sessions !== undefined;
  useDrawnMark('nps', nps !== undefined);
  useDrawnMark('stickiness', activeUsers !== undefined);
  useDrawnMark('kpis', kpisReady);
  useDrawnMark('lifecycle', lifecycle !== undefined);
  useDrawnMark('daysActive', daysActive !== undefined);
  useDrawnMark('funnel', funnel !== undefined);
  useDrawnMark('retention', retention !== undefined);
  useDrawnMark('northStar', tree !== undefined);
  useDrawnMark('attribution', attribution !== undefined);
  useDrawnMark('activationCandidates', candidates !== undefined);
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
        <Nps
          className="demo-card demo-card--nps"
          data={nps}
          loading={nps === undefined}
          target={NPS_TARGET}
          emptyMessage={nps === null ? t.noSurveys : undefined}
        />
        <Stickiness
          className="demo-card demo-card--stickiness"
          data={activeUsers?.current}
          previous={activeUsers?.previous}
          loading={activeUsers === undefined}
        />
        <Kpis revenue={revenue} csat={csat} activation={activation} sessions={sessions} locale={view.locale} t={t} />
        <Lifecycle
          className="demo-card demo-card--lifecycle"
          data={lifecycle}
          loading={lifecycle === undefined}
          label={t.lifecycleTitle[lifecycle?.interval ?? controls.lifecyclePeriod]}
        />
        <DaysActive
          className="demo-card demo-card--days-active"
          data={daysActive}
          loading={daysActive === undefined}
          label={fill(daysActiveDays === 1 ? t.daysActiveTitle.one : t.daysActiveTitle.other, { n: daysActiveDays })}
        />
        <Funnel
          className="demo-card demo-card--wide"
          data={funnel}
          loading={funnel === undefined}
          label={t.funnelTitle}
          stepLabels={sampleSteps ? t.sampleSteps : undefined}
          emptyMessage={funnel === null ? t.funnelNeedsSteps : undefined}
        />
        <Retention
          className="demo-card demo-card--wide"
          data={retention ?? null}
          loading={retention === undefined}
          label={t.retentionTitle[controls.retentionPeriod]}
          mode={view.retentionMode}
          onModeChange={onRetentionMode}
          // Tall enough for the default view (13 weekly cohorts under the average row) without cutting the last row.
          maxHeight={600}
        />
        <Tree
          className="demo-card demo-card--wide"
          data={northStar}
          loading={tree === undefined}
          whatIf={whatIf}
          emptyMessage={tree === null ? t.noTree : undefined}
        />
        <Attribution
          className="demo-card demo-card--wide"
          data={attribution}
          loading={attribution === undefined}
          // The sample's marketing costs are in cents, as its subscriptions are.
          currency={revenue?.currency ?? SAMPLE_CURRENCY}
          valueUnits="minor"
          emptyMessage={attribution === null ? t.noSignups : undefined}
        />
        <Candidates
          className="demo-card demo-card--wide"
          data={candidates}
          loading={candidates === undefined}
          emptyMessage={candidates === null ? t.noSignups : undefined}
        />
      </div>
    </>
  );
}
