import type { CohortTallyInput } from './tallyCohorts';

/**
 * What {@link tallyGroupCohorts} reads: the users' own rows (in time order
 * within each user), each row's group, and start and return events by name
 * alone (no property conditions).
 */
export interface GroupCohortInput extends Pick<
  CohortTallyInput,
  | 'userStart'
  | 'name'
  | 'time'
  | 'days'
  | 'startNames'
  | 'returnNames'
  | 'fromDay'
  | 'periodOfDay'
  | 'periods'
  | 'unbounded'
  | 'recurring'
  | 'cohortCount'
> {
  /** The group property's value code of each row (−1: none). */
  readonly codes: Int32Array;
  /** The group of each value code (−1: the value names no group). */
  readonly groupOfValue: Int32Array;
  readonly groups: number;
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
  const { groups, fromDay, periodOfDay, periods, unbounded, cohortCount } = input;
  const toDay = fromDay + periodOfDay.length - 1;
  const marks = markGroups(input);
  const { rowsOfGroup, returned, started, firstTime, firstDay } = marks;
  const width = periods + 1;
  const counts = new Int32Array(cohortCount * width);
  const count = (g: number, c: number): void => {
    const cells = c * width;
    const at = g * cohortCount;
    counts[cells]! += 1;
    if (unbounded) {
      // Counted once at the latest return's cell (at most `periods`); the suffix sums below fill the cells before it.
      let latest = cohortCount - 1;
      while (latest > c && returned[at + latest] === 0) latest--;
      if (latest > c) counts[cells + Math.min(latest - c, periods)]! += 1;
      return;
    }
    const last = Math.min(periods, cohortCount - 1 - c);
    for (let k = 1; k <= last; k++) if (returned[at + c + k] === 1) counts[cells + k]! += 1;
  };
  let groupsWithRows = 0;
  for (let g = 0; g < groups; g++) {
    if (rowsOfGroup[g] === 0) continue;
    groupsWithRows++;
    if (started !== null) {
      for (let c = 0; c < cohortCount; c++) if (started[g * cohortCount + c] === 1) count(g, c);
      continue;
    }
    if (firstTime[g] === Number.POSITIVE_INFINITY) continue;
    const day = firstDay[g] as number;
    if (day >= fromDay && day <= toDay) count(g, periodOfDay[day - fromDay] as number);
  }
  if (unbounded) {
    for (let row = 0; row < counts.length; row += width) {
      for (let k = periods - 1; k >= 1; k--) counts[row + k]! += counts[row + k + 1] as number;
    }
  }
  return { counts, groupsWithRows, ungroupedRows: marks.ungroupedRows };
}

/** Per group: its rows, the periods holding a return and a start (recurring), or its earliest start (first). */
interface GroupMarks {
  readonly rowsOfGroup: Int32Array;
  readonly returned: Uint8Array;
  /** Recurring cohorts only (else `null`). */
  readonly started: Uint8Array | null;
  /** First cohorts: the earliest start's time (+∞: none) and its day. */
  readonly firstTime: Float64Array;
  readonly firstDay: Int32Array;
  readonly ungroupedRows: number;
}

/** A day number no row has. */
const NO_DAY = -0x80000000;

/**
 * The one pass over the rows, kept in a function of its own so that it is
 * optimised as a whole. Each user's rows are in time order, in runs of one
 * group (most users' rows are a single run): within a run only its first
 * start row can be its group's earliest, and a row on the day of the
 * previous mark marks nothing new.
 */
function markGroups(input: GroupCohortInput): GroupMarks {
  const {
    userStart,
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
    recurring,
    cohortCount,
  } = input;
  const toDay = fromDay + periodOfDay.length - 1;
  const rowsOfGroup = new Int32Array(groups);
  const returned = new Uint8Array(groups * cohortCount);
  const started = recurring ? new Uint8Array(groups * cohortCount) : null;
  const firstTime = new Float64Array(recurring ? 0 : groups).fill(Number.POSITIVE_INFINITY);
  const firstDay = new Int32Array(recurring ? 0 : groups);
  let ungroupedRows = 0;
  for (let u = 0; u + 1 < userStart.length; u++) {
    const end = userStart[u + 1] as number;
    let row = userStart[u] as number;
    while (row < end) {
      const code = codes[row] as number;
      let runEnd = row + 1;
      while (runEnd < end && codes[runEnd] === code) runEnd++;
      const g = code < 0 ? -1 : (groupOfValue[code] as number);
      if (g < 0) {
        ungroupedRows += runEnd - row;
        row = runEnd;
        continue;
      }
      rowsOfGroup[g]! += runEnd - row;
      const at = g * cohortCount;
      let marked = NO_DAY;
      for (let r = row; r < runEnd; r++) {
        const day = days[r] as number;
        if (day === marked || (returnNames !== null && returnNames[name[r] as number] === 0)) continue;
        marked = day;
        if (day >= fromDay && day <= toDay) returned[at + (periodOfDay[day - fromDay] as number)] = 1;
      }
      if (started === null) {
        let first = row;
        if (startNames !== null) while (first < runEnd && startNames[name[first] as number] === 0) first++;
        if (first < runEnd && (time[first] as number) < (firstTime[g] as number)) {
          firstTime[g] = time[first] as number;
          firstDay[g] = days[first] as number;
        }
      } else {
        marked = NO_DAY;
        for (let r = row; r < runEnd; r++) {
          const day = days[r] as number;
          if (day === marked || (startNames !== null && startNames[name[r] as number] === 0)) continue;
          marked = day;
          if (day >= fromDay && day <= toDay) started[at + (periodOfDay[day - fromDay] as number)] = 1;
        }
      }
      row = runEnd;
    }
  }
  return { rowsOfGroup, returned, started, firstTime, firstDay, ungroupedRows };
}
