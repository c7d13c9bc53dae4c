/**
 * The gauge's drawing space. The SVG scales with its container through its
 * `viewBox`, so the server renders the same picture the browser does, with
 * nothing to measure; labels are HTML placed in percentages of this box so
 * that their type stays at the theme's sizes whatever the gauge's width.
 */
export const GAUGE = {
  width: 240,
  height: 144,
  cx: 120,
  cy: 124,
  outer: 104,
  inner: 88,
} as const;

/** Angle of an NPS on the dial, in radians clockwise from 12 o'clock: −100 → −π/2, 0 → 0, +100 → π/2. */
export function angleOf(score: number): number {
  return (Math.max(-100, Math.min(100, score)) / 100) * (Math.PI / 2);
}

/** A point at `radius` from the centre, at an NPS's angle, in view-box units. */
export function pointAt(score: number, radius: number): { x: number; y: number } {
  const angle = angleOf(score);
  return { x: GAUGE.cx + radius * Math.sin(angle), y: GAUGE.cy - radius * Math.cos(angle) };
}

/** A view-box point as CSS percentages of the gauge box. */
export function percentPosition(point: { x: number; y: number }): { left: string; top: string } {
  return { left: `${(point.x / GAUGE.width) * 100}%`, top: `${(point.y / GAUGE.height) * 100}%` };
}
