import { forwardRef, memo, useLayoutEffect, useRef, type HTMLAttributes, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { CardHeader, Description, EmptyMessage, ErrorMessage } from '../internal/Frame';
import { SkeletonBlock } from '../internal/Skeleton';
import { splitProps } from '../internal/splitProps';
import { sameSlices, useGridWindow, WINDOWING_THRESHOLD, type WindowSlice } from './useGridWindow';
import { useRetentionGrid, type RetentionGridModel, type RetentionGridOptions, type RetentionRowModel } from './useRetentionGrid';

/** Props of {@link RetentionCohortGrid}: the grid's options and any attribute of its root `div`. */
export interface RetentionCohortGridProps
  extends RetentionGridOptions, Omit<HTMLAttributes<HTMLDivElement>, keyof RetentionGridOptions | 'children'> {
  /**
   * Render only the rows and columns in view of the scrolling area (plus a
   * few beyond its edges). Default: on above 400 cells (rows × periods).
   * `false` renders every cell whatever the size, e.g. to copy the whole
   * table or find a date in the page; `true` windows even a small grid.
   */
  readonly windowing?: boolean | undefined;
}

const OPTION_KEYS = [
  'data',
  'display',
  'defaultDisplay',
  'onDisplayChange',
  'mode',
  'defaultMode',
  'onModeChange',
  'hideAverage',
  'label',
  'caption',
  'meta',
  'emptyMessage',
  'description',
  'maxHeight',
  'locale',
  'messages',
  'theme',
  'className',
  'style',
  'loading',
  'error',
] as const satisfies readonly (keyof RetentionGridOptions)[];

/**
 * A retention cohort grid: a real table of cohorts (rows: start date and
 * size) by periods after signing up (columns), each cell shaded on the
 * sequential scale with its value as text, the weighted-average row on top,
 * incomplete periods hatched and outlined, a `%` / counts toggle and, given
 * both results, an exact / unbounded toggle. Arrow keys move between cells
 * (an ARIA grid with a roving tabindex); hover or focus shows the counts.
 * The header row and the cohort column stay in view while the grid scrolls.
 * Above 400 cells only the rows and columns in view are rendered (see
 * `windowing`); `aria-rowcount` / `aria-colcount` give the full size.
 *
 * Class names: `kpikit-retention-grid`, `__table`, `__cell`, `__cohort`,
 * `__tooltip`, `__toggles`; attributes: `data-display`, `data-mode`,
 * `data-period`, and on cells `data-level` (0 … 8) and `data-incomplete`.
 *
 * @example
 * const exact = retention(table, { period: 'week', periods: 12 });
 * const unbounded = retention(table, { period: 'week', periods: 12, mode: 'unbounded' });
 * <RetentionCohortGrid data={{ exact, unbounded }} locale="fr" />
 */
export const RetentionCohortGrid = forwardRef<HTMLDivElement, RetentionCohortGridProps>(function RetentionCohortGrid(props, ref) {
  const { windowing, ...others } = props;
  const [options, rest] = splitProps(others, OPTION_KEYS);
  const grid = useRetentionGrid(options);
  return (
    <div ref={ref} {...rest} {...grid.rootProps}>
      <CardHeader titleId={grid.titleId} title={grid.label} meta={grid.state === 'ready' ? grid.meta : undefined} />
      <RetentionGridBody grid={grid} windowing={windowing} />
      {grid.caption && grid.state === 'ready' ? <p className="kpikit-card__caption">{grid.caption}</p> : null}
      <Description id={grid.descriptionId}>{grid.description}</Description>
    </div>
  );
});

function RetentionGridBody({ grid, windowing }: { readonly grid: RetentionGridModel; readonly windowing: boolean | undefined }): ReactNode {
  switch (grid.state) {
    case 'loading':
      return (
        <div className="kpikit-retention-grid__skeleton">
          {Array.from({ length: 6 }, (_, row) => (
            <div className="kpikit-retention-grid__skeleton-row" key={row}>
              <SkeletonBlock width={88} height={20} />
              {Array.from({ length: 7 - row }, (_, column) => (
                <SkeletonBlock key={column} width={44} height={20} />
              ))}
            </div>
          ))}
        </div>
      );
    case 'error':
      return <ErrorMessage>{grid.errorContent}</ErrorMessage>;
    case 'empty':
      return <EmptyMessage title={grid.emptyContent} hint={grid.emptyHint} />;
    default:
      return (
        <>
          <Toggles grid={grid} />
          <GridTable grid={grid} windowing={windowing} />
        </>
      );
  }
}

function Toggles({ grid }: { readonly grid: RetentionGridModel }): ReactNode {
  const { fmt } = grid;
  return (
    <div className="kpikit-retention-grid__toggles">
      <div className="kpikit-segmented" role="group" aria-label={fmt.t('retention.show')}>
        <button
          type="button"
          aria-pressed={grid.display === 'percent'}
          onClick={() => {
            grid.setDisplay('percent');
          }}
        >
          <span aria-hidden="true">{fmt.t('retention.percent')}</span>
          <span className="kpikit-visually-hidden">{fmt.t('retention.percentLabel')}</span>
        </button>
        <button
          type="button"
          aria-pressed={grid.display === 'count'}
          onClick={() => {
            grid.setDisplay('count');
          }}
        >
          {fmt.t('retention.counts')}
        </button>
      </div>
      {grid.hasModes ? (
        <div className="kpikit-segmented" role="group" aria-label={fmt.t('retention.mode')}>
          <button
            type="button"
            aria-pressed={grid.mode === 'exact'}
            onClick={() => {
              grid.setMode('exact');
            }}
          >
            {fmt.t('retention.exact')}
          </button>
          <button
            type="button"
            aria-pressed={grid.mode === 'unbounded'}
            onClick={() => {
              grid.setMode('unbounded');
            }}
          >
            {fmt.t('retention.unbounded')}
          </button>
        </div>
      ) : null}
      <span className="kpikit-retention-grid__legend" title={grid.legend.text}>
        <span className="kpikit-visually-hidden">{grid.legend.text}</span>
        <span aria-hidden="true">{grid.legend.min}</span>
        <span className="kpikit-retention-grid__ramp" aria-hidden="true">
          {[0, 1, 2, 3, 4, 5, 6, 7, 8].map((level) => (
            <span key={level} data-level={level} />
          ))}
        </span>
        <span aria-hidden="true">{grid.legend.max}</span>
      </span>
    </div>
  );
}

function GridTable({ grid, windowing }: { readonly grid: RetentionGridModel; readonly windowing: boolean | undefined }): ReactNode {
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

/**
 * Room for the columns not rendered, so that the table keeps its full width.
 * A block of that width rather than a width on the cell: an auto-layout
 * table squeezes a cell's width when the table is wider than its container.
 */
function Gap({ width }: { readonly width: number }): ReactNode {
  return (
    <td aria-hidden="true" className="kpikit-retention-grid__gap">
      <div style={{ width }} />
    </td>
  );
}

/** Room for the rows not rendered, so that the table keeps its full height. */
function Spacer({ height }: { readonly height: number }): ReactNode {
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
const GridRow = memo(function GridRow({
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

function Tooltip({ grid, wrapper }: { readonly grid: RetentionGridModel; readonly wrapper: RefObject<HTMLDivElement | null> }): ReactNode {
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
