import { memo, type ReactNode } from 'react';
import type { RetentionRowModel } from './retentionGrid.types';
import { sameSlices, type WindowSlice } from './useGridWindow';

/**
 * Room for the columns not rendered, so that the table keeps its full width.
 * A block of that width rather than a width on the cell: an auto-layout
 * table squeezes a cell's width when the table is wider than its container.
 */
export function Gap({ width }: { readonly width: number }): ReactNode {
  return (
    <td aria-hidden="true" className="kpikit-retention-grid__gap">
      <div style={{ width }} />
    </td>
  );
}

/** Room for the rows not rendered, so that the table keeps its full height. */
export function Spacer({ height }: { readonly height: number }): ReactNode {
  return (
    <tr aria-hidden="true" className="kpikit-retention-grid__gap-row" style={{ height }}>
      <td />
    </tr>
  );
}

interface GridRowProps {
  readonly row: RetentionRowModel;
  readonly index: number;
  /** The period columns to render, with the room of those skipped before each (the header row alone keeps the room after them). */
  readonly columns: readonly WindowSlice[];
  /** The column of the focusable cell in this row, or −1. */
  readonly activeColumn: number;
  /** The column of the cell the tooltip describes, or −1. */
  readonly describedColumn: number;
  readonly tooltipId: string;
  readonly incompleteShort: string;
  /** Index among the scrolling rows, for measuring the row's height. */
  readonly measureIndex: number;
  readonly measure: ((element: HTMLElement | null) => void) | undefined;
}

// Memoised: moving between cells re-renders the two rows involved, and scrolling down renders only the rows coming into view.
export const GridRow = memo(function GridRow({
  row,
  index,
  columns,
  activeColumn,
  describedColumn,
  tooltipId,
  incompleteShort,
  measureIndex,
  measure,
}: GridRowProps) {
  const cells: ReactNode[] = [];
  for (const { index: column, before } of columns) {
    if (before > 0) cells.push(<Gap key={`before ${column}`} width={before} />);
    const cell = row.cells[column];
    if (!cell) {
      cells.push(<td key={column} className="kpikit-retention-grid__void" aria-colindex={column + 2} />);
      continue;
    }
    // A lone string child becomes the cell's text directly, without a text node of its own for React to create and track.
    cells.push(
      <td
        key={column}
        className="kpikit-retention-grid__cell"
        aria-colindex={column + 2}
        data-cell={`${index}:${column}`}
        data-level={cell.level}
        data-base={column === 0 ? 'true' : undefined}
        data-incomplete={cell.incomplete ? 'true' : undefined}
        tabIndex={column === activeColumn ? 0 : -1}
        aria-describedby={column === describedColumn ? tooltipId : undefined}
      >
        {cell.incomplete ? (
          <>
            {cell.text}
            <span className="kpikit-visually-hidden"> ({incompleteShort})</span>
          </>
        ) : (
          cell.text
        )}
      </td>,
    );
  }
  return (
    <tr
      ref={measure}
      className={row.kind === 'average' ? 'kpikit-retention-grid__average' : undefined}
      data-kind={row.kind}
      data-index={measure ? measureIndex : undefined}
      aria-rowindex={index + 2}
    >
      <th scope="row" className="kpikit-retention-grid__cohort" aria-colindex={1}>
        <span className="kpikit-retention-grid__cohort-label">{row.label}</span>
        <span className="kpikit-retention-grid__cohort-size">{row.sizeText}</span>
      </th>
      {cells}
    </tr>
  );
}, sameRowProps);

/** Props of a row are equal when its window holds the same columns, whatever the array's identity. */
function sameRowProps(a: GridRowProps, b: GridRowProps): boolean {
  for (const key of Object.keys(a) as (keyof GridRowProps)[]) {
    if (key === 'columns' ? !sameSlices(a.columns, b.columns) : a[key] !== b[key]) return false;
  }
  return true;
}
