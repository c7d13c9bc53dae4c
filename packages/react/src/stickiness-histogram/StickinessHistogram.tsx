import { Group } from '@visx/group';
import { Bar } from '@visx/shape';
import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';
import { DataTable } from '../a11y/DataTable';
import { CardHeader, Description, stateBody } from '../internal/Frame';
import { SkeletonBlock } from '../internal/Skeleton';
import { splitProps } from '../internal/splitProps';
import { useStickinessHistogram, type StickinessHistogramModel, type StickinessHistogramOptions } from './useStickinessHistogram';

/** Props of {@link StickinessHistogram}: the histogram's options and any attribute of its root `div`. */
export interface StickinessHistogramProps
  extends StickinessHistogramOptions, Omit<HTMLAttributes<HTMLDivElement>, keyof StickinessHistogramOptions | 'children'> {}

const OPTION_KEYS = [
  'data',
  'unit',
  'mode',
  'defaultMode',
  'onModeChange',
  'modeSwitch',
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
] as const satisfies readonly (keyof StickinessHistogramOptions)[];

/**
 * A stickiness histogram: the units of a `stickinessDistribution()` result
 * by the number of intervals they were active in, one bar per k = 1 … N from
 * zero, each with its count and share when it has room; the mean as the
 * headline and as a dashed mark on the axis; a switch between "exactly k"
 * and the cumulative "at least k"; the readout of the bar focused or pointed
 * at. The bars are one tab stop: ←/→ move between them, Home / End to the ends.
 *
 * Class names: `kpikit-stickiness-histogram`, `__summary`, `__modes`,
 * `__readout`, `__plot`, `__bar`, `__hit`, `__value`, `__mean`, `__axis`,
 * `__note`; attributes: `data-interval`, `data-intervals`, `data-mode`,
 * `data-incomplete`, `data-unit` on the root, `data-current` on bars.
 *
 * @example
 * const result = stickinessDistribution(events, { from: '2024-03-04', to: '2024-03-10' });
 * <StickinessHistogram data={result} />
 */
export const StickinessHistogram = forwardRef<HTMLDivElement, StickinessHistogramProps>(function StickinessHistogram(props, ref) {
  const [options, rest] = splitProps(props, OPTION_KEYS);
  const histogram = useStickinessHistogram(options);
  return (
    <div ref={ref} {...rest} {...histogram.rootProps}>
      <CardHeader titleId={histogram.titleId} title={histogram.label} meta={histogram.meta} />
      {stateBody(
        histogram,
        <HistogramSkeleton />,
        <>
          {histogram.mean ? (
            <p className="kpikit-stickiness-histogram__summary">
              <span className="kpikit-stickiness-histogram__total">{histogram.mean.text}</span>{' '}
              <span className="kpikit-stickiness-histogram__total-label">{histogram.mean.label}</span>
              <span className="kpikit-stickiness-histogram__context">{histogram.mean.context}</span>
            </p>
          ) : null}
          {histogram.modeSwitch ? <ModeSwitch histogram={histogram} /> : null}
          {histogram.readout ? (
            <div className="kpikit-stickiness-histogram__readout" aria-live="polite" aria-atomic="true">
              <p className="kpikit-stickiness-histogram__readout-title">{histogram.readout.title}</p>
              {histogram.readout.lines.map((line) => (
                <p key={line} className="kpikit-stickiness-histogram__readout-line">
                  {line}
                </p>
              ))}
            </div>
          ) : null}
          <PlotBox measure={histogram.measureBox} className="kpikit-stickiness-histogram__box">
            <Plot histogram={histogram} />
          </PlotBox>
          {histogram.incompleteNote ? <p className="kpikit-stickiness-histogram__note">{histogram.incompleteNote}</p> : null}
          <p className="kpikit-stickiness-histogram__hint">{histogram.hint}</p>
          {histogram.dataTable ? <DataTable table={histogram.dataTable} /> : null}
        </>,
      )}
      <Description id={histogram.descriptionId}>{histogram.description}</Description>
    </div>
  );
});

function ModeSwitch({ histogram }: { readonly histogram: StickinessHistogramModel }): ReactNode {
  return (
    <div
      className="kpikit-segmented kpikit-stickiness-histogram__modes"
      role="group"
      aria-label={histogram.fmt.t('stickinessHistogram.mode')}
    >
      {histogram.modes.map((option) => (
        <button
          key={option.mode}
          type="button"
          aria-pressed={option.selected}
          data-mode={option.mode}
          onClick={() => {
            if (!option.selected) histogram.setMode(option.mode);
          }}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

function Plot({ histogram }: { readonly histogram: StickinessHistogramModel }): ReactNode {
  const { layout } = histogram;
  if (!layout) return null;
  const { plot } = layout;
  return (
    <svg
      className="kpikit-stickiness-histogram__plot"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="group"
      aria-label={histogram.label}
      {...histogram.plotProps}
    >
      <Group className="kpikit-stickiness-histogram__axis" aria-hidden="true">
        {layout.yTicks.map((tick) => (
          <g key={tick.value} className="kpikit-stickiness-histogram__tick">
            <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} />
            <text x={plot.left - 6} y={tick.y} dy="0.32em" textAnchor="end">
              {histogram.yTickText(tick.value)}
            </text>
          </g>
        ))}
        {layout.xTicks.map((tick) => (
          <text key={tick.index} className="kpikit-stickiness-histogram__x-tick" x={tick.x} y={plot.bottom + 16} textAnchor="middle">
            {histogram.bars[tick.index]?.k}
          </text>
        ))}
      </Group>
      {/* The mean's mark under the bars' figures, which a halo keeps legible across it. */}
      {layout.meanX !== null && histogram.mean ? (
        <g className="kpikit-stickiness-histogram__mean" aria-hidden="true">
          <line x1={layout.meanX} x2={layout.meanX} y1={plot.top - 30} y2={plot.bottom} />
          <text
            x={layout.meanX}
            y={plot.top - 34}
            textAnchor={layout.meanX > plot.right - 60 ? 'end' : layout.meanX < plot.left + 60 ? 'start' : 'middle'}
          >
            {histogram.mean.mark}
          </text>
        </g>
      ) : null}
      {layout.bars.map((bar) => {
        const text = histogram.bars[bar.index];
        return (
          <g
            key={bar.index}
            className="kpikit-stickiness-histogram__bar"
            data-current={histogram.readout?.index === bar.index ? '' : undefined}
          >
            <Bar className="kpikit-stickiness-histogram__fill" x={bar.x} y={bar.y} width={bar.width} height={Math.max(bar.height, 0)} />
            {layout.labelled && text ? (
              <text
                className="kpikit-stickiness-histogram__value"
                x={bar.x + bar.width / 2}
                y={bar.y - 18}
                textAnchor="middle"
                aria-hidden="true"
              >
                <tspan x={bar.x + bar.width / 2}>{text.count}</tspan>
                <tspan x={bar.x + bar.width / 2} dy="1.2em" className="kpikit-stickiness-histogram__share">
                  {text.share}
                </tspan>
              </text>
            ) : null}
            <rect
              className="kpikit-stickiness-histogram__hit"
              data-bar={bar.index}
              x={bar.slot}
              y={plot.top}
              width={bar.slotWidth}
              height={plot.bottom - plot.top}
              tabIndex={bar.index === histogram.active ? 0 : -1}
              role="img"
              aria-label={text?.label}
            />
          </g>
        );
      })}
    </svg>
  );
}

/** The mean, the switch and seven grey bars. */
function HistogramSkeleton(): ReactNode {
  const heights = [96, 64, 48, 40, 36, 44, 60];
  return (
    <div className="kpikit-stickiness-histogram__skeleton">
      <SkeletonBlock width={160} height={28} />
      <SkeletonBlock width={200} height={26} />
      <div className="kpikit-stickiness-histogram__skeleton-bars">
        {heights.map((height, index) => (
          <SkeletonBlock key={index} width="100%" height={height} />
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
