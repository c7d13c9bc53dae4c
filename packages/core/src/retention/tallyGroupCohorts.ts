/** What {@link tallyGroupCohorts} reads: the users' own rows and each row's group. */
export interface GroupCohortInput {
  readonly name: Int32Array;
  readonly time: Float64Array;
  /** Local day number of each row. */
  readonly days: Int32Array;
  /** The group property's value code of each row (−1: none). */
  readonly codes: Int32Array;
  /** The group of each value code (−1: the value names no group). */
  readonly groupOfValue: Int32Array;
  readonly groups: number;
  /** Start and return event names (`null`: any); no property conditions. */
  readonly startNames: Uint8Array | null;
  readonly returnNames: Uint8Array | null;
  readonly fromDay: number;
  /** Period of each day of the range, relative to the range's first period. */
  readonly periodOfDay: Int32Array;
  readonly periods: number;
  readonly unbounded: boolean;
  readonly recurring: boolean;
  readonly cohortCount: number;
}

/** The cohort counts, laid out as {@link tallyCohorts}' for one breakdown group, and what the groups' rows held. */
export interface GroupCohortTally {
  readonly counts: Int32Array;
  /** Groups with at least one row. */
  readonly groupsWithRows: number;
  /** Rows that name no group. */
  readonly ungroupedRows: number;
}

/** Above this many (group, period) cells the marks would take more memory than re-keying the table. */
export const MAX_GROUP_CELLS = 1 << 26;

/**
 * Retention at a group's grain straight from the users' rows, with no table
 * re-keyed by group: one pass marks, per group, the periods holding a start
 * event (recurring cohorts) or the earliest start event's day (first
 * cohorts), and the periods holding a return; the cells are then read off
 * the marks. A group's events are the union of its users', so this counts
 * what {@link tallyCohorts} counts on the re-keyed table, for start and
 * return events matched by name alone: which copy of a duplicated event is
 * kept, and so which properties it carries, does not matter to them.
 * Needs `groups × cohortCount` ≤ {@link MAX_GROUP_CELLS}.
 */
export function tallyGroupCohorts(input: GroupCohortInput): GroupCohortTally {
  const {
    name,
    time,
    days,
    codes,
    groupOfValue,
    groups,
    startNames,
    returnNames,
    fromDay,
    periodOfDay,
    periods,
    unbounded,
    recurring,
    cohortCount,
  } = input;
  const toDay = fromDay + periodOfDay.length - 1;
  const rowsOfGroup = new Int32Array(groups);
  const returned = new Uint8Array(groups * cohortCount);
  // Recurring: every start period; first: the earliest start's time and day.
  const started = recurring ? new Uint8Array(groups * cohortCount) : null;
  const firstTime = recurring ? null : new Float64Array(groups).fill(Number.POSITIVE_INFINITY);
  const firstDay = recurring ? null : new Int32Array(groups);
  let ungroupedRows = 0;
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row] as number;
    const g = code < 0 ? -1 : (groupOfValue[code] as number);
    if (g < 0) {
      ungroupedRows++;
      continue;
    }
    rowsOfGroup[g]! += 1;
    const day = days[row] as number;
    const at = day >= fromDay && day <= toDay ? g * cohortCount + (periodOfDay[day - fromDay] as number) : -1;
    const n = name[row] as number;
    if (startNames === null || startNames[n] === 1) {
      if (started !== null) {
        if (at >= 0) started[at] = 1;
      } else if ((time[row] as number) < (firstTime as Float64Array)[g]!) {
        (firstTime as Float64Array)[g] = time[row] as number;
        (firstDay as Int32Array)[g] = day;
      }
    }
    if (at >= 0 && (returnNames === null || returnNames[n] === 1)) returned[at] = 1;
  }

  const width = periods + 1;
  const counts = new Int32Array(cohortCount * width);
  const count = (g: number, c: number): void => {
    const cells = c * width;
    const marks = g * cohortCount;
    counts[cells]! += 1;
    if (unbounded) {
      // Counted once at the latest return's cell (at most `periods`); the suffix sums below fill the cells before it.
      let latest = cohortCount - 1;
      while (latest > c && returned[marks + latest] === 0) latest--;
      if (latest > c) counts[cells + Math.min(latest - c, periods)]! += 1;
      return;
    }
    const last = Math.min(periods, cohortCount - 1 - c);
    for (let k = 1; k <= last; k++) if (returned[marks + c + k] === 1) counts[cells + k]! += 1;
  };
  let groupsWithRows = 0;
  for (let g = 0; g < groups; g++) {
    if (rowsOfGroup[g] === 0) continue;
    groupsWithRows++;
    if (started !== null) {
      for (let c = 0; c < cohortCount; c++) if (started[g * cohortCount + c] === 1) count(g, c);
      continue;
    }
    if ((firstTime as Float64Array)[g] === Number.POSITIVE_INFINITY) continue;
    const day = (firstDay as Int32Array)[g] as number;
    if (day >= fromDay && day <= toDay) count(g, periodOfDay[day - fromDay] as number);
  }
  if (unbounded) {
    for (let row = 0; row < counts.length; row += width) {
      for (let k = periods - 1; k >= 1; k--) counts[row + k]! += counts[row + k + 1] as number;
    }
  }
  return { counts, groupsWithRows, ungroupedRows };
}
