import { measureElement, useVirtualizer, type Range, type VirtualItem, type Virtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';

/** Above this many cells (rows × periods), `RetentionCohortGrid` renders only the rows and columns in view. */
export const WINDOWING_THRESHOLD = 400;

/** One rendered row or column, and the room kept for the ones skipped just before it. */
export interface WindowSlice {
  readonly index: number;
  /** Pixels of skipped rows (or columns) between the previous rendered one and this one. */
  readonly before: number;
}

/** Options of {@link useGridWindow}. */
export interface GridWindowOptions {
  /** Render only what is in view; when `false` every row and column is listed. */
  readonly windowed: boolean;
  /** Scrolling rows (the cohorts; the average row sticks with the header). */
  readonly rows: number;
  /** Period columns (the cohort column sticks). */
  readonly columns: number;
  /** A row and a column rendered wherever the grid is scrolled (the focusable cell's), or −1. */
  readonly keepRow: number;
  readonly keepColumn: number;
  /** Height of the view assumed before it can be measured (server and first render). */
  readonly initialHeight: number;
}

/** What {@link useGridWindow} returns: the rows and columns to render, and refs that measure them. */
export interface GridWindow {
  readonly windowed: boolean;
  /** Ref of the scrolling element. */
  readonly scrollArea: (element: HTMLDivElement | null) => void;
  /** Ref of the sticky header (its height is where the first row starts). */
  readonly header: (element: HTMLTableSectionElement | null) => void;
  /** Ref of the sticky corner cell (its width is where the first period column starts). */
  readonly cornerCell: (element: HTMLTableCellElement | null) => void;
  /** The scrolling rows to render, in order. */
  readonly rows: readonly WindowSlice[];
  /** Pixels of skipped rows after the last rendered one. */
  readonly rowsAfter: number;
  /** The columns to render, in order. */
  readonly columns: readonly WindowSlice[];
  /** Pixels of skipped columns after the last rendered one. */
  readonly columnsAfter: number;
  /** Ref of a rendered row (`data-index` = its index among the scrolling rows); `undefined` when not windowed. */
  readonly measureRow: ((element: HTMLElement | null) => void) | undefined;
  /** Ref of a rendered column's header cell (`data-index` = the period). */
  readonly measureColumn: ((element: HTMLElement | null) => void) | undefined;
  /**
   * Scrolls the least needed for a cell to show clear of the sticky header
   * and column (`row` −1: a row of the header), and keeps it there while the
   * rows and columns rendered on the way are measured.
   */
  readonly reveal: (row: number, column: number) => void;
}

/** The view assumed before it is measured: a desktop card. The server renders this much, the browser corrects it before painting. */
const INITIAL_WIDTH = 1280;
/** Sizes assumed until measured: about what the default styles give. */
const ROW_HEIGHT = 36;
const COLUMN_WIDTH = 68;
const HEAD_HEIGHT = 63;
const CORNER_WIDTH = 127;
/** Rows and columns rendered beyond each edge of the view, so that scrolling rarely shows a blank. */
const ROW_OVERSCAN = 3;
const COLUMN_OVERSCAN = 2;

/**
 * The run of rows (or columns) rendered last, kept while it still covers the
 * view with half the overscan to spare and is not much longer than needed:
 * the window then moves once every few rows scrolled rather than at every
 * row, and a view measured a little smaller than the one assumed at first
 * costs no re-render.
 */
class Run {
  start = 0;
  end = -1;

  /** The indexes to render for `range`, plus `keep` (−1 for none), in order. */
  pick(range: Range, keep: number): number[] {
    const { startIndex, endIndex, overscan, count } = range;
    const spare = Math.ceil(overscan / 2);
    const start = Math.max(0, startIndex - overscan);
    const end = Math.min(count - 1, endIndex + overscan);
    const covers = this.start <= Math.max(0, startIndex - spare) && this.end >= Math.min(count - 1, endIndex + spare) && this.end < count;
    if (!covers || this.end - this.start > end - start + 2 * overscan) {
      this.start = start;
      this.end = end;
    }
    const indexes: number[] = [];
    if (keep >= 0 && keep < this.start) indexes.push(keep);
    for (let index = this.start; index <= this.end; index++) indexes.push(index);
    if (keep > this.end && keep < count) indexes.push(keep);
    return indexes;
  }
}

/** The last sizes measured: rows and columns all have the same size unless a host restyles the grid, so they are the best guess for those not rendered yet. */
class TypicalSizes {
  row = ROW_HEIGHT;
  column = COLUMN_WIDTH;
  readonly estimateRow = (): number => this.row;
  readonly estimateColumn = (): number => this.column;
  /** The library's own measurement, remembered. */
  readonly measure = (
    element: HTMLElement,
    entry: ResizeObserverEntry | undefined,
    instance: Virtualizer<HTMLDivElement, HTMLElement>,
  ): number => {
    const size = measureElement(element, entry, instance);
    if (size > 0) {
      if (instance.options.horizontal) this.column = size;
      else this.row = size;
    }
    return size;
  };
}

/** Slices of the rendered items, `margin` being where the first item starts. */
function slicesOf(items: readonly VirtualItem[], margin: number, total: number): { slices: readonly WindowSlice[]; after: number } {
  const slices: WindowSlice[] = [];
  let edge = margin;
  for (const item of items) {
    slices.push({ index: item.index, before: Math.max(0, item.start - edge) });
    edge = item.end;
  }
  return { slices, after: Math.max(0, margin + total - edge) };
}

/** Same rows or columns with the same room before each: what a memoised row compares instead of the array's identity. */
export const sameSlices = (a: readonly WindowSlice[], b: readonly WindowSlice[]): boolean =>
  a === b || (a.length === b.length && a.every((slice, i) => slice.index === b[i]!.index && slice.before === b[i]!.before));

const every = (count: number): readonly WindowSlice[] => Array.from({ length: count }, (_, index) => ({ index, before: 0 }));

/**
 * Which rows and columns of a large table to render: those in view of its
 * scrolling element, a few beyond each edge, and the focusable cell's row
 * and column wherever it is, with the pixels of the skipped ones before and
 * after each run so that the table keeps its full scrolling size. Sizes are
 * measured from the rendered rows and header cells.
 *
 * Rendering only reads the last measurement, never the DOM: on the server
 * and in the first render the view is assumed `1280 × initialHeight` px.
 *
 * @example
 * const view = useGridWindow({ windowed: true, rows: 104, columns: 104, keepRow: 0, keepColumn: 0, initialHeight: 480 });
 * <div ref={view.scrollArea}>…<thead ref={view.header}>…<th ref={view.cornerCell}>…
 * view.rows.map(({ index, before }) => …); // about 25 rows of 104
 */
export function useGridWindow(options: GridWindowOptions): GridWindow {
  const { windowed } = options;
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const corner = useRef<HTMLTableCellElement>(null);
  const [refs] = useState(() => ({
    scrollArea: (element: HTMLDivElement | null) => {
      scroller.current = element;
    },
    header: (element: HTMLTableSectionElement | null) => {
      head.current = element;
    },
    cornerCell: (element: HTMLTableCellElement | null) => {
      corner.current = element;
    },
  }));
  const [margins, setMargins] = useState({ top: HEAD_HEIGHT, left: CORNER_WIDTH });
  const [typical] = useState(() => new TypicalSizes());
  const [runs] = useState(() => ({ rows: new Run(), columns: new Run() }));
  const initialRect = { width: INITIAL_WIDTH, height: options.initialHeight };

  // The virtualizer is a mutable instance that the React compiler cannot memoise: this hook re-renders with it, as it is meant to.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rowVirtualizer = useVirtualizer<HTMLDivElement, HTMLElement>({
    enabled: windowed,
    count: options.rows,
    getScrollElement: () => scroller.current,
    estimateSize: typical.estimateRow,
    measureElement: typical.measure,
    overscan: ROW_OVERSCAN,
    scrollMargin: margins.top,
    scrollPaddingStart: margins.top,
    initialRect,
    rangeExtractor: (range) => runs.rows.pick(range, options.keepRow),
  });
  const columnVirtualizer = useVirtualizer<HTMLDivElement, HTMLElement>({
    enabled: windowed,
    horizontal: true,
    count: options.columns,
    getScrollElement: () => scroller.current,
    estimateSize: typical.estimateColumn,
    measureElement: typical.measure,
    overscan: COLUMN_OVERSCAN,
    scrollMargin: margins.left,
    scrollPaddingStart: margins.left,
    initialRect,
    rangeExtractor: (range) => runs.columns.pick(range, options.keepColumn),
  });

  // The sticky header and cohort column sit before the first row and column: where the windows start.
  useLayoutEffect(() => {
    const top = head.current;
    const left = corner.current;
    if (!windowed || !top || !left) return;
    const read = () => {
      const next = { top: top.offsetHeight, left: left.offsetWidth };
      setMargins((current) => (current.top === next.top && current.left === next.left ? current : next));
    };
    read();
    const observer = new ResizeObserver(read);
    observer.observe(top);
    observer.observe(left);
    return () => {
      observer.disconnect();
    };
  }, [windowed]);

  const allRows = useMemo(() => ({ slices: every(options.rows), after: 0 }), [options.rows]);
  const allColumns = useMemo(() => ({ slices: every(options.columns), after: 0 }), [options.columns]);
  const rowWindow = windowed ? slicesOf(rowVirtualizer.getVirtualItems(), margins.top, rowVirtualizer.getTotalSize()) : allRows;
  const columnWindow = windowed
    ? slicesOf(columnVirtualizer.getVirtualItems(), margins.left, columnVirtualizer.getTotalSize())
    : allColumns;
  return {
    windowed,
    ...refs,
    rows: rowWindow.slices,
    rowsAfter: rowWindow.after,
    columns: columnWindow.slices,
    columnsAfter: columnWindow.after,
    measureRow: windowed ? rowVirtualizer.measureElement : undefined,
    measureColumn: windowed ? columnVirtualizer.measureElement : undefined,
    reveal: (row, column) => {
      if (!windowed) return;
      if (row >= 0) rowVirtualizer.scrollToIndex(row);
      if (column >= 0) columnVirtualizer.scrollToIndex(column);
    },
  };
}
