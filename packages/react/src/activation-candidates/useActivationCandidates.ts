import type { ActivationCandidatesResult } from '@kpikit/core';
import { useParentSize } from '@visx/responsive';
import { useCallback, useMemo, useState, type ReactNode, type Ref } from 'react';
import type { DataTableModel } from '../a11y/DataTable';
import { useStableId } from '../a11y/useStableId';
import type { Formatter } from '../format/formatter';
import { resolveUnit, type UnitKind, type UnitLabel } from '../format/unit';
import { useFormatter } from '../format/useFormatter';
import { useGridKeyboard, type GridCellPosition, type GridProps } from '../internal/useGridKeyboard';
import { useWidgetRoot, type WidgetRootProps } from '../internal/useWidgetRoot';
import { errorContent, resolveState, type WidgetOptions, type WidgetState } from '../internal/widgetState';
import { activationTable, intervalBounds, type ActivationTable } from './candidateModel';
import { activationCatalogue } from './messages';
import { rowReadout, type ActivationReadout } from './readout';
import { SCATTER_FALLBACK_WIDTH, scatterModel, type ScatterModel } from './scatterModel';

/** Options of {@link useActivationCandidates} and `ActivationCandidates`. */
export interface ActivationCandidatesWidgetOptions extends WidgetOptions {
  /** An `activationCandidates()` result. */
  readonly data: ActivationCandidatesResult | null | undefined;
  /**
   * Who is new, for the words: `'user'`, `'account'`, `'group'` or a noun
   * (`{ one: 'workspace', other: 'workspaces' }`) in the widget's locale.
   * Default: that of `data` (a result counted by a group property that names
   * accounts reads as accounts, any other as groups), else users.
   */
  readonly unit?: UnitLabel | undefined;
  /** Display names of events, by event name. */
  readonly eventLabels?: Readonly<Record<string, string>> | undefined;
  /** How many signals show at first, and how many more each "Show more" adds. Default 10. */
  readonly pageSize?: number | undefined;
  /** Below this many eligible units, a note says the intervals are wide (`data-sample="few"`). Default 100. */
  readonly fewUnits?: number | undefined;
  /** The widget's title. Default: "Activation candidates". */
  readonly label?: string | undefined;
  /** Replaces the definition under the table; `null` hides it. */
  readonly caption?: ReactNode;
  /** Small text at the right of the title. Default: the range of start dates. */
  readonly meta?: ReactNode;
}

/** Why the widget is empty: no new units, all of them too recent, or no signal. */
export type ActivationEmptyReason = 'noUnits' | 'censored' | 'noCandidates';

/** The headline: overall retention of the eligible units, and the windows it was measured in. */
export interface ActivationSummary {
  readonly retentionText: string;
  readonly retentionLabel: string;
  readonly outcomeText: string;
  readonly actionText: string;
}

/** A note above or under the table. */
export interface ActivationNote {
  readonly kind: 'censored' | 'few' | 'crossesZero';
  readonly text: string;
}

/** What {@link useActivationCandidates} returns: everything `ActivationCandidates` renders. */
export interface ActivationCandidatesModel {
  readonly state: WidgetState;
  readonly fmt: Formatter;
  readonly titleId: string;
  readonly descriptionId: string;
  readonly readoutId: string;
  readonly label: string;
  /** Which noun the words use: `user`, `account`, `group`, or `custom` (the host's). */
  readonly unit: UnitKind;
  readonly summary: ActivationSummary | null;
  /** Censored units and few units, shown above the chart. */
  readonly notes: readonly ActivationNote[];
  /** The rows shown (the top `shown`) with their scales; `null` unless ready. */
  readonly table: ActivationTable | null;
  /** The scatter of the rows shown, at the container's width; `null` unless ready. */
  readonly scatter: ScatterModel | null;
  /** The scatter's container, measured. */
  readonly scatterRef: Ref<HTMLDivElement>;
  /** The row pointed at (in the table or the scatter) or focused; `null` when none is. */
  readonly current: number | null;
  readonly readout: ActivationReadout | null;
  readonly hint: string;
  /** The focusable cell of the table (roving tabindex). */
  readonly active: GridCellPosition;
  readonly gridProps: GridProps;
  /** Pointing at a point of the scatter (`null` when leaving it). */
  readonly pointAt: (index: number | null) => void;
  /** Signals in the result, and shown. */
  readonly total: number;
  readonly shown: number;
  readonly pageSize: number;
  readonly showMore: () => void;
  readonly showFewer: () => void;
  /** The "an interval that crosses 0 is not evidence" note, when some row's does. */
  readonly uncertaintyNote: string | null;
  /** The scatter's figures, for screen readers. */
  readonly scatterTable: DataTableModel | null;
  readonly caption: ReactNode;
  readonly meta: ReactNode;
  readonly emptyReason: ActivationEmptyReason | null;
  readonly errorContent: ReactNode;
  readonly emptyContent: ReactNode;
  readonly emptyHint: string;
  readonly description: string;
  readonly rootProps: WidgetRootProps;
}

/** Columns of the table: signal, reach, retention, lift, relative lift, recall, units who did it. */
export const ACTIVATION_COLUMNS = 7;

function emptyReasonOf(result: ActivationCandidatesResult | null): ActivationEmptyReason | null {
  if (!result || result.newUnits === 0) return 'noUnits';
  if (result.eligible === 0) return 'censored';
  return result.candidates.length === 0 ? 'noCandidates' : null;
}

function rangeText(result: ActivationCandidatesResult, fmt: Formatter): string | undefined {
  if (result.from === null || result.to === null) return undefined;
  const sameYear = result.from.slice(0, 4) === result.to.slice(0, 4);
  return fmt.t('activation.range', { from: fmt.date(result.from, sameYear ? 'short' : 'medium'), to: fmt.date(result.to, 'medium') });
}

/**
 * The headless activation candidates: the ranked signals of an
 * `activationCandidates()` result, the top `pageSize` first (more on
 * demand), every figure formatted, the reach and lift scales shared by the
 * table's bars and the reach × lift scatter, the row pointed at or focused
 * (in either) and its readout, the notes on censored units, small samples and
 * intervals that cross 0, the roving-tabindex keyboard model, the text
 * description and the screen-reader table of the scatter.
 *
 * @example
 * const result = activationCandidates(table, { days: 3, outcome: { day: 7, days: 7 }, pairs: 3 });
 * const widget = useActivationCandidates({ data: result });
 * widget.table?.rows[0]?.liftText; // '+27 pts'
 */
export function useActivationCandidates(options: ActivationCandidatesWidgetOptions): ActivationCandidatesModel {
  const result = options.data ?? null;
  const fmt = useFormatter(options.locale, options.messages, activationCatalogue, resolveUnit(options.unit, result?.unit));
  const titleId = useStableId('title');
  const descriptionId = useStableId('description');
  const readoutId = useStableId('readout');
  const emptyReason = emptyReasonOf(result);
  const state = resolveState(options, emptyReason !== null);
  const ready = state === 'ready' && result !== null;
  const unit = fmt.unit.kind;
  // "new accounts": the formatter's noun, with the adjective the language puts on it (French "nouvel utilisateur").
  const units = useCallback((count: number) => fmt.t(`activation.newUnits.${unit}`, {}, count), [fmt, unit]);

  const pageSize = Math.max(1, Math.floor(options.pageSize ?? 10));
  const [requested, setShown] = useState(pageSize);
  const total = result?.candidates.length ?? 0;
  const shown = Math.min(total, Math.max(pageSize, requested));
  const showMore = useCallback(() => {
    setShown((previous) => Math.max(previous, pageSize) + pageSize);
  }, [pageSize]);
  const showFewer = useCallback(() => {
    setShown(pageSize);
  }, [pageSize]);

  const { eventLabels } = options;
  const table = useMemo(
    () => (ready ? activationTable(result.candidates.slice(0, shown), fmt, eventLabels) : null),
    [ready, result, shown, fmt, eventLabels],
  );
  const { parentRef, width: measured } = useParentSize({ debounceTime: 50 });
  const width = measured > 0 ? Math.round(measured) : SCATTER_FALLBACK_WIDTH;
  const scatter = useMemo(() => (table ? scatterModel(table, width, fmt) : null), [table, width, fmt]);

  const keyboard = useGridKeyboard(table?.rows.length ?? 0, ACTIVATION_COLUMNS);
  const [point, setPoint] = useState<number | null>(null);
  const pointAt = useCallback((index: number | null) => {
    setPoint((previous) => (previous === index ? previous : index));
  }, []);
  const rowCount = table?.rows.length ?? 0;
  const pointed = point !== null && point < rowCount ? point : null;
  const current = pointed ?? keyboard.target?.row ?? null;
  const currentRow = current === null ? undefined : table?.rows[current];
  const readout = result && currentRow ? rowReadout(result, currentRow, fmt, units) : null;

  const scatterTable = useMemo((): DataTableModel | null => {
    if (!table) return null;
    return {
      caption: fmt.t('activation.scatterTable'),
      columns: [
        fmt.t('activation.signal'),
        fmt.t('activation.rank'),
        fmt.t('activation.reach'),
        fmt.t('activation.scatter.y'),
        fmt.t('activation.table.lower'),
        fmt.t('activation.table.upper'),
      ],
      rows: table.rows.map((row) => {
        const interval = row.candidate.liftInterval;
        const unknown = fmt.t('activation.unknown');
        const points = (value: number | undefined) =>
          value === undefined ? unknown : fmt.t('activation.points', { value: fmt.signed(value * 100, 1) });
        return [
          row.name,
          fmt.number(row.rank),
          row.candidate.reach === null ? unknown : row.reachText,
          row.candidate.lift === null ? unknown : row.liftText,
          points(interval?.lower),
          points(interval?.upper),
        ];
      }),
    };
  }, [table, fmt]);

  const label = options.label ?? fmt.t('activation.title');
  const start = result?.startEvent ?? 'signup';
  const windowText = result ? fmt.duration(result.days * 86_400_000) : '';
  const definition = result
    ? fmt.t('activation.definition', { units: units(2), start, window: windowText, keys: fmt.t('activation.keys') })
    : '';

  const summary: ActivationSummary | null = ready
    ? {
        retentionText: fmt.percent(result.retention),
        retentionLabel: fmt.t('activation.retainedOf', { count: fmt.number(result.eligible), units: units(result.eligible) }),
        outcomeText:
          result.outcome.days === null
            ? fmt.t('activation.outcome.unbounded', { from: fmt.number(result.outcome.day), start })
            : fmt.t('activation.outcome.window', {
                from: fmt.number(result.outcome.day),
                to: fmt.number(result.outcome.day + result.outcome.days),
                start,
              }),
        actionText: fmt.t('activation.actionWindow', { count: fmt.number(result.days) }, result.days),
      }
    : null;

  const fewUnits = options.fewUnits ?? 100;
  const few = ready && result.eligible < fewUnits;
  const notes: ActivationNote[] = [];
  if (ready && result.censored > 0) {
    notes.push({
      kind: 'censored',
      text: fmt.t(
        'activation.censored',
        { count: fmt.number(result.censored), units: units(result.censored), date: fmt.date(result.dataEnd, 'medium') },
        result.censored,
      ),
    });
  }
  if (few)
    notes.push({ kind: 'few', text: fmt.t('activation.few', { count: fmt.number(result.eligible), units: units(result.eligible) }) });

  let emptyContent: ReactNode = options.emptyMessage;
  let emptyHint = '';
  if (emptyReason === 'noUnits') {
    emptyContent ??= fmt.t('activation.empty.noUnits', { units: units(0) });
    emptyHint = fmt.t('activation.emptyHint.noUnits', { start });
  } else if (emptyReason === 'censored' && result) {
    emptyContent ??= fmt.t(
      'activation.empty.censored',
      { count: fmt.number(result.newUnits), units: units(result.newUnits) },
      result.newUnits,
    );
    emptyHint = fmt.t('activation.emptyHint.censored', { date: fmt.date(result.dataEnd, 'medium') });
  } else if (emptyReason === 'noCandidates') {
    emptyContent ??= fmt.t('activation.empty.noCandidates');
    emptyHint = fmt.t('activation.emptyHint.noCandidates');
  }

  let description: string;
  if (options.description) description = options.description;
  else if (ready && table) {
    const best = table.rows[0];
    const values = {
      title: label,
      candidates: fmt.t('activation.candidateCount', { count: fmt.number(total) }, total),
      retention: fmt.percent(result.retention),
      count: fmt.number(result.eligible),
      units: units(result.eligible),
      definition: notes.map((note) => note.text).join(' ') + (notes.length > 0 ? ' ' : '') + definition,
    };
    const interval = best?.candidate.liftInterval;
    description =
      best && interval
        ? fmt.t('activation.description', {
            ...values,
            best: best.name,
            reach: best.reachText,
            lift: best.liftText,
            ...intervalBounds(interval, fmt),
          })
        : fmt.t('activation.descriptionNoBest', values);
  } else if (state === 'loading') description = fmt.t('state.loading');
  else if (state === 'empty')
    description = fmt.t('activation.emptyDescription', { title: label, empty: typeof emptyContent === 'string' ? emptyContent : '' });
  else description = fmt.t('state.error');

  const rootProps = useWidgetRoot({
    classNames: ['kpikit-card', 'kpikit-activation-candidates'],
    className: options.className,
    style: options.style,
    theme: options.theme,
    state,
    locale: fmt.locale,
    titleId,
    descriptionId,
    data: {
      unit,
      candidates: ready ? total : undefined,
      shown: ready ? shown : undefined,
      censored: ready ? result.censored > 0 : undefined,
      sample: ready ? (few ? 'few' : 'enough') : undefined,
      pairs: ready ? result.candidates.some((candidate) => candidate.conditions.length > 1) : undefined,
      empty: state === 'empty' ? (emptyReason ?? undefined) : undefined,
    },
  });

  return {
    state,
    fmt,
    titleId,
    descriptionId,
    readoutId,
    label,
    unit,
    summary,
    notes,
    table,
    scatter,
    scatterRef: parentRef,
    current,
    readout,
    hint: fmt.t('activation.hint'),
    active: keyboard.active,
    gridProps: keyboard.gridProps,
    pointAt,
    total,
    shown,
    pageSize,
    showMore,
    showFewer,
    uncertaintyNote: table?.anyUncertain ? fmt.t('activation.note.crossesZero') : null,
    scatterTable,
    caption: options.caption !== undefined ? options.caption : definition,
    meta: options.meta !== undefined ? options.meta : ready ? rangeText(result, fmt) : undefined,
    emptyReason: state === 'empty' ? emptyReason : null,
    errorContent: errorContent(options.error, fmt.t('state.error')),
    emptyContent,
    emptyHint,
    description,
    rootProps,
  };
}
