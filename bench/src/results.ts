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

/** The benchmarked metrics, from one engine. */
export interface MetricEngine {
  readonly name: string;
  /** DAU / WAU / MAU per UTC day over the data's date range. */
  activeUsers(): Promise<readonly DailyActive[]> | readonly DailyActive[];
  /** Weekly retention cohorts, exact mode, 12 periods, UTC weeks starting Monday. */
  retention(): Promise<readonly Cohort[]> | readonly Cohort[];
}

/** Retention settings shared by every engine. */
export const RETENTION_PERIODS = 12;

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
