/** A 95 % interval of an NPS, in NPS points, clamped to [−100, 100]. */
export interface NpsInterval {
  readonly low: number;
  readonly high: number;
}

/** z for a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

/**
 * 95 % interval of the NPS from the three shares, by the adjusted-Wald
 * method (Rocks, 2016): add 3/4 of a response to the promoters and to the
 * detractors and 3 to `n`, then
 * `NPS ± z·√((p + d − (p − d)²) / n)` with the adjusted shares `p`, `d`.
 * The plain Wald interval collapses to ±0 when every answer is alike
 * (n = 1 gives "+100 ± 0"); the adjustment keeps small samples honest.
 * `null` without responses.
 *
 * @example
 * npsInterval(1, 0, 0); // { low: −48.5…, high: 98.5… }: one promoter says little
 */
export function npsInterval(promoters: number, passives: number, detractors: number): NpsInterval | null {
  const n = promoters + passives + detractors;
  if (!(n > 0)) return null;
  const m = n + 3;
  const p = (promoters + 0.75) / m;
  const d = (detractors + 0.75) / m;
  const centre = p - d;
  const half = Z95 * Math.sqrt(Math.max(0, p + d - centre * centre) / m);
  return { low: Math.max(-100, 100 * (centre - half)), high: Math.min(100, 100 * (centre + half)) };
}
