/**
 * A small seeded pseudo-random generator (mulberry32) and the few
 * distributions the sample data needs. Deterministic across platforms: only
 * 32-bit integer math and `Math.log`/`Math.exp`/`Math.sqrt`/`Math.cos`.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** `true` with probability `p`. */
  chance(p: number): boolean;
  /** Exponential with the given mean. */
  exponential(mean: number): number;
  /** Standard normal. */
  normal(): number;
  /** Log-normal with the given median and log-scale spread. */
  logNormal(median: number, sigma: number): number;
  /** Poisson count with mean `lambda` (small means only). */
  poisson(lambda: number): number;
  /** An index drawn from a cumulative weight table (ascending, last entry = total). */
  pick(cumulative: Float64Array): number;
}

/** Cumulative sums of weights, for {@link Random.pick}. */
export function cumulative(weights: readonly number[]): Float64Array {
  const table = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((weight, i) => {
    total += weight;
    table[i] = total;
  });
  return table;
}

/** A {@link Random} seeded with any safe integer; equal seeds give equal streams. */
export function createRandom(seed: number): Random {
  // Fold the high bits in, so seeds 2³² apart still differ.
  let state = (seed ^ Math.floor(seed / 4_294_967_296)) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const normal = (): number => {
    // Box–Muller; 1 − u keeps the logarithm finite.
    const u = 1 - next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    exponential: (mean) => -Math.log(1 - next()) * mean,
    normal,
    logNormal: (median, sigma) => median * Math.exp(sigma * normal()),
    poisson: (lambda) => {
      const limit = Math.exp(-lambda);
      let count = 0;
      let product = next();
      while (product > limit) {
        count += 1;
        product *= next();
      }
      return count;
    },
    pick: (table) => {
      const target = next() * (table[table.length - 1] as number);
      let lo = 0;
      let hi = table.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((table[mid] as number) > target) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
  };
}
