import type { GoodDirection } from '@kpikit/core';
import type { ReactNode } from 'react';
import type { DataTableModel } from '../a11y/DataTable';
import { useStableId } from '../a11y/useStableId';
import type { Formatter } from '../format/formatter';
import { useFormatter } from '../format/useFormatter';
import { computeDelta, type DeltaKind, type DeltaModel } from '../internal/delta';
import { useWidgetRoot, type WidgetRootProps } from '../internal/useWidgetRoot';
import type { SparklineDomain } from '../internal/useSparkline';
import { valueFormatter, type ValueFormat } from '../internal/valueFormat';
import { errorContent, resolveState, type WidgetState, type WidgetOptions } from '../internal/widgetState';

/** A secondary figure shown under the headline (e.g. DAU and MAU beside stickiness). */
export interface KpiDetail {
  readonly label: string;
  /** Already formatted. */
  readonly value: string;
}

/** Props of {@link useKpiCard} and `KpiCard`. */
export interface KpiCardOptions extends WidgetOptions {
  /** What the number is ("Monthly recurring revenue"): the card's accessible name. */
  readonly label: string;
  /** The headline value; `null` or `undefined` shows the empty state. */
  readonly value: number | null | undefined;
  /** How to format the value. Default `number`. */
  readonly format?: ValueFormat | undefined;
  /** ISO 4217 code for `format="currency"`. Default `USD`. */
  readonly currency?: string | undefined;
  /** Compact notation for `number`, `integer` and `currency`. */
  readonly compact?: boolean | undefined;
  /** The previous period's value: shows the change. */
  readonly previous?: number | null | undefined;
  /** How the change is measured. Default: percentage points for `percent`, relative change otherwise. */
  readonly deltaKind?: DeltaKind | undefined;
  /** Whether a rise is good (`up`, the default: revenue, activation) or bad (`down`: churn, response time). */
  readonly goodDirection?: GoodDirection | undefined;
  /** A series to draw as a sparkline, oldest first; `null` leaves a gap. */
  readonly sparkline?: readonly (number | null)[] | undefined;
  /** The label of each sparkline point (e.g. formatted dates). Default: 1, 2, 3… */
  readonly sparklineLabels?: readonly string[] | undefined;
  /** What the sparkline shows, for its accessible name. Default: the card's label. */
  readonly sparklineLabel?: string | undefined;
  /** `zero` (default) starts the sparkline's scale at zero; `data` fits it to the values. */
  readonly sparklineDomain?: SparklineDomain | undefined;
  /** A target: progress towards it when up is good, met or not otherwise. */
  readonly target?: number | null | undefined;
  readonly details?: readonly KpiDetail[] | undefined;
  /** A definition or footnote under the card. */
  readonly caption?: ReactNode;
  /** Small text at the right of the title. */
  readonly meta?: ReactNode;
  /** Replaces the description's first sentence, about the value; the change and the target still follow. */
  readonly valueDescription?: string | undefined;
  /** Replaces the generated data table. */
  readonly table?: DataTableModel | undefined;
}

/** Target achievement, ready to show. */
export interface TargetModel {
  readonly value: number;
  /** "Target 20K". */
  readonly text: string;
  readonly met: boolean;
  /** `value / target` when up is good and the target is positive, else `null`. */
  readonly progress: number | null;
  /** "72% of target", or "On target" / "Off target". */
  readonly status: string;
}

/** What {@link useKpiCard} returns: everything `KpiCard` renders, for hosts that render their own. */
export interface KpiCardModel {
  readonly state: WidgetState;
  readonly fmt: Formatter;
  readonly titleId: string;
  readonly descriptionId: string;
  readonly label: string;
  readonly valueText: string;
  readonly formatValue: (value: number | null) => string;
  readonly delta: DeltaModel | null;
  readonly target: TargetModel | null;
  readonly details: readonly KpiDetail[];
  readonly sparkline: {
    readonly values: readonly (number | null)[];
    readonly labels: readonly string[];
    readonly label: string;
    readonly domain: SparklineDomain;
  } | null;
  readonly caption: ReactNode;
  readonly meta: ReactNode;
  readonly errorContent: ReactNode;
  readonly emptyContent: ReactNode;
  readonly description: string;
  readonly table: DataTableModel;
  readonly rootProps: WidgetRootProps;
}

const finite = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * The headless KPI card: formats the value, the change and the target
 * progress in the locale, and builds the accessible name, description and
 * data table. Render the result yourself, or use `KpiCard`.
 *
 * @example
 * const card = useKpiCard({ label: 'Churn', value: 0.021, previous: 0.025, format: 'percent', goodDirection: 'down' });
 * card.valueText; // '2.1%'
 * card.delta?.sentiment; // 'positive'
 */
export function useKpiCard(options: KpiCardOptions, classNames: readonly string[] = ['kpikit-card', 'kpikit-kpi-card']): KpiCardModel {
  const fmt = useFormatter(options.locale, options.messages);
  const titleId = useStableId('title');
  const descriptionId = useStableId('description');
  const format = options.format ?? 'number';
  const formatValue = valueFormatter(format, fmt, { currency: options.currency, compact: options.compact });
  const value = finite(options.value) ? options.value : null;
  const state = resolveState(options, value === null);
  const goodDirection = options.goodDirection ?? 'up';

  const delta =
    value === null
      ? null
      : computeDelta({
          current: value,
          previous: options.previous,
          kind: options.deltaKind ?? (format === 'percent' ? 'percentagePoints' : 'relative'),
          goodDirection,
          formatValue: (difference) => formatValue(difference),
          fmt,
        });

  let target: TargetModel | null = null;
  if (value !== null && finite(options.target)) {
    const goal = options.target;
    const met = goodDirection === 'up' ? value >= goal : value <= goal;
    const progress = goodDirection === 'up' && goal > 0 ? Math.max(0, value / goal) : null;
    target = {
      value: goal,
      text: fmt.t('target.label', { value: formatValue(goal) }),
      met,
      progress,
      status:
        progress === null
          ? fmt.t(met ? 'target.met' : 'target.missed')
          : fmt.t('target.progress', { percent: fmt.percent(progress, { decimals: 0 }) }),
    };
  }

  const series = options.sparkline && options.sparkline.length > 0 ? options.sparkline : null;
  const labels = series ? series.map((_, index) => options.sparklineLabels?.[index] ?? fmt.number(index + 1)) : [];
  const valueText = formatValue(value);
  const details = options.details ?? [];

  const parts: string[] = [];
  if (options.valueDescription) parts.push(options.valueDescription);
  else {
    parts.push(fmt.t('kpi.description', { label: options.label, value: valueText }));
    for (const detail of details) parts.push(fmt.t('kpi.description', { label: detail.label, value: detail.value }));
  }
  if (delta) parts.push(delta.description);
  if (target) parts.push(fmt.t('target.description', { value: formatValue(target.value), status: target.status }));
  const description =
    options.description ??
    (state === 'ready'
      ? parts.join(' ')
      : state === 'loading'
        ? fmt.t('state.loading')
        : state === 'empty'
          ? fmt.t('kpi.emptyDescription', { label: options.label })
          : fmt.t('state.error'));

  const table: DataTableModel = options.table ?? {
    caption: options.label,
    columns: [fmt.t('table.point'), fmt.t('table.value')],
    rows: series ? series.map((point, index) => [labels[index] ?? '', formatValue(point)]) : [[options.label, valueText]],
  };

  const rootProps = useWidgetRoot({
    classNames,
    className: options.className,
    style: options.style,
    theme: options.theme,
    state,
    locale: fmt.locale,
    titleId,
    descriptionId,
    data: {
      trend: state === 'ready' ? delta?.trend : undefined,
      sentiment: state === 'ready' ? delta?.sentiment : undefined,
      'target-met': state === 'ready' && target ? target.met : undefined,
      'good-direction': goodDirection,
    },
  });

  return {
    state,
    fmt,
    titleId,
    descriptionId,
    label: options.label,
    valueText,
    formatValue,
    delta,
    target,
    details,
    sparkline: series
      ? { values: series, labels, label: options.sparklineLabel ?? options.label, domain: options.sparklineDomain ?? 'zero' }
      : null,
    caption: options.caption,
    meta: options.meta,
    errorContent: errorContent(options.error, fmt.t('state.error')),
    emptyContent: options.emptyMessage ?? fmt.t('state.noData'),
    description,
    table,
    rootProps,
  };
}
