import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';
import { DataTable } from '../a11y/DataTable';
import { CardHeader, Description, stateBody } from '../internal/Frame';
import { SkeletonBlock } from '../internal/Skeleton';
import { splitProps } from '../internal/splitProps';
import { AttributionGrid } from './AttributionGrid';
import { useAttributionChart, type AttributionChartModel, type AttributionChartOptions } from './useAttributionChart';

/** Props of {@link AttributionChart}: the chart's options and any attribute of its root `div`. */
export interface AttributionChartProps
  extends AttributionChartOptions, Omit<HTMLAttributes<HTMLDivElement>, keyof AttributionChartOptions | 'children'> {}

const OPTION_KEYS = [
  'data',
  'metric',
  'defaultMetric',
  'onMetricChange',
  'currency',
  'valueUnits',
  'unit',
  'channelLabels',
  'sort',
  'label',
  'caption',
  'meta',
  'emptyMessage',
  'description',
  'locale',
  'messages',
  'theme',
  'className',
  'style',
  'loading',
  'error',
] as const satisfies readonly (keyof AttributionChartOptions)[];

/**
 * An attribution chart: channels (rows) × models (columns) side by side in a
 * real table, each cell its figure as text over a bar from zero on one scale
 * for the whole table, the conversions without a touch last; a switch between
 * credited conversions, value and return on spend (with the spend column and
 * a 1× line), unknown figures as "—" with their reason; a readout of every
 * figure of the cell pointed at or focused. The table is one tab stop; the
 * arrow keys move between cells.
 *
 * Class names: `kpikit-attribution-chart`, `__summary`, `__metrics`,
 * `__table`, `__model`, `__channel`, `__spend`, `__cell`, `__bar`, `__fill`,
 * `__break-even`, `__readout`, `__notes`; attributes: `data-metric`,
 * `data-models`, `data-unit` on the root, `data-kind` (`channel` | `none`) on
 * rows, `data-missing` and `data-current` on cells.
 *
 * @example
 * const result = attribution(events, {
 *   conversion: 'purchase',
 *   touches: { channel: 'utm_source' },
 *   models: ['first_touch', 'last_touch', 'linear'],
 *   value: { property: 'revenue' },
 *   costs,
 * });
 * <AttributionChart data={result} currency="EUR" defaultMetric="returnOnSpend" />
 */
export const AttributionChart = forwardRef<HTMLDivElement, AttributionChartProps>(function AttributionChart(props, ref) {
  const [options, rest] = splitProps(props, OPTION_KEYS);
  const chart = useAttributionChart(options);
  return (
    <div ref={ref} {...rest} {...chart.rootProps}>
      <CardHeader titleId={chart.titleId} title={chart.label} meta={chart.meta} />
      {stateBody(
        chart,
        <AttributionSkeleton />,
        <>
          <Summary chart={chart} />
          <MetricSwitch chart={chart} />
          <AttributionGrid chart={chart} />
          {chart.dataTable ? <DataTable table={chart.dataTable} /> : null}
        </>,
      )}
      {chart.caption && chart.state === 'ready' ? <p className="kpikit-card__caption">{chart.caption}</p> : null}
      <Description id={chart.descriptionId}>{chart.description}</Description>
    </div>
  );
});

function Summary({ chart }: { readonly chart: AttributionChartModel }): ReactNode {
  const { summary } = chart;
  if (!summary) return null;
  return (
    <p className="kpikit-attribution-chart__summary">
      <span className="kpikit-attribution-chart__total">{summary.totalText}</span>{' '}
      <span className="kpikit-attribution-chart__total-label">{summary.totalLabel}</span>
      <span className="kpikit-attribution-chart__context">{summary.touchedText}</span>
      {summary.valueText ? <span className="kpikit-attribution-chart__context">{summary.valueText}</span> : null}
    </p>
  );
}

/** Conversions / value / return on spend: toggle buttons, one pressed; absent when the result has only conversions. */
function MetricSwitch({ chart }: { readonly chart: AttributionChartModel }): ReactNode {
  if (chart.metrics.length < 2) return null;
  return (
    <div className="kpikit-segmented kpikit-attribution-chart__metrics" role="group" aria-label={chart.fmt.t('attribution.metric')}>
      {chart.metrics.map((option) => (
        <button
          key={option.metric}
          type="button"
          aria-pressed={option.selected}
          data-metric={option.metric}
          onClick={() => {
            if (!option.selected) chart.setMetric(option.metric);
          }}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

/** The summary, the switch and a table of three models by six channels, in grey. */
function AttributionSkeleton(): ReactNode {
  return (
    <div className="kpikit-attribution-chart__skeleton">
      <SkeletonBlock width={160} height={28} />
      <SkeletonBlock width={240} height={26} />
      {[0, 1, 2, 3, 4, 5].map((row) => (
        <div key={row} className="kpikit-attribution-chart__skeleton-row">
          <SkeletonBlock width={72} height={16} />
          {[0, 1, 2].map((column) => (
            <span key={column} className="kpikit-attribution-chart__skeleton-cell">
              <SkeletonBlock width={32} height={12} />
              <SkeletonBlock width={`${[92, 64, 48, 36, 24, 14][row]! - column * 6}%`} height={6} />
            </span>
          ))}
        </div>
      ))}
    </div>
  );
}
