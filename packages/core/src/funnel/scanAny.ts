import type { FunnelScan, FunnelVisit } from './scan.types';

/**
 * Walks every user for `order: "any"`: a user's depth is the largest number
 * of distinct steps done, each by a different event, inside one window
 * `[t, t + window]` where `t` is the time of one of their step events.
 *
 * Two pointers slide the window over the user's step events, keeping per
 * step group (steps sharing an event name) the events inside it. Events of
 * different names never compete, so a group's contribution is independent:
 * when its steps match the same events, `min(steps, events)`; when their
 * property conditions differ, a maximum matching of its steps to its events
 * (augmenting paths over event kinds, a kind being the set of the group's
 * steps an event matches). The row reported for the breakdown is the event
 * opening the earliest window that reaches the depth (the one matching the
 * lowest step when several share its millisecond).
 */
export function scanAny(scan: FunnelScan, visit: FunnelVisit): void {
  const { table, stepMasks, steps, stepNames, stepKeys, window } = scan;
  const { userStart, time } = table;

  // Steps grouped by event name.
  const groupOf = new Int32Array(steps);
  const members: number[][] = [];
  const simple: boolean[] = [];
  const groupByName = new Map<string, number>();
  stepNames.forEach((name, k) => {
    let g = groupByName.get(name);
    if (g === undefined) {
      g = members.length;
      groupByName.set(name, g);
      members.push([]);
      simple.push(true);
    }
    const group = members[g] as number[];
    if (group.length > 0 && stepKeys[group[0] as number] !== stepKeys[k]) simple[g] = false;
    group.push(k);
    groupOf[k] = g;
  });
  const groups = members.length;
  const inWindow = new Int32Array(groups);

  // Event kinds of groups whose steps differ, with their counts in the window.
  const slotOf = new Map<number, number>();
  const slotMask: number[] = [];
  const groupSlots: number[][] = members.map(() => []);
  let slotCount: Int32Array = new Int32Array(8);
  let used: Int32Array = new Int32Array(8);
  let seen: Int32Array = new Int32Array(8);
  let stamp = 0;
  const assigned = new Int32Array(steps);
  const opening = new Int32Array(1);

  const count = (row: number, delta: number): void => {
    const mask = stepMasks[row] as number;
    if (mask === 0) return;
    const g = groupOf[31 - Math.clz32(mask & -mask)] as number;
    if (simple[g]) {
      inWindow[g]! += delta;
      return;
    }
    let slot = slotOf.get(mask);
    if (slot === undefined) {
      slot = slotMask.length;
      slotOf.set(mask, slot);
      slotMask.push(mask);
      (groupSlots[g] as number[]).push(slot);
      if (slot === slotCount.length) {
        slotCount = grow(slotCount);
        used = grow(used);
        seen = grow(seen);
      }
    }
    slotCount[slot]! += delta;
  };

  const augment = (g: number, step: number): boolean => {
    const slots = groupSlots[g] as number[];
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] as number;
      if (seen[slot] === stamp || ((slotMask[slot] as number) & (1 << step)) === 0 || slotCount[slot] === 0) continue;
      seen[slot] = stamp;
      if ((used[slot] as number) < (slotCount[slot] as number)) {
        used[slot]! += 1;
        assigned[step] = slot;
        return true;
      }
      const group = members[g] as number[];
      for (let j = 0; j < group.length; j++) {
        const other = group[j] as number;
        if (assigned[other] === slot && augment(g, other)) {
          assigned[step] = slot;
          return true;
        }
      }
    }
    return false;
  };

  const matching = (g: number): number => {
    const slots = groupSlots[g] as number[];
    for (let i = 0; i < slots.length; i++) used[slots[i] as number] = 0;
    const group = members[g] as number[];
    for (let j = 0; j < group.length; j++) assigned[group[j] as number] = -1;
    let size = 0;
    for (let j = 0; j < group.length; j++) {
      stamp++;
      if (augment(g, group[j] as number)) size++;
    }
    return size;
  };

  const depthNow = (): number => {
    let depth = 0;
    for (let g = 0; g < groups; g++) {
      depth += simple[g] ? Math.min((members[g] as number[]).length, inWindow[g] as number) : matching(g);
    }
    return depth;
  };

  for (let u = 0; u + 1 < userStart.length; u++) {
    const begin = userStart[u] as number;
    const end = userStart[u + 1] as number;
    let p = begin;
    let q = begin;
    let bestDepth = 0;
    let bestStart = -1;
    while (p < end && bestDepth < steps) {
      if (stepMasks[p] === 0) {
        p++;
        continue;
      }
      const t = time[p] as number;
      const windowEnd = t + window;
      if (q < p) q = p;
      while (q < end && (time[q] as number) <= windowEnd) count(q++, 1);
      const depth = depthNow();
      if (depth > bestDepth) {
        bestDepth = depth;
        bestStart = p;
      }
      while (p < end && time[p] === t) count(p++, -1);
    }
    // Leave the counts empty for the next user.
    for (let r = p; r < q; r++) count(r, -1);
    if (bestDepth === 0) continue;
    opening[0] = openingRow(stepMasks, time, bestStart, end);
    visit(u, bestDepth, opening, null);
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

function grow(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
