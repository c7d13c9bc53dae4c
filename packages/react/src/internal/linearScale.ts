/**
 * A linear map from `[d0, d1]` onto `[r0, r1]`. A two-line function rather
 * than `scaleLinear` from `@visx/scale`, whose d3 interpolators, tick and
 * format code would add about 11 kB gzipped to every widget for this.
 * A zero-width domain maps everything to the middle of the range.
 */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * k;
}
