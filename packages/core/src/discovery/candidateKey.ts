import type { PropertyValue } from '../events/event.types';
import type { ActivationCandidateEvent, ActivationCondition } from './activationCandidates.types';

/** A candidate as a name and its conditions in key order (no conditions: `where` absent). */
export interface CandidateSpec {
  readonly name: string;
  readonly where: Readonly<Record<string, PropertyValue>> | undefined;
}

/** The spec of a candidate given as a name or `{ name, where }`; an empty `where` is no condition. */
export function candidateSpec(candidate: ActivationCandidateEvent): CandidateSpec {
  if (typeof candidate === 'string') return { name: candidate, where: undefined };
  const entries = Object.entries(candidate.where ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { name: candidate.name, where: entries.length === 0 ? undefined : Object.fromEntries(entries) };
}

/** One string per distinct candidate: the same name and conditions, in any key order, give the same key. */
export function candidateKey(candidate: ActivationCandidateEvent): string {
  const { name, where } = candidateSpec(candidate);
  // Typed values (1 and "1" differ) survive JSON; an array keeps the key order fixed.
  return JSON.stringify([name, where === undefined ? [] : Object.entries(where)]);
}

/** The plain-text label of a signal: `name`, `name {"key":value}`, then ` ≥ k` when k > 1; pairs joined by ` & `. */
export function signalLabel(conditions: readonly ActivationCondition[]): string {
  return conditions
    .map(({ name, where, atLeast }) => {
      const filter = where === undefined ? '' : ` ${JSON.stringify(where)}`;
      return `${name}${filter}${atLeast > 1 ? ` ≥ ${atLeast}` : ''}`;
    })
    .join(' & ');
}
