import { useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import type { RetentionGridModel } from './retentionGrid.types';

/** The tooltip of the hovered or focused cell (its counts in a sentence), placed above it, or below near the top. */
export function Tooltip({
  grid,
  wrapper,
}: {
  readonly grid: RetentionGridModel;
  readonly wrapper: RefObject<HTMLDivElement | null>;
}): ReactNode {
  const tooltip = grid.tooltip!;
  const self = useRef<HTMLDivElement>(null);
  // Placed beside its cell after layout, straight on the element: a second render per move would be wasted.
  useLayoutEffect(() => {
    const frame = wrapper.current;
    const element = self.current;
    const cell = frame?.querySelector<HTMLElement>(`[data-cell="${tooltip.row}:${tooltip.column}"]`);
    if (!frame || !element || !cell) return;
    const outer = frame.getBoundingClientRect();
    const box = cell.getBoundingClientRect();
    const half = Math.min(element.offsetWidth / 2, outer.width / 2);
    const left = Math.min(Math.max(box.left - outer.left + box.width / 2, half), Math.max(half, outer.width - half));
    const below = box.top - outer.top < element.offsetHeight + 8;
    element.style.left = `${left}px`;
    element.style.top = `${below ? box.bottom - outer.top + 6 : box.top - outer.top - 6}px`;
    element.dataset['placement'] = below ? 'below' : 'above';
    element.style.visibility = 'visible';
  }, [tooltip.row, tooltip.column, wrapper]);
  return (
    <div
      ref={self}
      id={grid.tooltipId}
      role="tooltip"
      className="kpikit-retention-grid__tooltip"
      data-incomplete={tooltip.cell.incomplete ? 'true' : undefined}
      style={{ visibility: 'hidden' }}
    >
      {tooltip.cell.detail}
    </div>
  );
}
