import { KpiValidationError } from '../errors';
import { checkOptionNames, checkScale, checkScores, type ScoreScale } from './scoreScale';

/** Options of {@link csat}. */
export interface CsatOptions {
  /** Lowest and highest possible score. Default `[1, 5]`. */
  readonly scale?: ScoreScale | undefined;
  /** Lowest score that counts as satisfied. Default 4 (on 1..5: "satisfied" and "very satisfied"). */
  readonly positiveFrom?: number | undefined;
}

/** Result of {@link csat}. */
export interface CsatResult {
  /** Responses at or above `positiveFrom`. */
  readonly positive: number;
  readonly total: number;
  /** `positive / total`, in [0, 1]; `null` with no responses. */
  readonly score: number | null;
}

/**
 * Customer Satisfaction score: the share of responses at or above
 * `positiveFrom` (default 4) on an integer scale (default 1..5).
 *
 * @throws {KpiValidationError} when a score is off the scale or not an integer.
 * @example
 * csat([5, 4, 3, 1]); // { positive: 2, total: 4, score: 0.5 }
 * csat([7, 9, 10], { scale: [0, 10], positiveFrom: 9 }); // { positive: 2, total: 3, score: 0.666… }
 */
export function csat(scores: readonly number[], options: CsatOptions = {}): CsatResult {
  checkOptionNames(options, ['scale', 'positiveFrom']);
  const scale = checkScale(options.scale, [1, 5]);
  // Only a missing option defaults: `null` is a mistake to report, not a request for 4.
  const positiveFrom = options.positiveFrom === undefined ? 4 : options.positiveFrom;
  if (!Number.isInteger(positiveFrom) || positiveFrom < scale[0] || positiveFrom > scale[1]) {
    throw new KpiValidationError('options', [
      { index: null, path: 'options.positiveFrom', expected: `an integer from ${scale[0]} to ${scale[1]}`, received: String(positiveFrom) },
    ]);
  }
  checkScores(scores, scale, true);
  let positive = 0;
  for (const score of scores) if (score >= positiveFrom) positive += 1;
  const total = scores.length;
  return { positive, total, score: total === 0 ? null : positive / total };
}
