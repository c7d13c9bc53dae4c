import { cumulative, type Random } from './random';

// Answer distributions typical of a liked B2B tool: NPS about +30, CSAT about 0.75, CES mostly easy.
const NPS_WEIGHTS = /* @__PURE__ */ cumulative([1.5, 1, 1.5, 2, 3, 5, 6, 13, 17, 24, 26]); // scores 0…10
const CSAT_WEIGHTS = /* @__PURE__ */ cumulative([6, 7, 12, 36, 39]); // scores 1…5
const CES_WEIGHTS = /* @__PURE__ */ cumulative([3, 5, 8, 12, 22, 30, 20]); // scores 1…7

function answers(random: Random, count: number, weights: Float64Array, lowest: number): number[] {
  const scores: number[] = [];
  for (let i = 0; i < count; i++) scores.push(lowest + random.pick(weights));
  return scores;
}

/** Survey answers from a share of the users: 20 % answer NPS, 30 % CSAT, 15 % CES (at least one each). */
export function sampleSurveys(random: Random, users: number): { nps: number[]; csat: number[]; ces: number[] } {
  return {
    nps: answers(random, Math.max(1, Math.round(users * 0.2)), NPS_WEIGHTS, 0),
    csat: answers(random, Math.max(1, Math.round(users * 0.3)), CSAT_WEIGHTS, 1),
    ces: answers(random, Math.max(1, Math.round(users * 0.15)), CES_WEIGHTS, 1),
  };
}
