import { disqualifiedReach } from './exclusion';
import type { FunnelScan, FunnelVisit } from './scan.types';
import { UserRows } from './userRows';

/**
 * Walks every user for `order: "ordered"`: each attempt starts at one of the
 * user's step-1 events and matches every later step to its earliest
 * qualifying event — timestamp ≥ the previous matched one, not an event the
 * attempt already uses, within `t1 + window`. Taking the earliest event is
 * optimal: a later choice never lets the chain go further, so this greedy
 * chain reaches the deepest step the attempt can.
 *
 * Exclusions: with `furthestAttempt` the user is judged by their furthest
 * attempt, a disqualified one counting as far as {@link disqualifiedReach}
 * says; when no clean attempt goes as far, the user is left out. Otherwise
 * the user's depth is the deepest clean attempt. The attempt reported
 * (times, breakdown row) is the earliest clean one reaching the depth.
 * Work is O(rows × steps): one pass builds next-event pointers per step, then
 * each attempt takes one pointer read per step.
 */
export function scanOrdered(scan: FunnelScan, visit: FunnelVisit): void {
  const { table, stepMasks, steps, window, exclusionMasks, exclusions, furthestAttempt } = scan;
  const { userStart, time } = table;
  // Track k − 1 points at the next event of step k (k ≥ 1); exclusions follow.
  const trackMasks: Int32Array[] = [];
  const trackBits: number[] = [];
  for (let k = 1; k < steps; k++) {
    trackMasks.push(stepMasks);
    trackBits.push(1 << k);
  }
  exclusions.forEach((_, x) => {
    trackMasks.push(exclusionMasks);
    trackBits.push(1 << x);
  });
  const rows = new UserRows(time, trackMasks, trackBits);
  const exclusionTrack = steps - 1;
  const matched = new Int32Array(steps);
  const best = new Int32Array(steps);
  const times = new Float64Array(steps);
  const bestRows = new Int32Array(steps);

  for (let u = 0; u + 1 < userStart.length; u++) {
    const begin = userStart[u] as number;
    const end = userStart[u + 1] as number;
    let first = begin;
    while (first < end && ((stepMasks[first] as number) & 1) === 0) first++;
    if (first === end) continue;
    // No candidate lies before the first step-1 event's millisecond.
    let from = first;
    while (from > begin && time[from - 1] === time[first]) from--;
    rows.load(begin, end, from - begin);
    const { length } = rows;
    let bestDepth = 0;
    // The furthest reach of a disqualified attempt (with `furthestAttempt`).
    let disqualifiedFurthest = 0;
    for (let start = first - begin; start < length && bestDepth < steps; start++) {
      if (((stepMasks[begin + start] as number) & 1) === 0) continue;
      const windowEnd = (time[begin + start] as number) + window;
      matched[0] = start;
      let depth = 1;
      while (depth < steps) {
        const previous = matched[depth - 1] as number;
        const track = depth - 1;
        // Candidates start at the previous event's timestamp, including rows
        // sorted before it at that same millisecond.
        let r = rows.next(track, rows.tieStart(previous));
        while (r < length && isUsed(matched, depth, r, time, begin)) r = rows.next(track, r + 1);
        if (r >= length || (time[begin + r] as number) > windowEnd) break;
        matched[depth++] = r;
      }
      // An attempt no deeper than the best clean one changes nothing: a clean attempt wins a tie.
      if (depth <= bestDepth) continue;
      const disqualified =
        exclusions.length > 0 ? disqualifiedReach(rows, exclusionTrack, exclusions, time, matched, depth, windowEnd) : -1;
      if (disqualified >= 0) {
        if (furthestAttempt) disqualifiedFurthest = Math.max(disqualifiedFurthest, disqualified);
        continue;
      }
      bestDepth = depth;
      best.set(matched);
    }
    if (bestDepth === 0 || bestDepth < disqualifiedFurthest) continue;
    for (let s = 0; s < bestDepth; s++) {
      bestRows[s] = begin + (best[s] as number);
      times[s] = time[bestRows[s] as number] as number;
    }
    visit(u, bestDepth, bestRows, times);
  }
}

/**
 * Whether local row `r` is already one of the attempt's matched events
 * `matched[0 … depth − 1]`. Matched times never decrease, so only the tail
 * sharing `r`'s timestamp can contain it.
 */
function isUsed(matched: Int32Array, depth: number, r: number, time: Float64Array, base: number): boolean {
  const t = time[base + r] as number;
  for (let s = depth - 1; s >= 0; s--) {
    const m = matched[s] as number;
    if (time[base + m] !== t) return false;
    if (m === r) return true;
  }
  return false;
}
