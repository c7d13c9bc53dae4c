import type { PropertyColumn } from '../events/event.types';
import { summarize } from '../stats/summary';
import type { FunnelBreakdownGroup, FunnelStepResult } from './funnel.types';
import { compareBreakdownValues } from './breakdownOrder';
import { funnelStepResults } from './stepResults';
import { NULL_VALUE } from './breakdownAttribution';
import type { FunnelVisit } from './scan.types';

/** How many property values get a breakdown group of their own; the rest share "Other". */
export const BREAKDOWN_TOP_VALUES = 10;

/** Value codes are stored shifted by this: −2 (in no group) at 0, −1 (no value) at 1. */
const SHIFT = 2;

/**
 * Collects the users a scan reports: how many reached each depth, per
 * breakdown value code (−1: no value, −2: in no group), and each step's time
 * from the previous step (with the user's code), in growable typed arrays.
 * Turns them into step results for the whole funnel and for each breakdown
 * group.
 */
export class FunnelTally {
  /** `depths[(code + 2) × (steps + 1) + depth]`: users with that value code and depth. */
  private readonly depths: Int32Array;
  private readonly gaps: Float64Array[] = [];
  private readonly gapCodes: Int32Array[] = [];
  private readonly gapCount: Int32Array;

  /**
   * @param coder the value code a user counts under (see `attributionCoder`); absent without a breakdown.
   */
  constructor(
    private readonly names: readonly string[],
    private readonly column: PropertyColumn | undefined,
    private readonly coder: ((user: number, depth: number, rows: Int32Array) => number) | undefined,
  ) {
    const steps = names.length;
    this.depths = new Int32Array(((column?.values.length ?? 0) + SHIFT) * (steps + 1));
    this.gapCount = new Int32Array(steps);
    for (let k = 0; k < steps; k++) {
      this.gaps.push(new Float64Array(k > 0 ? 64 : 0));
      this.gapCodes.push(new Int32Array(k > 0 && coder ? 64 : 0));
    }
  }

  /** The visit callback to hand a scan. */
  readonly visit: FunnelVisit = (user, depth, rows, times) => {
    const code = this.coder ? this.coder(user, depth, rows) : NULL_VALUE;
    this.depths[(code + SHIFT) * (this.names.length + 1) + depth]! += 1;
    for (let k = 1; k < depth; k++) {
      const n = this.gapCount[k] as number;
      if (n === (this.gaps[k] as Float64Array).length) {
        this.gaps[k] = grow(this.gaps[k] as Float64Array);
        if (this.coder) this.gapCodes[k] = grow(this.gapCodes[k] as Int32Array);
      }
      (this.gaps[k] as Float64Array)[n] = (times[k] as number) - (times[k - 1] as number);
      if (this.coder) (this.gapCodes[k] as Int32Array)[n] = code;
      this.gapCount[k] = n + 1;
    }
  };

  /** Step results over every user. */
  steps(): FunnelStepResult[] {
    return this.stepsOf(() => true);
  }

  /**
   * Breakdown groups: the {@link BREAKDOWN_TOP_VALUES} values with the most
   * users (ties by the value's string form, then its type), then "Other",
   * then `null` (no value); groups without users are left out.
   */
  groups(): FunnelBreakdownGroup[] {
    const values = this.column?.values ?? [];
    // totals[code + SHIFT]: the users of each code.
    const totals = new Int32Array(values.length + SHIFT);
    const width = this.names.length + 1;
    for (let c = 0; c < totals.length; c++) {
      for (let d = 1; d < width; d++) totals[c]! += this.depths[c * width + d] as number;
    }
    const ranked: number[] = [];
    for (let code = 0; code < values.length; code++) if ((totals[code + SHIFT] as number) > 0) ranked.push(code);
    ranked.sort(
      (a, b) =>
        (totals[b + SHIFT] as number) - (totals[a + SHIFT] as number) || compareBreakdownValues(values[a] ?? null, values[b] ?? null),
    );
    const top = ranked.slice(0, BREAKDOWN_TOP_VALUES);
    const rest = new Set(ranked.slice(BREAKDOWN_TOP_VALUES));
    const groups: FunnelBreakdownGroup[] = top.map((code) => ({
      value: values[code] ?? null,
      other: false,
      steps: this.stepsOf((c) => c === code),
    }));
    if (rest.size > 0) groups.push({ value: 'Other', other: true, steps: this.stepsOf((c) => rest.has(c)) });
    if ((totals[NULL_VALUE + SHIFT] as number) > 0)
      groups.push({ value: null, other: false, steps: this.stepsOf((c) => c === NULL_VALUE) });
    return groups;
  }

  /** Step results over the users whose value code passes `includes`. */
  private stepsOf(includes: (code: number) => boolean): FunnelStepResult[] {
    const steps = this.names.length;
    const width = steps + 1;
    const atDepth = new Float64Array(width);
    for (let code = -SHIFT; code < this.depths.length / width - SHIFT; code++) {
      if (!includes(code)) continue;
      for (let d = 1; d < width; d++) atDepth[d]! += this.depths[(code + SHIFT) * width + d] as number;
    }
    // Users reaching step k are those whose depth is at least k + 1.
    const counts = new Array<number>(steps).fill(0);
    let reached = 0;
    for (let k = steps - 1; k >= 0; k--) {
      reached += atDepth[k + 1] as number;
      counts[k] = reached;
    }
    return funnelStepResults(this.names, counts, (k) => summarize(this.gapsOf(k, includes)));
  }

  private gapsOf(k: number, includes: (code: number) => boolean): Float64Array {
    const n = this.gapCount[k] as number;
    const all = (this.gaps[k] as Float64Array).subarray(0, n);
    if (!this.coder) return all;
    const codes = this.gapCodes[k] as Int32Array;
    const kept = new Float64Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) if (includes(codes[i] as number)) kept[m++] = all[i] as number;
    return kept.subarray(0, m);
  }
}

function grow<T extends Float64Array | Int32Array>(array: T): T {
  const grown = new (array.constructor as new (length: number) => T)(Math.max(64, array.length * 2));
  grown.set(array);
  return grown;
}
