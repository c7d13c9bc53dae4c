/**
 * About `count` round ticks (1, 2 or 5 × 10ⁿ apart) covering `[min, max]`,
 * zero among them when the range spans it.
 *
 * @example
 * niceTicks(-12, 95, 4); // [-50, 0, 50, 100]
 */
export function niceTicks(min: number, max: number, count: number): number[] {
  const low = Math.min(0, min);
  const high = Math.max(0, max);
  if (high === low) return [0];
  const raw = (high - low) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * magnitude).find((candidate) => candidate >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let tick = Math.floor(low / step) * step; tick <= Math.ceil(high / step) * step + step / 2; tick += step) {
    ticks.push(Math.round(tick / step) * step);
  }
  return ticks;
}

/**
 * Every how many bars an axis label fits: labels about `labelWidth` pixels
 * wide under bars `band` pixels apart. Always at least 1.
 */
export function labelEvery(band: number, labelWidth: number): number {
  if (band <= 0) return 1;
  const every = Math.ceil(labelWidth / band);
  if (every <= 1) return 1;
  // Round steps read better: 2, 5, 7 (a week of days), 10, 14, 30, …
  return [2, 3, 5, 7, 10, 14, 15, 20, 30, 50, 60, 90, 100].find((step) => step >= every) ?? every;
}
