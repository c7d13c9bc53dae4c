import { asEventTable } from '../events/eventTable';
import { rangeDays, tableForUnit, withUnit } from '../events/unit';
import type { EventInput, EventTable } from '../events/event.types';
import { compileFilter, nameMask, type RowPredicate } from '../events/filter';
import { parseOptions } from '../options/parseOptions';
import { formatDay, MS_PER_DAY } from '../time/civil';
import { localDays } from '../time/localDays';
import { resolveRange } from '../time/range';
import {
  activationCandidatesOptionsSchema,
  DEFAULT_ACTIVATION_DAYS,
  DEFAULT_ACTIVATION_THRESHOLDS,
  DEFAULT_OUTCOME_DAYS,
} from './activationCandidates.schema';
import type {
  ActivationCandidate,
  ActivationCandidateEvent,
  ActivationCandidatesOptions,
  ActivationCandidatesResult,
  ActivationCondition,
  ActivationOutcomeOptions,
} from './activationCandidates.types';
import { candidateSpec, type CandidateSpec } from './candidateKey';
import { dataEnd } from './dataEnd';
import { compareCondition, compareSignals, rankSignals } from './rankSignals';
import { candidateMatcher, tallyPairs, tallySingles, type CandidateThreshold } from './scanActions';
import { signalStats } from './signalStats';
import { unitOutcomes } from './unitOutcomes';

type Unranked = Omit<ActivationCandidate, 'rank'>;

/**
 * Activation discovery: which early actions of new units go with their
 * retention. A *unit* is the table's user (the default), or whatever the
 * table was keyed by.
 *
 * *New units* are those whose first-ever `startEvent` (default `signup`) has a
 * local date in `[from, to]`. Their clock starts at that event's instant and
 * every window is measured from it in days of 24 h: the *action window* is
 * `[0, days)`, the *outcome window* `[outcome.day, outcome.day + outcome.days)`
 * (or from `outcome.day` to the end of the data in `unbounded` mode). A unit is
 * *retained* when it did a `returnEvent` (default: any event) in its outcome
 * window. New units whose outcome window closes after the data end (the close
 * of the local day of the latest event) are `censored`: left out and counted.
 *
 * For each candidate action (default: every event name but `startEvent`) and
 * each threshold k of `atLeast` (default 1, 2, 3, 5), the *signal* "did it at
 * least k times in the action window" splits the eligible units into a 2×2
 * table. Actions before the start event, and the start event itself, never
 * count. Reported: reach, retention of those who did and did not, lift and
 * relative lift, precision and recall, the phi correlation, and a 95 % interval
 * of the lift by Newcombe's hybrid score method (Newcombe 1998, method 10,
 * from Wilson intervals). With `pairs: n`, every two of the n best candidates
 * (each at its best threshold) are tested together.
 *
 * Signals are ranked by `score`: the phi coefficient with the lift's lower 95 %
 * bound in place of the lift, `lower × √(q(1 − q)) / √(r(1 − r))` for reach q
 * and overall retention r. It grows with the lift, and with the reach up to
 * half the units; an action nearly everyone does, or one seen on a handful of
 * units, scores little. Equal scores rank the higher reach first, then single
 * signals before pairs, then by event name, property conditions (none first)
 * and threshold: no two signals tie.
 *
 * @example
 * const table = eventTableFromColumns(generateSampleData().columns);
 * activationCandidates(table, { days: 3 }).candidates[0];
 * // { rank: 1, label: 'invite_teammate', reach: 0.241, lift: 0.475, liftInterval: { lower: 0.434, upper: 0.51 }, … }
 */
export function activationCandidates(events: EventInput, options: ActivationCandidatesOptions = {}): ActivationCandidatesResult {
  const parsed = parseOptions(activationCandidatesOptionsSchema, options);
  const { from, to, timeZone = 'UTC', startEvent = 'signup', days: window = DEFAULT_ACTIVATION_DAYS } = parsed;
  const { pairs = 0, minUnits = 1, unit } = parsed;
  const outcomeOptions: ActivationOutcomeOptions = parsed.outcome ?? {};
  const mode = outcomeOptions.mode ?? 'window';
  const day = outcomeOptions.day ?? Math.max(DEFAULT_OUTCOME_DAYS, window);
  const outcomeDays = mode === 'window' ? (outcomeOptions.days ?? DEFAULT_OUTCOME_DAYS) : null;
  const thresholds = [...(parsed.atLeast ?? DEFAULT_ACTIVATION_THRESHOLDS)].sort((a, b) => a - b);

  const unitTable = tableForUnit(asEventTable(events), unit);
  const { table } = unitTable;
  const days = localDays(table, timeZone);
  // `null` only without events: then there are no units either, and every count below is 0.
  const range = resolveRange(rangeDays(unitTable, days, timeZone), from, to);
  const end = dataEnd(table, days, timeZone);
  const outcomes = unitOutcomes({
    unitStart: table.userStart,
    name: table.name,
    time: table.time,
    days,
    startNames: nameMask(table, startEvent) as Uint8Array,
    fromDay: range?.fromDay ?? 0,
    toDay: range?.toDay ?? -1,
    outcomeFrom: day * MS_PER_DAY,
    outcomeTo: outcomeDays === null ? Number.POSITIVE_INFINITY : (day + outcomeDays) * MS_PER_DAY,
    // Unbounded: day `day` itself must be observed.
    observed: (day + (outcomeDays ?? 1)) * MS_PER_DAY,
    dataEnd: end?.closesAt ?? Number.NEGATIVE_INFINITY,
    isReturn: returnPredicate(table, outcomeOptions.returnEvent),
  });
  const eligible = outcomes.newUnits - outcomes.censored;
  const { retained } = outcomes;

  // The schema checked each object's name by a refinement, which its type does not record.
  const given = parsed.candidates as readonly ActivationCandidateEvent[] | undefined;
  const specs = given ? given.map(candidateSpec) : defaultSpecs(table, startEvent);
  const matcher = candidateMatcher(table, specs);
  const windowMs = window * MS_PER_DAY;
  const tally = tallySingles(table, outcomes, matcher, windowMs, thresholds);
  const signals: Signal[] = [];
  specs.forEach((_, candidate) => {
    thresholds.forEach((atLeast, t) => {
      const slot = candidate * thresholds.length + t;
      const stats = signalStats([conditionOf(specs, candidate, atLeast)], tally.did[slot]!, tally.didRetained[slot]!, eligible, retained);
      if (stats.units >= minUnits) signals.push({ stats, candidate, atLeast });
    });
  });

  const chosen = pairs >= 2 ? bestPerCandidate(signals, pairs) : [];
  const paired: Unranked[] = [];
  if (chosen.length >= 2) {
    const pairTally = tallyPairs(table, outcomes, matcher, windowMs, chosen);
    let slot = 0;
    for (let i = 0; i < chosen.length; i++) {
      for (let j = i + 1; j < chosen.length; j++, slot++) {
        const a = chosen[i]!;
        const b = chosen[j]!;
        // A fixed order of the two, so a pair reads the same whichever of them ranks first.
        const conditions = [conditionOf(specs, a.candidate, a.atLeast), conditionOf(specs, b.candidate, b.atLeast)].sort(compareCondition);
        const stats = signalStats(conditions, pairTally.did[slot]!, pairTally.didRetained[slot]!, eligible, retained);
        if (stats.units >= minUnits) paired.push(stats);
      }
    }
  }

  return withUnit(
    {
      from: range ? formatDay(range.fromDay) : null,
      to: range ? formatDay(range.toDay) : null,
      timeZone,
      startEvent,
      days: window,
      outcome: { mode, day, days: outcomeDays },
      dataEnd: end ? formatDay(end.lastDay) : null,
      newUnits: outcomes.newUnits,
      censored: outcomes.censored,
      eligible,
      retained,
      retention: eligible === 0 ? null : retained / eligible,
      candidates: rankSignals([...signals.map((signal) => signal.stats), ...paired]),
    },
    unitTable,
  );
}

/** A single signal and the candidate and threshold it tests. */
interface Signal {
  readonly stats: Unranked;
  readonly candidate: number;
  readonly atLeast: number;
}

/** Every event name of the table but the start event, in name order. */
function defaultSpecs(table: EventTable, startEvent: string): CandidateSpec[] {
  return table.names
    .filter((name) => name !== startEvent)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => ({ name, where: undefined }));
}

function returnPredicate(table: EventTable, returnEvent: ActivationOutcomeOptions['returnEvent']): RowPredicate | null {
  if (returnEvent === undefined) return null;
  return compileFilter(table, typeof returnEvent === 'string' ? { name: returnEvent } : returnEvent);
}

function conditionOf(specs: readonly CandidateSpec[], candidate: number, atLeast: number): ActivationCondition {
  const { name, where } = specs[candidate]!;
  return where === undefined ? { name, atLeast } : { name, where, atLeast };
}

/** The `n` candidates whose best single signal ranks highest (scored signals only), each at that signal's threshold. */
function bestPerCandidate(signals: readonly Signal[], n: number): CandidateThreshold[] {
  const best = new Map<number, Signal>();
  for (const signal of signals) {
    if (signal.stats.score === null) continue;
    const known = best.get(signal.candidate);
    if (!known || compareSignals(signal.stats, known.stats) < 0) best.set(signal.candidate, signal);
  }
  return [...best.values()]
    .sort((a, b) => compareSignals(a.stats, b.stats))
    .slice(0, n)
    .map(({ candidate, atLeast }) => ({ candidate, atLeast }));
}
