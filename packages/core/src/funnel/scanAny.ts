import { StepGroups, WindowCounts } from './anyWindow';
import type { FunnelScan, FunnelVisit } from './scan.types';

/**
 * Walks every user for `order: "any"`: a user's depth is the largest number
 * of distinct steps done, each by a different event, inside one window
 * `[t, t + window]` where `t` is the time of one of their step events.
 *
 * Two pointers slide the window over the user's step events, counting them
 * in {@link WindowCounts}. Exclusions span the whole funnel here: a window is
 * disqualified by an excluded event (one matching no step) strictly after
 * `t`, up to and including the window's end, unless its events already
 * cover every step by that event's millisecond. A second count, of the
 * window's events before the next excluded event, tells both; it slides too,
 * since that event never moves back. A disqualified window reaches the steps
 * covered before the excluded event, and one more (see `exclusionMode`).
 *
 * The window reported is the earliest clean one reaching the user's depth:
 * its step times are the instants it reaches 1, 2, … distinct steps, and the
 * breakdown's step-0 row is the event opening it (the one matching the
 * lowest step when several share its millisecond).
 */
export function scanAny(scan: FunnelScan, visit: FunnelVisit): void {
  const { table, stepMasks, steps, stepNames, stepKeys, window, exclusionMasks, exclusions, furthestAttempt } = scan;
  const { userStart, time } = table;
  const groups = new StepGroups(stepNames, stepKeys);
  const inWindow = new WindowCounts(groups);
  const beforeExclusion = new WindowCounts(groups);
  const timing = new WindowCounts(groups);
  const excluding = exclusions.length > 0;
  const isExcluded = (row: number): boolean => stepMasks[row] === 0 && exclusionMasks[row] !== 0;
  const opening = new Int32Array(1);
  const times = new Float64Array(steps);
  // The user's rows end before `end`; the window holds rows p … q − 1, and rows p … b − 1 lie before the next
  // excluded event, row x.
  let end = 0;
  let p = 0;
  let b = 0;
  let x = 0;

  /**
   * −1 when no excluded event disqualifies the window at `p` (time `t`);
   * else the steps covered strictly before it, plus one, at most `depth`.
   */
  const disqualifiedReach = (t: number, windowEnd: number, depth: number): number => {
    if (x < p) x = p;
    if (b < p) b = p;
    while (x < end && (!isExcluded(x) || (time[x] as number) <= t)) x++;
    if (x >= end || (time[x] as number) > windowEnd) return -1;
    const at = time[x] as number;
    while (b < end && (time[b] as number) < at) beforeExclusion.count(stepMasks[b++] as number, 1);
    const before = beforeExclusion.depth();
    if (depth === steps) {
      // Complete by the excluded event's millisecond: the window stands.
      let r = b;
      for (; r < end && time[r] === at; r++) beforeExclusion.count(stepMasks[r] as number, 1);
      const complete = beforeExclusion.depth() === steps;
      for (let s = b; s < r; s++) beforeExclusion.count(stepMasks[s] as number, -1);
      if (complete) return -1;
    }
    return Math.min(depth, before + 1);
  };

  /** `times[k]`: the instant the window opened at row `start` first covers `k + 1` distinct steps. */
  const stepTimes = (start: number, depth: number): void => {
    timing.clear();
    let reached = 0;
    for (let r = start; r < end && reached < depth;) {
      const t = time[r] as number;
      for (; r < end && time[r] === t; r++) timing.count(stepMasks[r] as number, 1);
      const now = Math.min(depth, timing.depth());
      while (reached < now) times[reached++] = t;
    }
  };

  for (let u = 0; u + 1 < userStart.length; u++) {
    const begin = userStart[u] as number;
    end = userStart[u + 1] as number;
    inWindow.clear();
    beforeExclusion.clear();
    p = begin;
    b = begin;
    x = begin;
    let q = begin;
    let bestDepth = 0;
    let bestStart = -1;
    let disqualifiedFurthest = 0;
    while (p < end && bestDepth < steps) {
      if (stepMasks[p] === 0) {
        p++;
        continue;
      }
      const t = time[p] as number;
      const windowEnd = t + window;
      if (q < p) q = p;
      while (q < end && (time[q] as number) <= windowEnd) inWindow.count(stepMasks[q++] as number, 1);
      const depth = inWindow.depth();
      if (depth > bestDepth) {
        const reach = excluding ? disqualifiedReach(t, windowEnd, depth) : -1;
        if (reach < 0) {
          bestDepth = depth;
          bestStart = p;
        } else if (furthestAttempt) {
          disqualifiedFurthest = Math.max(disqualifiedFurthest, reach);
        }
      }
      while (p < end && time[p] === t) {
        inWindow.count(stepMasks[p] as number, -1);
        if (p < b) beforeExclusion.count(stepMasks[p] as number, -1);
        p++;
      }
      if (b < p) b = p;
    }
    if (bestDepth === 0 || bestDepth < disqualifiedFurthest) continue;
    opening[0] = openingRow(stepMasks, time, bestStart, end);
    stepTimes(bestStart, bestDepth);
    visit(u, bestDepth, opening, times);
  }
}

/** Among the step events at `start`'s millisecond, the one matching the lowest step. */
function openingRow(stepMasks: Int32Array, time: Float64Array, start: number, end: number): number {
  let best = start;
  let lowest = lowestBit(stepMasks[start] as number);
  for (let r = start + 1; r < end && time[r] === time[start]; r++) {
    const mask = stepMasks[r] as number;
    if (mask !== 0 && lowestBit(mask) < lowest) {
      best = r;
      lowest = lowestBit(mask);
    }
  }
  return best;
}

function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}
