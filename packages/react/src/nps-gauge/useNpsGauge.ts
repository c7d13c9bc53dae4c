import { KpiValidationError, nps, type NpsResult } from '@kpikit/core';
import { useMemo, type ReactNode } from 'react';
import type { DataTableModel } from '../a11y/DataTable';
import { useStableId } from '../a11y/useStableId';
import type { Formatter } from '../format/formatter';
import { useFormatter } from '../format/useFormatter';
import { computeDelta, type DeltaModel } from '../internal/delta';
import { useWidgetRoot, type WidgetRootProps } from '../internal/useWidgetRoot';
import { errorContent, resolveState, type WidgetState, type WidgetOptions } from '../internal/widgetState';
import { npsInterval } from './npsInterval';

/** Where the score bands start, in NPS points. */
export interface NpsBandThresholds {
  /** First score that is "Good". Default 0. */
  readonly good: number;
  /** First score that is "Excellent". Default 50. */
  readonly excellent: number;
}

/** The band a score falls in. Stable ids for `data-band` styling. */
export type NpsBandId = 'needs-improvement' | 'good' | 'excellent';

/** One band of the dial. */
export interface NpsBand {
  readonly id: NpsBandId;
  readonly label: string;
  /** Inclusive lower bound. */
  readonly from: number;
  /** Exclusive upper bound (100 for the last band, inclusive). */
  readonly to: number;
}

/** One respondent group, in the order of the breakdown bar: detractors, passives, promoters. */
export interface NpsGroup {
  readonly id: 'detractors' | 'passives' | 'promoters';
  readonly label: string;
  /** "scores 9–10". */
  readonly range: string;
  readonly count: number;
  /** Fraction of all responses. */
  readonly share: number;
  readonly shareText: string;
}

/** Options of {@link useNpsGauge} and `NpsGauge`. */
export interface NpsGaugeOptions extends WidgetOptions {
  /** Raw 0–10 answers (validated by core's `nps`) or an `nps()` result. Nothing, or no responses, shows the empty state. */
  readonly data: readonly number[] | NpsResult | null | undefined;
  /** The previous period's NPS (a score or an `nps()` result): shows the change in points. */
  readonly previous?: number | NpsResult | null | undefined;
  /** A target score: a mark on the dial and a line of text. */
  readonly target?: number | null | undefined;
  /** The 95 % interval: `auto` (default) shows it when `n` is below `smallSample`. */
  readonly marginOfError?: boolean | 'auto' | undefined;
  /** Below this many responses a sample counts as small. Default 100. */
  readonly smallSample?: number | undefined;
  /** Where the "Good" and "Excellent" bands start. Default 0 and 50. */
  readonly bands?: Partial<NpsBandThresholds> | undefined;
  /** The title. Default: "Net Promoter Score". */
  readonly label?: string | undefined;
  /** Replaces the generated data table. */
  readonly table?: DataTableModel | undefined;
}

/** What {@link useNpsGauge} returns: everything `NpsGauge` renders, for hosts that render their own. */
export interface NpsGaugeModel {
  readonly state: WidgetState;
  readonly fmt: Formatter;
  readonly titleId: string;
  readonly descriptionId: string;
  readonly label: string;
  /** The counts, or `null` when there is nothing to show. */
  readonly result: NpsResult | null;
  /** The score as computed, a float in [−100, 100]. */
  readonly score: number | null;
  /** The score as shown: rounded to an integer. Bands are decided on it, so the words match the number. */
  readonly shownScore: number | null;
  readonly scoreText: string;
  readonly band: NpsBand | null;
  readonly bands: readonly NpsBand[];
  readonly groups: readonly NpsGroup[];
  /** "n = 250". */
  readonly nText: string;
  readonly delta: DeltaModel | null;
  readonly target: { readonly value: number; readonly text: string } | null;
  readonly interval: { readonly low: number; readonly high: number; readonly text: string } | null;
  readonly smallSample: boolean;
  readonly errorContent: ReactNode;
  readonly emptyContent: ReactNode;
  readonly emptyHint: string;
  readonly description: string;
  readonly table: DataTableModel;
  readonly rootProps: WidgetRootProps;
}

type Parsed = { readonly result: NpsResult | null; readonly error: string | null };

function isResult(data: unknown): data is NpsResult {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && 'promoters' in data;
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Scores → `nps()`; a result → its counts checked. Bad input becomes an error message, never a crash of the host page. */
function parse(data: NpsGaugeOptions['data']): Parsed {
  if (data === null || data === undefined) return { result: null, error: null };
  if (isResult(data)) {
    if (!isCount(data.promoters) || !isCount(data.passives) || !isCount(data.detractors)) {
      return { result: null, error: 'data: expected an nps() result with whole, non-negative counts' };
    }
    // The counts are the definition: the score is recomputed from them, so the dial and the breakdown always agree.
    const total = data.promoters + data.passives + data.detractors;
    return {
      result: { ...data, total, score: total === 0 ? null : (100 * (data.promoters - data.detractors)) / total },
      error: null,
    };
  }
  try {
    return { result: nps(data), error: null };
  } catch (error) {
    if (error instanceof KpiValidationError) {
      const issue = error.issues[0];
      return { result: null, error: issue ? `${issue.path}: expected ${issue.expected}, received ${issue.received}` : error.message };
    }
    throw error;
  }
}

function previousScore(previous: NpsGaugeOptions['previous']): number | null {
  if (previous === null || previous === undefined) return null;
  if (typeof previous === 'number') return previous;
  return parse(previous).result?.score ?? null;
}

/**
 * The headless NPS gauge: counts, score, band, change, target, 95 %
 * interval for small samples, text description and data table, formatted
 * in the locale. Render the result yourself, or use `NpsGauge`.
 *
 * @example
 * const gauge = useNpsGauge({ data: [10, 10, 9, 9, 9, 8, 7, 7, 3, 0], previous: 24 });
 * gauge.scoreText; // '+30'
 * gauge.band?.label; // 'Good'
 */
export function useNpsGauge(options: NpsGaugeOptions): NpsGaugeModel {
  const fmt = useFormatter(options.locale, options.messages);
  const titleId = useStableId('title');
  const descriptionId = useStableId('description');
  const parsed = useMemo(() => parse(options.data), [options.data]);
  const result = parsed.result && parsed.result.total > 0 ? parsed.result : null;
  const state = resolveState({ loading: options.loading, error: options.error ?? parsed.error ?? undefined }, result === null);
  const label = options.label ?? fmt.t('nps.title');

  const good = options.bands?.good ?? 0;
  const excellent = options.bands?.excellent ?? 50;
  const bands: NpsBand[] = [
    { id: 'needs-improvement', label: fmt.t('nps.band.needsImprovement'), from: -100, to: good },
    { id: 'good', label: fmt.t('nps.band.good'), from: good, to: excellent },
    { id: 'excellent', label: fmt.t('nps.band.excellent'), from: excellent, to: 100 },
  ];

  const score = result?.score ?? null;
  // Math.round(-0.4) is -0: add 0 so that a score shown as "0" is the number 0.
  const shownScore = score === null ? null : Math.round(score) + 0;
  const band = shownScore === null ? null : shownScore < good ? bands[0]! : shownScore < excellent ? bands[1]! : bands[2]!;
  const total = result?.total ?? 0;
  const groups: NpsGroup[] = (
    [
      ['detractors', 'nps.detractors', 'nps.detractorsRange', result?.detractors ?? 0],
      ['passives', 'nps.passives', 'nps.passivesRange', result?.passives ?? 0],
      ['promoters', 'nps.promoters', 'nps.promotersRange', result?.promoters ?? 0],
    ] as const
  ).map(([id, key, range, count]) => {
    const share = total === 0 ? 0 : count / total;
    return { id, label: fmt.t(key), range: fmt.t(range), count, share, shareText: fmt.percent(share) };
  });

  const delta =
    score === null
      ? null
      : computeDelta({ current: Math.round(score), previous: roundOrNull(previousScore(options.previous)), kind: 'points', fmt });
  const target =
    typeof options.target === 'number' && Number.isFinite(options.target)
      ? { value: options.target, text: fmt.t('target.label', { value: fmt.signedInteger(options.target) }) }
      : null;
  const smallSample = total > 0 && total < (options.smallSample ?? 100);
  const showInterval = options.marginOfError === 'auto' || options.marginOfError === undefined ? smallSample : options.marginOfError;
  const bounds = showInterval && result ? npsInterval(result.promoters, result.passives, result.detractors) : null;
  const interval = bounds
    ? { ...bounds, text: fmt.t('nps.interval', { low: fmt.signedInteger(bounds.low), high: fmt.signedInteger(bounds.high) }) }
    : null;

  const scoreText = fmt.signedInteger(shownScore);
  const responses = fmt.t('nps.responses', { count: fmt.number(total) }, total);
  let description = options.description;
  if (description === undefined) {
    if (state === 'ready') {
      const parts = [
        fmt.t('nps.description', {
          title: label,
          score: scoreText,
          band: band?.label ?? '',
          responses,
          promoters: groups[2]!.shareText,
          passives: groups[1]!.shareText,
          detractors: groups[0]!.shareText,
        }),
      ];
      if (interval) parts.push(fmt.t('sentence', { text: interval.text }));
      if (delta) parts.push(delta.description);
      if (target) parts.push(fmt.t('sentence', { text: target.text }));
      description = parts.join(' ');
    } else {
      description =
        state === 'empty'
          ? fmt.t('nps.emptyDescription', { title: label })
          : state === 'loading'
            ? fmt.t('state.loading')
            : fmt.t('state.error');
    }
  }

  const table: DataTableModel = options.table ?? {
    caption: `${label} · ${fmt.t('nps.breakdown')}`,
    columns: [fmt.t('nps.group'), fmt.t('nps.count'), fmt.t('nps.share')],
    rows: [
      ...[...groups].reverse().map((group) => [`${group.label} (${group.range})`, fmt.number(group.count), group.shareText]),
      [label, fmt.number(total), scoreText],
    ],
  };

  const rootProps = useWidgetRoot({
    classNames: ['kpikit-card', 'kpikit-nps-gauge'],
    className: options.className,
    style: options.style,
    theme: options.theme,
    state,
    locale: fmt.locale,
    titleId,
    descriptionId,
    data: {
      band: state === 'ready' ? band?.id : undefined,
      trend: state === 'ready' ? delta?.trend : undefined,
      'small-sample': state === 'ready' ? smallSample : undefined,
    },
  });

  return {
    state,
    fmt,
    titleId,
    descriptionId,
    label,
    result,
    score,
    shownScore,
    scoreText,
    band,
    bands,
    groups,
    nText: fmt.t('nps.n', { count: fmt.number(total) }),
    delta,
    target,
    interval,
    smallSample,
    errorContent: errorContent(options.error ?? parsed.error ?? undefined, fmt.t('state.error')),
    emptyContent: options.emptyMessage ?? fmt.t('nps.empty'),
    emptyHint: fmt.t('nps.emptyHint'),
    description,
    table,
    rootProps,
  };
}

function roundOrNull(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : Math.round(value);
}
