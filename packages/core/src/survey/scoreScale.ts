import { describeValue, IssueCollector, KpiValidationError } from '../errors';

/** An inclusive scale of survey scores, `[lowest, highest]`. */
export type ScoreScale = readonly [number, number];

/**
 * Checks that `scale` is two integers, lowest first; returns it.
 * Hand-written rather than zod so that the survey functions, which widgets
 * call directly, keep zod out of a widget's bundle.
 */
export function checkScale(scale: unknown, fallback: ScoreScale, path = 'options.scale'): ScoreScale {
  if (scale === undefined) return fallback;
  // Safe integers only, as the zod schemas' `z.int()`: beyond 2^53 "integer" stops meaning anything.
  if (
    !Array.isArray(scale) ||
    scale.length !== 2 ||
    !Number.isSafeInteger(scale[0]) ||
    !Number.isSafeInteger(scale[1]) ||
    scale[0] >= scale[1]
  ) {
    throw new KpiValidationError('options', [
      {
        index: null,
        path,
        expected: 'two integers [lowest, highest] with lowest < highest',
        received: Array.isArray(scale) ? JSON.stringify(scale) : describeValue(scale),
      },
    ]);
  }
  return scale as unknown as ScoreScale;
}

/** Rejects unknown option names, so a misspelt option is never silently ignored. */
export function checkOptionNames(options: unknown, known: readonly string[]): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new KpiValidationError('options', [
      { index: null, path: 'options', expected: 'an options object', received: describeValue(options) },
    ]);
  }
  const issues = new IssueCollector('options');
  for (const key of Object.keys(options)) {
    if (!known.includes(key))
      issues.add(null, `options.${key}`, `no such option (known: ${known.join(', ')})`, (options as Record<string, unknown>)[key]);
  }
  issues.throwIfAny();
}

/**
 * Validates every score: a number on the scale, and an integer when `integers`.
 * Returns the scores as an array, or throws naming each bad one (`scores[3]`).
 */
export function checkScores(scores: unknown, [lowest, highest]: ScoreScale, integers: boolean): readonly number[] {
  if (!Array.isArray(scores)) {
    throw new KpiValidationError('scores', [{ index: null, path: 'scores', expected: 'an array of scores', received: typeof scores }]);
  }
  const issues = new IssueCollector('scores');
  const expected = `${integers ? 'an integer' : 'a number'} from ${lowest} to ${highest}`;
  for (let i = 0; i < scores.length; i++) {
    const score: unknown = scores[i];
    if (typeof score !== 'number' || !(score >= lowest && score <= highest) || (integers && !Number.isInteger(score))) {
      issues.add(i, `scores[${i}]`, expected, score);
    }
  }
  issues.throwIfAny();
  return scores as readonly number[];
}
