import * as z from 'zod';

/**
 * zod schemas of the survey inputs, for callers validating answers at their
 * own edge. The survey functions check the same rules by hand (tests assert
 * they agree) so that a widget calling them does not bundle zod.
 */

/** NPS answers: integers 0..10. */
export const npsScoresSchema = /* @__PURE__ */ z.array(z.int().min(0).max(10));

const scaleSchema = /* @__PURE__ */ z.tuple([z.int(), z.int()]).refine(([lowest, highest]) => lowest < highest, {
  error: 'two integers [lowest, highest] with lowest < highest',
});

/** Options of `csat`. */
export const csatOptionsSchema = /* @__PURE__ */ z
  .strictObject({ scale: scaleSchema.optional(), positiveFrom: z.int().optional() })
  .refine(({ scale = [1, 5], positiveFrom = 4 }) => positiveFrom >= scale[0] && positiveFrom <= scale[1], {
    error: 'positiveFrom on the scale',
    path: ['positiveFrom'],
  });

/** Options of `ces`. */
export const cesOptionsSchema = /* @__PURE__ */ z.strictObject({ scale: scaleSchema.optional() });

/** CSAT answers on a scale: integers from `lowest` to `highest`. */
export const csatScoresSchema = (lowest = 1, highest = 5) => z.array(z.int().min(lowest).max(highest));

/** CES answers on a scale: numbers from `lowest` to `highest`. */
export const cesScoresSchema = (lowest = 1, highest = 7) => z.array(z.number().min(lowest).max(highest));
