import type { EventTable } from '../events/event.types';
import { compileFilter, type RowPredicate } from '../events/filter';
import type { CandidateThreshold } from './activationResult';
import type { CandidateSpec } from './candidateKey';
import { CENSORED, NOT_NEW, RETAINED, type UnitOutcomes } from './unitOutcomes';

/** Which candidates a row may match, found by its event-name code without a look-up per row. */
export interface CandidateMatcher {
  readonly count: number;
  /** `names.length + 1` offsets into `byName`: the candidates of name code `c` are `byName[nameStart[c]]` … */
  readonly nameStart: Int32Array;
  readonly byName: Int32Array;
  /** Per candidate, its property conditions compiled against the table, or `null` for none. */
  readonly conditions: readonly (RowPredicate | null)[];
}

/** Compiles candidates against a table's name dictionary and property columns. */
export function candidateMatcher(table: EventTable, specs: readonly CandidateSpec[]): CandidateMatcher {
  const codes = new Map(table.names.map((name, code) => [name, code]));
  const nameStart = new Int32Array(table.names.length + 1);
  const codeOf = specs.map((spec) => codes.get(spec.name) ?? -1);
  for (const code of codeOf) if (code >= 0) nameStart[code + 1]! += 1;
  for (let c = 0; c < table.names.length; c++) nameStart[c + 1]! += nameStart[c] as number;
  const byName = new Int32Array(nameStart[table.names.length] as number);
  const cursor = nameStart.slice(0, table.names.length);
  codeOf.forEach((code, candidate) => {
    if (code >= 0) byName[cursor[code]!++] = candidate;
  });
  const conditions = specs.map((spec) => (spec.where === undefined ? null : compileFilter(table, { properties: spec.where })));
  return { count: specs.length, nameStart, byName, conditions };
}

/**
 * Called once per eligible unit with how many times it did each candidate in
 * its action window: `counts[c]` for the `touched` candidates (the first
 * `touchedCount` entries), 0 for every other.
 */
export type ActionVisitor = (retained: boolean, counts: Int32Array, touched: Int32Array, touchedCount: number) => void;

/**
 * Walks every eligible unit's action window `[start, start + window)`:
 * its rows at or after the start instant, the start row itself excepted
 * (rows before the start are never actions), and counts candidate matches.
 */
export function scanActions(
  table: EventTable,
  outcomes: UnitOutcomes,
  matcher: CandidateMatcher,
  window: number,
  visit: ActionVisitor,
): void {
  const { userStart: unitStart, name, time } = table;
  const { nameStart, byName, conditions } = matcher;
  const { startRow, status } = outcomes;
  const counts = new Int32Array(matcher.count);
  const touched = new Int32Array(matcher.count);
  for (let u = 0; u + 1 < unitStart.length; u++) {
    const state = status[u] as number;
    if (state === NOT_NEW || state === CENSORED) continue;
    const first = startRow[u] as number;
    const startedAt = time[first] as number;
    const end = unitStart[u + 1] as number;
    let touchedCount = 0;
    // From the unit's first row: an action at the start's millisecond may sort before it.
    for (let row = unitStart[u] as number; row < end; row++) {
      const t = time[row] as number;
      if (t - startedAt >= window) break;
      if (t < startedAt || row === first) continue;
      const code = name[row] as number;
      for (let i = nameStart[code] as number; i < (nameStart[code + 1] as number); i++) {
        const candidate = byName[i] as number;
        const condition = conditions[candidate];
        if (condition && !condition(row)) continue;
        if (counts[candidate]!++ === 0) touched[touchedCount++] = candidate;
      }
    }
    visit(state === RETAINED, counts, touched, touchedCount);
    for (let i = 0; i < touchedCount; i++) counts[touched[i] as number] = 0;
  }
}

/** Per candidate and threshold, eligible units who did the candidate at least that often, and how many of them were retained. */
export interface SingleTally {
  /** Index `candidate × thresholds.length + t`. */
  readonly did: Float64Array;
  readonly didRetained: Float64Array;
}

/** Tallies every (candidate, threshold) signal in one scan. `thresholds` ascend. */
export function tallySingles(
  table: EventTable,
  outcomes: UnitOutcomes,
  matcher: CandidateMatcher,
  window: number,
  thresholds: readonly number[],
): SingleTally {
  const width = thresholds.length;
  const did = new Float64Array(matcher.count * width);
  const didRetained = new Float64Array(matcher.count * width);
  scanActions(table, outcomes, matcher, window, (retained, counts, touched, touchedCount) => {
    for (let i = 0; i < touchedCount; i++) {
      const candidate = touched[i] as number;
      const times = counts[candidate] as number;
      for (let t = 0; t < width && times >= (thresholds[t] as number); t++) {
        did[candidate * width + t]! += 1;
        if (retained) didRetained[candidate * width + t]! += 1;
      }
    }
  });
  return { did, didRetained };
}

/** For every two of `chosen` (index `i < j`, in row-major order of the upper triangle), units who met both and how many were retained. */
export function tallyPairs(
  table: EventTable,
  outcomes: UnitOutcomes,
  matcher: CandidateMatcher,
  window: number,
  chosen: readonly CandidateThreshold[],
): SingleTally {
  const n = chosen.length;
  const did = new Float64Array((n * (n - 1)) / 2);
  const didRetained = new Float64Array(did.length);
  // Pair (i, j), i < j, sits at offset(i) + j − i − 1.
  const offset = Array.from({ length: n }, (_, i) => i * n - (i * (i + 1)) / 2);
  const met = new Int32Array(n);
  scanActions(table, outcomes, matcher, window, (retained, counts) => {
    let m = 0;
    for (let i = 0; i < n; i++) {
      const { candidate, atLeast } = chosen[i] as CandidateThreshold;
      if ((counts[candidate] as number) >= atLeast) met[m++] = i;
    }
    for (let a = 0; a < m; a++) {
      const i = met[a] as number;
      for (let b = a + 1; b < m; b++) {
        const slot = (offset[i] as number) + (met[b] as number) - i - 1;
        did[slot]! += 1;
        if (retained) didRetained[slot]! += 1;
      }
    }
  });
  return { did, didRetained };
}
