import { DEFAULT_DIRECT_CHANNELS, DEFAULT_HALF_LIFE, DEFAULT_POSITION_WEIGHTS } from './attribution.schema';
import type { AttributionModel, AttributionModelSpec } from './attribution.types';
import { decayWeight } from './decay';

/** A model's name and every parameter, defaults filled in. */
export function resolveModel(model: AttributionModel): AttributionModelSpec {
  const given = typeof model === 'string' ? { model } : model;
  switch (given.model) {
    case 'time_decay':
      return { model: 'time_decay', halfLife: ('halfLife' in given ? given.halfLife : undefined) ?? DEFAULT_HALF_LIFE };
    case 'position_based': {
      const { first, middle, last } = ('weights' in given ? given.weights : undefined) ?? DEFAULT_POSITION_WEIGHTS;
      // Normalised through the largest, so neither huge nor tiny weights overflow or vanish.
      const largest = Math.max(first, middle, last);
      const sum = first / largest + middle / largest + last / largest;
      const share = (weight: number): number => weight / largest / sum;
      return { model: 'position_based', weights: { first: share(first), middle: share(middle), last: share(last) } };
    }
    case 'last_non_direct':
      return { model: 'last_non_direct', direct: [...(('direct' in given ? given.direct : undefined) ?? DEFAULT_DIRECT_CHANNELS)] };
    default:
      return { model: given.model };
  }
}

/**
 * The touches of one conversion: entries `lo … hi − 1` of a unit's touches,
 * in touch order (time, then channel text, then campaign text).
 */
export interface TouchWindow {
  /** Epoch ms of each of the unit's touches. */
  readonly time: Float64Array;
  /** Channel code of each of the unit's touches. */
  readonly channel: Int32Array;
  lo: number;
  hi: number;
}

/**
 * How a model shares a conversion among the touches of its window: returns
 * the index of the one touch that takes all the credit, or −1 after writing a
 * relative weight (≥ 0, positive sum) for each touch into `weights[0 … n)`.
 */
export type Weigh = (window: TouchWindow, weights: Float64Array) => number;

/** The {@link Weigh} of a model; `channels` are the touch channels' texts (for `last_non_direct`). */
export function weigher(spec: AttributionModelSpec, channels: readonly string[]): Weigh {
  switch (spec.model) {
    case 'first_touch':
      return ({ lo }) => lo;
    case 'last_touch':
      return ({ hi }) => hi - 1;
    case 'linear':
      return ({ lo, hi }, weights) => {
        if (hi - lo === 1) return lo;
        weights.fill(1, 0, hi - lo);
        return -1;
      };
    case 'time_decay': {
      const { halfLife } = spec;
      return ({ time, lo, hi }, weights) => {
        if (hi - lo === 1) return lo;
        // 2^(−Δt / halfLife), relative to the nearest touch: the same shares once
        // normalised, and never all zero however short the half-life.
        const nearest = time[hi - 1] as number;
        for (let i = lo; i < hi; i++) weights[i - lo] = decayWeight(((time[i] as number) - nearest) / halfLife);
        return -1;
      };
    }
    case 'position_based': {
      const { first, middle, last } = spec.weights;
      return ({ lo, hi }, weights) => {
        const n = hi - lo;
        if (n === 1) return lo;
        weights[0] = first;
        weights.fill(n === 2 ? 0 : middle / (n - 2), 1, n - 1);
        weights[n - 1] = last;
        return -1;
      };
    }
    case 'last_non_direct': {
      const direct = new Set(spec.direct);
      const isDirect = Uint8Array.from(channels, (channel) => (channel === '' || direct.has(channel) ? 1 : 0));
      return ({ channel, lo, hi }) => {
        for (let i = hi - 1; i >= lo; i--) if (isDirect[channel[i] as number] === 0) return i;
        return hi - 1;
      };
    }
  }
}
