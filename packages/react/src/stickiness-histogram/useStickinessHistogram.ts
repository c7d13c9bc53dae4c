import type { StickinessDistributionResult } from '@kpikit/core';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { DataTableModel } from '../a11y/DataTable';
import { useStableId } from '../a11y/useStableId';
import type { Formatter } from '../format/formatter';
import { useFormatter } from '../format/useFormatter';
import { useBarKeyboard, type BarPlotProps } from '../internal/useBarKeyboard';
import { useBoxWidth } from '../internal/useBoxWidth';
import { resolveUnit, type UnitLabel } from '../format/unit';
import { useWidgetRoot, type WidgetRootProps } from '../internal/useWidgetRoot';
import { errorContent, resolveState, type WidgetOptions, type WidgetState } from '../internal/widgetState';
import { histogramLayout, type HistogramLayout } from './histogramLayout';
import { stickinessHistogramCatalogue } from './messages';

/** What the bars count: units active in exactly k intervals, or in k or more. */
export type StickinessHistogramMode = 'exactly' | 'atLeast';

/** Options of {@link useStickinessHistogram} and `StickinessHistogram`. */
export interface StickinessHistogramOptions extends WidgetOptions {
  /** A `stickinessDistribution()` result. */
  readonly data: StickinessDistributionResult | null | undefined;
  /** Whom the words count: `'user'`, `'account'`, `'group'` or `{ one, other }`. Default: the result's unit, else users. */
  readonly unit?: UnitLabel | undefined;
  /** What the bars count (controlled). */
  readonly mode?: StickinessHistogramMode | undefined;
  /** What the bars count at first (uncontrolled). Default `exactly`. */
  readonly defaultMode?: StickinessHistogramMode | undefined;
  readonly onModeChange?: ((mode: StickinessHistogramMode) => void) | undefined;
  /** Show the exactly / at-least switch. Default `true`. */
  readonly modeSwitch?: boolean | undefined;
  /** The histogram's title. Default: "Stickiness". */
  readonly label?: string | undefined;
  /** Small text at the right of the title. Default: the range. */
  readonly meta?: ReactNode;
}

/** One bar's figures, formatted. */
export interface StickinessHistogramBarText {
  /** "5". */
  readonly k: string;
  /** The count the bar draws, and its share: "120", "12%". */
  readonly count: string;
  readonly share: string;
  /** The bar's accessible name. */
  readonly label: string;
}

/** What the readout says of one bar. */
export interface StickinessHistogramReadout {
  readonly index: number;
  /** "Active 5 of 7 days". */
  readonly title: string;
  readonly lines: readonly string[];
}

/** What {@link useStickinessHistogram} returns: everything `StickinessHistogram` renders. */
export interface StickinessHistogramModel {
  readonly state: WidgetState;
  readonly fmt: Formatter;
  readonly titleId: string;
  readonly descriptionId: string;
  readonly label: string;
  readonly unit: UnitLabel;
  readonly mode: StickinessHistogramMode;
  readonly modes: readonly { readonly mode: StickinessHistogramMode; readonly label: string; readonly selected: boolean }[];
  readonly setMode: (mode: StickinessHistogramMode) => void;
  readonly modeSwitch: boolean;
  readonly measureBox: (element: HTMLDivElement | null) => void;
  readonly layout: HistogramLayout | null;
  readonly bars: readonly StickinessHistogramBarText[];
  /** "4.2" and "days active on average"; `null` when no unit was active. */
  readonly mean: { readonly text: string; readonly label: string; readonly context: string; readonly mark: string } | null;
  readonly yTickText: (value: number) => string;
  readonly axisLabel: string;
  readonly active: number;
  readonly readout: StickinessHistogramReadout | null;
  readonly plotProps: BarPlotProps;
  readonly incompleteNote: string | null;
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

/**
 * The headless stickiness histogram: the units of a `stickinessDistribution()`
 * result by number of intervals active (1 … N), exactly k or k or more,
 * every count and share formatted, the bars laid out for the container's
 * width, the mean and its mark, the readout of the bar focused or pointed at,
 * the roving-tabindex keyboard model, the text description and the
 * screen-reader table.
 *
 * @example
 * const result = stickinessDistribution(events, { from: '2024-03-04', to: '2024-03-10' });
 * const histogram = useStickinessHistogram({ data: result });
 * histogram.mean?.text; // '3.4'
 */
export function useStickinessHistogram(options: StickinessHistogramOptions): StickinessHistogramModel {
  const result = options.data ?? null;
  const unit = resolveUnit(options.unit, result?.unit);
  const fmt = useFormatter(options.locale, options.messages, stickinessHistogramCatalogue, unit);
  const titleId = useStableId('title');
  const descriptionId = useStableId('description');
  const rows = useMemo(() => result?.rows ?? [], [result]);
  const state = resolveState(options, !result || result.units === 0 || rows.length === 0);
  const ready = state === 'ready' && result !== null;

  const [own, setOwn] = useState<StickinessHistogramMode>(options.defaultMode ?? 'exactly');
  const { onModeChange, mode: controlled } = options;
  const mode = controlled ?? own;
  const setMode = useCallback(
    (next: StickinessHistogramMode) => {
      if (controlled === undefined) setOwn(next);
      onModeChange?.(next);
    },
    [controlled, onModeChange],
  );

  const [measureBox, measured] = useBoxWidth();
  const width = measured ?? SSR_WIDTH;
  const mean = result?.mean ?? null;
  const values = useMemo(() => rows.map((row) => (mode === 'exactly' ? row.units : row.atLeast)), [rows, mode]);
  const layout = useMemo(() => (ready ? histogramLayout(values, width, mean) : null), [ready, values, width, mean]);

  const interval = result?.interval ?? 'day';
  const n = result?.intervals ?? 0;
  const intervalWord = (count: number) => fmt.t(`stickinessHistogram.interval.${interval}`, {}, count);
  const intervalsText = `${fmt.number(n)} ${intervalWord(n)}`;
  const exactlyLine = (index: number) => {
    const row = rows[index]!;
    return fmt.t(
      'stickinessHistogram.readout.exactly',
      { count: fmt.count(row.units), k: fmt.number(row.activeIntervals), share: fmt.percent(row.share) },
      row.units,
    );
  };
  const atLeastLine = (index: number) => {
    const row = rows[index]!;
    return fmt.t(
      'stickinessHistogram.readout.atLeast',
      { count: fmt.count(row.atLeast), k: fmt.number(row.activeIntervals), share: fmt.percent(row.atLeastShare) },
      row.atLeast,
    );
  };
  const titleOf = (index: number) => {
    const k = rows[index]?.activeIntervals ?? 0;
    // "{interval}" agrees with n ("1 of 7 days"), "{intervalK}" with k ("1 semaine sur 4").
    return fmt.t(
      'stickinessHistogram.readout.title',
      { k: fmt.number(k), n: fmt.number(n), interval: intervalWord(n), intervalK: intervalWord(k) },
      n,
    );
  };

  const bars: StickinessHistogramBarText[] = ready
    ? rows.map((row, index) => ({
        k: fmt.number(row.activeIntervals),
        count: fmt.compact(mode === 'exactly' ? row.units : row.atLeast),
        share: fmt.percent(mode === 'exactly' ? row.share : row.atLeastShare),
        label: `${titleOf(index)}: ${mode === 'exactly' ? exactlyLine(index) : atLeastLine(index)}`,
      }))
    : [];

  const keyboard = useBarKeyboard(ready ? rows.length : 0, Math.max(0, rows.length - 1));
  const shown = keyboard.target ?? keyboard.active;
  const readout: StickinessHistogramReadout | null =
    ready && rows[shown]
      ? {
          index: shown,
          title: titleOf(shown),
          lines: mode === 'exactly' ? [exactlyLine(shown), atLeastLine(shown)] : [atLeastLine(shown), exactlyLine(shown)],
        }
      : null;

  const meanModel =
    ready && mean !== null
      ? {
          text: fmt.number(mean, { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
          label: fmt.t('stickinessHistogram.mean', { interval: intervalWord(mean) }, mean),
          context: fmt.t('stickinessHistogram.of', { count: fmt.count(result.units), intervals: intervalsText }, result.units),
          mark: fmt.t('stickinessHistogram.meanMark', { value: fmt.number(mean, { maximumFractionDigits: 1, minimumFractionDigits: 1 }) }),
        }
      : null;

  const dataTable = useMemo((): DataTableModel | null => {
    if (!ready) return null;
    return {
      caption: fmt.t('stickinessHistogram.table'),
      columns: [
        fmt.t('stickinessHistogram.table.k'),
        fmt.t('stickinessHistogram.table.exactly'),
        fmt.t('stickinessHistogram.table.share'),
        fmt.t('stickinessHistogram.table.atLeast'),
        fmt.t('stickinessHistogram.table.atLeastShare'),
      ],
      rows: rows.map((row) => [
        fmt.number(row.activeIntervals),
        fmt.count(row.units),
        fmt.percent(row.share),
        fmt.count(row.atLeast),
        fmt.percent(row.atLeastShare),
      ]),
    };
  }, [ready, rows, fmt]);

  const label = options.label ?? fmt.t('stickinessHistogram.title');
  const incompleteNote = ready && result.incomplete ? fmt.t('stickinessHistogram.note.incomplete', { interval: intervalWord(1) }) : null;
  let description: string;
  if (options.description) description = options.description;
  else if (ready && meanModel) {
    const top = rows.reduce((best, row) => (row.units > best.units ? row : best), rows[0]!);
    description = fmt
      .t('stickinessHistogram.description', {
        title: label,
        count: fmt.count(result.units),

        intervals: intervalsText,
        mean: `${meanModel.text} ${meanModel.label}`,
        mode: `${fmt.number(top.activeIntervals)} ${intervalWord(top.activeIntervals)}`,
        modeShare: fmt.percent(top.share),
        incomplete: incompleteNote ?? '',
      })
      .trim();
  } else if (state === 'loading') description = fmt.t('state.loading');
  else if (state === 'empty') description = fmt.t('stickinessHistogram.emptyDescription', { title: label });
  else description = fmt.t('state.error');

  const rootProps = useWidgetRoot({
    classNames: ['kpikit-card', 'kpikit-stickiness-histogram'],
    className: options.className,
    style: options.style,
    theme: options.theme,
    state,
    locale: fmt.locale,
    titleId,
    descriptionId,
    data: {
      interval: result?.interval,
      intervals: ready ? n : undefined,
      mode,
      incomplete: ready ? result.incomplete : undefined,
      unit: fmt.unit.kind,
    },
  });

  const sameYear = result?.from?.slice(0, 4) === result?.to?.slice(0, 4);
  return {
    state,
    fmt,
    titleId,
    descriptionId,
    label,
    unit,
    mode,
    modes: (['exactly', 'atLeast'] as const).map((choice) => ({
      mode: choice,
      label: fmt.t(`stickinessHistogram.mode.${choice}`),
      selected: choice === mode,
    })),
    setMode,
    modeSwitch: options.modeSwitch ?? true,
    measureBox,
    layout,
    bars,
    mean: meanModel,
    yTickText: (value) => fmt.compact(value),
    axisLabel: `${fmt.t('stickinessHistogram.axis')} (${intervalWord(2)})`,
    active: keyboard.active,
    readout,
    plotProps: keyboard.plotProps,
    incompleteNote,
    hint: fmt.t('stickinessHistogram.hint'),
    dataTable,
    meta:
      options.meta !== undefined
        ? options.meta
        : ready && result.from && result.to
          ? fmt.t('stickinessHistogram.range', {
              from: fmt.date(result.from, sameYear ? 'short' : 'medium'),
              to: fmt.date(result.to, 'medium'),
            })
          : undefined,
    errorContent: errorContent(options.error, fmt.t('state.error')),
    emptyContent: options.emptyMessage ?? fmt.t('stickinessHistogram.empty'),
    emptyHint: fmt.t('stickinessHistogram.emptyHint'),
    description,
    rootProps,
  };
}
