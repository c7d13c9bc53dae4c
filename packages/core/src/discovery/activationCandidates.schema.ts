import * as z from 'zod';
import { funnelStepSchema } from '../funnel/funnel.schema';
import { eventFilterSchema, rangeOptionsShape, unitSchema } from '../options/common.schema';
import type { ActivationCandidateEvent } from './activationCandidates.types';
import { candidateKey } from './candidateKey';

/** The longest action or outcome window, and the latest outcome day, in days (about 10 years). */
export const MAX_ACTIVATION_DAYS = 3660;
/** The most thresholds in `atLeast`. */
export const MAX_ACTIVATION_THRESHOLDS = 10;
/** The most candidates `pairs` combines (20 give 190 pairs). */
export const MAX_ACTIVATION_PAIRS = 20;
/** Defaults of `activationCandidates`. */
export const DEFAULT_ACTIVATION_THRESHOLDS: readonly number[] = [1, 2, 3, 5];
export const DEFAULT_ACTIVATION_DAYS = 7;
export const DEFAULT_OUTCOME_DAYS = 7;

const daysSchema = /* @__PURE__ */ z.int().min(1).max(MAX_ACTIVATION_DAYS);

/** Options of `activationCandidates`. */
export const activationCandidatesOptionsSchema = /* @__PURE__ */ z
  .strictObject({
    ...rangeOptionsShape,
    unit: unitSchema.optional(),
    startEvent: z.string().min(1).optional(),
    days: daysSchema.optional(),
    outcome: z
      .strictObject({
        mode: z.enum(['window', 'unbounded']).optional(),
        day: daysSchema.optional(),
        days: daysSchema.optional(),
        returnEvent: z.union([z.string().min(1), eventFilterSchema], { error: 'an event name or { name?, properties? }' }).optional(),
      })
      .optional(),
    candidates: z.array(funnelStepSchema).min(1).optional(),
    atLeast: z.array(z.int().min(1).max(1_000_000)).min(1).max(MAX_ACTIVATION_THRESHOLDS).optional(),
    pairs: z.int().min(0).max(MAX_ACTIVATION_PAIRS).optional(),
    minUnits: z.int().min(0).optional(),
  })
  .superRefine((options, context) => {
    const days = options.days ?? DEFAULT_ACTIVATION_DAYS;
    const outcome = options.outcome ?? {};
    if (outcome.day !== undefined && outcome.day < days) {
      context.addIssue({
        code: 'custom',
        path: ['outcome', 'day'],
        message: `a day ≥ days (${days}): retention is measured after the action window, not during it`,
      });
    }
    if (outcome.mode === 'unbounded' && outcome.days !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['outcome', 'days'],
        message: 'no days with mode "unbounded" (it runs to the end of the data)',
      });
    }
    (options.atLeast ?? []).forEach((k, index, all) => {
      if (all.indexOf(k) !== index)
        context.addIssue({ code: 'custom', path: ['atLeast', index], message: 'a threshold not listed before' });
    });
    const seen = new Set<string>();
    (options.candidates ?? []).forEach((candidate, index) => {
      const key = candidateKey(candidate as ActivationCandidateEvent);
      if (seen.has(key)) context.addIssue({ code: 'custom', path: ['candidates', index], message: 'a candidate not listed before' });
      seen.add(key);
    });
  });
