import type { LifecycleRow } from '@kpikit/core';
import { labelEvery, niceTicks } from '../internal/barAxis';
import { linearScale } from '../internal/linearScale';

/** A status of the lifecycle, in stacking order from the axis up (dormant below it). */
export type LifecycleStatus = 'returning' | 'resurrecting' | 'new' | 'dormant';

/** The statuses in the legend's order. */
export const LEGEND_ORDER: readonly LifecycleStatus[] = ['new', 'returning', 'resurrecting', 'dormant'];
const STACK: readonly Exclude<LifecycleStatus, 'dormant'>[] = ['returning', 'resurrecting', 'new'];

/** One drawn segment of an interval's bar. */
export interface LifecycleSegment {
  readonly status: LifecycleStatus;
  readonly y: number;
  readonly height: number;
}

/** One interval's bar: its slot, its segments and whether the range cuts it. */
export interface LifecycleBar {
  readonly index: number;
  /** Left edge of the interval's slot (the hit area) and its width. */
  readonly slot: number;
  readonly slotWidth: number;
  /** Left edge and width of the drawn bar. */
  readonly x: number;
  readonly width: number;
  readonly segments: readonly LifecycleSegment[];
  readonly incomplete: boolean;
  /** The bar's extent, top to bottom, for the incomplete hatch. */
  readonly top: number;
  readonly bottom: number;
}

/** The chart's geometry in pixels for a width. */
export interface LifecycleLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  /** The y of zero: the axis dormant hangs from. */
  readonly zero: number;
  readonly yTicks: readonly { readonly value: number; readonly y: number }[];
  /** The intervals whose label is drawn under the axis, every `every`-th. */
  readonly xTicks: readonly { readonly index: number; readonly x: number; readonly anchor: 'start' | 'middle' | 'end' }[];
  readonly bars: readonly LifecycleBar[];
}

const HEIGHT = 220;
const MARGIN = { left: 44, right: 8, top: 8, bottom: 24 };

/**
 * Lays out stacked bars, one per interval: returning, resurrecting and new
 * from zero up, dormant (a negative count) from zero down, on one y scale
 * whose round ticks include zero. Axis labels are thinned to fit about
 * `tickWidth` pixels each: at 365 days, one every 30 or so.
 */
export function lifecycleLayout(rows: readonly LifecycleRow[], width: number, tickWidth: number): LifecycleLayout {
  const plot = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: HEIGHT - MARGIN.bottom };
  let max = 0;
  let min = 0;
  for (const row of rows) {
    max = Math.max(max, row.new + row.returning + row.resurrecting);
    min = Math.min(min, row.dormant);
  }
  const ticks = niceTicks(min, max === 0 && min === 0 ? 1 : max, 4);
  const y = linearScale([ticks[0] ?? 0, ticks[ticks.length - 1] ?? 1], [plot.bottom, plot.top]);
  const zero = y(0);
  const band = rows.length > 0 ? (plot.right - plot.left) / rows.length : 0;
  // Gaps between bars while they are wide enough to keep one; a hairline bar at the least.
  const barWidth = band >= 6 ? Math.min(band * 0.72, 48) : Math.max(1, band - (band >= 3 ? 1 : 0));
  const bars = rows.map((row, index): LifecycleBar => {
    const slot = plot.left + index * band;
    const segments: LifecycleSegment[] = [];
    let top = zero;
    for (const status of STACK) {
      const count = row[status];
      if (count <= 0) continue;
      const next = top - (zero - y(count));
      segments.push({ status, y: next, height: top - next });
      top = next;
    }
    const bottom = row.dormant < 0 ? y(row.dormant) : zero;
    if (row.dormant < 0) segments.push({ status: 'dormant', y: zero, height: bottom - zero });
    return {
      index,
      slot,
      slotWidth: band,
      x: slot + (band - barWidth) / 2,
      width: barWidth,
      segments,
      incomplete: row.incomplete,
      top,
      bottom,
    };
  });
  const every = labelEvery(band, tickWidth);
  const xTicks: { index: number; x: number; anchor: 'start' | 'middle' | 'end' }[] = [];
  for (let index = 0; index < rows.length; index += every) {
    const x = plot.left + (index + 0.5) * band;
    // A label that would run past either end of the plot is set flush with it.
    if (x - tickWidth / 2 < 0) xTicks.push({ index, x: plot.left, anchor: 'start' as const });
    else if (x + tickWidth / 2 > width) xTicks.push({ index, x: width, anchor: 'end' as const });
    else xTicks.push({ index, x, anchor: 'middle' as const });
  }
  return {
    width,
    height: HEIGHT,
    plot,
    zero,
    yTicks: ticks.map((value) => ({ value, y: y(value) })),
    xTicks,
    bars,
  };
}
