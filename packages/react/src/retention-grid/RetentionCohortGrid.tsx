import { forwardRef, memo, useLayoutEffect, useRef, type HTMLAttributes, type ReactNode, type RefObject } from 'react';
import { CardHeader, Description, EmptyMessage, ErrorMessage } from '../internal/Frame';
import { SkeletonBlock } from '../internal/Skeleton';
import { splitProps } from '../internal/splitProps';
import { useRetentionGrid, type RetentionGridModel, type RetentionGridOptions, type RetentionRowModel } from './useRetentionGrid';

/** Props of {@link RetentionCohortGrid}: the grid's options and any attribute of its root `div`. */
export interface RetentionCohortGridProps
  extends RetentionGridOptions, Omit<HTMLAttributes<HTMLDivElement>, keyof RetentionGridOptions | 'children'> {}

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
  const [options, rest] = splitProps(props, OPTION_KEYS);
  const grid = useRetentionGrid(options);
  return (
    <div ref={ref} {...rest} {...grid.rootProps}>
      <CardHeader titleId={grid.titleId} title={grid.label} meta={grid.state === 'ready' ? grid.meta : undefined} />
      <RetentionGridBody grid={grid} />
      {grid.caption && grid.state === 'ready' ? <p className="kpikit-card__caption">{grid.caption}</p> : null}
      <Description id={grid.descriptionId}>{grid.description}</Description>
    </div>
  );
});

function RetentionGridBody({ grid }: { readonly grid: RetentionGridModel }): ReactNode {
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
          <GridTable grid={grid} />
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

function GridTable({ grid }: { readonly grid: RetentionGridModel }): ReactNode {
  const wrapper = useRef<HTMLDivElement>(null);
  const { rows, columns, active, tooltip, fmt } = grid;
  const average = rows[0]?.kind === 'average' ? rows[0] : null;
  const incompleteShort = fmt.t('retention.incompleteShort');
  return (
    <div className="kpikit-retention-grid__frame" ref={wrapper}>
      <div className="kpikit-retention-grid__scroll" style={{ maxHeight: grid.maxHeight }} {...grid.scrollProps}>
        <table className="kpikit-retention-grid__table" {...grid.tableProps}>
          <thead>
            <tr>
              <th scope="col" className="kpikit-retention-grid__corner">
                {fmt.t('retention.cohort')}
              </th>
              {columns.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
            </tr>
            {average ? (
              <GridRow
                row={average}
                index={0}
                width={columns.length}
                activeColumn={active.row === 0 ? active.column : -1}
                describedColumn={tooltip && tooltip.row === 0 ? tooltip.column : -1}
                tooltipId={grid.tooltipId}
                incompleteShort={incompleteShort}
              />
            ) : null}
          </thead>
          <tbody>
            {rows.map((row, index) =>
              row.kind === 'average' ? null : (
                <GridRow
                  key={row.key}
                  row={row}
                  index={index}
                  width={columns.length}
                  activeColumn={active.row === index ? active.column : -1}
                  describedColumn={tooltip && tooltip.row === index ? tooltip.column : -1}
                  tooltipId={grid.tooltipId}
                  incompleteShort={incompleteShort}
                />
              ),
            )}
          </tbody>
        </table>
      </div>
      {tooltip ? <Tooltip grid={grid} wrapper={wrapper} /> : null}
    </div>
  );
}

interface GridRowProps {
  readonly row: RetentionRowModel;
  readonly index: number;
  readonly width: number;
  /** The column of the focusable cell in this row, or −1. */
  readonly activeColumn: number;
  /** The column of the cell the tooltip describes, or −1. */
  readonly describedColumn: number;
  readonly tooltipId: string;
  readonly incompleteShort: string;
}

// Memoised: moving between cells re-renders the two rows involved, not a hundred.
const GridRow = memo(function GridRow({ row, index, width, activeColumn, describedColumn, tooltipId, incompleteShort }: GridRowProps) {
  const cells: ReactNode[] = [];
  for (let column = 0; column < width; column++) {
    const cell = row.cells[column];
    if (!cell) {
      cells.push(<td key={column} className="kpikit-retention-grid__void" />);
      continue;
    }
    cells.push(
      <td
        key={column}
        className="kpikit-retention-grid__cell"
        data-cell={`${index}:${column}`}
        data-level={cell.level}
        data-base={column === 0 ? 'true' : undefined}
        data-incomplete={cell.incomplete ? 'true' : undefined}
        tabIndex={column === activeColumn ? 0 : -1}
        aria-describedby={column === describedColumn ? tooltipId : undefined}
      >
        {cell.text}
        {cell.incomplete ? <span className="kpikit-visually-hidden"> ({incompleteShort})</span> : null}
      </td>,
    );
  }
  return (
    <tr className={row.kind === 'average' ? 'kpikit-retention-grid__average' : undefined} data-kind={row.kind}>
      <th scope="row" className="kpikit-retention-grid__cohort">
        <span className="kpikit-retention-grid__cohort-label">{row.label}</span>
        <span className="kpikit-retention-grid__cohort-size">{row.sizeText}</span>
      </th>
      {cells}
    </tr>
  );
});

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
