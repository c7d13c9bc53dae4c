import { Group } from '@visx/group';
import { Circle, Line } from '@visx/shape';
import type { ReactNode, Ref } from 'react';
import { tokenValue } from '../theme/tokens';
import type { ScatterModel, ScatterPoint } from './scatterModel';
import type { ActivationCandidatesModel } from './useActivationCandidates';

const pointFill = (point: ScatterPoint) =>
  point.uncertain || point.direction === 'zero'
    ? tokenValue('neutral')
    : point.direction === 'negative'
      ? tokenValue('negative')
      : tokenValue('positive');

/**
 * Reach (across) by lift (up) of the signals shown, on the table's scales: a
 * point each, the 0 line dashed, the interval of the point pointed at or
 * focused as a whisker. An image to assistive technology (its figures are in
 * the table after it); the pointer links a point to its row.
 */
export function CandidateScatter({
  widget,
  containerRef,
}: {
  readonly widget: ActivationCandidatesModel;
  /** The hook's `scatterRef`, apart, so that reading the model is never reading a ref. */
  readonly containerRef: Ref<HTMLDivElement>;
}): ReactNode {
  const { scatter, fmt } = widget;
  return (
    <div className="kpikit-activation-candidates__scatter" ref={containerRef}>
      {scatter ? (
        <svg
          role="img"
          aria-label={fmt.t('activation.scatter')}
          width="100%"
          height={scatter.height}
          viewBox={`0 0 ${scatter.width} ${scatter.height}`}
          preserveAspectRatio="xMinYMin meet"
          onPointerLeave={() => {
            widget.pointAt(null);
          }}
        >
          <Axes
            scatter={scatter}
            x={fmt.t('activation.scatter.x')}
            y={fmt.t('activation.scatter.y')}
            unit={fmt.t('activation.points', { value: '' }).trim()}
          />
          <Group className="kpikit-activation-candidates__points">
            {scatter.points.map((point) => (
              <Point key={point.index} point={point} current={widget.current === point.index} widget={widget} />
            ))}
          </Group>
          <Group className="kpikit-activation-candidates__labels">
            {scatter.labels.map((label) =>
              label.index === widget.current ? null : (
                <text
                  key={label.index}
                  className="kpikit-activation-candidates__point-label"
                  x={label.x}
                  y={label.y}
                  textAnchor={label.anchor}
                >
                  {label.text}
                </text>
              ),
            )}
          </Group>
          <CurrentPoint scatter={scatter} current={widget.current} />
        </svg>
      ) : null}
    </div>
  );
}

function Axes({
  scatter,
  x,
  y,
  unit,
}: {
  readonly scatter: ScatterModel;
  readonly x: string;
  readonly y: string;
  readonly unit: string;
}): ReactNode {
  const { plot } = scatter;
  return (
    <Group className="kpikit-activation-candidates__axes">
      {scatter.yTicks.map((tick) => (
        <Group key={`y${tick.at}`}>
          <Line
            className="kpikit-activation-candidates__grid"
            from={{ x: plot.left, y: tick.at }}
            to={{ x: plot.right, y: tick.at }}
            stroke={tokenValue('border')}
          />
          <text className="kpikit-activation-candidates__tick" x={plot.left - 6} y={tick.at} dy="0.32em" textAnchor="end">
            {tick.label}
          </text>
        </Group>
      ))}
      <Line
        className="kpikit-activation-candidates__zero-line"
        from={{ x: plot.left, y: scatter.zeroY }}
        to={{ x: plot.right, y: scatter.zeroY }}
        stroke={tokenValue('textMuted')}
        strokeDasharray="4 3"
      />
      <Line
        className="kpikit-activation-candidates__axis"
        from={{ x: plot.left, y: plot.bottom }}
        to={{ x: plot.right, y: plot.bottom }}
        stroke={tokenValue('border')}
      />
      {scatter.xTicks.map((tick, index) => (
        <text
          key={`x${tick.at}`}
          className="kpikit-activation-candidates__tick"
          x={tick.at}
          y={plot.bottom + 14}
          // The last tick ends at the plot's edge rather than running past it.
          textAnchor={index === 0 ? 'start' : index === scatter.xTicks.length - 1 ? 'end' : 'middle'}
        >
          {tick.label}
        </text>
      ))}
      <text className="kpikit-activation-candidates__axis-title" x={plot.right} y={scatter.height - 2} textAnchor="end">
        {x} →
      </text>
      <text className="kpikit-activation-candidates__axis-title" x={2} y={11}>
        ↑ {y} ({unit})
      </text>
    </Group>
  );
}

function Point({
  point,
  current,
  widget,
}: {
  readonly point: ScatterPoint;
  readonly current: boolean;
  readonly widget: ActivationCandidatesModel;
}): ReactNode {
  return (
    <Group
      className="kpikit-activation-candidates__point"
      data-index={point.index}
      data-direction={point.direction}
      data-uncertain={point.uncertain ? 'true' : undefined}
      data-current={current ? 'true' : undefined}
      onPointerEnter={() => {
        widget.pointAt(point.index);
      }}
    >
      {/* A larger transparent target than the dot, for the pointer. */}
      <Circle cx={point.cx} cy={point.cy} r={9} fill="transparent" />
      <Circle
        className="kpikit-activation-candidates__dot"
        cx={point.cx}
        cy={point.cy}
        r={4.5}
        fill={pointFill(point)}
        fillOpacity={point.uncertain ? 0.55 : 0.9}
        stroke={tokenValue('surface')}
        strokeWidth={1}
      />
    </Group>
  );
}

/** The point pointed at or focused: ringed, its interval drawn, its rank beside it; on top of the others. */
function CurrentPoint({ scatter, current }: { readonly scatter: ScatterModel; readonly current: number | null }): ReactNode {
  const point = current === null ? undefined : scatter.points.find((candidate) => candidate.index === current);
  if (!point) return null;
  const right = point.cx > (scatter.plot.left + scatter.plot.right) / 2;
  return (
    <Group className="kpikit-activation-candidates__current" pointerEvents="none">
      {point.lowerY !== null && point.upperY !== null ? (
        <>
          <Line
            from={{ x: point.cx, y: point.lowerY }}
            to={{ x: point.cx, y: point.upperY }}
            stroke={tokenValue('text')}
            strokeWidth={1.5}
          />
          <Line
            from={{ x: point.cx - 4, y: point.lowerY }}
            to={{ x: point.cx + 4, y: point.lowerY }}
            stroke={tokenValue('text')}
            strokeWidth={1.5}
          />
          <Line
            from={{ x: point.cx - 4, y: point.upperY }}
            to={{ x: point.cx + 4, y: point.upperY }}
            stroke={tokenValue('text')}
            strokeWidth={1.5}
          />
        </>
      ) : null}
      <Circle cx={point.cx} cy={point.cy} r={7} fill="none" stroke={tokenValue('accent')} strokeWidth={2} />
      <text
        className="kpikit-activation-candidates__point-label"
        data-current="true"
        x={right ? point.cx - 10 : point.cx + 10}
        y={point.cy - 8}
        textAnchor={right ? 'end' : 'start'}
      >
        {point.rank}
      </text>
    </Group>
  );
}
