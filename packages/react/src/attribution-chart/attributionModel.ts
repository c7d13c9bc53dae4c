import type { AttributionFigures, AttributionResult, AttributionRow } from '@kpikit/core';
import type { Formatter } from '../format/formatter';
import { modelName, type AttributionModelName } from './modelNames';

/** What the bars and numbers show: credited conversions, credited value, or value over spend. */
export type AttributionMetric = 'conversions' | 'value' | 'returnOnSpend';

/** How the result's values and costs are expressed: whole currency units, or minor ones (cents) as subscription values are. */
export type AttributionValueUnits = 'major' | 'minor';

/** Why a figure is not shown: no cost entry for the channel, a spend of 0, no conversion credited, or the `none` row. */
export type AttributionMissingReason = 'noCost' | 'zeroCost' | 'noCredit' | 'none';

/** One model's column. */
export interface AttributionColumnModel extends AttributionModelName {
  readonly index: number;
}

/** One channel × model cell in the current metric. */
export interface AttributionCellModel {
  readonly row: number;
  readonly column: number;
  readonly figures: AttributionFigures;
  /** The figure shown, in major units for money; `null` when unknown. */
  readonly value: number | null;
  /** "41.5", "$3,120", "2.60×", or "—". */
  readonly text: string;
  /** The bar's length in [0, 1] of the largest figure in the table (bars start at zero). */
  readonly share: number;
  /** Why `value` is `null`. */
  readonly missing: AttributionMissingReason | null;
}

/** One row: a channel, or the conversions without a touch. */
export interface AttributionRowModel {
  readonly index: number;
  readonly kind: 'channel' | 'none';
  /** The channel as core names it; `null` for the `none` row. */
  readonly channel: string | null;
  readonly label: string;
  /** Spend in the range, the same in every model (major units); `null` when unknown. */
  readonly cost: number | null;
  readonly costText: string;
  readonly cells: readonly AttributionCellModel[];
}

/** The settings the table is built with. */
export interface AttributionTableSettings {
  readonly metric: AttributionMetric;
  readonly currency: string;
  /** Divides money by this to get major units (1, or 100 for cents of most currencies). */
  readonly moneyScale: number;
  readonly channelLabels: Readonly<Record<string, string>> | undefined;
  readonly sort: 'credit' | 'channel';
}

/** The table: columns, rows and the domain of the bars. */
export interface AttributionTable {
  readonly columns: readonly AttributionColumnModel[];
  readonly rows: readonly AttributionRowModel[];
  /** The figure a full bar stands for. */
  readonly max: number;
  /** Where 1× falls on the bars (return on spend only), in [0, 1]; else `null`. */
  readonly breakEven: number | null;
  /** The reasons for the "—" shown, in the order the notes list them. */
  readonly missing: readonly AttributionMissingReason[];
}

/** The figures of one channel in each model, matched by channel (core lists them in the same order, but a hand-made result may not). */
function rowsByChannel(result: AttributionResult): Map<string | null, (AttributionRow | undefined)[]> {
  const byChannel = new Map<string | null, (AttributionRow | undefined)[]>();
  result.models.forEach((model, m) => {
    for (const row of model.rows) {
      let figures = byChannel.get(row.channel);
      if (!figures) {
        figures = Array.from({ length: result.models.length }, () => undefined);
        byChannel.set(row.channel, figures);
      }
      figures[m] = row;
    }
  });
  return byChannel;
}

const EMPTY: AttributionFigures = {
  conversions: 0,
  value: null,
  touches: 0,
  units: 0,
  cost: null,
  costPerConversion: null,
  returnOnSpend: null,
};

/** Credited conversions: up to one decimal, "< 0.1" for a sliver, compact from 10,000. */
export function formatCredit(value: number, fmt: Formatter): string {
  if (Math.abs(value) >= 10_000) return fmt.compact(value);
  if (value > 0 && value < 0.05) return fmt.t('attribution.lessThan', { value: fmt.number(0.1) });
  return fmt.number(value, { maximumFractionDigits: 1 });
}

/** A return on spend as a multiple: "2.60×" below 10, "12.5×" below 100, then whole. */
export function formatMultiple(value: number | null, fmt: Formatter): string {
  if (value === null || !Number.isFinite(value)) return fmt.number(null);
  const digits = value < 10 ? 2 : value < 100 ? 1 : 0;
  return fmt.t('attribution.times', { value: fmt.number(value, { minimumFractionDigits: digits, maximumFractionDigits: digits }) });
}

function missingReason(row: AttributionRow | undefined, metric: AttributionMetric): AttributionMissingReason | null {
  if (metric !== 'returnOnSpend') return null;
  if (!row || row.channel === null) return 'none';
  if (row.cost === null) return 'noCost';
  return row.cost === 0 ? 'zeroCost' : null;
}

/**
 * The channel × model table of an `attribution()` result in one metric: rows
 * sorted by their mean credited conversions over the models (or by channel),
 * the `none` row last; every figure formatted; bars on one domain from zero
 * to the largest figure of the table (to at least 1× for return on spend, so
 * that the break-even line is always on the bars).
 */
export function attributionTable(result: AttributionResult, fmt: Formatter, settings: AttributionTableSettings): AttributionTable {
  const { metric, currency, moneyScale } = settings;
  const columns = result.models.map((spec, index) => ({ index, ...modelName(spec, fmt) }));
  const money = (value: number | null): number | null => (value === null ? null : value / moneyScale);
  const pick = (row: AttributionRow | undefined): number | null => {
    if (!row) return null;
    if (metric === 'conversions') return row.conversions;
    if (metric === 'value') return money(row.value);
    return row.returnOnSpend;
  };

  const byChannel = rowsByChannel(result);
  const mean = (figures: readonly (AttributionRow | undefined)[]) =>
    figures.reduce((sum, row) => sum + (row?.conversions ?? 0), 0) / Math.max(1, figures.length);
  const entries = [...byChannel.entries()].filter(([channel]) => channel !== null);
  if (settings.sort === 'credit') entries.sort((a, b) => mean(b[1]) - mean(a[1]) || compareText(a[0], b[0]));
  else entries.sort((a, b) => compareText(a[0], b[0]));
  const none = byChannel.get(null);
  if (none) entries.push([null, none]);

  let max = 0;
  for (const [, figures] of entries) {
    for (const row of figures) {
      const value = pick(row);
      if (value !== null && Number.isFinite(value)) max = Math.max(max, value);
    }
  }
  if (metric === 'returnOnSpend') max = Math.max(1, max);

  const reasons = new Set<AttributionMissingReason>();
  const rows = entries.map(([channel, figures], index): AttributionRowModel => {
    const first = figures.find((row) => row !== undefined);
    const cost = money(first?.cost ?? null);
    const cells = figures.map((row, column): AttributionCellModel => {
      const raw = pick(row);
      const value = raw !== null && Number.isFinite(raw) ? raw : null;
      const missing = value === null ? missingReason(row, metric) : null;
      if (missing) reasons.add(missing);
      let text: string;
      if (value === null) text = fmt.number(null);
      else if (metric === 'conversions') text = formatCredit(value, fmt);
      else if (metric === 'value') text = fmt.currency(value, currency);
      else text = formatMultiple(value, fmt);
      return {
        row: index,
        column,
        figures: row ?? EMPTY,
        value,
        text,
        share: value !== null && max > 0 ? Math.min(1, Math.max(0, value / max)) : 0,
        missing,
      };
    });
    return {
      index,
      kind: channel === null ? 'none' : 'channel',
      channel,
      label: channelLabel(channel, fmt, settings.channelLabels),
      cost,
      costText: fmt.currency(cost, currency),
      cells,
    };
  });
  const order: readonly AttributionMissingReason[] = ['noCost', 'zeroCost', 'none'];
  return {
    columns,
    rows,
    max,
    breakEven: metric === 'returnOnSpend' ? 1 / max : null,
    missing: order.filter((reason) => reasons.has(reason)),
  };
}

/** A channel's display name: the host's label, "(empty)" for the empty channel, "No touch" for `null`. */
export function channelLabel(channel: string | null, fmt: Formatter, labels: Readonly<Record<string, string>> | undefined): string {
  if (channel === null) return fmt.t('attribution.none');
  const own = labels?.[channel];
  if (own !== undefined) return own;
  return channel === '' ? fmt.t('attribution.emptyChannel') : channel;
}

/** Code-unit order, as core orders channels, so that the order does not depend on the viewer's locale. */
function compareText(a: string | null, b: string | null): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}
