import type { AttributionResult } from '@kpikit/core';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { DataTableModel } from '../a11y/DataTable';
import { useStableId } from '../a11y/useStableId';
import type { Formatter } from '../format/formatter';
import { numberFormat } from '../format/number';
import { resolveUnit, type UnitLabel } from '../format/unit';
import { useFormatter } from '../format/useFormatter';
import { useWidgetRoot, type WidgetRootProps } from '../internal/useWidgetRoot';
import { errorContent, resolveState, type WidgetOptions, type WidgetState } from '../internal/widgetState';
import {
  attributionTable,
  formatCredit,
  formatMultiple,
  type AttributionMetric,
  type AttributionMissingReason,
  type AttributionTable,
  type AttributionValueUnits,
} from './attributionModel';
import { attributionCatalogue } from './messages';
import { cellReadout, type AttributionReadout } from './readout';
import {
  useGridKeyboard,
  type GridCellPosition as AttributionCellPosition,
  type GridProps as AttributionGridProps,
} from '../internal/useGridKeyboard';

/** Options of {@link useAttributionChart} and `AttributionChart`. */
export interface AttributionChartOptions extends WidgetOptions {
  /** An `attribution()` result. */
  readonly data: AttributionResult | null | undefined;
  /** What the table shows (controlled). A metric the result cannot show (no value, no cost) falls back to `conversions`. */
  readonly metric?: AttributionMetric | undefined;
  /** What the table shows at first (uncontrolled). Default `conversions`. */
  readonly defaultMetric?: AttributionMetric | undefined;
  readonly onMetricChange?: ((metric: AttributionMetric) => void) | undefined;
  /** ISO 4217 code of values and costs. Default `USD`. */
  readonly currency?: string | undefined;
  /** `minor` when values and costs are in cents (as subscription values are). Default `major`. */
  readonly valueUnits?: AttributionValueUnits | undefined;
  /**
   * Who converts, for the words: `'user'`, `'account'`, `'group'` or a noun
   * (`{ one: 'workspace', other: 'workspaces' }`) in the chart's locale.
   * Default: that of `data` (a result counted by a group property that names
   * accounts reads as accounts, any other as groups), else users.
   */
  readonly unit?: UnitLabel | undefined;
  /** Display names of channels, by channel. */
  readonly channelLabels?: Readonly<Record<string, string>> | undefined;
  /** Row order: `credit` (default), most conversions on average over the models first; `channel`, by name. `No touch` is last. */
  readonly sort?: 'credit' | 'channel' | undefined;
  /** The chart's title. Default: "Attribution". */
  readonly label?: string | undefined;
  /** Replaces the definition (lookback, which conversions count) under the table; `null` hides it. */
  readonly caption?: ReactNode;
  /** Small text at the right of the title. Default: the range. */
  readonly meta?: ReactNode;
}

/** A choice of the metric switch. */
export interface AttributionMetricOption {
  readonly metric: AttributionMetric;
  readonly label: string;
  readonly selected: boolean;
}

/** The headline above the table: the conversions counted and, beside them, how many had a touch and their value. */
export interface AttributionSummary {
  readonly totalText: string;
  readonly totalLabel: string;
  readonly touchedText: string;
  readonly valueText: string | null;
}

/** A note under the table: why a "—" (`kind` its reason), or what the line on return-on-spend bars marks. */
export interface AttributionNote {
  readonly kind: AttributionMissingReason | 'breakEven';
  readonly text: string;
}

/** What {@link useAttributionChart} returns: everything `AttributionChart` renders. */
export interface AttributionChartModel {
  readonly state: WidgetState;
  readonly fmt: Formatter;
  readonly titleId: string;
  readonly descriptionId: string;
  readonly readoutId: string;
  readonly label: string;
  /** The metric shown (the requested one when the result can show it). */
  readonly metric: AttributionMetric;
  /** The switch's choices: only the metrics the result can show. */
  readonly metrics: readonly AttributionMetricOption[];
  readonly setMetric: (metric: AttributionMetric) => void;
  /** Columns (models), rows (channels, then `No touch`) and cells in the current metric; `null` unless ready. */
  readonly table: AttributionTable | null;
  /** Show the spend column (return on spend). */
  readonly showSpend: boolean;
  /** Some channel has a cost: the readout has a line of spend. */
  readonly hasCosts: boolean;
  readonly summary: AttributionSummary | null;
  /** The focusable cell (roving tabindex). */
  readonly active: AttributionCellPosition;
  /** The figures of the cell pointed at or focused; `null` when none is. */
  readonly readout: AttributionReadout | null;
  readonly hint: string;
  /** What the "—" of the current metric mean, and what the bars' line marks. */
  readonly notes: readonly AttributionNote[];
  readonly gridProps: AttributionGridProps;
  /** Every figure of every channel and model, for screen readers. */
  readonly dataTable: DataTableModel | null;
  readonly caption: ReactNode;
  readonly meta: ReactNode;
  readonly errorContent: ReactNode;
  readonly emptyContent: ReactNode;
  readonly emptyHint: string;
  readonly description: string;
  readonly rootProps: WidgetRootProps;
}

/** Divides money by this for major units: 100 for cents of USD or EUR, 1 for yen. */
function moneyScaleOf(units: AttributionValueUnits, locale: string, currency: string): number {
  if (units === 'major') return 1;
  return 10 ** (numberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2);
}

function availableMetrics(result: AttributionResult | null): AttributionMetric[] {
  if (!result || result.value === null) return ['conversions'];
  const costed = result.models.some((model) => model.rows.some((row) => row.cost !== null));
  return costed ? ['conversions', 'value', 'returnOnSpend'] : ['conversions', 'value'];
}

function rangeText(result: AttributionResult, fmt: Formatter): string | undefined {
  if (result.from === null || result.to === null) return undefined;
  const sameYear = result.from.slice(0, 4) === result.to.slice(0, 4);
  return fmt.t('attribution.range', { from: fmt.date(result.from, sameYear ? 'short' : 'medium'), to: fmt.date(result.to, 'medium') });
}

/**
 * The headless attribution chart: the channel × model table of an
 * `attribution()` result in the chosen metric (credited conversions, value,
 * or return on spend), every figure formatted, bar lengths on one domain from
 * zero, the reasons of unknown figures, the readout of the cell pointed at or
 * focused, the roving-tabindex keyboard model, the switch's state, the
 * summary, the text description and the screen-reader table.
 *
 * @example
 * const result = attribution(events, { conversion: 'purchase', touches: { channel: 'utm_source' }, models: ['first_touch', 'linear'] });
 * const chart = useAttributionChart({ data: result });
 * chart.table?.rows[0]?.cells[1]?.text; // '41.5'
 */
export function useAttributionChart(options: AttributionChartOptions): AttributionChartModel {
  const result = options.data ?? null;
  const fmt = useFormatter(options.locale, options.messages, attributionCatalogue, resolveUnit(options.unit, result?.unit));
  const titleId = useStableId('title');
  const descriptionId = useStableId('description');
  const readoutId = useStableId('readout');
  const state = resolveState(options, !result || result.conversions === 0 || result.models.length === 0);
  const ready = state === 'ready' && result !== null;

  const [own, setOwn] = useState<AttributionMetric>(options.defaultMetric ?? 'conversions');
  const { onMetricChange, metric: controlled } = options;
  const available = useMemo(() => availableMetrics(result), [result]);
  const requested = controlled ?? own;
  const metric = available.includes(requested) ? requested : 'conversions';
  const setMetric = useCallback(
    (next: AttributionMetric) => {
      if (controlled === undefined) setOwn(next);
      onMetricChange?.(next);
    },
    [controlled, onMetricChange],
  );

  const currency = options.currency ?? 'USD';
  const moneyScale = moneyScaleOf(options.valueUnits ?? 'major', fmt.locale, currency);
  const { channelLabels } = options;
  const sort = options.sort ?? 'credit';
  const table = useMemo(
    () => (ready ? attributionTable(result, fmt, { metric, currency, moneyScale, channelLabels, sort }) : null),
    [ready, result, fmt, metric, currency, moneyScale, channelLabels, sort],
  );
  const hasCosts = available.includes('returnOnSpend');

  const keyboard = useGridKeyboard(table?.rows.length ?? 0, table?.columns.length ?? 0);
  const target = keyboard.target;
  const readout =
    table && result && target ? cellReadout(result, table, target.row, target.column, fmt, { currency, moneyScale, hasCosts }) : null;

  const dataTable = useMemo(
    () => (result && table ? screenReaderTable(result, table, fmt, { currency, moneyScale, hasCosts }) : null),
    [result, table, fmt, currency, moneyScale, hasCosts],
  );

  const label = options.label ?? fmt.t('attribution.title');
  const definition = result
    ? fmt.t('attribution.definition', {
        lookback: fmt.duration(result.lookback),
        count: fmt.t(result.count === 'every' ? 'attribution.count.every' : 'attribution.count.first'),
        keys: fmt.t('attribution.keys'),
      })
    : '';
  const summary: AttributionSummary | null = ready
    ? {
        totalText: fmt.count(result.conversions),
        totalLabel: fmt.t('attribution.conversions', {}, result.conversions),
        touchedText: fmt.t('attribution.touched', { percent: fmt.percent(result.touched / result.conversions) }),
        valueText:
          result.value === null ? null : fmt.t('attribution.totalValue', { value: fmt.currency(result.value / moneyScale, currency) }),
      }
    : null;

  let description: string;
  if (options.description) description = options.description;
  else if (ready && table && summary) {
    const channels = table.rows.filter((row) => row.kind === 'channel').length;
    description = fmt.t('attribution.description', {
      title: label,
      conversions: fmt.number(result.conversions),
      conversionsWord: summary.totalLabel,
      touched: summary.touchedText,
      channels: fmt.t('attribution.channelCount', { count: fmt.number(channels) }, channels),
      modelCount: fmt.t('attribution.modelCount', { count: fmt.number(table.columns.length) }, table.columns.length),
      models: new Intl.ListFormat(fmt.locale, { type: 'conjunction' }).format(table.columns.map((column) => column.full)),
      definition,
    });
  } else if (state === 'loading') description = fmt.t('state.loading');
  else if (state === 'empty') description = fmt.t('attribution.emptyDescription', { title: label });
  else description = fmt.t('state.error');

  const notes: AttributionNote[] = [];
  if (table && metric === 'returnOnSpend') {
    for (const kind of table.missing) {
      if (kind === 'noCost') notes.push({ kind, text: fmt.t('attribution.note.unknown') });
      else if (kind === 'zeroCost') notes.push({ kind, text: fmt.t('attribution.note.zeroCost') });
      else if (kind === 'none') notes.push({ kind, text: fmt.t('attribution.note.none') });
    }
    notes.push({ kind: 'breakEven', text: fmt.t('attribution.note.breakEven') });
  }

  const rootProps = useWidgetRoot({
    classNames: ['kpikit-card', 'kpikit-attribution-chart'],
    className: options.className,
    style: options.style,
    theme: options.theme,
    state,
    locale: fmt.locale,
    titleId,
    descriptionId,
    data: { metric, models: result?.models.length, unit: fmt.unit.kind },
  });

  return {
    state,
    fmt,
    titleId,
    descriptionId,
    readoutId,
    label,
    metric,
    metrics: available.map((choice) => ({ metric: choice, label: fmt.t(`attribution.metric.${choice}`), selected: choice === metric })),
    setMetric,
    table,
    showSpend: metric === 'returnOnSpend',
    hasCosts,
    summary,
    active: keyboard.active,
    readout,
    hint: fmt.t('attribution.hint'),
    notes,
    gridProps: keyboard.gridProps,
    dataTable,
    caption: options.caption !== undefined ? options.caption : definition,
    meta: options.meta !== undefined ? options.meta : ready ? rangeText(result, fmt) : undefined,
    errorContent: errorContent(options.error, fmt.t('state.error')),
    emptyContent: options.emptyMessage ?? fmt.t('attribution.empty'),
    emptyHint: fmt.t('attribution.emptyHint'),
    description,
    rootProps,
  };
}

/** One row per channel and model with every figure, unknown ones said in words. */
function screenReaderTable(
  result: AttributionResult,
  table: AttributionTable,
  fmt: Formatter,
  settings: { readonly currency: string; readonly moneyScale: number; readonly hasCosts: boolean },
): DataTableModel {
  const unknown = fmt.t('attribution.unknown');
  const money = (value: number | null) => (value === null ? unknown : fmt.currency(value / settings.moneyScale, settings.currency));
  const hasValue = result.value !== null;
  const columns = [fmt.t('attribution.channel'), fmt.t('attribution.table.model'), fmt.t('attribution.metric.conversions')];
  if (hasValue) columns.push(fmt.t('attribution.metric.value'));
  if (settings.hasCosts) {
    columns.push(fmt.t('attribution.spend'), fmt.t('attribution.table.costPerConversion'));
    if (hasValue) columns.push(fmt.t('attribution.metric.returnOnSpend'));
  }
  const rows: string[][] = [];
  for (const row of table.rows) {
    for (const cell of row.cells) {
      const figures = cell.figures;
      const line = [row.label, table.columns[cell.column]?.full ?? '', formatCredit(figures.conversions, fmt)];
      if (hasValue) line.push(money(figures.value));
      if (settings.hasCosts) {
        line.push(money(figures.cost), money(figures.costPerConversion));
        if (hasValue) line.push(figures.returnOnSpend === null ? unknown : formatMultiple(figures.returnOnSpend, fmt));
      }
      rows.push(line);
    }
  }
  return { caption: fmt.t('attribution.table'), columns, rows };
}
