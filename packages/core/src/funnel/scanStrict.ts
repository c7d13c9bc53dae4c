import { disqualifiedReach } from './exclusion';
import type { FunnelScan, FunnelVisit } from './scan.types';
import { UserRows } from './userRows';

/**
 * Walks every user for `order: "strict"`.
 *
 * A user's in-range events fall into *moments*: runs of events sharing one
 * timestamp. A strict chain may not skip a moment (an event strictly between
 * two matched steps breaks it), so it matches a run of consecutive steps in
 * the step-1 moment, the next run in the next moment, and so on. Inside one
 * moment a user has at most one event per name (exact duplicates are
 * removed), so a run fits a moment when each of its steps has a matching
 * event there and no two of its steps share a name.
 *
 * Unlike `ordered`, taking each step's earliest event is not always best
 * here (staying in a moment can strand the next step), so each attempt keeps
 * the set of step counts reachable after each moment as a bit set: at most
 * one moment per step, a few bit operations each. The attempt's chain is then
 * the earliest one (step by step) among those reaching its depth.
 */
export function scanStrict(scan: FunnelScan, visit: FunnelVisit): void {
  const { table, days, range, stepMasks, steps, stepNames, window, exclusionMasks, exclusions, furthestAttempt } = scan;
  const { userStart, time } = table;
  const { fromDay, toDay } = range;
  const runLimit = distinctNameRuns(stepNames);
  const rows = new UserRows(
    time,
    exclusions.map(() => exclusionMasks),
    exclusions.map((_, x) => 1 << x),
  );
  let momentTime = new Float64Array(64);
  let momentMask = new Int32Array(64);
  let momentBegin = new Int32Array(64);
  let momentEnd = new Int32Array(64);
  const reach = new Int32Array(steps + 1);
  const good = new Int32Array(steps + 1);
  const matched = new Int32Array(steps);
  const stepMoment = new Int32Array(steps);
  const times = new Float64Array(steps);
  const bestTimes = new Float64Array(steps);
  const bestRows = new Int32Array(steps);
  const highest = (bits: number): number => 31 - Math.clz32(bits);

  /** Bits `k + 1 … r` of the step counts reachable by matching steps `k … r − 1` in a moment with step mask `mask`. */
  const runFrom = (mask: number, k: number): number => {
    const missing = ~mask & (-1 << k);
    const stop = Math.min(highest(missing & -missing), runLimit[k] as number);
    return stop <= k ? 0 : ((1 << (stop + 1)) - 1) & (-1 << (k + 1));
  };

  for (let u = 0; u + 1 < userStart.length; u++) {
    const begin = userStart[u] as number;
    const end = userStart[u + 1] as number;
    let first = begin;
    while (first < end && ((stepMasks[first] as number) & 1) === 0) first++;
    if (first === end) continue;

    // Moments of in-range rows (a tie run shares one local day, so it is wholly in or out of range).
    let moments = 0;
    for (let row = begin; row < end;) {
      const t = time[row] as number;
      let stop = row + 1;
      while (stop < end && time[stop] === t) stop++;
      const day = days[row] as number;
      if (day >= fromDay && day <= toDay) {
        if (moments === momentTime.length) {
          momentTime = grow(momentTime);
          momentMask = grow(momentMask);
          momentBegin = grow(momentBegin);
          momentEnd = grow(momentEnd);
        }
        let mask = 0;
        for (let r = row; r < stop; r++) mask |= stepMasks[r] as number;
        momentTime[moments] = t;
        momentMask[moments] = mask;
        momentBegin[moments] = row;
        momentEnd[moments] = stop;
        moments++;
      }
      row = stop;
    }
    if (exclusions.length > 0) rows.load(begin, end);

    let bestDepth = 0;
    // The furthest reach of a disqualified attempt (with `furthestAttempt`).
    let disqualifiedFurthest = 0;
    for (let m1 = 0; m1 < moments && bestDepth < steps; m1++) {
      if (((momentMask[m1] as number) & 1) === 0) continue;
      const windowEnd = (momentTime[m1] as number) + window;
      reach[0] = runFrom(momentMask[m1] as number, 0);
      let depth = highest(reach[0]);
      let last = 0;
      while (depth < steps) {
        const m = m1 + last + 1;
        if (m >= moments || (momentTime[m] as number) > windowEnd) break;
        let open = (reach[last] as number) & ~(1 << steps);
        let next = 0;
        while (open !== 0) {
          const bit = open & -open;
          open ^= bit;
          next |= runFrom(momentMask[m] as number, highest(bit));
        }
        if (next === 0) break;
        reach[++last] = next;
        depth = Math.max(depth, highest(next));
      }
      if (depth <= bestDepth) continue;

      // Which reachable counts still lead to `depth`, from the last moment back.
      const target = 1 << depth;
      for (let j = last; j >= 0; j--) {
        let keep = (reach[j] as number) & target;
        if (j < last) {
          let open = (reach[j] as number) & (target - 1);
          while (open !== 0) {
            const bit = open & -open;
            open ^= bit;
            if ((runFrom(momentMask[m1 + j + 1] as number, highest(bit)) & (good[j + 1] as number)) !== 0) keep |= bit;
          }
        }
        good[j] = keep;
      }
      // Forward, the longest good run in each moment: the earliest chain step by step.
      let done = highest(good[0] as number);
      stepMoment.fill(m1, 0, done);
      for (let j = 1; done < depth; j++) {
        const next = highest((good[j] as number) & runFrom(momentMask[m1 + j] as number, done));
        stepMoment.fill(m1 + j, done, next);
        done = next;
      }
      for (let s = 0; s < depth; s++) {
        const m = stepMoment[s] as number;
        let r = momentBegin[m] as number;
        while (((stepMasks[r] as number) & (1 << s)) === 0) r++;
        matched[s] = r - begin;
        times[s] = momentTime[m] as number;
      }
      const disqualified = exclusions.length > 0 ? disqualifiedReach(rows, 0, exclusions, time, matched, depth, windowEnd) : -1;
      if (disqualified >= 0) {
        if (furthestAttempt) disqualifiedFurthest = Math.max(disqualifiedFurthest, disqualified);
        continue;
      }
      bestDepth = depth;
      for (let s = 0; s < depth; s++) bestRows[s] = begin + (matched[s] as number);
      bestTimes.set(times);
    }
    if (bestDepth > 0 && bestDepth >= disqualifiedFurthest) visit(u, bestDepth, bestRows, bestTimes);
  }
}

/** `limit[k]`: the largest `k'` such that steps `k … k' − 1` have pairwise different names. */
function distinctNameRuns(names: readonly string[]): Int32Array {
  const limit = new Int32Array(names.length + 1);
  for (let k = 0; k <= names.length; k++) {
    let stop = k;
    while (stop < names.length && !names.slice(k, stop).includes(names[stop] as string)) stop++;
    limit[k] = stop;
  }
  return limit;
}

function grow<T extends Float64Array | Int32Array>(array: T): T {
  const grown = new (array.constructor as new (length: number) => T)(array.length * 2);
  grown.set(array);
  return grown;
}
