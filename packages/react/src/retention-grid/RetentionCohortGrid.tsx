import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';
import { CardHeader, Description, EmptyMessage, ErrorMessage } from '../internal/Frame';
import { SkeletonBlock } from '../internal/Skeleton';
import { splitProps } from '../internal/splitProps';
import { GridTable } from './RetentionGridTable';
import { Toggles } from './RetentionGridToggles';
import { useRetentionGrid, type RetentionGridModel, type RetentionGridOptions } from './useRetentionGrid';

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
  'breakdownValue',
  'defaultBreakdownValue',
  'onBreakdownChange',
  'hideAverage',
  'unit',
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
 * both results, an exact / unbounded toggle and, given a breakdown, a
 * selector of the table shown: "All" or one group's cohorts. Arrow keys move between cells
 * (an ARIA grid with a roving tabindex); hover or focus shows the counts.
 * The header row and the cohort column stay in view while the grid scrolls.
 * Above 400 cells only the rows and columns in view are rendered (see
 * `windowing`); `aria-rowcount` / `aria-colcount` give the full size.
 *
 * Class names: `kpikit-retention-grid`, `__table`, `__cell`, `__cohort`,
 * `__tooltip`, `__toggles`, `__breakdown`; attributes: `data-display`, `data-mode`,
 * `data-breakdown` (the key shown),
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
