import type { RetentionCohort, RetentionResult } from '@kpikit/core';
import type { DateStyle } from '../format/date';
import type { Formatter } from '../format/formatter';
import type { RetentionCellModel, RetentionDisplay, RetentionRowModel } from './retentionGrid.types';

/** Rate → shade 0 … 8 against the top of the scale. */
export function shadeLevel(rate: number | null, max: number): number {
  if (rate === null || !(max > 0)) return 0;
  return Math.max(0, Math.min(8, Math.round((rate / max) * 8)));
}

/** The top of the colour scale: the largest rate after period 0 among complete cells (period 0 is 100% by definition). */
export function scaleMax(result: RetentionResult): number {
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
      const detail = fmt.t('retention.averageCell', { period, rate, size: fmt.number(this.size) }, this.size);
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

/**
 * The grid's rows in navigation order: the size-weighted average row (when
 * shown; its cells built now, one per period any cohort reaches) and then a
 * row per cohort, formatted when first read.
 */
export function buildRows(
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
