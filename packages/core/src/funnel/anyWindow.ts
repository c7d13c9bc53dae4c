/**
 * The steps of an `any`-order funnel grouped by event name, shared by the
 * window counts of one call. Events of different names never compete for a
 * step, so each group adds to a window's depth on its own: when its steps
 * match the same events, `min(steps, events)`; when their property
 * conditions differ, a maximum matching of its steps to its events
 * (augmenting paths over event kinds, a kind being the set of the group's
 * steps an event matches: a step mask).
 */
export class StepGroups {
  /** Group of each step. */
  readonly groupOf: Int32Array;
  /** Steps of each group. */
  readonly members: number[][] = [];
  /** Whether a group's steps all match the same events. */
  readonly simple: boolean[] = [];
  /** Event kinds met so far, numbered: their mask and group. */
  readonly slotMask: number[] = [];
  readonly groupSlots: number[][];
  private readonly slotOf = new Map<number, number>();

  constructor(stepNames: readonly string[], stepKeys: readonly string[]) {
    this.groupOf = new Int32Array(stepNames.length);
    const byName = new Map<string, number>();
    stepNames.forEach((name, k) => {
      let g = byName.get(name);
      if (g === undefined) {
        g = this.members.length;
        byName.set(name, g);
        this.members.push([]);
        this.simple.push(true);
      }
      const group = this.members[g] as number[];
      if (group.length > 0 && stepKeys[group[0] as number] !== stepKeys[k]) this.simple[g] = false;
      group.push(k);
      this.groupOf[k] = g;
    });
    this.groupSlots = this.members.map(() => []);
  }

  /** The group of a step mask's steps (a row matches steps of one name only). */
  group(mask: number): number {
    return this.groupOf[31 - Math.clz32(mask & -mask)] as number;
  }

  /** The number of an event kind, made on first sight. */
  slot(mask: number, g: number): number {
    let slot = this.slotOf.get(mask);
    if (slot === undefined) {
      slot = this.slotMask.length;
      this.slotOf.set(mask, slot);
      this.slotMask.push(mask);
      (this.groupSlots[g] as number[]).push(slot);
    }
    return slot;
  }
}

/**
 * The step events inside one window, added and removed by their step masks,
 * and the depth they reach: the most steps matched to distinct events.
 */
export class WindowCounts {
  private readonly inWindow: Int32Array;
  private slotCount: Int32Array = new Int32Array(8);
  private used: Int32Array = new Int32Array(8);
  private seen: Int32Array = new Int32Array(8);
  private stamp = 0;
  private readonly assigned: Int32Array;

  constructor(private readonly groups: StepGroups) {
    this.inWindow = new Int32Array(groups.members.length);
    this.assigned = new Int32Array(groups.groupOf.length);
  }

  /** Adds (`delta` 1) or removes (−1) an event with step mask `mask` (0: not a step event). */
  count(mask: number, delta: number): void {
    if (mask === 0) return;
    const { groups } = this;
    const g = groups.group(mask);
    if (groups.simple[g]) {
      this.inWindow[g]! += delta;
      return;
    }
    const slot = groups.slot(mask, g);
    while (slot >= this.slotCount.length) {
      this.slotCount = grow(this.slotCount);
      this.used = grow(this.used);
      this.seen = grow(this.seen);
    }
    this.slotCount[slot]! += delta;
  }

  /** Empties the window. */
  clear(): void {
    this.inWindow.fill(0);
    this.slotCount.fill(0);
  }

  /** The most distinct steps the window's events cover. */
  depth(): number {
    const { groups } = this;
    let depth = 0;
    for (let g = 0; g < groups.members.length; g++) {
      depth += groups.simple[g] ? Math.min((groups.members[g] as number[]).length, this.inWindow[g] as number) : this.matching(g);
    }
    return depth;
  }

  private matching(g: number): number {
    const slots = this.groups.groupSlots[g] as number[];
    for (let i = 0; i < slots.length; i++) this.used[slots[i] as number] = 0;
    const group = this.groups.members[g] as number[];
    for (let j = 0; j < group.length; j++) this.assigned[group[j] as number] = -1;
    let size = 0;
    for (let j = 0; j < group.length; j++) {
      this.stamp++;
      if (this.augment(g, group[j] as number)) size++;
    }
    return size;
  }

  private augment(g: number, step: number): boolean {
    const { slotMask, groupSlots, members } = this.groups;
    const slots = groupSlots[g] as number[];
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] as number;
      // A kind another window met first may lie past this window's arrays: none of it here.
      const have = slot < this.slotCount.length ? (this.slotCount[slot] as number) : 0;
      if (have === 0 || this.seen[slot] === this.stamp || ((slotMask[slot] as number) & (1 << step)) === 0) continue;
      this.seen[slot] = this.stamp;
      if ((this.used[slot] as number) < have) {
        this.used[slot]! += 1;
        this.assigned[step] = slot;
        return true;
      }
      const group = members[g] as number[];
      for (let j = 0; j < group.length; j++) {
        const other = group[j] as number;
        if (this.assigned[other] === slot && this.augment(g, other)) {
          this.assigned[step] = slot;
          return true;
        }
      }
    }
    return false;
  }
}

function grow(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
