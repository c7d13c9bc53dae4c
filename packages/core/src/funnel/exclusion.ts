import type { ExclusionSpan } from './scan.types';
import type { UserRows } from './userRows';

/**
 * How far an attempt disqualified by an exclusion still counts, or −1 when
 * no exclusion disqualifies it.
 *
 * An exclusion between steps `i` and `j` disqualifies the attempt when an
 * excluded event happens strictly after the matched step-`i` event and
 * strictly before the matched step-`j` event or, when step `j` was not
 * reached, up to and including the end of the attempt's window. Exclusions
 * whose step `i` was not reached do not apply, and the attempt's own matched
 * events never count as excluded ones.
 *
 * A disqualified attempt reaches the steps it had reached before the first
 * such event, and the next one if it got there: PostHog stops following an
 * attempt at the step after the excluded event, and `exclusionMode:
 * "furthestAttempt"` compares attempts by that reach.
 *
 * @param rows the user's rows, with exclusion `x` tracked as `firstTrack + x`.
 * @param matched local rows of the attempt's matched steps `0 … depth − 1`.
 */
export function disqualifiedReach(
  rows: UserRows,
  firstTrack: number,
  exclusions: readonly ExclusionSpan[],
  time: Float64Array,
  matched: Int32Array,
  depth: number,
  windowEnd: number,
): number {
  const base = rows.base;
  let first = Infinity;
  for (let x = 0; x < exclusions.length; x++) {
    const { from, to } = exclusions[x] as ExclusionSpan;
    if (from >= depth) continue;
    const reached = to < depth;
    const end = reached ? (time[base + (matched[to] as number)] as number) : windowEnd;
    const track = firstTrack + x;
    // Rows at the step-i timestamp are not strictly after it: start past its tie group.
    for (let r = rows.next(track, rows.tieEnd(matched[from] as number)); r < rows.length; r = rows.next(track, r + 1)) {
      const t = time[base + r] as number;
      if (t >= first || (reached ? t >= end : t > end)) break;
      if (!isMatched(matched, depth, r)) {
        first = t;
        break;
      }
    }
  }
  if (first === Infinity) return -1;
  let before = 0;
  while (before < depth && (time[base + (matched[before] as number)] as number) < first) before++;
  return Math.min(depth, before + 1);
}

function isMatched(matched: Int32Array, depth: number, row: number): boolean {
  for (let s = 0; s < depth; s++) if (matched[s] === row) return true;
  return false;
}
