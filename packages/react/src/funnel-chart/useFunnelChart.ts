import type { FunnelResult, FunnelStepResult } from '@kpikit/core';
import { useCallback, useMemo, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { DataTableModel } from '../a11y/DataTable';
import { useStableId } from '../a11y/useStableId';
import type { Formatter } from '../format/formatter';
import { resolveUnit, type UnitLabel } from '../format/unit';
import { useFormatter } from '../format/useFormatter';
import { useWidgetRoot, type WidgetRootProps } from '../internal/useWidgetRoot';
import { errorContent, resolveState, type WidgetState, type WidgetOptions } from '../internal/widgetState';
import { buildSteps, seriesOf } from './funnelSteps';
import { buildFunnelTable } from './funnelTable';

/** `horizontal`: one row per step, bars growing right; `vertical`: one column per step, bars growing up. */
export type FunnelOrientation = 'horizontal' | 'vertical';

/** Options of {@link useFunnelChart} and `FunnelChart`. */
export interface FunnelChartOptions extends WidgetOptions {
  /** A `funnel()` result. */
  readonly data: FunnelResult | null | undefined;
  /** Default `horizontal`. */
  readonly orientation?: FunnelOrientation | undefined;
  /** Display names of the steps, in order; default: the event names. */
  readonly stepLabels?: readonly string[] | undefined;
  /**
   * Who goes through the funnel, for the words: `'user'`, `'account'`,
   * `'group'` or a noun (`{ one: 'workspace', other: 'workspaces' }`) in the
   * chart's locale. Default: that of `data` (a result at
   * `{ group: 'accountId' }` reads as accounts), else users.
   */
  readonly unit?: UnitLabel | undefined;
  /** Show the result's breakdown groups (when it has some). Default `true`. */
  readonly showBreakdown?: boolean | undefined;
  /** The chart's title. Default: "Funnel". */
  readonly label?: string | undefined;
  /** Replaces the definition (order, window) under the chart; `null` hides it. */
  readonly caption?: ReactNode;
  readonly meta?: ReactNode;
  /** Replaces the generated data table. */
  readonly table?: DataTableModel | undefined;
}

/** The time between a step and the previous one. */
export interface FunnelVelocityModel {
  readonly medianText: string;
  readonly p90Text: string;
  /** Histogram bars, heights in [0, 1] of the tallest. */
  readonly bins: readonly { readonly from: number; readonly to: number; readonly count: number; readonly height: number }[];
}

/** One breakdown group's figures at a step. */
export interface FunnelGroupStepModel {
  readonly group: number;
  /** Its `data-series`, which picks its colour: `0` … `9`, `other` or `none` (see the legend). */
  readonly series: string;
  readonly label: string;
  readonly count: number;
  /** Share of the group's own first step: the bar's length. */
  readonly share: number;
  /** The same share, `null` when the group has nobody at step 1. */
  readonly fromFirst: number | null;
  /** Count and share, e.g. "45 · 30%". */
  readonly text: string;
}

/** One step, ready to show. */
export interface FunnelStepModel {
  readonly index: number;
  readonly name: string;
  readonly step: FunnelStepResult;
  readonly countText: string;
  readonly fromFirstText: string;
  readonly fromPreviousText: string;
  readonly dropOffText: string;
  /** The bar: `count` over the first step's count, in [0, 1]. */
  readonly share: number;
  /** The lost part after the bar: `dropOff` over the first step's count. */
  readonly lostShare: number;
  readonly velocity: FunnelVelocityModel | null;
  readonly groups: readonly FunnelGroupStepModel[];
  /** What a screen reader announces on focus. */
  readonly announcement: string;
}

/** What {@link useFunnelChart} returns: everything `FunnelChart` renders. */
export interface FunnelChartModel {
  readonly state: WidgetState;
  readonly fmt: Formatter;
  readonly titleId: string;
  readonly descriptionId: string;
  readonly label: string;
  readonly orientation: FunnelOrientation;
  readonly steps: readonly FunnelStepModel[];
  /** The breakdown's legend: group labels in order (index = series number). */
  readonly legend: readonly string[];
  /** The `data-series` of each legend entry. */
  readonly legendSeries: readonly string[];
  readonly breakdownTitle: string | null;
  /** The focusable step (roving tabindex). */
  readonly active: number;
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  readonly onFocus: (event: FocusEvent<HTMLElement>) => void;
  readonly caption: ReactNode;
  readonly meta: ReactNode;
  readonly errorContent: ReactNode;
  readonly emptyContent: ReactNode;
  readonly emptyHint: string;
  readonly description: string;
  /** The steps (and the breakdown's groups) as a table for screen readers. */
  readonly table: DataTableModel;
  readonly rootProps: WidgetRootProps;
}

/**
 * The headless funnel chart: per step its count, conversion from the first
 * and the previous step, the users lost, the bar and lost-part lengths
 * (against the first step: bars start at zero), the time from the previous
 * step (median, p90, histogram), the breakdown groups' bars, the sentence
 * announced when the step is focused, and the roving-tabindex keyboard model.
 *
 * @example
 * const result = funnel(events, { steps: ['signup', 'activate', 'upgrade'] });
 * const chart = useFunnelChart({ data: result });
 * chart.steps[1]?.fromFirstText; // '44%'
 */
export function useFunnelChart(options: FunnelChartOptions): FunnelChartModel {
  const fmt = useFormatter(options.locale, options.messages, undefined, resolveUnit(options.unit, options.data?.unit));
  const titleId = useStableId('title');
  const descriptionId = useStableId('description');
  const result = options.data ?? null;
  const showBreakdown = options.showBreakdown ?? true;
  const first = result?.steps[0]?.count ?? 0;
  const state = resolveState(options, !result || result.steps.length === 0 || first === 0);
  const legend = useMemo(
    () =>
      showBreakdown && result?.breakdown
        ? result.breakdown.groups.map((group) => (group.value === null ? fmt.t('funnel.none') : String(group.value)))
        : [],
    [result, fmt, showBreakdown],
  );
  const legendSeries = useMemo(
    () => (showBreakdown && result?.breakdown ? result.breakdown.groups.map(seriesOf) : []),
    [result, showBreakdown],
  );
  const steps = useMemo(
    () => (result && first > 0 ? buildSteps(result, fmt, options.stepLabels, legend, showBreakdown) : []),
    [result, first, fmt, options.stepLabels, legend, showBreakdown],
  );

  const [activeState, setActive] = useState(0);
  const active = Math.min(activeState, Math.max(0, steps.length - 1));
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const item = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-step]') : null;
      if (!item) return;
      const from = Number(item.dataset['step']);
      let to: number;
      if (event.key === 'ArrowDown' || event.key === 'ArrowRight') to = from + 1;
      else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') to = from - 1;
      else if (event.key === 'Home') to = 0;
      else if (event.key === 'End') to = steps.length - 1;
      else return;
      event.preventDefault();
      to = Math.max(0, Math.min(steps.length - 1, to));
      setActive(to);
      event.currentTarget.querySelector<HTMLElement>(`[data-step="${to}"]`)?.focus();
    },
    [steps.length],
  );
  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const item = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-step]') : null;
    if (item) setActive(Number(item.dataset['step']));
  }, []);

  const label = options.label ?? fmt.t('funnel.title');
  const definition = result
    ? fmt.t('funnel.definition', { order: fmt.t(`funnel.order.${result.order}`), window: fmt.duration(result.window) })
    : '';
  const last = steps[steps.length - 1];
  let description: string;
  if (options.description) description = options.description;
  else if (state === 'ready' && last) {
    description = `${fmt.t('funnel.description', {
      title: label,
      steps: fmt.number(steps.length),
      count: fmt.number(first),
      converted: fmt.number(last.step.count),
      last: last.name,
      rate: last.fromFirstText,
    })} ${definition}`;
  } else if (state === 'loading') description = fmt.t('state.loading');
  else if (state === 'empty') description = fmt.t('funnel.emptyDescription', { title: label });
  else description = fmt.t('state.error');

  const table = useMemo(() => options.table ?? buildFunnelTable(label, steps, legend, fmt), [options.table, label, steps, legend, fmt]);

  const orientation = options.orientation ?? 'horizontal';
  const rootProps = useWidgetRoot({
    classNames: ['kpikit-card', 'kpikit-funnel'],
    className: options.className,
    style: options.style,
    theme: options.theme,
    state,
    locale: fmt.locale,
    titleId,
    descriptionId,
    data: { orientation, order: result?.order, breakdown: legend.length > 0 ? 'true' : undefined, unit: fmt.unit.kind },
  });

  return {
    state,
    fmt,
    titleId,
    descriptionId,
    label,
    orientation,
    steps,
    legend,
    legendSeries,
    breakdownTitle: legend.length > 0 && result?.breakdown ? fmt.t('funnel.breakdown', { property: result.breakdown.property }) : null,
    active,
    onKeyDown,
    onFocus,
    caption: options.caption !== undefined ? options.caption : definition,
    meta:
      options.meta !== undefined ? options.meta : state === 'ready' ? fmt.t('funnel.users', { count: fmt.count(first) }, first) : undefined,
    errorContent: errorContent(options.error, fmt.t('state.error')),
    emptyContent: options.emptyMessage ?? fmt.t('funnel.empty'),
    emptyHint: fmt.t('funnel.emptyHint'),
    description,
    table,
    rootProps,
  };
}
