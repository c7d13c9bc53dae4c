import type { GoodDirection } from '@kpikit/core';
import type { Formatter } from '../format/formatter';

/** How a change is measured. */
export type DeltaKind =
  /** Relative change, `(current − previous) / |previous|`, shown as a percentage. */
  | 'relative'
  /** Difference in the value's own unit (formatted by `formatValue`). */
  | 'absolute'
  /** Difference of two fractions in percentage points (`1.4 pts`). */
  | 'percentagePoints'
  /** Difference of two NPS in NPS points, an integer (`6 pts`). */
  | 'points';

/** A change from the previous period, ready to show. */
export interface DeltaModel {
  /** The signed difference in the kind's unit (a fraction for `relative`). */
  readonly value: number;
  readonly trend: 'up' | 'down' | 'flat';
  /** Whether the change is good, bad or neither, from `goodDirection`. */
  readonly sentiment: 'positive' | 'negative' | 'neutral';
  /** The magnitude as shown, without sign: the arrow and the word carry the direction. */
  readonly text: string;
  /** "Up", "Down" or "No change". */
  readonly direction: string;
  /** "vs previous period". */
  readonly context: string;
  /** A sentence for the text description. */
  readonly description: string;
}

/** Inputs of {@link computeDelta}. */
export interface DeltaInput {
  readonly current: number | null | undefined;
  readonly previous: number | null | undefined;
  readonly kind: DeltaKind;
  readonly goodDirection?: GoodDirection | undefined;
  /** Formats an absolute difference (for `absolute`). */
  readonly formatValue?: ((value: number) => string) | undefined;
  readonly fmt: Formatter;
}

const finite = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * The change from `previous` to `current`, or `null` when either is
 * missing. A relative change from 0 has no meaning, so it falls back to the
 * absolute difference. The trend is decided on the shown, rounded magnitude:
 * a change that rounds to zero reads "No change", in neutral colour.
 */
export function computeDelta({ current, previous, kind, goodDirection = 'up', formatValue, fmt }: DeltaInput): DeltaModel | null {
  if (!finite(current) || !finite(previous)) return null;
  let measured = kind === 'relative' && previous === 0 ? 'absolute' : kind;
  if (measured === 'absolute' && !formatValue) measured = 'percentagePoints';
  let value: number;
  let text: string;
  switch (measured) {
    case 'relative':
      value = (current - previous) / Math.abs(previous);
      text = fmt.percent(Math.abs(value));
      break;
    case 'points':
      value = current - previous;
      text = fmt.t('unit.points', { value: fmt.number(Math.abs(value), { maximumFractionDigits: 0 }) });
      break;
    case 'percentagePoints':
      value = (current - previous) * 100;
      text = fmt.t('unit.points', { value: fmt.number(Math.abs(value), { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
      break;
    default:
      value = current - previous;
      text = formatValue!(Math.abs(value));
  }
  // Zero as shown: a change that rounds away at the precision it is shown with.
  const zero = roundsToZero(measured, value, text, formatValue);
  const trend = zero ? 'flat' : value > 0 ? 'up' : 'down';
  const sentiment = trend === 'flat' ? 'neutral' : (trend === 'up') === (goodDirection === 'up') ? 'positive' : 'negative';
  const direction = fmt.t(trend === 'up' ? 'delta.up' : trend === 'down' ? 'delta.down' : 'delta.flat');
  const description = trend === 'flat' ? fmt.t('delta.flatDescription') : fmt.t('delta.description', { direction, value: text });
  return { value, trend, sentiment, text, direction, context: fmt.t('delta.vsPrevious'), description };
}

function roundsToZero(kind: DeltaKind, value: number, text: string, formatValue: ((value: number) => string) | undefined): boolean {
  const magnitude = Math.abs(value);
  switch (kind) {
    case 'relative':
      // Percentages below 10 % show one decimal: below 0.05 % they read 0.0 %.
      return magnitude * 100 < 0.05;
    case 'points':
      return Math.round(magnitude) === 0;
    case 'percentagePoints':
      return magnitude < 0.05;
    default:
      return text === formatValue!(0);
  }
}
