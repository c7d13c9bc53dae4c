import type { MetricUnit } from '../events/unit';
import { parseOptions } from '../options/parseOptions';
import {
  activationCandidatesOptionsSchema,
  DEFAULT_ACTIVATION_DAYS,
  DEFAULT_ACTIVATION_THRESHOLDS,
  DEFAULT_OUTCOME_DAYS,
} from './activationCandidates.schema';
import type {
  ActivationCandidateEvent,
  ActivationCandidatesOptions,
  ActivationOutcomeMode,
  ActivationOutcomeOptions,
} from './activationCandidates.types';
import { candidateSpec, type CandidateSpec } from './candidateKey';

/** The options of `activationCandidates` validated, with every default filled in. */
export interface ResolvedActivationOptions {
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly timeZone: string;
  readonly startEvent: string;
  /** The action window in days of 24 h. */
  readonly days: number;
  readonly mode: ActivationOutcomeMode;
  /** First day of the outcome window. */
  readonly day: number;
  /** Length of the outcome window; `null` in unbounded mode. */
  readonly outcomeDays: number | null;
  /** How long after the start instant the data must run for a unit to be eligible, in days: day `day` itself in unbounded mode. */
  readonly observedDays: number;
  readonly returnEvent: ActivationOutcomeOptions['returnEvent'];
  /** The thresholds, ascending. */
  readonly thresholds: readonly number[];
  /** The candidates given, each as its spec; `undefined`: every event name of the data but `startEvent`. */
  readonly candidates: readonly CandidateSpec[] | undefined;
  readonly pairs: number;
  readonly minUnits: number;
  readonly unit: MetricUnit | undefined;
}

/**
 * Validates the options of `activationCandidates` as core does and fills in
 * the defaults: the one reading of the options that core's scan and the SQL
 * of `@kpikit/sql` share.
 *
 * @throws {KpiValidationError} on bad options.
 * @example
 * resolveActivationOptions({ days: 3 }).day; // 7: the outcome starts after the later of 7 days and the action window
 */
export function resolveActivationOptions(options: ActivationCandidatesOptions = {}): ResolvedActivationOptions {
  const parsed = parseOptions(activationCandidatesOptionsSchema, options);
  const days = parsed.days ?? DEFAULT_ACTIVATION_DAYS;
  const outcome: ActivationOutcomeOptions = parsed.outcome ?? {};
  const mode = outcome.mode ?? 'window';
  const outcomeDays = mode === 'window' ? (outcome.days ?? DEFAULT_OUTCOME_DAYS) : null;
  const day = outcome.day ?? Math.max(DEFAULT_OUTCOME_DAYS, days);
  // The schema checked each object's name by a refinement, which its type does not record.
  const given = parsed.candidates as readonly ActivationCandidateEvent[] | undefined;
  return {
    from: parsed.from,
    to: parsed.to,
    timeZone: parsed.timeZone ?? 'UTC',
    startEvent: parsed.startEvent ?? 'signup',
    days,
    mode,
    day,
    outcomeDays,
    observedDays: day + (outcomeDays ?? 1),
    returnEvent: outcome.returnEvent,
    thresholds: [...(parsed.atLeast ?? DEFAULT_ACTIVATION_THRESHOLDS)].sort((a, b) => a - b),
    candidates: given?.map(candidateSpec),
    pairs: parsed.pairs ?? 0,
    minUnits: parsed.minUnits ?? 1,
    unit: parsed.unit,
  };
}
