import { cumulative, type Random } from './random';

// Answer distributions typical of a liked B2B tool: NPS +30, CSAT about 0.75, CES mostly easy.
const NPS_WEIGHTS = /* @__PURE__ */ cumulative([1.5, 1, 1.5, 2, 3, 5, 6, 13, 17, 24, 26]); // scores 0…10
const CSAT_WEIGHTS = /* @__PURE__ */ cumulative([6, 7, 12, 36, 39]); // scores 1…5
const CES_WEIGHTS = /* @__PURE__ */ cumulative([3, 5, 8, 12, 22, 30, 20]); // scores 1…7

/**
 * `count` answers in exactly the proportions of `weights` (largest remainders
 * for the rounding, earlier scores first on ties), in random order: the
 * scores are those of the distribution whatever the seed or the rest of the
 * simulation, the order is the seed's.
 */
function answers(random: Random, count: number, weights: Float64Array, lowest: number): number[] {
  const total = weights[weights.length - 1]!;
  const shares = Array.from(weights, (cumulativeWeight, i) => ((cumulativeWeight - (i === 0 ? 0 : weights[i - 1]!)) * count) / total);
  const counts = shares.map(Math.floor);
  const byRemainder = shares.map((_, i) => i).sort((a, b) => shares[b]! - counts[b]! - (shares[a]! - counts[a]!) || a - b);
  for (let left = count - counts.reduce((sum, n) => sum + n, 0), k = 0; left > 0; left--, k++) counts[byRemainder[k]!]! += 1;
  const scores = counts.flatMap((n, i) => Array.from({ length: n }, () => lowest + i));
  for (let i = scores.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [scores[i], scores[j]] = [scores[j]!, scores[i]!];
  }
  return scores;
}

/**
 * Survey answers from a share of the users: 20 % answer NPS, 30 % CSAT, 15 %
 * CES (at least one each), from their own stream of the seed, so that a
 * change to the simulation never moves them. NPS is +30 (exactly, up to the
 * rounding of small counts).
 */
export function sampleSurveys(random: Random, users: number): { nps: number[]; csat: number[]; ces: number[] } {
  return {
    nps: answers(random, Math.max(1, Math.round(users * 0.2)), NPS_WEIGHTS, 0),
    csat: answers(random, Math.max(1, Math.round(users * 0.3)), CSAT_WEIGHTS, 1),
    ces: answers(random, Math.max(1, Math.round(users * 0.15)), CES_WEIGHTS, 1),
  };
}
