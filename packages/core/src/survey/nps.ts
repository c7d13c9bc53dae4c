import { checkScores } from './scoreScale';

/** Result of {@link nps}. */
export interface NpsResult {
  /** Responses scoring 9 or 10. */
  readonly promoters: number;
  /** Responses scoring 7 or 8. */
  readonly passives: number;
  /** Responses scoring 0 to 6. */
  readonly detractors: number;
  readonly total: number;
  /** `100 × (promoters − detractors) / total`, in [−100, 100]; `null` with no responses. */
  readonly score: number | null;
}

/**
 * Net Promoter Score of 0–10 answers to "How likely are you to recommend us?".
 *
 * Promoters score 9–10, passives 7–8, detractors 0–6;
 * `score = 100 × (promoters − detractors) / total`, a float in [−100, 100].
 *
 * @throws {KpiValidationError} when a score is not an integer from 0 to 10.
 * @example
 * nps([10, 10, 9, 9, 9, 8, 7, 7, 3, 0]);
 * // { promoters: 5, passives: 3, detractors: 2, total: 10, score: 30 }
 */
export function nps(scores: readonly number[]): NpsResult {
  checkScores(scores, [0, 10], true);
  let promoters = 0;
  let passives = 0;
  for (const score of scores) {
    if (score >= 9) promoters += 1;
    else if (score >= 7) passives += 1;
  }
  const total = scores.length;
  const detractors = total - promoters - passives;
  return { promoters, passives, detractors, total, score: total === 0 ? null : (100 * (promoters - detractors)) / total };
}
