import type { RetentionMode, RetentionResult } from '@kpikit/core';
import type { HTMLAttributes, ReactNode, TableHTMLAttributes } from 'react';
import type { Formatter } from '../format/formatter';
import type { UnitLabel } from '../format/unit';
import type { WidgetRootProps } from '../internal/useWidgetRoot';
import type { WidgetOptions, WidgetState } from '../internal/widgetState';

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
  /**
   * Which table of a breakdown is shown (controlled): `'$all'` the overall
   * cohorts, `'$none'` the group whose start event lacks the property, else
   * a group's value as a string (`'Other'` for the values beyond the top 10).
   * A key matching no group shows the overall cohorts.
   */
  readonly breakdownValue?: string | undefined;
  /** Which table of a breakdown is shown at first (uncontrolled). Default `'$all'`. */
  readonly defaultBreakdownValue?: string | undefined;
  readonly onBreakdownChange?: ((value: string) => void) | undefined;
  /**
   * What the cohorts are made of, for the words: `'user'`, `'account'`,
   * `'group'` or a noun (`{ one: 'workspace', other: 'workspaces' }`) in the
   * grid's locale. Default: that of `data` (a result at `{ group: 'accountId' }`
   * reads as accounts), else users.
   */
  readonly unit?: UnitLabel | undefined;
  /** Hide the weighted-average row. */
  readonly hideAverage?: boolean | undefined;
  /** The grid's title. Default: "Retention". */
  readonly label?: string | undefined;
  /** Replaces the definition under the grid; `null` hides it. */
  readonly caption?: ReactNode;
  /** Small text at the right of the title. Default: the number of users (or of the unit's noun). */
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
  /** The breakdown selector, when `data` has a breakdown: its label, its options ("All" first) and the key shown. */
  readonly breakdown: RetentionBreakdownModel | null;
  readonly setBreakdown: (value: string) => void;
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

/** One choice of the breakdown selector. */
export interface RetentionBreakdownOption {
  /** `'$all'`, `'$none'` or the group's value as a string. */
  readonly key: string;
  /** "All", the value, "Other" or "(none)". */
  readonly label: string;
}

/** The breakdown selector of the grid. */
export interface RetentionBreakdownModel {
  /** "By plan". */
  readonly label: string;
  readonly options: readonly RetentionBreakdownOption[];
  /** The key of the table shown. */
  readonly value: string;
}
