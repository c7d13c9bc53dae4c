import { labelEvery, niceTicks } from '../internal/barAxis';
import { linearScale } from '../internal/linearScale';

/** One bar of the histogram: k, its slot (the hit area) and its drawn rectangle. */
export interface HistogramBar {
  readonly index: number;
  readonly slot: number;
  readonly slotWidth: number;
  readonly x: number;
  readonly width: number;
  readonly y: number;
  readonly height: number;
}

/** The histogram's geometry in pixels for a width. */
export interface HistogramLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly yTicks: readonly { readonly value: number; readonly y: number }[];
  readonly xTicks: readonly { readonly index: number; readonly x: number }[];
  readonly bars: readonly HistogramBar[];
  /** Whether each bar is wide enough to carry its count and share above it. */
  readonly labelled: boolean;
  /** The x of the mean on the same axis as the bars' centres, or `null`. */
  readonly meanX: number | null;
}

const HEIGHT = 220;
const MARGIN = { left: 44, right: 8, top: 48, bottom: 24 };

/**
 * Lays out one bar per k = 1 … N from zero (`values[k - 1]`), round y
 * ticks, axis labels thinned to fit, and the mean's x: bar k is centred at
 * k, so a mean of 2.5 falls between bars 2 and 3.
 */
export function histogramLayout(values: readonly number[], width: number, mean: number | null): HistogramLayout {
  const plot = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: HEIGHT - MARGIN.bottom };
  const max = Math.max(0, ...values);
  const ticks = niceTicks(0, max === 0 ? 1 : max, 4);
  const y = linearScale([0, ticks[ticks.length - 1] ?? 1], [plot.bottom, plot.top]);
  const band = values.length > 0 ? (plot.right - plot.left) / values.length : 0;
  const barWidth = band >= 6 ? Math.min(band * 0.72, 64) : Math.max(1, band - 1);
  const bars = values.map((value, index): HistogramBar => {
    const slot = plot.left + index * band;
    const top = y(value);
    return { index, slot, slotWidth: band, x: slot + (band - barWidth) / 2, width: barWidth, y: top, height: plot.bottom - top };
  });
  const every = labelEvery(band, 22);
  const xTicks = [];
  for (let index = 0; index < values.length; index += every) xTicks.push({ index, x: plot.left + (index + 0.5) * band });
  // The last k (active every interval) always has its label: it is the one readers look for.
  const last = values.length - 1;
  if (last > 0 && xTicks[xTicks.length - 1]?.index !== last) {
    if (xTicks.length > 1 && last - (xTicks[xTicks.length - 1]?.index ?? 0) < every) xTicks.pop();
    xTicks.push({ index: last, x: plot.left + (last + 0.5) * band });
  }
  return {
    width,
    height: HEIGHT,
    plot,
    yTicks: ticks.map((value) => ({ value, y: y(value) })),
    xTicks,
    bars,
    labelled: band >= 40,
    meanX: mean === null ? null : plot.left + (mean - 0.5) * band,
  };
}
