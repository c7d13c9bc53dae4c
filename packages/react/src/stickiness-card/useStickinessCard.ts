import type { ActiveUsersResult, ActiveUsersRow, GoodDirection } from '@kpikit/core';
import type { ReactNode } from 'react';
import { resolveUnit, type UnitLabel } from '../format/unit';
import { useFormatter } from '../format/useFormatter';
import type { KpiCardModel, KpiCardOptions } from '../kpi-card/useKpiCard';
import { useKpiCard } from '../kpi-card/useKpiCard';
import { stickinessCatalogue } from './messages';

/**
 * What the headline summarises. `average` (the default): the mean DAU of the
 * last 30 days divided by the MAU of the last day (the users active in those
 * same 30 days), the classic DAU/MAU ratio, which weekends and holidays do
 * not swing. `latest`: the last day's own ratio.
 */
export type StickinessSummary = 'average' | 'latest';

/** Options of {@link useStickinessCard} and `StickinessCard`. */
export interface StickinessCardOptions extends Omit<
  KpiCardOptions,
  | 'label'
  | 'value'
  | 'previous'
  | 'format'
  | 'currency'
  | 'compact'
  | 'deltaKind'
  | 'sparkline'
  | 'sparklineLabels'
  | 'sparklineLabel'
  | 'details'
  | 'goodDirection'
> {
  /** The rows of core's `activeUsers` (or its whole result), in any order. */
  readonly data: ActiveUsersResult | readonly ActiveUsersRow[] | null | undefined;
  /**
   * The previous period: its `activeUsers` rows (summarised the same way) or
   * a ratio in [0, 1]. Shows the change in percentage points.
   */
  readonly previous?: ActiveUsersResult | readonly ActiveUsersRow[] | number | null | undefined;
  /** What the headline summarises. Default `average`. */
  readonly summary?: StickinessSummary | undefined;
  /** Whether a rising ratio is good. Default `up`. */
  readonly goodDirection?: GoodDirection | undefined;
  /**
   * What is counted, for the words: `'user'`, `'account'`, `'group'` or a noun
   * (`{ one: 'workspace', other: 'workspaces' }`) in the card's locale. Users
   * read "DAU" and "MAU"; any other unit reads "Daily active" and "Monthly
   * active" with its noun in the definition. Default: that of `data` when it
   * is a whole `activeUsers` result at a group's grain, else users.
   */
  readonly unit?: UnitLabel | undefined;
  /** The card's title. Default: "Stickiness". */
  readonly label?: string | undefined;
  /** Replaces the definition shown under the card; `null` hides it. */
  readonly caption?: ReactNode;
}

/** The headline figures of a period. */
export interface StickinessFigures {
  /** DAU/MAU, in [0, 1]. */
  readonly ratio: number;
  /** Mean DAU of the window (`average`) or the last day's DAU (`latest`). */
  readonly dau: number;
  /** MAU of the last day. */
  readonly mau: number;
  /** The first day averaged over (`average`), or the last day. */
  readonly from: string;
  /** The last day with a ratio. */
  readonly date: string;
}

/** What {@link useStickinessCard} returns: the composed KPI card's model and the figures it headlines. */
export interface StickinessCardModel {
  readonly card: KpiCardModel;
  /** The headline figures, or `null` when no day has a ratio. */
  readonly figures: StickinessFigures | null;
  /** The rows in date order. */
  readonly rows: readonly ActiveUsersRow[];
}

function rowsOf(data: ActiveUsersResult | readonly ActiveUsersRow[] | null | undefined): readonly ActiveUsersRow[] {
  if (!data) return [];
  const rows = Array.isArray(data) ? (data as readonly ActiveUsersRow[]) : (data as ActiveUsersResult).rows;
  // Dates are ISO `YYYY-MM-DD`, so string order is date order.
  return [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const MAU_WINDOW = 30;
const DAY = 86_400_000;

/**
 * The headline figures of rows in date order, up to the last day that has a
 * ratio (later days, with nobody active in 30 days, have none). The average
 * runs over the rows of the last day's 30-day MAU window only: every user
 * counted in a DAU there is in that MAU, so the ratio stays in [0, 1].
 *
 * @example
 * stickinessFigures(rows, 'average'); // { ratio: 0.19, dau: 143.2, mau: 750, from: '2024-03-02', date: '2024-03-31' }
 */
export function stickinessFigures(rows: readonly ActiveUsersRow[], summary: StickinessSummary): StickinessFigures | null {
  let last = rows.length - 1;
  while (last >= 0 && !(rows[last]!.mau > 0)) last--;
  if (last < 0) return null;
  const end = rows[last]!;
  if (summary === 'latest') return { ratio: end.dau / end.mau, dau: end.dau, mau: end.mau, from: end.date, date: end.date };
  const endTime = Date.parse(end.date);
  let sum = 0;
  let days = 0;
  let from = end.date;
  for (let i = last; i >= 0; i--) {
    const row = rows[i]!;
    if (endTime - Date.parse(row.date) >= MAU_WINDOW * DAY) break;
    sum += row.dau;
    days += 1;
    from = row.date;
  }
  const dau = sum / days;
  return { ratio: dau / end.mau, dau, mau: end.mau, from, date: end.date };
}

/**
 * The headless stickiness card. The headline is DAU/MAU summarised over the
 * period (see {@link StickinessSummary}), with the DAU and MAU it divides
 * beside it; the sparkline draws the daily ratio; the change compares with
 * the previous period summarised the same way, in percentage points.
 *
 * @example
 * const { rows } = activeUsers(events, { from: '2024-03-01', to: '2024-03-31' });
 * const { card, figures } = useStickinessCard({ data: rows });
 * card.valueText; // '19%'
 */
export function useStickinessCard(options: StickinessCardOptions): StickinessCardModel {
  const fromResult = options.data && !Array.isArray(options.data) ? (options.data as ActiveUsersResult).unit : undefined;
  const fmt = useFormatter(options.locale, options.messages, stickinessCatalogue, resolveUnit(options.unit, fromResult));
  // "DAU" and "MAU" say users: any other unit spells its words out.
  const k = fmt.unit.kind === 'user' ? 'stickiness' : 'stickiness.grouped';
  const summary = options.summary ?? 'average';
  const rows = rowsOf(options.data);
  const figures = stickinessFigures(rows, summary);
  const previous =
    typeof options.previous === 'number' || options.previous === null || options.previous === undefined
      ? options.previous
      : (stickinessFigures(rowsOf(options.previous), summary)?.ratio ?? null);
  const label = options.label ?? fmt.t('stickiness.title');
  const dates = rows.map((row) => fmt.date(row.date));
  const average = summary === 'average';
  const range = figures ? fmt.t('sparkline.range', { from: fmt.date(figures.from), to: fmt.date(figures.date) }) : '';
  const caption =
    options.caption !== undefined
      ? options.caption
      : average && figures
        ? fmt.t(`${k}.definitionAverage`, { range, date: fmt.date(figures.date) })
        : fmt.t(`${k}.definition`);
  // A mean DAU keeps one decimal while it is small (2.5 users a day is not 3).
  const dauText = figures
    ? average && figures.dau < 100
      ? fmt.number(figures.dau, { maximumFractionDigits: 1 })
      : fmt.count(figures.dau)
    : '';

  const card = useKpiCard(
    {
      ...options,
      label,
      value: figures?.ratio ?? null,
      previous,
      format: 'percent',
      deltaKind: 'percentagePoints',
      sparkline: rows.length > 1 ? rows.map((row) => row.stickiness) : undefined,
      sparklineLabels: dates,
      sparklineLabel: fmt.t(`${k}.series`),
      details: figures
        ? [
            { label: fmt.t(average ? `${k}.averageDau` : `${k}.dau`), value: dauText },
            { label: fmt.t(`${k}.mau`), value: fmt.count(figures.mau) },
          ]
        : [],
      meta: options.meta ?? (figures ? fmt.date(figures.date, 'medium') : undefined),
      caption,
      emptyMessage: options.emptyMessage ?? fmt.t('stickiness.empty'),
      valueDescription:
        options.valueDescription ??
        (figures
          ? average
            ? fmt.t('stickiness.descriptionAverage', {
                title: label,
                value: fmt.percent(figures.ratio),
                range,
                date: fmt.date(figures.date, 'medium'),
                dau: dauText,
                mau: fmt.number(figures.mau),
              })
            : fmt.t('stickiness.description', {
                title: label,
                value: fmt.percent(figures.ratio),
                date: fmt.date(figures.date, 'medium'),
                dau: fmt.number(figures.dau),
                mau: fmt.number(figures.mau),
              })
          : undefined),
      table: options.table ?? {
        caption: label,
        columns: [fmt.t('stickiness.date'), fmt.t(`${k}.dau`), fmt.t(`${k}.mau`), fmt.t(`${k}.ratio`)],
        rows: rows.map((row, index) => [dates[index] ?? row.date, fmt.number(row.dau), fmt.number(row.mau), fmt.percent(row.stickiness)]),
      },
    },
    ['kpikit-card', 'kpikit-kpi-card', 'kpikit-stickiness-card'],
  );
  return { card: { ...card, rootProps: { ...card.rootProps, 'data-unit': fmt.unit.kind } }, figures, rows };
}
