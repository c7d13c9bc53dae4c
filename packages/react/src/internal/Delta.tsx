import type { ReactNode } from 'react';
import { visuallyHiddenStyle } from '../a11y/visuallyHidden';
import { cx } from './cx';
import type { DeltaModel } from './delta';

const ARROWS = { up: '▲', down: '▼', flat: '' } as const;

/** Props of {@link Delta}. */
export interface DeltaProps {
  readonly delta: DeltaModel;
  /** Hide the "vs previous period" words (when the context says it already). */
  readonly hideContext?: boolean | undefined;
  readonly className?: string | undefined;
}

/**
 * A change from the previous period: an arrow, a word for screen readers and
 * the magnitude, coloured by whether the change is good. The colour never
 * carries the meaning alone: the arrow shows the direction.
 */
export function Delta({ delta, hideContext = false, className }: DeltaProps): ReactNode {
  const arrow = ARROWS[delta.trend];
  return (
    <span className={cx('kpikit-delta', className)} data-trend={delta.trend} data-sentiment={delta.sentiment}>
      {arrow ? (
        <>
          <span className="kpikit-delta__arrow" aria-hidden="true">
            {arrow}
          </span>
          <span style={visuallyHiddenStyle}>{delta.direction} </span>
          <span className="kpikit-delta__value">{delta.text}</span>
        </>
      ) : (
        <span className="kpikit-delta__value">{delta.direction}</span>
      )}
      {hideContext ? null : <span className="kpikit-delta__context"> {delta.context}</span>}
    </span>
  );
}
