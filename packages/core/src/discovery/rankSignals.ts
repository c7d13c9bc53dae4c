import type { ActivationCandidate, ActivationCondition } from './activationCandidates.types';
import { candidateKey } from './candidateKey';

type Unranked = Omit<ActivationCandidate, 'rank'>;

/** Descending, `null` last. */
function byValueDescending(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Conditions in a fixed order: by event name, then property conditions, then threshold. */
export function compareCondition(x: ActivationCondition, y: ActivationCondition): number {
  return compareText(x.name, y.name) || compareText(candidateKey(x), candidateKey(y)) || x.atLeast - y.atLeast;
}

function compareConditions(a: readonly ActivationCondition[], b: readonly ActivationCondition[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const order = compareCondition(a[i] as ActivationCondition, b[i] as ActivationCondition);
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * The ranking: higher score first (`null` last); on equal scores the wider
 * signal (higher reach) first; then single signals before pairs, by event
 * name, conditions and threshold, so the order never depends on the input's.
 */
export function compareSignals(a: Unranked, b: Unranked): number {
  return byValueDescending(a.score, b.score) || byValueDescending(a.reach, b.reach) || compareConditions(a.conditions, b.conditions);
}

/** Sorts signals by {@link compareSignals} and numbers them from 1. */
export function rankSignals(signals: readonly Unranked[]): ActivationCandidate[] {
  return [...signals].sort(compareSignals).map((signal, i) => ({ rank: i + 1, ...signal }));
}
