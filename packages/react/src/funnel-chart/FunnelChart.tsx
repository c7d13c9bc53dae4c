import { forwardRef, type CSSProperties, type HTMLAttributes, type ReactNode } from 'react';
import { DataTable } from '../a11y/DataTable';
import { CardHeader, Description, EmptyMessage, ErrorMessage } from '../internal/Frame';
import { SkeletonBlock } from '../internal/Skeleton';
import { splitProps } from '../internal/splitProps';
import { useFunnelChart, type FunnelChartModel, type FunnelChartOptions, type FunnelVelocityModel } from './useFunnelChart';

/** Props of {@link FunnelChart}: the chart's options and any attribute of its root `div`. */
export interface FunnelChartProps extends FunnelChartOptions, Omit<HTMLAttributes<HTMLDivElement>, keyof FunnelChartOptions | 'children'> {}

const OPTION_KEYS = [
  'data',
  'orientation',
  'stepLabels',
  'showBreakdown',
  'unit',
  'label',
  'caption',
  'meta',
  'emptyMessage',
  'description',
  'table',
  'locale',
  'messages',
  'theme',
  'className',
  'style',
  'loading',
  'error',
] as const satisfies readonly (keyof FunnelChartOptions)[];

/**
 * A funnel chart: a bar per step, starting at zero against the first step,
 * with the users lost since the previous step drawn as the bar's hatched
 * remainder; count, conversion from the first and from the previous step in
 * text; the time between steps (median, p90 and a small histogram) between
 * the bars; the breakdown groups as thin bars with a legend; the definition
 * (order, window) as a caption. Steps are one tab stop; the arrow keys move
 * between them and each announces its numbers.
 *
 * Class names: `kpikit-funnel`, `__steps`, `__step`, `__bar`, `__lost`,
 * `__velocity`, `__groups`, `__group-label`, `__group-text`, `__legend`;
 * attributes: `data-orientation`, `data-order`, `data-breakdown`,
 * `data-series` on groups (`0` … `9`, `other`, `none`).
 *
 * @example
 * const result = funnel(table, { steps: ['signup', 'activate', 'upgrade'], breakdown: { property: 'source' } });
 * <FunnelChart data={result} orientation="vertical" />
 */
export const FunnelChart = forwardRef<HTMLDivElement, FunnelChartProps>(function FunnelChart(props, ref) {
  const [options, rest] = splitProps(props, OPTION_KEYS);
  const chart = useFunnelChart(options);
  return (
    <div ref={ref} {...rest} {...chart.rootProps}>
      <CardHeader titleId={chart.titleId} title={chart.label} meta={chart.meta} />
      <FunnelBody chart={chart} />
      {chart.caption && chart.state === 'ready' ? <p className="kpikit-card__caption">{chart.caption}</p> : null}
      <Description id={chart.descriptionId}>{chart.description}</Description>
      {chart.state === 'ready' ? <DataTable table={chart.table} /> : null}
    </div>
  );
});

function FunnelBody({ chart }: { readonly chart: FunnelChartModel }): ReactNode {
  switch (chart.state) {
    case 'loading':
      return (
        <div className="kpikit-funnel__skeleton">
          {[100, 62, 40, 24].map((width) => (
            <SkeletonBlock key={width} width={`${width}%`} height={24} />
          ))}
        </div>
      );
    case 'error':
      return <ErrorMessage>{chart.errorContent}</ErrorMessage>;
    case 'empty':
      return <EmptyMessage title={chart.emptyContent} hint={chart.emptyHint} />;
    default:
      return (
        <>
          {chart.legend.length > 0 ? (
            <ul className="kpikit-funnel__legend" aria-label={chart.breakdownTitle ?? undefined}>
              {chart.legend.map((name, index) => (
                <li key={`${index}-${name}`} data-series={chart.legendSeries[index]}>
                  <span className="kpikit-funnel__swatch" aria-hidden="true" />
                  {name}
                </li>
              ))}
            </ul>
          ) : null}
          <ol className="kpikit-funnel__steps" aria-labelledby={chart.titleId} onKeyDown={chart.onKeyDown} onFocus={chart.onFocus}>
            {chart.steps.map((step) => (
              <li
                key={step.index}
                className="kpikit-funnel__step"
                data-step={step.index}
                tabIndex={step.index === chart.active ? 0 : -1}
                aria-label={step.announcement}
                style={{ '--kpikit-funnel-share': step.share, '--kpikit-funnel-lost': step.lostShare } as CSSProperties}
              >
                {step.velocity ? <Velocity velocity={step.velocity} fmt={chart} /> : <span className="kpikit-funnel__velocity" />}
                <span className="kpikit-funnel__head">
                  <span className="kpikit-funnel__name">{step.name}</span>
                  <span className="kpikit-funnel__count">{step.countText}</span>
                </span>
                <span className="kpikit-funnel__track">
                  <span className="kpikit-funnel__bar" />
                  {step.lostShare > 0 ? <span className="kpikit-funnel__lost" /> : null}
                </span>
                <span className="kpikit-funnel__rates">
                  {step.index === 0 ? (
                    <span>{chart.fmt.percent(1)}</span>
                  ) : (
                    <>
                      <span className="kpikit-funnel__rate">{chart.fmt.t('funnel.fromFirst', { value: step.fromFirstText })}</span>
                      <span>{chart.fmt.t('funnel.fromPrevious', { value: step.fromPreviousText })}</span>
                      <span className="kpikit-funnel__drop">{chart.fmt.t('funnel.dropOff', { value: step.dropOffText })}</span>
                    </>
                  )}
                </span>
                {step.groups.length > 0 ? (
                  <span className="kpikit-funnel__groups">
                    {step.groups.map((group) => (
                      <span key={group.group} className="kpikit-funnel__group" data-series={group.series}>
                        {/* Cut where long: its title, the legend and the table hold it whole, and it wraps while the step has focus. */}
                        <span className="kpikit-funnel__group-label" title={group.label}>
                          {group.label}
                        </span>{' '}
                        <span className="kpikit-funnel__group-track">
                          <span className="kpikit-funnel__group-bar" style={{ width: `${group.share * 100}%` }} />
                        </span>
                        <span className="kpikit-funnel__group-text">{group.text}</span>
                      </span>
                    ))}
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      );
  }
}

function Velocity({ velocity, fmt: chart }: { readonly velocity: FunnelVelocityModel; readonly fmt: FunnelChartModel }): ReactNode {
  const width = Math.max(1, velocity.bins.length) * 4;
  return (
    <span className="kpikit-funnel__velocity" title={chart.fmt.t('funnel.timeBetween')}>
      <span className="kpikit-funnel__arrow" aria-hidden="true">
        ↓
      </span>
      <svg className="kpikit-funnel__histogram" viewBox={`0 0 ${width} 16`} preserveAspectRatio="none" aria-hidden="true">
        <rect className="kpikit-funnel__histogram-base" x={0} y={15} width={width} height={1} />
        {velocity.bins.map((bin, index) =>
          bin.count > 0 ? (
            <rect
              key={index}
              x={index * 4 + 0.5}
              width={3}
              y={15 - Math.max(1.5, bin.height * 15)}
              height={Math.max(1.5, bin.height * 15)}
            />
          ) : null,
        )}
      </svg>
      <span>{chart.fmt.t('funnel.median', { value: velocity.medianText })}</span>
      <span className="kpikit-funnel__p90">{chart.fmt.t('funnel.p90', { value: velocity.p90Text })}</span>
    </span>
  );
}
