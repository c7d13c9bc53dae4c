import type { ActivationCandidate, ActivationCondition } from './activationCandidates.types';
import { candidateSpec } from './candidateKey';

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

/**
 * Property conditions in a fixed order: none before any; otherwise key by key
 * in key order, each by key, then by its value's JSON text (`"x"`, `1`,
 * `true` and `null` differ), a shorter list that is a prefix of a longer
 * one first.
 */
function compareWhere(x: ActivationCondition, y: ActivationCondition): number {
  const a = Object.entries(candidateSpec(x).where ?? {});
  const b = Object.entries(candidateSpec(y).where ?? {});
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [keyA, valueA] = a[i]!;
    const [keyB, valueB] = b[i]!;
    const order = compareText(keyA, keyB) || compareText(JSON.stringify(valueA), JSON.stringify(valueB));
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/** Conditions in a fixed order: by event name, then property conditions (none first), then threshold. */
export function compareCondition(x: ActivationCondition, y: ActivationCondition): number {
  return compareText(x.name, y.name) || compareWhere(x, y) || x.atLeast - y.atLeast;
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
 * signal (higher reach) first; then single signals before pairs; then by
 * {@link compareCondition}, condition by condition. No two signals of a call
 * compare equal, so the order never depends on the input's.
 */
export function compareSignals(a: Unranked, b: Unranked): number {
  return byValueDescending(a.score, b.score) || byValueDescending(a.reach, b.reach) || compareConditions(a.conditions, b.conditions);
}

/** Sorts signals by {@link compareSignals} and numbers them from 1. */
export function rankSignals(signals: readonly Unranked[]): ActivationCandidate[] {
  return [...signals].sort(compareSignals).map((signal, i) => ({ rank: i + 1, ...signal }));
}
