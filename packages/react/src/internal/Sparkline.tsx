import { LinePath } from '@visx/shape';
import type { ReactNode } from 'react';
import type { Formatter } from '../format/formatter';
import { tokenValue } from '../theme/tokens';
import { cx } from './cx';
import { useSparkline, type SparklineDomain, type SparklinePoint } from './useSparkline';

/** Props of {@link Sparkline}. */
export interface SparklineProps {
  readonly values: readonly (number | null)[];
  /** The label of each point (a date), as shown. */
  readonly labels: readonly string[];
  readonly formatValue: (value: number | null) => string;
  /** What the series is, for its accessible name ("Daily DAU/MAU"). */
  readonly label: string;
  readonly fmt: Formatter;
  readonly domain?: SparklineDomain | undefined;
  readonly height?: number | undefined;
  readonly className?: string | undefined;
}

const defined = (point: SparklinePoint): boolean => point.y !== null;
const px = (point: SparklinePoint): number => point.x;
const py = (point: SparklinePoint): number => point.y ?? 0;

/**
 * A small line of a series with no axes. It is a keyboard-operable slider:
 * focus it and the arrow keys read one point at a time (the value shows
 * under the line and is announced); a pointer does the same on hover.
 */
export function Sparkline({ values, labels, formatValue, label, fmt, domain, height, className }: SparklineProps): ReactNode {
  const {
    parentRef,
    width,
    height: plotHeight,
    points,
    baseline,
    active,
    current: currentIndex,
    handlers,
  } = useSparkline({ values, domain, height });
  const count = values.length;
  const current = points[currentIndex];
  const pointText = (index: number): string =>
    fmt.t('sparkline.point', { x: labels[index] ?? String(index + 1), y: formatValue(values[index] ?? null) });
  const last = points[count - 1];
  const marker = active === null ? last : current;
  const left = marker ? (marker.x / width) * 100 : 100;
  return (
    <div className={cx('kpikit-sparkline', className)} data-active={active !== null ? 'true' : 'false'}>
      <div
        ref={parentRef}
        className="kpikit-sparkline__plot"
        role="slider"
        tabIndex={0}
        aria-label={fmt.t('sparkline.label', { label })}
        aria-valuemin={1}
        aria-valuemax={Math.max(count, 1)}
        aria-valuenow={currentIndex + 1}
        aria-valuetext={count > 0 ? pointText(currentIndex) : undefined}
        aria-orientation="horizontal"
        {...handlers}
      >
        <svg
          className="kpikit-sparkline__svg"
          width="100%"
          height={plotHeight}
          viewBox={`0 0 ${width} ${plotHeight}`}
          preserveAspectRatio="none"
          aria-hidden="true"
          focusable="false"
        >
          <line className="kpikit-sparkline__baseline" x1={0} x2={width} y1={baseline} y2={baseline} />
          {active !== null && current ? (
            <line className="kpikit-sparkline__guide" x1={current.x} x2={current.x} y1={0} y2={plotHeight} />
          ) : null}
          <LinePath
            className="kpikit-sparkline__line"
            data={points}
            x={px}
            y={py}
            defined={defined}
            fill="none"
            stroke={tokenValue('accent')}
            strokeWidth={1.5}
            strokeLinejoin="round"
          />
          {marker && marker.y !== null ? (
            <circle className="kpikit-sparkline__dot" cx={marker.x} cy={marker.y} r={3} fill={tokenValue('accent')} />
          ) : null}
        </svg>
      </div>
      <div className="kpikit-sparkline__axis" aria-hidden="true">
        {active === null ? (
          <>
            <span>{labels[0]}</span>
            {count > 1 ? <span>{labels[count - 1]}</span> : null}
          </>
        ) : (
          <span className="kpikit-sparkline__readout" style={{ left: `${left}%`, transform: `translateX(-${left}%)` }}>
            {pointText(active)}
          </span>
        )}
      </div>
    </div>
  );
}
