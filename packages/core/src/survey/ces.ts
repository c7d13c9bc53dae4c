import { checkOptionNames, checkScale, checkScores, type ScoreScale } from './scoreScale';

/** Options of {@link ces}. */
export interface CesOptions {
  /** Lowest and highest possible score. Default `[1, 7]`. */
  readonly scale?: ScoreScale | undefined;
}

/** Result of {@link ces}. */
export interface CesResult {
  readonly total: number;
  /** Mean score; `null` with no responses. */
  readonly score: number | null;
}

/**
 * Customer Effort Score: the mean of numeric answers on a scale (default 1..7)
 * to "How easy was it to …?". Scores need not be integers (e.g. averaged items).
 *
 * @throws {KpiValidationError} when a score is off the scale.
 * @example
 * ces([7, 6, 5, 2]); // { total: 4, score: 5 }
 */
export function ces(scores: readonly number[], options: CesOptions = {}): CesResult {
  checkOptionNames(options, ['scale']);
  const scale = checkScale(options.scale, [1, 7]);
  checkScores(scores, scale, false);
  let sum = 0;
  for (const score of scores) sum += score;
  const total = scores.length;
  return { total, score: total === 0 ? null : sum / total };
}
