import { formatDay } from '../time/civil';
import type { DayRange } from '../time/range';
import type { ActivationCandidate, ActivationCandidatesResult, ActivationCondition } from './activationCandidates.types';
import type { CandidateSpec } from './candidateKey';
import { compareCondition, compareSignals, rankSignals } from './rankSignals';
import type { ResolvedActivationOptions } from './resolveActivation';
import { signalStats } from './signalStats';

type Unranked = Omit<ActivationCandidate, 'rank'>;

/** A condition on one candidate: done at least `atLeast` times. */
export interface CandidateThreshold {
  /** Index into {@link ActivationTallies.candidates}. */
  readonly candidate: number;
  readonly atLeast: number;
}

/** Per signal, eligible units who met it, and how many of them were retained. */
export interface SignalTally {
  readonly did: ArrayLike<number>;
  readonly didRetained: ArrayLike<number>;
}

/** The counts every statistic of `activationCandidates` is read from. */
export interface ActivationTallies {
  /** The start dates used, as day numbers; `null` without events and bounds. */
  readonly range: DayRange | null;
  /** The last local day of the data; `null` without events. */
  readonly lastDay: number | null;
  readonly newUnits: number;
  readonly censored: number;
  /** Eligible units that were retained. */
  readonly retained: number;
  /** The candidates tested, in the order `singles` indexes them. */
  readonly candidates: readonly CandidateSpec[];
  /** Index `candidate × thresholds.length + t`, thresholds ascending. */
  readonly singles: SignalTally;
  /**
   * For every two of `chosen` (index `i < j`, in row-major order of the upper
   * triangle), units who met both and how many of them were retained. Called
   * once, with at least two, only when `pairs` asks for them.
   */
  pairs(chosen: readonly CandidateThreshold[]): SignalTally;
}

/**
 * The result of `activationCandidates` from its tallies: each signal's
 * statistics ({@link signalStats}), the `pairs` best candidates (each at its
 * best threshold, by {@link compareSignals}) and their pairs, and the ranking.
 * Core's scan and the SQL of `@kpikit/sql` share it, so both read the same
 * counts into the same result; the `unit` summary is the caller's to add.
 *
 * @example
 * const options = resolveActivationOptions({ candidates: ['invite'], atLeast: [1] });
 * const singles = { did: [10], didRetained: [8] };
 * activationCandidatesResult(options, { range: null, lastDay: null, newUnits: 20, censored: 0, retained: 10, candidates: options.candidates!, singles, pairs: () => singles })
 *   .candidates[0]!.lift; // ≈ 0.6: 8 of 10 who did it retained, 2 of the 10 others
 */
export function activationCandidatesResult(options: ResolvedActivationOptions, tallies: ActivationTallies): ActivationCandidatesResult {
  const { thresholds, minUnits, pairs } = options;
  const { range, lastDay, newUnits, censored, retained, candidates: specs, singles } = tallies;
  const eligible = newUnits - censored;
  const signals: Signal[] = [];
  specs.forEach((_, candidate) => {
    thresholds.forEach((atLeast, t) => {
      const slot = candidate * thresholds.length + t;
      const stats = signalStats(
        [conditionOf(specs, candidate, atLeast)],
        singles.did[slot] ?? 0,
        singles.didRetained[slot] ?? 0,
        eligible,
        retained,
      );
      if (stats.units >= minUnits) signals.push({ stats, candidate, atLeast });
    });
  });

  const chosen = pairs >= 2 ? bestPerCandidate(signals, pairs) : [];
  const paired: Unranked[] = [];
  if (chosen.length >= 2) {
    const pairTally = tallies.pairs(chosen);
    let slot = 0;
    for (let i = 0; i < chosen.length; i++) {
      for (let j = i + 1; j < chosen.length; j++, slot++) {
        const a = chosen[i]!;
        const b = chosen[j]!;
        // A fixed order of the two, so a pair reads the same whichever of them ranks first.
        const conditions = [conditionOf(specs, a.candidate, a.atLeast), conditionOf(specs, b.candidate, b.atLeast)].sort(compareCondition);
        const stats = signalStats(conditions, pairTally.did[slot] ?? 0, pairTally.didRetained[slot] ?? 0, eligible, retained);
        if (stats.units >= minUnits) paired.push(stats);
      }
    }
  }

  return {
    from: range ? formatDay(range.fromDay) : null,
    to: range ? formatDay(range.toDay) : null,
    timeZone: options.timeZone,
    startEvent: options.startEvent,
    days: options.days,
    outcome: { mode: options.mode, day: options.day, days: options.outcomeDays },
    dataEnd: lastDay === null ? null : formatDay(lastDay),
    newUnits,
    censored,
    eligible,
    retained,
    retention: eligible === 0 ? null : retained / eligible,
    candidates: rankSignals([...signals.map((signal) => signal.stats), ...paired]),
  };
}

/** A single signal and the candidate and threshold it tests. */
interface Signal {
  readonly stats: Unranked;
  readonly candidate: number;
  readonly atLeast: number;
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
