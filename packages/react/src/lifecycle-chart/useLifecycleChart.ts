import type { LifecycleResult, LifecycleRow } from '@kpikit/core';
import { useMemo, type ReactNode } from 'react';
import type { DataTableModel } from '../a11y/DataTable';
import { useStableId } from '../a11y/useStableId';
import type { Formatter } from '../format/formatter';
import { useFormatter } from '../format/useFormatter';
import { useBarKeyboard, type BarPlotProps } from '../internal/useBarKeyboard';
import { useBoxWidth } from '../internal/useBoxWidth';
import { resolveUnit, type UnitLabel } from '../format/unit';
import { useWidgetRoot, type WidgetRootProps } from '../internal/useWidgetRoot';
import { errorContent, resolveState, type WidgetOptions, type WidgetState } from '../internal/widgetState';
import { LEGEND_ORDER, lifecycleLayout, type LifecycleLayout, type LifecycleStatus } from './lifecycleLayout';
import { lifecycleCatalogue } from './messages';
import { intervalDays, periodName, periodTick } from './periodLabels';

/** Options of {@link useLifecycleChart} and `LifecycleChart`. */
export interface LifecycleChartOptions extends WidgetOptions {
  /** A `lifecycle()` result. */
  readonly data: LifecycleResult | null | undefined;
  /** Whom the words count: `'user'`, `'account'`, `'group'` or `{ one, other }`. Default: the result's unit (accounts for `{ group: 'accountId' }`), else users. */
  readonly unit?: UnitLabel | undefined;
  /** The chart's title. Default: "Lifecycle". */
  readonly label?: string | undefined;
  /** Small text at the right of the title. Default: the range. */
  readonly meta?: ReactNode;
}

/** The figures of one interval, formatted: the readout's and the bar's accessible name. */
export interface LifecycleReadout {
  readonly index: number;
  /** "Week of Mar 4, 2024". */
  readonly title: string;
  /** "120". */
  readonly activeText: string;
  /** "active users". */
  readonly activeLabel: string;
  readonly statuses: readonly { readonly status: LifecycleStatus; readonly label: string; readonly text: string }[];
  /** "Incomplete: 3 of its 7 days counted", or `null`. */
  readonly incomplete: string | null;
}

/** What {@link useLifecycleChart} returns: everything `LifecycleChart` renders. */
export interface LifecycleChartModel {
  readonly state: WidgetState;
  readonly fmt: Formatter;
  readonly titleId: string;
  readonly descriptionId: string;
  readonly hatchId: string;
  readonly label: string;
  readonly unit: UnitLabel;
  /** Measure the plot's container with this ref; the layout follows its width. */
  readonly measureBox: (element: HTMLDivElement | null) => void;
  readonly layout: LifecycleLayout | null;
  /** Axis label of each interval. */
  readonly ticks: readonly string[];
  readonly yTickText: (value: number) => string;
  readonly legend: readonly { readonly status: LifecycleStatus; readonly label: string }[];
  /** Accessible name of each interval's bar. */
  readonly barLabels: readonly string[];
  /** The interval with the tab stop, and the one pointed at or focused (else the tab stop's). */
  readonly active: number;
  readonly readout: LifecycleReadout | null;
  readonly plotProps: BarPlotProps;
  readonly hasIncomplete: boolean;
  readonly incompleteNote: string;
  readonly hint: string;
  readonly dataTable: DataTableModel | null;
  readonly meta: ReactNode;
  readonly errorContent: ReactNode;
  readonly emptyContent: ReactNode;
  readonly emptyHint: string;
  readonly description: string;
  readonly rootProps: WidgetRootProps;
}

const SSR_WIDTH = 560;

/** About how wide a label is at the axis's 11 px: CJK characters take a full em, others about 0.6. */
const textWidth = (text: string): number => {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 11 : 6.5;
  return width;
};

function readoutOf(result: LifecycleResult, index: number, fmt: Formatter): LifecycleReadout | null {
  const row = result.rows[index];
  if (!row) return null;
  const total = intervalDays(result.interval, row.period);
  return {
    index,
    title: periodName(result.interval, row.period, fmt),
    activeText: fmt.count(row.active),
    activeLabel: fmt.t('lifecycle.activeLabel', {}, row.active),
    statuses: LEGEND_ORDER.map((status) => ({
      status,
      label: fmt.t(`lifecycle.${status}`),
      text: fmt.count(Math.abs(row[status])),
    })),
    incomplete: row.incomplete ? fmt.t('lifecycle.incomplete', { days: fmt.number(row.days), total: fmt.number(total) }) : null,
  };
}

function sentences(row: LifecycleRow, fmt: Formatter): { active: string; parts: string; lost: string } {
  return {
    active: fmt.t('lifecycle.active', { count: fmt.count(row.active) }, row.active),
    parts: fmt.t('lifecycle.parts', {
      new: fmt.count(row.new),
      returning: fmt.count(row.returning),
      resurrecting: fmt.count(row.resurrecting),
    }),
    lost: fmt.count(-row.dormant),
  };
}

/**
 * The headless lifecycle chart: the stacked bars of a `lifecycle()` result
 * laid out for the container's width (new, returning and resurrecting above
 * the axis, dormant below it), thinned axis labels, the readout of the
 * interval focused or pointed at (the last complete one at first), the
 * roving-tabindex keyboard model, the incomplete intervals, the text
 * description and the screen-reader table.
 *
 * @example
 * const result = lifecycle(events, { interval: 'week', from: '2024-03-04', to: '2024-03-31' });
 * const chart = useLifecycleChart({ data: result });
 * chart.readout?.statuses[0]; // { status: 'new', label: 'New', text: '12' }
 */
export function useLifecycleChart(options: LifecycleChartOptions): LifecycleChartModel {
  const result = options.data ?? null;
  const unit = resolveUnit(options.unit, result?.unit);
  const fmt = useFormatter(options.locale, options.messages, lifecycleCatalogue, unit);
  const titleId = useStableId('title');
  const descriptionId = useStableId('description');
  const hatchId = useStableId('hatch');
  const rows = useMemo(() => result?.rows ?? [], [result]);
  const empty = !result || rows.length === 0 || rows.every((row) => row.active === 0 && row.dormant === 0);
  const state = resolveState(options, empty);
  const ready = state === 'ready' && result !== null;
  const [measureBox, measured] = useBoxWidth();
  const width = measured ?? SSR_WIDTH;

  const interval = result?.interval ?? 'day';
  const ticks = useMemo(() => rows.map((row) => periodTick(interval, row.period, fmt)), [rows, interval, fmt]);
  const tickWidth = Math.max(...ticks.map(textWidth), 6.5) + 10;
  const layout = useMemo(() => (ready ? lifecycleLayout(rows, width, tickWidth) : null), [ready, rows, width, tickWidth]);

  // The last complete interval first: an incomplete last one would read as a drop.
  let initial = rows.length - 1;
  while (initial > 0 && rows[initial]?.incomplete) initial -= 1;
  const keyboard = useBarKeyboard(ready ? rows.length : 0, initial);
  const shown = keyboard.target ?? keyboard.active;
  const readout = ready ? readoutOf(result, shown, fmt) : null;

  const barLabels = useMemo(
    () =>
      ready
        ? rows.map((row) => {
            const text = sentences(row, fmt);
            const name = periodName(interval, row.period, fmt);
            const period = row.incomplete ? `${name} (${fmt.t('lifecycle.incompleteShort')})` : name;
            return fmt.t('lifecycle.bar', { period, ...text });
          })
        : [],
    [ready, rows, fmt, interval],
  );

  const dataTable = useMemo((): DataTableModel | null => {
    if (!ready) return null;
    const columns = [
      fmt.t('lifecycle.table.interval'),
      ...LEGEND_ORDER.map((status) => fmt.t(`lifecycle.${status}`)),
      fmt.t('lifecycle.table.active'),
      fmt.t('lifecycle.table.days'),
    ];
    const body = rows.map((row) => {
      const total = intervalDays(interval, row.period);
      const days = row.incomplete
        ? `${fmt.t('lifecycle.table.daysOf', { days: fmt.number(row.days), total: fmt.number(total) })} (${fmt.t('lifecycle.incompleteShort')})`
        : fmt.number(row.days);
      return [
        periodName(interval, row.period, fmt),
        ...LEGEND_ORDER.map((status) => fmt.count(Math.abs(row[status]))),
        fmt.count(row.active),
        days,
      ];
    });
    return { caption: fmt.t('lifecycle.table'), columns, rows: body };
  }, [ready, rows, fmt, interval]);

  const label = options.label ?? fmt.t('lifecycle.title');
  const incompleteCount = rows.filter((row) => row.incomplete).length;
  let description: string;
  if (options.description) description = options.description;
  else if (ready) {
    const last = rows[rows.length - 1]!;
    description = fmt
      .t('lifecycle.description', {
        title: label,
        interval: fmt.t(`lifecycle.interval.${interval}`, {}, 1),
        count: `${fmt.number(rows.length)} ${fmt.t(`lifecycle.interval.${interval}`, {}, rows.length)}`,
        from: fmt.date(result.from, 'medium'),
        to: fmt.date(result.to, 'medium'),
        last: periodName(interval, last.period, fmt),
        ...sentences(last, fmt),
        incomplete:
          incompleteCount > 0 ? fmt.t('lifecycle.description.incomplete', { count: fmt.number(incompleteCount) }, incompleteCount) : '',
      })
      .trim();
  } else if (state === 'loading') description = fmt.t('state.loading');
  else if (state === 'empty') description = fmt.t('lifecycle.emptyDescription', { title: label });
  else description = fmt.t('state.error');

  const rootProps = useWidgetRoot({
    classNames: ['kpikit-card', 'kpikit-lifecycle-chart'],
    className: options.className,
    style: options.style,
    theme: options.theme,
    state,
    locale: fmt.locale,
    titleId,
    descriptionId,
    data: {
      interval: result?.interval,
      intervals: ready ? rows.length : undefined,
      incomplete: ready ? incompleteCount : undefined,
      unit: fmt.unit.kind,
    },
  });

  const sameYear = result?.from?.slice(0, 4) === result?.to?.slice(0, 4);
  return {
    state,
    fmt,
    titleId,
    descriptionId,
    hatchId,
    label,
    unit,
    measureBox,
    layout,
    ticks,
    yTickText: (value) => fmt.compact(value),
    legend: LEGEND_ORDER.map((status) => ({
      status,
      label: fmt.t(status === 'dormant' ? 'lifecycle.legend.dormant' : `lifecycle.${status}`),
    })),
    barLabels,
    active: keyboard.active,
    readout,
    plotProps: keyboard.plotProps,
    hasIncomplete: incompleteCount > 0,
    incompleteNote: fmt.t('lifecycle.note.incomplete'),
    hint: fmt.t('lifecycle.hint'),
    dataTable,
    meta:
      options.meta !== undefined
        ? options.meta
        : ready && result.from && result.to
          ? fmt.t('lifecycle.range', { from: fmt.date(result.from, sameYear ? 'short' : 'medium'), to: fmt.date(result.to, 'medium') })
          : undefined,
    errorContent: errorContent(options.error, fmt.t('state.error')),
    emptyContent: options.emptyMessage ?? fmt.t('lifecycle.empty'),
    emptyHint: fmt.t('lifecycle.emptyHint'),
    description,
    rootProps,
  };
}
