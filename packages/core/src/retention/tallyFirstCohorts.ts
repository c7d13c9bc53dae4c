import type { CohortTallyInput } from './tallyCohorts';

/**
 * {@link tallyCohorts} for `first` cohorts without a breakdown, the default
 * table, in a single pass over each unit's rows and no per-unit scratch: the
 * unit's first start row gives its cohort, and each later return row counts
 * in its cell the first time that cell is reached. Rows are in time order,
 * so cells only step back where a zone turns its clock back a day at
 * midnight; then the earlier rows are checked for the cell.
 */
export function tallyFirstCohorts(input: CohortTallyInput): Int32Array {
  const { userStart, name, days, startNames, startRows, returnNames, returnRows, fromDay, periodOfDay, periods, unbounded, cohortCount } =
    input;
  const toDay = fromDay + periodOfDay.length - 1;
  const width = periods + 1;
  const counts = new Int32Array(cohortCount * width);
  for (let u = 0; u + 1 < userStart.length; u++) {
    const begin = userStart[u] as number;
    const end = userStart[u + 1] as number;
    let first = begin;
    if (startNames !== null) {
      while (first < end && (startNames[name[first] as number] === 0 || (startRows !== null && startRows[first] === 0))) first++;
    }
    if (first === end) continue;
    const startDay = days[first] as number;
    if (startDay < fromDay || startDay > toDay) continue;
    const cohort = periodOfDay[startDay - fromDay] as number;
    const cells = cohort * width;
    counts[cells]! += 1;
    let reached = 0; // highest cell reached so far by this unit
    for (let row = begin; row < end; row++) {
      const day = days[row] as number;
      if (day < fromDay || day > toDay) continue;
      if (returnNames !== null && (returnNames[name[row] as number] === 0 || (returnRows !== null && returnRows[row] === 0))) continue;
      const k = (periodOfDay[day - fromDay] as number) - cohort;
      if (k <= reached) {
        if (!unbounded && k > 0 && k < reached && k <= periods && !reachedBefore(input, begin, row, cohort, k)) counts[cells + k]! += 1;
        continue;
      }
      if (!unbounded && k <= periods) counts[cells + k]! += 1;
      reached = k;
    }
    // A unit whose latest return is in cell r counts in every cell 1 … r:
    // count once at min(r, periods), then take suffix sums.
    if (unbounded && reached > 0) counts[cells + Math.min(reached, periods)]! += 1;
  }
  if (unbounded) {
    for (let row = 0; row < counts.length; row += width) {
      for (let k = periods - 1; k >= 1; k--) counts[row + k]! += counts[row + k + 1] as number;
    }
  }
  return counts;
}

/** Whether a return row of the unit before `row` already fell in cell `k`. */
function reachedBefore(input: CohortTallyInput, begin: number, row: number, cohort: number, k: number): boolean {
  const { name, days, returnNames, returnRows, fromDay, periodOfDay } = input;
  const toDay = fromDay + periodOfDay.length - 1;
  for (let r = begin; r < row; r++) {
    const day = days[r] as number;
    if (day < fromDay || day > toDay) continue;
    if (returnNames !== null && (returnNames[name[r] as number] === 0 || (returnRows !== null && returnRows[r] === 0))) continue;
    if ((periodOfDay[day - fromDay] as number) - cohort === k) return true;
  }
  return false;
}
