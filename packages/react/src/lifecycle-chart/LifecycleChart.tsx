import { Group } from '@visx/group';
import { Bar } from '@visx/shape';
import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';
import { DataTable } from '../a11y/DataTable';
import { CardHeader, Description, stateBody } from '../internal/Frame';
import { SkeletonBlock } from '../internal/Skeleton';
import { splitProps } from '../internal/splitProps';
import { useLifecycleChart, type LifecycleChartModel, type LifecycleChartOptions } from './useLifecycleChart';

/** Props of {@link LifecycleChart}: the chart's options and any attribute of its root `div`. */
export interface LifecycleChartProps
  extends LifecycleChartOptions, Omit<HTMLAttributes<HTMLDivElement>, keyof LifecycleChartOptions | 'children'> {}

const OPTION_KEYS = [
  'data',
  'unit',
  'label',
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
] as const satisfies readonly (keyof LifecycleChartOptions)[];

/**
 * A lifecycle chart: one stacked bar per interval of a `lifecycle()` result,
 * new, returning and resurrecting units above the axis and the dormant ones
 * (active the interval before, not in this one) below it; a legend; the
 * readout of the interval focused or pointed at; incomplete intervals
 * lighter and hatched, and said so. The bars are one tab stop: ←/→ move
 * between intervals, Home / End to the first / last.
 *
 * Class names: `kpikit-lifecycle-chart`, `__legend`, `__swatch`, `__readout`,
 * `__plot`, `__bar`, `__segment`, `__hatch`, `__hit`, `__axis`, `__tick`,
 * `__note`; attributes: `data-interval`, `data-intervals`, `data-incomplete`
 * (how many), `data-unit` on the root, `data-status` on segments and legend
 * items, `data-incomplete` and `data-current` on bars.
 *
 * @example
 * const result = lifecycle(events, { interval: 'week', from: '2024-01-01', to: '2024-03-31' });
 * <LifecycleChart data={result} />
 */
export const LifecycleChart = forwardRef<HTMLDivElement, LifecycleChartProps>(function LifecycleChart(props, ref) {
  const [options, rest] = splitProps(props, OPTION_KEYS);
  const chart = useLifecycleChart(options);
  return (
    <div ref={ref} {...rest} {...chart.rootProps}>
      <CardHeader titleId={chart.titleId} title={chart.label} meta={chart.meta} />
      {stateBody(
        chart,
        <LifecycleSkeleton />,
        <>
          <Readout chart={chart} />
          <PlotBox measure={chart.measureBox} className="kpikit-lifecycle-chart__box">
            <Plot chart={chart} />
          </PlotBox>
          <Legend chart={chart} />
          {chart.hasIncomplete ? <p className="kpikit-lifecycle-chart__note">{chart.incompleteNote}</p> : null}
          <p className="kpikit-lifecycle-chart__hint">{chart.hint}</p>
          {chart.dataTable ? <DataTable table={chart.dataTable} /> : null}
        </>,
      )}
      <Description id={chart.descriptionId}>{chart.description}</Description>
    </div>
  );
});

function Readout({ chart }: { readonly chart: LifecycleChartModel }): ReactNode {
  const { readout } = chart;
  if (!readout) return null;
  return (
    <div className="kpikit-lifecycle-chart__readout" aria-live="polite" aria-atomic="true">
      <p className="kpikit-lifecycle-chart__period">
        {readout.title}
        {readout.incomplete ? <span className="kpikit-lifecycle-chart__incomplete"> · {readout.incomplete}</span> : null}
      </p>
      <p className="kpikit-lifecycle-chart__headline">
        <span className="kpikit-lifecycle-chart__total">{readout.activeText}</span>{' '}
        <span className="kpikit-lifecycle-chart__total-label">{readout.activeLabel}</span>
      </p>
      <ul className="kpikit-lifecycle-chart__figures">
        {readout.statuses.map((item) => (
          <li key={item.status} data-status={item.status}>
            <span className="kpikit-lifecycle-chart__swatch" aria-hidden="true" />
            <span className="kpikit-lifecycle-chart__figure-label">{item.label}</span>{' '}
            <span className="kpikit-lifecycle-chart__figure">
              {item.status === 'dormant' && item.text !== '0' ? `−${item.text}` : item.text}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Legend({ chart }: { readonly chart: LifecycleChartModel }): ReactNode {
  return (
    <ul className="kpikit-lifecycle-chart__legend" aria-label={chart.fmt.t('lifecycle.legend')}>
      {chart.legend.map((item) => (
        <li key={item.status} data-status={item.status}>
          <span className="kpikit-lifecycle-chart__swatch" aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

function Plot({ chart }: { readonly chart: LifecycleChartModel }): ReactNode {
  const { layout } = chart;
  if (!layout) return null;
  const { plot } = layout;
  return (
    <svg
      className="kpikit-lifecycle-chart__plot"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="group"
      aria-label={chart.label}
      {...chart.plotProps}
    >
      <defs>
        <pattern id={chart.hatchId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="6" className="kpikit-lifecycle-chart__hatch-line" />
        </pattern>
      </defs>
      <Group className="kpikit-lifecycle-chart__axis" aria-hidden="true">
        {layout.yTicks.map((tick) => (
          <g key={tick.value} className="kpikit-lifecycle-chart__tick" data-zero={tick.value === 0 ? '' : undefined}>
            <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} />
            <text x={plot.left - 6} y={tick.y} dy="0.32em" textAnchor="end">
              {chart.yTickText(tick.value)}
            </text>
          </g>
        ))}
        {layout.xTicks.map((tick) => (
          <text key={tick.index} className="kpikit-lifecycle-chart__x-tick" x={tick.x} y={plot.bottom + 16} textAnchor={tick.anchor}>
            {chart.ticks[tick.index]}
          </text>
        ))}
      </Group>
      {layout.bars.map((bar) => (
        <g
          key={bar.index}
          className="kpikit-lifecycle-chart__bar"
          data-incomplete={bar.incomplete ? '' : undefined}
          data-current={chart.readout?.index === bar.index ? '' : undefined}
        >
          {bar.segments.map((segment) => (
            <Bar
              key={segment.status}
              className="kpikit-lifecycle-chart__segment"
              data-status={segment.status}
              x={bar.x}
              y={segment.y}
              width={bar.width}
              height={Math.max(segment.height, 0.5)}
            />
          ))}
          {bar.incomplete && bar.bottom > bar.top ? (
            <rect
              className="kpikit-lifecycle-chart__hatch"
              x={bar.x}
              y={bar.top}
              width={bar.width}
              height={bar.bottom - bar.top}
              fill={`url(#${chart.hatchId})`}
            />
          ) : null}
          <rect
            className="kpikit-lifecycle-chart__hit"
            data-bar={bar.index}
            x={bar.slot}
            y={plot.top}
            width={bar.slotWidth}
            height={plot.bottom - plot.top}
            tabIndex={bar.index === chart.active ? 0 : -1}
            role="img"
            aria-label={chart.barLabels[bar.index]}
          />
        </g>
      ))}
    </svg>
  );
}

/** The readout and a dozen grey stacked bars. */
function LifecycleSkeleton(): ReactNode {
  const heights = [40, 52, 48, 60, 66, 58, 72, 70, 80, 76, 88, 84];
  return (
    <div className="kpikit-lifecycle-chart__skeleton">
      <SkeletonBlock width={120} height={14} />
      <SkeletonBlock width={160} height={28} />
      <div className="kpikit-lifecycle-chart__skeleton-bars">
        {heights.map((height, index) => (
          <span key={index} className="kpikit-lifecycle-chart__skeleton-bar">
            <SkeletonBlock width="100%" height={height} />
            <SkeletonBlock width="100%" height={Math.round(height / 4)} />
          </span>
        ))}
      </div>
    </div>
  );
}

/** The plot's container, measured: the layout follows its width. */
function PlotBox({
  measure,
  className,
  children,
}: {
  readonly measure: (element: HTMLDivElement | null) => void;
  readonly className: string;
  readonly children: ReactNode;
}): ReactNode {
  return (
    <div ref={measure} className={className}>
      {children}
    </div>
  );
}
