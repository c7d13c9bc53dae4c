import type { AttributionModelSpec } from '@kpikit/core';
import type { Formatter } from '../format/formatter';

/** A model's words: its name, its parameters in short (a column header's second line) and in full. */
export interface AttributionModelName {
  /** "Time decay". */
  readonly name: string;
  /** "7 d half-life", "40/20/40%"; `null` for a model without parameters worth showing. */
  readonly detail: string | null;
  /** "Time decay (7 d half-life)": the name a sentence or a table uses. */
  readonly full: string;
}

const percentOf = (share: number, fmt: Formatter): string => fmt.number(share * 100, { maximumFractionDigits: 1 });

/**
 * The localised name of a model as it was run: time decay with its half-life,
 * position-based with its (normalised) weights.
 *
 * @example
 * modelName({ model: 'time_decay', halfLife: 7 * 86_400_000 }, createFormatter('en')).full; // 'Time decay (7 d half-life)'
 */
export function modelName(spec: AttributionModelSpec, fmt: Formatter): AttributionModelName {
  const name = fmt.t(`attribution.model.${spec.model}`);
  let detail: string | null = null;
  let long: string | null = null;
  if (spec.model === 'time_decay') {
    detail = fmt.t('attribution.halfLife', { value: fmt.duration(spec.halfLife) });
    long = detail;
  } else if (spec.model === 'position_based') {
    const { first, middle, last } = spec.weights;
    detail = fmt.t('attribution.weights', { first: percentOf(first, fmt), middle: percentOf(middle, fmt), last: percentOf(last, fmt) });
    long = fmt.t('attribution.weightsLong', { first: fmt.percent(first), middle: fmt.percent(middle), last: fmt.percent(last) });
  }
  return { name, detail, full: long ? fmt.t('attribution.modelWithDetail', { name, detail: long }) : name };
}
