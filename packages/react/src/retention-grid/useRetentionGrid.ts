import type { RetentionCohort, RetentionMode, RetentionResult } from '@kpikit/core';
import {
  useCallback,
  useMemo,
  useState,
  type FocusEvent,
  type HTMLAttributes,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  type TableHTMLAttributes,
} from 'react';
import { useStableId } from '../a11y/useStableId';
import type { DateStyle } from '../format/date';
import type { Formatter } from '../format/formatter';
import { useFormatter } from '../format/useFormatter';
import { useWidgetRoot, type WidgetRootProps } from '../internal/useWidgetRoot';
import { errorContent, resolveState, type WidgetState, type WidgetOptions } from '../internal/widgetState';

/** What the cells show: the share of the cohort (`percent`) or the number of users (`count`). */
export type RetentionDisplay = 'percent' | 'count';

/** Both counts of one analysis, so that the grid can switch between them. */
export interface RetentionPair {
  readonly exact: RetentionResult;
  readonly unbounded: RetentionResult;
}

/** Options of {@link useRetentionGrid} and `RetentionCohortGrid`. */
export interface RetentionGridOptions extends WidgetOptions {
  /** A `retention()` result, or both an exact and an unbounded one (shows a toggle between them). */
  readonly data: RetentionResult | RetentionPair | null | undefined;
  /** What the cells show (controlled). */
  readonly display?: RetentionDisplay | undefined;
  /** What the cells show at first (uncontrolled). Default `percent`. */
  readonly defaultDisplay?: RetentionDisplay | undefined;
  readonly onDisplayChange?: ((display: RetentionDisplay) => void) | undefined;
  /** Which result of a pair is shown (controlled). */
  readonly mode?: RetentionMode | undefined;
  /** Which result of a pair is shown at first (uncontrolled). Default `exact`. */
  readonly defaultMode?: RetentionMode | undefined;
  readonly onModeChange?: ((mode: RetentionMode) => void) | undefined;
  /** Hide the weighted-average row. */
  readonly hideAverage?: boolean | undefined;
  /** The grid's title. Default: "Retention". */
  readonly label?: string | undefined;
  /** Replaces the definition under the grid; `null` hides it. */
  readonly caption?: ReactNode;
  /** Small text at the right of the title. Default: the number of users. */
  readonly meta?: ReactNode;
  /** Height of the scrolling area, e.g. `480` or `'60vh'`. Default: as tall as the table, up to 480 px. */
  readonly maxHeight?: number | string | undefined;
}

/** One cell, ready to show. */
export interface RetentionCellModel {
  /** What the cell shows in the current display. */
  readonly text: string;
  readonly rate: number | null;
  /** Users counted; `null` in the average row, which is a rate only. */
  readonly count: number | null;
  /** Users the rate is out of. */
  readonly size: number;
  /** Shade on the sequential scale, 0 … 8. */
  readonly level: number;
  /** The period is not over: the figure may still grow. */
  readonly incomplete: boolean;
  /** For the average row: how many of the cohorts averaged are incomplete in this period. */
  readonly incompleteCohorts: number;
  /** The tooltip's sentence (written when first read). */
  readonly detail: string;
}

/** One row of the grid: a cohort, or the weighted average. */
export interface RetentionRowModel {
  readonly key: string;
  readonly kind: 'average' | 'cohort';
  /** The cohort's start date formatted for the locale, or "Weighted average". */
  readonly label: string;
  /** "1,204 users". */
  readonly sizeText: string;
  /** The row's cells, period 0 first (a cohort's formatted when first read). */
  readonly cells: readonly RetentionCellModel[];
}

/** A cell's position: `row` counts the average row first when it is shown. */
export interface RetentionCellPosition {
  readonly row: number;
  readonly column: number;
}

/** What {@link useRetentionGrid} returns: everything `RetentionCohortGrid` renders. */
export interface RetentionGridModel {
  readonly state: WidgetState;
  readonly fmt: Formatter;
  readonly titleId: string;
  readonly descriptionId: string;
  readonly tooltipId: string;
  readonly label: string;
  readonly result: RetentionResult | null;
  /** Column headers: "Week 0", "Week 1"… */
  readonly columns: readonly string[];
  /** The rows in navigation order (average first when shown). */
  readonly rows: readonly RetentionRowModel[];
  readonly display: RetentionDisplay;
  readonly setDisplay: (display: RetentionDisplay) => void;
  readonly mode: RetentionMode;
  readonly setMode: (mode: RetentionMode) => void;
  /** Both results were given: the mode can be switched. */
  readonly hasModes: boolean;
  /** The top of the colour scale (the largest complete rate after period 0), formatted. */
  readonly legend: { readonly min: string; readonly max: string; readonly text: string };
  /** The focusable cell (roving tabindex). */
  readonly active: RetentionCellPosition;
  /** The cell whose tooltip is shown, or `null`. */
  readonly tooltip: (RetentionCellPosition & { readonly cell: RetentionCellModel; readonly row: number }) | null;
  readonly caption: ReactNode;
  readonly meta: ReactNode;
  readonly errorContent: ReactNode;
  readonly emptyContent: ReactNode;
  readonly emptyHint: string;
  readonly description: string;
  readonly maxHeight: number | string;
  /** Props of the `<table>`: delegated keyboard, focus and pointer handling. */
  readonly tableProps: TableHTMLAttributes<HTMLTableElement>;
  /** Props of the scrolling wrapper. */
  readonly scrollProps: HTMLAttributes<HTMLDivElement>;
  readonly rootProps: WidgetRootProps;
}

/** Rate → shade 0 … 8 against the top of the scale. */
export function shadeLevel(rate: number | null, max: number): number {
  if (rate === null || !(max > 0)) return 0;
  return Math.max(0, Math.min(8, Math.round((rate / max) * 8)));
}

const pairOf = (data: RetentionGridOptions['data']): RetentionPair | null => (data && 'exact' in data && 'unbounded' in data ? data : null);

/** The top of the colour scale: the largest rate after period 0 among complete cells (period 0 is 100% by definition). */
function scaleMax(result: RetentionResult): number {
  let max = 0;
  for (const cohort of result.cohorts) {
    for (let k = 1; k < cohort.rates.length; k++) {
      if (!cohort.incomplete[k] && cohort.rates[k]! > max) max = cohort.rates[k]!;
    }
  }
  if (max === 0) for (const rate of result.average.slice(1)) if (rate !== null && rate > max) max = rate;
  return max || 1;
}

/** Formats through a cache: counts and rates repeat across a large grid, and each `Intl` call costs microseconds. */
function cached<T>(format: (value: T) => string): (value: T) => string {
  const memo = new Map<T, string>();
  return (value) => {
    let text = memo.get(value);
    if (text === undefined) {
      text = format(value);
      memo.set(value, text);
    }
    return text;
  };
}

/** What a row's cells need to write their tooltip sentence. */
interface RowContext {
  readonly fmt: Formatter;
  readonly columns: readonly string[];
  readonly incompleteText: string;
  /** The cohort's formatted start date, or `null` for the average row. */
  readonly subject: string | null;
  /** The users the row's rates are out of, formatted (a cohort's size; unused for the average row). */
  readonly users: string;
}

/**
 * One cell. Its tooltip sentence is written when first read: a grid of ten
 * thousand cells shows one tooltip at a time, and writing every sentence up
 * front would about double the cost of building the grid.
 */
class Cell implements RetentionCellModel {
  private sentence: string | undefined;
  constructor(
    private readonly context: RowContext,
    private readonly column: number,
    readonly text: string,
    readonly rate: number | null,
    readonly count: number | null,
    readonly size: number,
    readonly level: number,
    readonly incomplete: boolean,
    readonly incompleteCohorts: number,
  ) {}

  get detail(): string {
    this.sentence ??= this.describe();
    return this.sentence;
  }

  private describe(): string {
    const { fmt, columns, incompleteText, subject, users } = this.context;
    const period = columns[this.column] ?? '';
    const rate = fmt.percent(this.rate);
    if (subject === null) {
      const detail = fmt.t('retention.averageCell', { period, rate, size: fmt.number(this.size) });
      if (this.incomplete) return `${detail} ${incompleteText}`;
      const partial = this.incompleteCohorts;
      return partial > 0 ? `${detail} ${fmt.t('retention.partial', { count: fmt.number(partial) }, partial)}` : detail;
    }
    const detail = fmt.t('retention.cell', { cohort: subject, period, count: fmt.number(this.count), size: users, rate });
    return this.incomplete ? `${detail} ${incompleteText}` : detail;
  }
}

/** What every cohort row of one grid shares. */
interface GridContext {
  readonly fmt: Formatter;
  readonly columns: readonly string[];
  readonly display: RetentionDisplay;
  readonly dateStyle: DateStyle;
  readonly max: number;
  readonly incompleteText: string;
  readonly percent: (rate: number | null) => string;
  readonly count: (value: number) => string;
}

/**
 * A cohort's row. Its label and cells are formatted when first read: a
 * windowed grid of a hundred cohorts reads the twenty in view, and the rest
 * only when scrolled to.
 */
class CohortRow implements RetentionRowModel {
  readonly kind = 'cohort';
  private formatted: { label: string; sizeText: string } | undefined;
  private built: readonly RetentionCellModel[] | undefined;
  constructor(
    private readonly grid: GridContext,
    private readonly cohort: RetentionCohort,
  ) {}

  get key(): string {
    return this.cohort.start;
  }
  get label(): string {
    return this.texts.label;
  }
  get sizeText(): string {
    return this.texts.sizeText;
  }
  get cells(): readonly RetentionCellModel[] {
    this.built ??= this.build();
    return this.built;
  }

  private get texts(): { label: string; sizeText: string } {
    if (!this.formatted) {
      const { fmt, dateStyle } = this.grid;
      const { start, size } = this.cohort;
      this.formatted = { label: fmt.date(start, dateStyle), sizeText: fmt.t('retention.users', { count: fmt.count(size) }, size) };
    }
    return this.formatted;
  }

  private build(): RetentionCellModel[] {
    const { fmt, columns, incompleteText, display, max, percent, count } = this.grid;
    const { counts, rates, size } = this.cohort;
    const context: RowContext = { fmt, columns, incompleteText, subject: this.label, users: fmt.number(size) };
    const cells: RetentionCellModel[] = [];
    for (let k = 0; k < counts.length; k++) {
      const users = counts[k]!;
      const rate = rates[k] ?? null;
      const incomplete = this.cohort.incomplete[k] === true;
      const text = display === 'percent' ? percent(rate) : count(users);
      const level = k === 0 ? 8 : shadeLevel(rate, max);
      cells.push(new Cell(context, k, text, rate, users, size, level, incomplete, incomplete ? 1 : 0));
    }
    return cells;
  }
}

function buildRows(
  result: RetentionResult,
  display: RetentionDisplay,
  columns: readonly string[],
  fmt: Formatter,
  showAverage: boolean,
  max: number,
): RetentionRowModel[] {
  const incompleteText = fmt.t('retention.incomplete');
  // Same value, same text: caching by the exact number cannot change what is shown.
  const percent = cached((rate: number | null) => fmt.percent(rate));
  const count = cached((value: number) => fmt.count(value));
  const rows: RetentionRowModel[] = [];
  if (showAverage) {
    const cohorts = result.cohorts.length;
    // Per period: users averaged over, cohorts that reach it, and how many of those are still running.
    const sizes: number[] = Array.from({ length: result.periods + 1 }, () => 0);
    const contributors = sizes.slice();
    const incompletes = sizes.slice();
    for (const cohort of result.cohorts) {
      for (let k = 0; k < cohort.counts.length && k <= result.periods; k++) {
        sizes[k] = sizes[k]! + cohort.size;
        contributors[k] = contributors[k]! + 1;
        if (cohort.incomplete[k]) incompletes[k] = incompletes[k]! + 1;
      }
    }
    const total = result.cohorts.reduce((sum, cohort) => sum + cohort.size, 0);
    const context: RowContext = { fmt, columns, incompleteText, subject: null, users: '' };
    const cells: RetentionCellModel[] = [];
    for (let k = 0; k < result.average.length; k++) {
      const rate = result.average[k] ?? null;
      if (rate === null) break;
      const size = sizes[k] ?? 0;
      const partial = incompletes[k] ?? 0;
      // Marked incomplete only when every cohort averaged is: one incomplete diagonal cell per column is the rule, not news.
      const incomplete = partial > 0 && partial === (contributors[k] ?? cohorts);
      cells.push(
        new Cell(
          context,
          k,
          display === 'percent' ? percent(rate) : count(Math.round(rate * size)),
          rate,
          null,
          size,
          k === 0 ? 8 : shadeLevel(rate, max),
          incomplete,
          partial,
        ),
      );
    }
    rows.push({
      key: 'average',
      kind: 'average',
      label: fmt.t('retention.average'),
      sizeText: fmt.t('retention.users', { count: fmt.count(total) }, total),
      cells,
    });
  }
  const grid: GridContext = {
    fmt,
    columns,
    display,
    dateStyle: result.period === 'month' ? 'month' : 'medium',
    max,
    incompleteText,
    percent,
    count,
  };
  for (const cohort of result.cohorts) rows.push(new CohortRow(grid, cohort));
  return rows;
}

function useControllable<T>(value: T | undefined, initial: T, onChange: ((value: T) => void) | undefined): [T, (value: T) => void] {
  const [own, setOwn] = useState(initial);
  const current = value ?? own;
  const set = useCallback(
    (next: T) => {
      if (value === undefined) setOwn(next);
      onChange?.(next);
    },
    [value, onChange],
  );
  return [current, set];
}

const cellOf = (target: EventTarget | null): HTMLElement | null =>
  target instanceof Element ? target.closest<HTMLElement>('[data-cell]') : null;

function positionOf(element: HTMLElement | null): RetentionCellPosition | null {
  const value = element?.dataset['cell'];
  if (!value) return null;
  const [row, column] = value.split(':').map(Number);
  return row === undefined || column === undefined ? null : { row, column };
}

/**
 * The headless retention cohort grid: one row per cohort (its start date
 * and size), one column per period after it, the size-weighted average
 * row, each cell formatted (share or count), shaded 0 … 8 and flagged when
 * its period is not over; the roving-tabindex keyboard model of an ARIA
 * grid and the tooltip's cell. Heavy work (formatting ten thousand cells)
 * runs once per result, display and locale, and lazily: a cohort's cells
 * are formatted when its row's `cells` is first read, a cell's tooltip
 * sentence when its `detail` is, so that a renderer showing part of a large
 * grid pays for that part. Moving between cells only changes two numbers.
 *
 * @example
 * const result = retention(events, { period: 'week', periods: 12 });
 * const grid = useRetentionGrid({ data: result });
 * grid.rows[1]?.cells[1]?.text; // '62%'
 */
export function useRetentionGrid(options: RetentionGridOptions): RetentionGridModel {
  const fmt = useFormatter(options.locale, options.messages);
  const titleId = useStableId('title');
  const descriptionId = useStableId('description');
  const tooltipId = useStableId('tooltip');
  const pair = pairOf(options.data);
  const [display, setDisplay] = useControllable(options.display, options.defaultDisplay ?? 'percent', options.onDisplayChange);
  const [mode, setMode] = useControllable(
    options.mode,
    options.defaultMode ?? (pair ? 'exact' : ((options.data as RetentionResult | null | undefined)?.mode ?? 'exact')),
    options.onModeChange,
  );
  const result: RetentionResult | null = pair ? pair[mode] : ((options.data as RetentionResult | null | undefined) ?? null);
  const showAverage = !options.hideAverage;
  const state = resolveState(options, !result || result.cohorts.length === 0);

  const max = useMemo(() => (result ? scaleMax(result) : 1), [result]);
  const columns = useMemo(
    () =>
      result ? Array.from({ length: result.periods + 1 }, (_, k) => fmt.t(`retention.period.${result.period}`, { n: fmt.number(k) })) : [],
    [result, fmt],
  );
  const rows = useMemo(
    () => (result ? buildRows(result, display, columns, fmt, showAverage, max) : []),
    [result, display, columns, fmt, showAverage, max],
  );

  const [activeState, setActive] = useState<RetentionCellPosition>({ row: 0, column: 0 });
  const [hover, setHover] = useState<RetentionCellPosition | null>(null);
  const [focused, setFocused] = useState<RetentionCellPosition | null>(null);
  // Clamp to the rows of the current result (a new result may be smaller).
  const lastRow = Math.max(0, rows.length - 1);
  const activeRow = Math.min(activeState.row, lastRow);
  const active: RetentionCellPosition = {
    row: activeRow,
    column: Math.min(activeState.column, Math.max(0, (rows[activeRow]?.cells.length ?? 1) - 1)),
  };

  const shown = hover ?? focused;
  const shownCell = shown ? rows[shown.row]?.cells[shown.column] : undefined;
  const tooltip = shown && shownCell ? { ...shown, cell: shownCell } : null;

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLTableElement>) => {
      const from = positionOf(cellOf(event.target));
      if (!from) return;
      let { row, column } = from;
      const rowLength = (r: number) => rows[r]?.cells.length ?? 0;
      switch (event.key) {
        case 'ArrowRight':
          column += 1;
          break;
        case 'ArrowLeft':
          column -= 1;
          break;
        case 'ArrowDown':
          row += 1;
          break;
        case 'ArrowUp':
          row -= 1;
          break;
        case 'PageDown':
          row += 10;
          break;
        case 'PageUp':
          row -= 10;
          break;
        case 'Home':
          if (event.ctrlKey || event.metaKey) row = 0;
          column = 0;
          break;
        case 'End':
          if (event.ctrlKey || event.metaKey) row = rows.length - 1;
          column = Number.MAX_SAFE_INTEGER;
          break;
        case 'Escape':
          setFocused(null);
          setHover(null);
          return;
        default:
          return;
      }
      event.preventDefault();
      row = Math.max(0, Math.min(rows.length - 1, row));
      // A triangle: a later cohort has fewer cells, so moving down keeps to its last one.
      column = Math.max(0, Math.min(rowLength(row) - 1, column));
      setActive({ row, column });
      setHover(null);
      const table = event.currentTarget;
      const target = table.querySelector<HTMLElement>(`[data-cell="${row}:${column}"]`);
      target?.focus();
    },
    [rows],
  );

  const onFocus = useCallback((event: FocusEvent<HTMLTableElement>) => {
    const position = positionOf(cellOf(event.target));
    if (position) {
      setActive(position);
      setFocused(position);
    }
  }, []);
  const onBlur = useCallback((event: FocusEvent<HTMLTableElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setFocused(null);
  }, []);
  const onPointerOver = useCallback((event: PointerEvent<HTMLTableElement>) => {
    const position = positionOf(cellOf(event.target));
    setHover((current) => (position && current?.row === position.row && current.column === position.column ? current : position));
  }, []);
  const onPointerLeave = useCallback(() => {
    setHover(null);
  }, []);

  const tableProps: TableHTMLAttributes<HTMLTableElement> = {
    role: 'grid',
    'aria-readonly': true,
    'aria-labelledby': titleId,
    'aria-describedby': descriptionId,
    onKeyDown,
    onFocus,
    onBlur,
    onPointerOver,
    onPointerLeave,
  };
  const scrollProps: HTMLAttributes<HTMLDivElement> = {
    onScroll: () => {
      setHover(null);
    },
  };

  const legend = {
    min: fmt.percent(0),
    max: fmt.percent(max),
    text: fmt.t('retention.legend', { min: fmt.percent(0), max: fmt.percent(max) }),
  };
  const label = options.label ?? fmt.t('retention.title');
  const total = result ? result.cohorts.reduce((sum, cohort) => sum + cohort.size, 0) : 0;
  const definition = fmt.t(
    mode === 'unbounded' || result?.mode === 'unbounded' ? 'retention.definitionUnbounded' : 'retention.definitionExact',
  );
  const caption = options.caption !== undefined ? options.caption : definition;

  let description: string;
  if (options.description) description = options.description;
  else if (state === 'ready' && result) {
    const lastK = (() => {
      for (let k = result.average.length - 1; k >= 1; k--) if (result.average[k] !== null) return k;
      return 0;
    })();
    description = `${fmt.t('retention.description', {
      title: label,
      cohorts: fmt.number(result.cohorts.length),
      period: fmt.t(`retention.periodName.${result.period}`),
      from: fmt.date(result.cohorts[0]!.start, 'medium'),
      to: fmt.date(result.cohorts[result.cohorts.length - 1]!.start, 'medium'),
      first: fmt.percent(result.average[1] ?? null),
      last: fmt.percent(result.average[lastK] ?? null),
      periods: columns[lastK] ?? '',
    })} ${definition}`;
  } else if (state === 'loading') description = fmt.t('state.loading');
  else if (state === 'empty') description = fmt.t('retention.emptyDescription', { title: label });
  else description = fmt.t('state.error');

  const rootProps = useWidgetRoot({
    classNames: ['kpikit-card', 'kpikit-retention-grid'],
    className: options.className,
    style: options.style,
    theme: options.theme,
    state,
    locale: fmt.locale,
    titleId,
    descriptionId,
    data: { display, mode: result?.mode, period: result?.period },
  });

  return {
    state,
    fmt,
    titleId,
    descriptionId,
    tooltipId,
    label,
    result,
    columns,
    rows,
    display,
    setDisplay,
    mode: result?.mode ?? mode,
    setMode,
    hasModes: pair !== null,
    legend,
    active,
    tooltip,
    caption,
    meta: options.meta !== undefined ? options.meta : result ? fmt.t('retention.users', { count: fmt.count(total) }, total) : undefined,
    errorContent: errorContent(options.error, fmt.t('state.error')),
    emptyContent: options.emptyMessage ?? fmt.t('retention.empty'),
    emptyHint: fmt.t('retention.emptyHint'),
    description,
    maxHeight: options.maxHeight ?? 480,
    tableProps,
    scrollProps,
    rootProps,
  };
}
