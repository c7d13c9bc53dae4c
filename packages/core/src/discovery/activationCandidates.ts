import { asEventTable } from '../events/eventTable';
import { rangeDays, tableForUnit, withUnit } from '../events/unit';
import type { EventInput, EventTable } from '../events/event.types';
import { compileFilter, nameMask, type RowPredicate } from '../events/filter';
import { MS_PER_DAY } from '../time/civil';
import { localDays } from '../time/localDays';
import { resolveRange } from '../time/range';
import type { ActivationCandidatesOptions, ActivationCandidatesResult, ActivationOutcomeOptions } from './activationCandidates.types';
import { activationCandidatesResult } from './activationResult';
import type { CandidateSpec } from './candidateKey';
import { dataEnd } from './dataEnd';
import { resolveActivationOptions } from './resolveActivation';
import { candidateMatcher, tallyPairs, tallySingles } from './scanActions';
import { unitOutcomes } from './unitOutcomes';

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
 * of the local day of the latest event, grouped or not) are `censored`: left
 * out and counted.
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
  const resolved = resolveActivationOptions(options);
  const { timeZone, startEvent, day, outcomeDays } = resolved;

  const unitTable = tableForUnit(asEventTable(events), resolved.unit);
  const { table } = unitTable;
  const days = localDays(table, timeZone);
  // Every event's day, grouped or not: the range and the data end are the data's, not the grouped rows'.
  const allDays = rangeDays(unitTable, days, timeZone);
  // `null` only without events: then there are no units either, and every count below is 0.
  const range = resolveRange(allDays, resolved.from, resolved.to);
  const end = dataEnd(unitTable.source, allDays, timeZone);
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
    observed: resolved.observedDays * MS_PER_DAY,
    dataEnd: end?.closesAt ?? Number.NEGATIVE_INFINITY,
    isReturn: returnPredicate(table, resolved.returnEvent),
  });

  const specs = resolved.candidates ?? defaultSpecs(table, startEvent);
  const matcher = candidateMatcher(table, specs);
  const windowMs = resolved.days * MS_PER_DAY;
  const result = activationCandidatesResult(resolved, {
    range,
    lastDay: end?.lastDay ?? null,
    newUnits: outcomes.newUnits,
    censored: outcomes.censored,
    retained: outcomes.retained,
    candidates: specs,
    singles: tallySingles(table, outcomes, matcher, windowMs, resolved.thresholds),
    pairs: (chosen) => tallyPairs(table, outcomes, matcher, windowMs, chosen),
  });
  return withUnit(result, unitTable);
}

/** Every event name of the table but the start event, in name order (at a group's grain too: the table's names). */
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
