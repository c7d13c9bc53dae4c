import type { ExclusionSpan } from './scan.types';
import type { UserRows } from './userRows';

/**
 * Whether an exclusion disqualifies one conversion attempt, as PostHog
 * decides it: for an exclusion between steps `i` and `j`, an excluded event
 * strictly after the matched step-`i` event and strictly before the matched
 * step-`j` event, or, when step `j` was not reached, up to and including the
 * end of the attempt's window. Exclusions whose step `i` was not reached do
 * not apply. The attempt's own matched events never count as excluded ones.
 *
 * @param rows the user's rows, with exclusion `x` tracked as `firstTrack + x`.
 * @param matched local rows of the attempt's matched steps `0 … depth − 1`.
 */
export function isExcluded(
  rows: UserRows,
  firstTrack: number,
  exclusions: readonly ExclusionSpan[],
  time: Float64Array,
  matched: Int32Array,
  depth: number,
  windowEnd: number,
): boolean {
  const base = rows.base;
  for (let x = 0; x < exclusions.length; x++) {
    const { from, to } = exclusions[x] as ExclusionSpan;
    if (from >= depth) continue;
    const reached = to < depth;
    const end = reached ? (time[base + (matched[to] as number)] as number) : windowEnd;
    const track = firstTrack + x;
    // Rows at the step-i timestamp are not strictly after it: start past its tie group.
    for (let r = rows.next(track, rows.tieEnd(matched[from] as number)); r < rows.length; r = rows.next(track, r + 1)) {
      const t = time[base + r] as number;
      if (reached ? t >= end : t > end) break;
      if (!isMatched(matched, depth, r)) return true;
    }
  }
  return false;
}

function isMatched(matched: Int32Array, depth: number, row: number): boolean {
  for (let s = 0; s < depth; s++) if (matched[s] === row) return true;
  return false;
}
