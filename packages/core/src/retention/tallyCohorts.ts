import { tallyFirstCohorts } from './tallyFirstCohorts';

/** What {@link tallyCohorts} reads: typed arrays and numbers only, so the hot loop stays monomorphic. */
export interface CohortTallyInput {
  readonly userStart: Int32Array;
  readonly name: Int32Array;
  readonly time: Float64Array;
  /** Local day number of each row. */
  readonly days: Int32Array;
  /** Start events: names (`null`: any) and, with property conditions, rows (`null`: none to check). */
  readonly startNames: Uint8Array | null;
  readonly startRows: Uint8Array | null;
  /** Return events, as the start events. */
  readonly returnNames: Uint8Array | null;
  readonly returnRows: Uint8Array | null;
  readonly fromDay: number;
  /** Period of each day of the range, relative to the range's first period. */
  readonly periodOfDay: Int32Array;
  readonly periods: number;
  readonly unbounded: boolean;
  /** A unit is in every period where it did a start event, rather than in that of its first one only. */
  readonly recurring: boolean;
  readonly cohortCount: number;
  /** Breakdown: the value code of each row (−1: none), or `null` for a single group. */
  readonly codes: Int32Array | null;
  /** Breakdown: the group of each value code + 1 (index 0: rows without the property). */
  readonly groupOfCode: Int32Array | null;
  readonly groups: number;
  /**
   * Breakdown: each name code's rank in code-unit order. Of start events at
   * the same instant the one whose name sorts first is the start row, so the
   * breakdown value does not depend on the order of the input (`null`: no
   * breakdown, any of them will do).
   */
  readonly nameRank: Int32Array | null;
}

/**
 * Reusable per-unit scratch space. Entries are stamped with the unit's
 * number + 1, so nothing needs clearing between units.
 */
class Scratch {
  /** `seen[p]`: stamp of the last unit with a cohort start in period `p`. */
  readonly seen: Int32Array;
  /** `returned[p]`: stamp of the last unit with a return in period `p`. */
  readonly returned: Int32Array;
  /** The current unit's cohort periods, their start rows, and its distinct return periods. */
  readonly startPeriod: Int32Array;
  readonly startRow: Int32Array;
  /** `slot[p]`: where period `p`'s start is in `startPeriod` / `startRow`. */
  readonly slot: Int32Array;
  readonly returnPeriod: Int32Array;
  constructor(cohortCount: number) {
    this.seen = new Int32Array(cohortCount);
    this.slot = new Int32Array(cohortCount);
    this.returned = new Int32Array(cohortCount);
    this.startPeriod = new Int32Array(cohortCount);
    this.startRow = new Int32Array(cohortCount);
    this.returnPeriod = new Int32Array(cohortCount);
  }
}

const isStart = (input: CohortTallyInput, row: number): boolean =>
  (input.startNames === null || input.startNames[input.name[row] as number] === 1) &&
  (input.startRows === null || input.startRows[row] === 1);

/**
 * Finds the cohorts of unit `u`: with `first` cohorts, the period of its
 * first start event if that lies in the range; with `recurring` ones, every
 * period of the range holding a start event, each with its first start row
 * in time (see `nameRank` for ties). Fills `startPeriod` / `startRow` and
 * returns how many.
 */
function cohortStarts(input: CohortTallyInput, scratch: Scratch, u: number): number {
  const { userStart, name, time, days, fromDay, periodOfDay, nameRank } = input;
  const toDay = fromDay + periodOfDay.length - 1;
  const begin = userStart[u] as number;
  const end = userStart[u + 1] as number;
  if (!input.recurring) {
    let first = begin;
    while (first < end && !isStart(input, first)) first++;
    if (first === end) return 0;
    if (nameRank !== null) {
      const at = time[first] as number;
      for (let row = first + 1; row < end && time[row] === at; row++)
        if (isStart(input, row) && (nameRank[name[row] as number] as number) < (nameRank[name[first] as number] as number)) first = row;
    }
    const day = days[first] as number;
    if (day < fromDay || day > toDay) return 0;
    scratch.startPeriod[0] = periodOfDay[day - fromDay] as number;
    scratch.startRow[0] = first;
    return 1;
  }
  const stamp = u + 1;
  let n = 0;
  for (let row = begin; row < end; row++) {
    if (!isStart(input, row)) continue;
    const day = days[row] as number;
    if (day < fromDay || day > toDay) continue;
    const p = periodOfDay[day - fromDay] as number;
    if (scratch.seen[p] === stamp) {
      if (nameRank === null) continue;
      const i = scratch.slot[p] as number;
      const held = scratch.startRow[i] as number;
      if (time[row] === time[held] && (nameRank[name[row] as number] as number) < (nameRank[name[held] as number] as number))
        scratch.startRow[i] = row;
      continue;
    }
    scratch.seen[p] = stamp;
    scratch.slot[p] = n;
    scratch.startPeriod[n] = p;
    scratch.startRow[n] = row;
    n++;
  }
  return n;
}

const groupOf = (input: CohortTallyInput, row: number): number =>
  input.codes === null ? 0 : ((input.groupOfCode as Int32Array)[(input.codes[row] as number) + 1] as number);

/**
 * Counts, per breakdown group `g`, cohort period `c` and cell `k`, the units
 * of that cohort who returned in period `c + k` (exact) or in period `c + k`
 * or later (unbounded). Cell `((g × cohortCount) + c) × (periods + 1)` holds
 * the cohort size. A return is any matching event inside the range, in
 * whichever order local days come (a zone can turn its clock back a day).
 */
export function tallyCohorts(input: CohortTallyInput): Int32Array {
  // The default table (first cohorts, one group) takes a single pass per unit, with no per-unit sets.
  if (!input.recurring && input.codes === null) return tallyFirstCohorts(input);
  const { userStart, name, days, returnNames, returnRows, fromDay, periodOfDay, periods, unbounded, cohortCount } = input;
  const toDay = fromDay + periodOfDay.length - 1;
  const width = periods + 1;
  const counts = new Int32Array(input.groups * cohortCount * width);
  const scratch = new Scratch(cohortCount);
  const { returned, startPeriod, startRow, returnPeriod } = scratch;
  for (let u = 0; u + 1 < userStart.length; u++) {
    const starts = cohortStarts(input, scratch, u);
    if (starts === 0) continue;
    const stamp = u + 1;
    let distinct = 0;
    let latest = -1;
    for (let row = userStart[u] as number; row < (userStart[u + 1] as number); row++) {
      if ((returnNames !== null && returnNames[name[row] as number] === 0) || (returnRows !== null && returnRows[row] === 0)) continue;
      const day = days[row] as number;
      if (day < fromDay || day > toDay) continue;
      const p = periodOfDay[day - fromDay] as number;
      if (returned[p] === stamp) continue;
      returned[p] = stamp;
      returnPeriod[distinct++] = p;
      if (p > latest) latest = p;
    }
    for (let i = 0; i < starts; i++) {
      const c = startPeriod[i] as number;
      const cells = (groupOf(input, startRow[i] as number) * cohortCount + c) * width;
      counts[cells]! += 1;
      if (unbounded) {
        // Counted once at min(latest − c, periods); the suffix sums below fill cells 1 … that.
        if (latest > c) counts[cells + Math.min(latest - c, periods)]! += 1;
      } else if (distinct <= periods) {
        for (let j = 0; j < distinct; j++) {
          const k = (returnPeriod[j] as number) - c;
          if (k >= 1 && k <= periods) counts[cells + k]! += 1;
        }
      } else {
        const last = Math.min(periods, cohortCount - 1 - c);
        for (let k = 1; k <= last; k++) if (returned[c + k] === stamp) counts[cells + k]! += 1;
      }
    }
  }
  if (unbounded) {
    for (let row = 0; row < counts.length; row += width) {
      for (let k = periods - 1; k >= 1; k--) counts[row + k]! += counts[row + k + 1] as number;
    }
  }
  return counts;
}

/**
 * Breakdown ranking: per value code + 1 (index 0: no value), the units'
 * cohort memberships whose start row carries it, summed over the cohorts.
 */
export function startTotals(input: CohortTallyInput, codes: Int32Array, valueCount: number): Float64Array {
  const totals = new Float64Array(valueCount + 1);
  const scratch = new Scratch(input.cohortCount);
  for (let u = 0; u + 1 < input.userStart.length; u++) {
    const starts = cohortStarts(input, scratch, u);
    for (let i = 0; i < starts; i++) totals[(codes[scratch.startRow[i] as number] as number) + 1]! += 1;
  }
  return totals;
}
