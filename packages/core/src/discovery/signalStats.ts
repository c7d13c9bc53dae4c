import { differenceInterval } from '../stats/proportionInterval';
import type { ActivationCandidate, ActivationCondition } from './activationCandidates.types';
import { signalLabel } from './candidateKey';

const ratio = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);

/**
 * A signal's 2×2 table and the rates, lift, interval and score read from it.
 *
 * `did` of the `eligible` units met the signal, `didRetained` of them were
 * retained; `retained` of all eligible units were.
 */
export function signalStats(
  conditions: readonly ActivationCondition[],
  did: number,
  didRetained: number,
  eligible: number,
  retained: number,
): Omit<ActivationCandidate, 'rank'> {
  const didNot = eligible - did;
  const didNotRetained = retained - didRetained;
  const retentionIfDid = ratio(didRetained, did);
  const retentionIfNot = ratio(didNotRetained, didNot);
  const lift = retentionIfDid === null || retentionIfNot === null ? null : retentionIfDid - retentionIfNot;
  const interval = differenceInterval(didRetained, did, didNotRetained, didNot);
  const reach = ratio(did, eligible);
  // phi = lift × √(q(1 − q)) / √(r(1 − r)), q the reach, r the overall retention:
  // the Pearson correlation of two yes/no variables, zero when a margin is.
  const spread = eligible === 0 ? 0 : Math.sqrt((did * didNot) / (retained * (eligible - retained)));
  const defined = lift !== null && interval !== null && Number.isFinite(spread);
  return {
    label: signalLabel(conditions),
    conditions,
    counts: {
      did: { retained: didRetained, notRetained: did - didRetained },
      didNot: { retained: didNotRetained, notRetained: didNot - didNotRetained },
    },
    units: did,
    reach,
    retentionIfDid,
    retentionIfNot,
    lift,
    relativeLift: lift === null || retentionIfNot === 0 || retentionIfNot === null ? null : lift / retentionIfNot,
    liftInterval: interval,
    precision: retentionIfDid,
    recall: ratio(didRetained, retained),
    correlation: defined ? lift * spread : null,
    score: defined ? interval.lower * spread : null,
  };
}
