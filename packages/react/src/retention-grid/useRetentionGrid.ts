import type { RetentionResult } from '@kpikit/core';
import { useMemo } from 'react';
import { useStableId } from '../a11y/useStableId';
import { resolveUnit } from '../format/unit';
import { useFormatter } from '../format/useFormatter';
import { useControllable } from '../internal/useControllable';
import { useWidgetRoot } from '../internal/useWidgetRoot';
import { errorContent, resolveState } from '../internal/widgetState';
import type { RetentionGridModel, RetentionGridOptions, RetentionPair } from './retentionGrid.types';
import { BREAKDOWN_ALL, breakdownModel, selectGroup } from './retentionBreakdown';
import { buildRows, scaleMax } from './retentionRows';
import { useGridNavigation } from './useGridNavigation';

export type {
  RetentionBreakdownModel,
  RetentionBreakdownOption,
  RetentionCellModel,
  RetentionCellPosition,
  RetentionDisplay,
  RetentionGridModel,
  RetentionGridOptions,
  RetentionPair,
  RetentionRowModel,
} from './retentionGrid.types';
export { shadeLevel } from './retentionRows';
export { BREAKDOWN_ALL, BREAKDOWN_NONE } from './retentionBreakdown';

const pairOf = (data: RetentionGridOptions['data']): RetentionPair | null => (data && 'exact' in data && 'unbounded' in data ? data : null);

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
  const pair = pairOf(options.data);
  const fromResult = pair ? pair.exact.unit : (options.data as RetentionResult | null | undefined)?.unit;
  const fmt = useFormatter(options.locale, options.messages, undefined, resolveUnit(options.unit, fromResult));
  const titleId = useStableId('title');
  const descriptionId = useStableId('description');
  const tooltipId = useStableId('tooltip');
  const [display, setDisplay] = useControllable(options.display, options.defaultDisplay ?? 'percent', options.onDisplayChange);
  const [mode, setMode] = useControllable(
    options.mode,
    options.defaultMode ?? (pair ? 'exact' : ((options.data as RetentionResult | null | undefined)?.mode ?? 'exact')),
    options.onModeChange,
  );
  const [breakdownKey, setBreakdown] = useControllable(
    options.breakdownValue,
    options.defaultBreakdownValue ?? BREAKDOWN_ALL,
    options.onBreakdownChange,
  );
  const full: RetentionResult | null = pair ? pair[mode] : ((options.data as RetentionResult | null | undefined) ?? null);
  const breakdown = useMemo(() => breakdownModel(full, breakdownKey, fmt), [full, breakdownKey, fmt]);
  const shown = breakdown?.value ?? BREAKDOWN_ALL;
  const result = useMemo(() => (full ? selectGroup(full, shown) : null), [full, shown]);
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

  const { active, tooltip, tableProps, scrollProps } = useGridNavigation(rows, titleId, descriptionId);

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
    data: { display, mode: result?.mode, period: result?.period, breakdown: breakdown ? shown : undefined, unit: fmt.unit.kind },
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
    breakdown,
    setBreakdown,
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
