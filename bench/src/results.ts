/** One day of active users, as every engine reports it (`day`: days since 1970-01-01, UTC). */
export interface DailyActive {
  readonly day: number;
  readonly dau: number;
  readonly wau: number;
  readonly mau: number;
}

/** One weekly cohort: `counts[k]` users returning in week `k` (0 = the cohort size). */
export interface Cohort {
  readonly startDay: number;
  readonly counts: readonly number[];
}

/** One funnel step: users who reached it, and the median and mean ms from the previous step (`null` for step 1 or nobody). */
export interface FunnelStepFigures {
  readonly count: number;
  readonly median: number | null;
  readonly mean: number | null;
}

/** The session figures every engine reports. */
export interface SessionFigures {
  readonly users: number;
  readonly sessions: number;
  readonly events: number;
  readonly meanDuration: number | null;
  readonly medianDuration: number | null;
  readonly eventsPerSession: number | null;
}

/** One week of lifecycle: units by status (`dormant` ≤ 0), `startDay` the Monday. */
export interface LifecycleWeek {
  readonly startDay: number;
  readonly new: number;
  readonly returning: number;
  readonly resurrecting: number;
  readonly dormant: number;
}

/** The stickiness distribution: `units[k − 1]` users active on exactly k days of the data's range. */
export type DayCounts = readonly number[];

/** The benchmarked metrics, from one engine. */
export interface MetricEngine {
  /** Lifecycle by UTC week (Monday), new from the first event, over the data's range. */
  lifecycle?(): Promise<readonly LifecycleWeek[]> | readonly LifecycleWeek[];
  /** Users by the number of UTC days of the data's range they were active on. */
  stickinessDistribution?(): Promise<DayCounts> | DayCounts;
  /** As {@link MetricEngine.retention}, by account (`accountId`, {@link ACCOUNT_SIZE} users each). */
  accountRetention?(): Promise<readonly Cohort[]> | readonly Cohort[];
  readonly name: string;
  /** DAU / WAU / MAU per UTC day over the data's date range. */
  activeUsers(): Promise<readonly DailyActive[]> | readonly DailyActive[];
  /** Weekly retention cohorts, exact mode, 12 periods, UTC weeks starting Monday. */
  retention(): Promise<readonly Cohort[]> | readonly Cohort[];
  /** The ordered funnel {@link FUNNEL_STEPS} with a {@link FUNNEL_WINDOW} window, one entry per step. */
  funnel(): Promise<readonly FunnelStepFigures[]> | readonly FunnelStepFigures[];
  /** Sessions split after {@link SESSION_INACTIVITY} of inactivity, over all the events. */
  sessions(): Promise<SessionFigures> | SessionFigures;
}

/** Users per account: user number `u` is in account `floor(u / ACCOUNT_SIZE)`. */
export const ACCOUNT_SIZE = 8;

/** Retention settings shared by every engine. */
export const RETENTION_PERIODS = 12;

/**
 * Funnel steps shared by every engine. Step 1 is the most common event, so a
 * user has many attempts and the engines must agree on which one counts (the
 * deepest, then the earliest); the names differ, so no event can match two steps.
 */
export const FUNNEL_STEPS = ['page_view', 'search', 'purchase'] as const;
/** Funnel conversion window: 14 days in ms, inclusive, from the step-1 event. */
export const FUNNEL_WINDOW = 14 * 86_400_000;
/** A gap longer than this (30 minutes, in ms) between two of a user's events starts a new session. */
export const SESSION_INACTIVITY = 30 * 60_000;

/**
 * Cohorts from `(cohort week, k, count)` triples, as grouped queries return
 * them. Weeks are numbered from the Monday 1969-12-29 (day −3), so week `w`
 * starts on day `7w − 3`.
 */
export function cohortsFromCells(cells: Iterable<readonly [week: number, k: number, count: number]>): Cohort[] {
  const byWeek = new Map<number, number[]>();
  for (const [week, k, count] of cells) {
    let counts = byWeek.get(week);
    if (!counts) {
      counts = [];
      byWeek.set(week, counts);
    }
    counts[k] = count;
  }
  return [...byWeek.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([week, counts]) => ({ startDay: week * 7 - 3, counts: Array.from(counts, (count: number | undefined) => count ?? 0) }));
}

/** Rows of active users sorted by day. */
export function byDay(rows: Iterable<DailyActive>): DailyActive[] {
  return [...rows].sort((a, b) => a.day - b.day);
}

/**
 * Differences between two engines' results, as readable lines (empty when they
 * agree). Cells a query does not return (nobody came back) count as 0, so only
 * the numbers are compared, not the triangle's shape.
 */
export function activeUsersDifferences(expected: readonly DailyActive[], actual: readonly DailyActive[]): string[] {
  const problems: string[] = [];
  if (expected.length !== actual.length) problems.push(`row count ${actual.length}, expected ${expected.length}`);
  const actualByDay = new Map(actual.map((row) => [row.day, row]));
  for (const want of expected) {
    const got = actualByDay.get(want.day);
    if (!got) {
      problems.push(`day ${want.day}: missing`);
      continue;
    }
    for (const key of ['dau', 'wau', 'mau'] as const) {
      if (got[key] !== want[key]) problems.push(`day ${want.day} ${key}: ${got[key]}, expected ${want[key]}`);
    }
  }
  return problems;
}

/** As {@link activeUsersDifferences}, for retention cohorts (every cell of every cohort). */
export function retentionDifferences(expected: readonly Cohort[], actual: readonly Cohort[]): string[] {
  const problems: string[] = [];
  const actualByStart = new Map(actual.map((cohort) => [cohort.startDay, cohort]));
  const starts = new Set([...expected.map((cohort) => cohort.startDay), ...actualByStart.keys()]);
  const expectedByStart = new Map(expected.map((cohort) => [cohort.startDay, cohort]));
  for (const start of [...starts].sort((a, b) => a - b)) {
    const want = expectedByStart.get(start)?.counts ?? [];
    const got = actualByStart.get(start)?.counts ?? [];
    for (let k = 0; k <= RETENTION_PERIODS; k++) {
      if ((got[k] ?? 0) !== (want[k] ?? 0)) problems.push(`cohort day ${start} cell ${k}: ${got[k] ?? 0}, expected ${want[k] ?? 0}`);
    }
  }
  return problems;
}

/**
 * As {@link activeUsersDifferences}, for funnel steps. Counts, medians and
 * means must be equal: every step time is a whole number of ms and every
 * engine divides an exact integer sum by the count, so no rounding can differ.
 */
export function funnelDifferences(expected: readonly FunnelStepFigures[], actual: readonly FunnelStepFigures[]): string[] {
  const problems: string[] = [];
  if (expected.length !== actual.length) problems.push(`step count ${actual.length}, expected ${expected.length}`);
  expected.forEach((want, step) => {
    const got = actual[step];
    if (!got) return;
    for (const key of ['count', 'median', 'mean'] as const) {
      if (got[key] !== want[key]) problems.push(`step ${step + 1} ${key}: ${got[key]}, expected ${want[key]}`);
    }
  });
  return problems;
}

/** As {@link funnelDifferences}, for the session figures (all exact, for the same reason). */
export function sessionDifferences(expected: SessionFigures, actual: SessionFigures): string[] {
  const keys = ['users', 'sessions', 'events', 'meanDuration', 'medianDuration', 'eventsPerSession'] as const;
  return keys.filter((key) => actual[key] !== expected[key]).map((key) => `${key}: ${actual[key]}, expected ${expected[key]}`);
}

/** As {@link activeUsersDifferences}, for lifecycle weeks (every status of every week). */
export function lifecycleDifferences(expected: readonly LifecycleWeek[], actual: readonly LifecycleWeek[]): string[] {
  const problems: string[] = [];
  if (expected.length !== actual.length) problems.push(`week count ${actual.length}, expected ${expected.length}`);
  const actualByStart = new Map(actual.map((week) => [week.startDay, week]));
  for (const want of expected) {
    const got = actualByStart.get(want.startDay);
    if (!got) {
      problems.push(`week ${want.startDay}: missing`);
      continue;
    }
    for (const key of ['new', 'returning', 'resurrecting', 'dormant'] as const) {
      if (got[key] !== want[key]) problems.push(`week ${want.startDay} ${key}: ${got[key]}, expected ${want[key]}`);
    }
  }
  return problems;
}

/** As {@link activeUsersDifferences}, for the stickiness distribution (a k a query does not return counts as 0). */
export function dayCountDifferences(expected: DayCounts, actual: DayCounts): string[] {
  const problems: string[] = [];
  for (let k = 0; k < Math.max(expected.length, actual.length); k++) {
    if ((actual[k] ?? 0) !== (expected[k] ?? 0)) problems.push(`${k + 1} days: ${actual[k] ?? 0}, expected ${expected[k] ?? 0}`);
  }
  return problems;
}
