/** What {@link tallyCohorts} reads: typed arrays and numbers only, so the hot loop stays monomorphic. */
export interface CohortTallyInput {
  readonly userStart: Int32Array;
  readonly name: Int32Array;
  /** Local day number of each row. */
  readonly days: Int32Array;
  /** Names that start a cohort (`null`: any event). */
  readonly startNames: Uint8Array | null;
  /** Names that count as a return (`null`: any event). */
  readonly returnNames: Uint8Array | null;
  readonly fromDay: number;
  /** Period of each day of the range, relative to the range's first period. */
  readonly periodOfDay: Int32Array;
  readonly periods: number;
  readonly unbounded: boolean;
  readonly cohortCount: number;
}

/**
 * Counts, per cohort period `c` and cell `k`, the users of cohort `c` who
 * returned in period `c + k` (exact) or in period `c + k` or later
 * (unbounded). Row `c × (periods + 1)` holds the cohort sizes.
 */
export function tallyCohorts(input: CohortTallyInput): Int32Array {
  const { userStart, name, days, startNames, returnNames, fromDay, periodOfDay, periods, unbounded, cohortCount } = input;
  const toDay = fromDay + periodOfDay.length - 1;
  const width = periods + 1;
  const counts = new Int32Array(cohortCount * width);
  for (let u = 0; u + 1 < userStart.length; u++) {
    const begin = userStart[u] as number;
    const end = userStart[u + 1] as number;
    let first = begin;
    if (startNames !== null) while (first < end && startNames[name[first] as number] === 0) first++;
    if (first === end) continue;
    const startDay = days[first] as number;
    if (startDay < fromDay || startDay > toDay) continue;
    const cohort = periodOfDay[startDay - fromDay] as number;
    const cells = cohort * width;
    counts[cells]! += 1;
    let reached = 0; // highest cell counted so far for this user
    for (let row = begin; row < end; row++) {
      const day = days[row] as number;
      if (day < fromDay || day > toDay || (returnNames !== null && returnNames[name[row] as number] === 0)) continue;
      const k = (periodOfDay[day - fromDay] as number) - cohort;
      if (k <= reached) {
        // Rows are in time order, so a period steps back only when a zone
        // transition at midnight moves the clock back a day: check then that
        // the cell was not counted already.
        if (!unbounded && k > 0 && k < reached && k <= periods && !countedBefore(input, begin, row, cohort, k)) counts[cells + k]! += 1;
        continue;
      }
      if (!unbounded && k <= periods) counts[cells + k]! += 1;
      reached = k;
    }
    // A user whose latest return is in period r counts in every cell 1 … r:
    // count once at min(r, periods), then take suffix sums below.
    if (unbounded && reached > 0) counts[cells + Math.min(reached, periods)]! += 1;
  }
  if (unbounded) {
    for (let c = 0; c < cohortCount; c++) {
      for (let k = periods - 1; k >= 1; k--) counts[c * width + k]! += counts[c * width + k + 1] as number;
    }
  }
  return counts;
}

/** Whether an earlier return row of the user already fell in cell `k`. */
function countedBefore(input: CohortTallyInput, begin: number, row: number, cohort: number, k: number): boolean {
  const { name, days, returnNames, fromDay, periodOfDay } = input;
  const toDay = fromDay + periodOfDay.length - 1;
  for (let r = begin; r < row; r++) {
    const day = days[r] as number;
    if (day < fromDay || day > toDay || (returnNames !== null && returnNames[name[r] as number] === 0)) continue;
    if ((periodOfDay[day - fromDay] as number) - cohort === k) return true;
  }
  return false;
}
