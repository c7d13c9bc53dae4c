import type { Formatter } from '../format/formatter';
import { linearScale } from '../internal/linearScale';
import { niceStep, ticks, type ActivationTable, type LiftDirection } from './candidateModel';

/** Width of the scatter before its container is measured (on the server and in the first render). */
export const SCATTER_FALLBACK_WIDTH = 480;
export const SCATTER_HEIGHT = 220;
/** Room for the tick labels at the left and bottom, and for the axis title above the plot. */
const MARGIN = { top: 26, right: 14, bottom: 34, left: 50 } as const;

/** One signal in the scatter. */
export interface ScatterPoint {
  /** The row it stands for. */
  readonly index: number;
  readonly rank: number;
  readonly cx: number;
  readonly cy: number;
  /** The ends of its interval's whisker; `null` without a lift. */
  readonly lowerY: number | null;
  readonly upperY: number | null;
  readonly direction: LiftDirection;
  readonly uncertain: boolean;
}

/** A rank written beside its point. */
export interface ScatterLabel {
  readonly index: number;
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end';
}

/** Points labelled by their rank without being pointed at: the best few. */
const LABELLED = 3;

/**
 * Ranks beside the best points: above and to the right, else above-left,
 * below-right or below-left, whichever first clears the points and the labels
 * placed before; none when all four collide.
 */
function placeLabels(points: readonly ScatterPoint[], plot: ScatterModel['plot'], fmt: Formatter): ScatterLabel[] {
  const boxes: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const labels: ScatterLabel[] = [];
  const best = points.filter((point) => point.index < LABELLED).sort((a, b) => a.index - b.index);
  for (const point of best) {
    const text = fmt.number(point.rank);
    const width = 7 * text.length;
    for (const [dx, dy] of [
      [7, -6],
      [-7, -6],
      [7, 14],
      [-7, 14],
    ] as const) {
      const x = point.cx + dx;
      const box = { x0: dx > 0 ? x : x - width, x1: dx > 0 ? x + width : x, y0: point.cy + dy - 10, y1: point.cy + dy + 1 };
      const inside = box.x0 >= plot.left && box.x1 <= plot.right + 12 && box.y0 >= plot.top - 12 && box.y1 <= plot.bottom;
      const clear =
        inside &&
        boxes.every((other) => box.x1 < other.x0 || box.x0 > other.x1 || box.y1 < other.y0 || box.y0 > other.y1) &&
        points.every(
          (other) => other === point || other.cx + 4 < box.x0 || other.cx - 4 > box.x1 || other.cy + 4 < box.y0 || other.cy - 4 > box.y1,
        );
      if (!clear) continue;
      boxes.push(box);
      labels.push({ index: point.index, text, x, y: point.cy + dy, anchor: dx > 0 ? 'start' : 'end' });
      break;
    }
  }
  return labels;
}

/** A tick of an axis: its position in px and its label. */
export interface ScatterTick {
  readonly at: number;
  readonly label: string;
}

/** Everything the scatter draws, in px of its own width. */
export interface ScatterModel {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  /** Where the lift is 0. */
  readonly zeroY: number;
  readonly xTicks: readonly ScatterTick[];
  readonly yTicks: readonly ScatterTick[];
  /** Points without a lift (everyone or no one did it) are left out: they have no height. */
  readonly points: readonly ScatterPoint[];
  /** The ranks of the best points, where they fit. */
  readonly labels: readonly ScatterLabel[];
}

/** The reach × lift scatter of the rows shown, on the table's scales, `width` px wide. */
export function scatterModel(table: ActivationTable, width: number, fmt: Formatter): ScatterModel {
  const plot = {
    left: MARGIN.left,
    right: Math.max(MARGIN.left + 40, width - MARGIN.right),
    top: MARGIN.top,
    bottom: SCATTER_HEIGHT - MARGIN.bottom,
  };
  const x = linearScale([0, table.reachMax], [plot.left, plot.right]);
  const [lo, hi] = table.liftDomain;
  const y = linearScale([lo, hi], [plot.bottom, plot.top]);
  // About one x tick per 80 px, never fewer than two.
  const xStep = niceStep(table.reachMax, Math.max(2, Math.min(5, Math.floor((plot.right - plot.left) / 80))));
  const yStep = niceStep(hi - lo, 4);
  // Ticks in whole points unless the step is finer (2.5 points, 0.5 point).
  const yDecimals = Number.isInteger(Number((yStep * 100).toFixed(6))) ? 0 : 1;
  const points: ScatterPoint[] = [];
  for (const row of table.rows) {
    const { reach, lift, liftInterval } = row.candidate;
    if (reach === null || lift === null) continue;
    points.push({
      index: row.index,
      rank: row.rank,
      cx: x(reach),
      cy: y(lift),
      lowerY: liftInterval ? y(liftInterval.lower) : null,
      upperY: liftInterval ? y(liftInterval.upper) : null,
      direction: row.direction,
      uncertain: row.uncertain,
    });
  }
  return {
    width,
    height: SCATTER_HEIGHT,
    plot,
    zeroY: y(0),
    xTicks: ticks(0, table.reachMax, xStep).map((value) => ({
      at: x(value),
      label: fmt.percent(value, { decimals: xStep < 0.01 ? 1 : 0 }),
    })),
    yTicks: ticks(lo, hi, yStep).map((value) => ({ at: y(value), label: fmt.signed(value * 100, yDecimals) })),
    // The best drawn last, on top of the others.
    points: points.reverse(),
    labels: placeLabels(points, plot, fmt),
  };
}
