import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { RetentionGridModel, RetentionRowModel } from './retentionGrid.types';
import { Gap, GridRow, Spacer } from './RetentionGridRow';
import { Tooltip } from './RetentionGridTooltip';
import { useGridWindow, WINDOWING_THRESHOLD } from './useGridWindow';

/**
 * The grid's `<table>` in its scrolling area: the header row and the average
 * row, the cohort rows in the window (all of them when not windowed) with
 * the room of the others, focus following the keyboard, and the tooltip.
 */
export function GridTable({ grid, windowing }: { readonly grid: RetentionGridModel; readonly windowing: boolean | undefined }): ReactNode {
  const wrapper = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const { rows, columns, active, tooltip, fmt } = grid;
  const average = rows[0]?.kind === 'average' ? rows[0] : null;
  const first = average ? 1 : 0;
  const {
    windowed,
    rows: shownRows,
    rowsAfter,
    columns: shownColumns,
    columnsAfter,
    measureRow,
    measureColumn,
    scrollArea,
    header,
    cornerCell,
    reveal,
  } = useGridWindow({
    windowed: windowing ?? rows.length * columns.length > WINDOWING_THRESHOLD,
    rows: rows.length - first,
    columns: columns.length,
    keepRow: active.row - first,
    keepColumn: active.column,
    initialHeight: typeof grid.maxHeight === 'number' ? grid.maxHeight : 480,
  });

  // A key moved the focusable cell: focus follows it, rendered by now even if it was outside the window.
  // A windowed grid scrolls to it itself, and keeps it in view while the columns on the way are measured.
  const follow = useRef(false);
  const { onKeyDown } = grid.tableProps;
  const tableProps = {
    ...grid.tableProps,
    onKeyDown: (event: KeyboardEvent<HTMLTableElement>) => {
      onKeyDown?.(event);
      if (event.defaultPrevented) follow.current = true;
    },
  };
  useLayoutEffect(() => {
    if (!follow.current) return;
    follow.current = false;
    reveal(active.row - first, active.column);
    const cell = table.current?.querySelector<HTMLElement>(`[data-cell="${active.row}:${active.column}"]`);
    if (cell && cell !== document.activeElement) cell.focus({ preventScroll: windowed });
  });

  const incompleteShort = fmt.t('retention.incompleteShort');
  const rowProps = (row: RetentionRowModel, index: number) => ({
    row,
    index,
    columns: shownColumns,
    activeColumn: active.row === index ? active.column : -1,
    describedColumn: tooltip && tooltip.row === index ? tooltip.column : -1,
    tooltipId: grid.tooltipId,
    incompleteShort,
  });
  const body: ReactNode[] = [];
  for (const { index, before } of shownRows) {
    const row = rows[index + first];
    if (!row) continue;
    if (before > 0) body.push(<Spacer key={`before ${row.key}`} height={before} />);
    body.push(<GridRow key={row.key} {...rowProps(row, index + first)} measureIndex={index} measure={measureRow} />);
  }
  if (rowsAfter > 0) body.push(<Spacer key="after" height={rowsAfter} />);
  const headers: ReactNode[] = [];
  for (const { index, before } of shownColumns) {
    if (before > 0) headers.push(<Gap key={`before ${index}`} width={before} />);
    headers.push(
      <th key={index} ref={measureColumn} scope="col" aria-colindex={index + 2} data-index={windowed ? index : undefined}>
        {columns[index]}
      </th>,
    );
  }
  if (columnsAfter > 0) headers.push(<Gap key="after" width={columnsAfter} />);

  return (
    <div className="kpikit-retention-grid__frame" ref={wrapper}>
      <div ref={scrollArea} className="kpikit-retention-grid__scroll" style={{ maxHeight: grid.maxHeight }} {...grid.scrollProps}>
        <table
          ref={table}
          className="kpikit-retention-grid__table"
          data-windowed={windowed ? 'true' : undefined}
          aria-rowcount={rows.length + 1}
          aria-colcount={columns.length + 1}
          {...tableProps}
        >
          <thead ref={header}>
            <tr aria-rowindex={1}>
              <th ref={cornerCell} scope="col" className="kpikit-retention-grid__corner" aria-colindex={1}>
                {fmt.t('retention.cohort')}
              </th>
              {headers}
            </tr>
            {average ? <GridRow {...rowProps(average, 0)} measureIndex={-1} measure={undefined} /> : null}
          </thead>
          <tbody>{body}</tbody>
        </table>
      </div>
      {tooltip ? <Tooltip grid={grid} wrapper={wrapper} /> : null}
    </div>
  );
}
