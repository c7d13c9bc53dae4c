/** One problem found in the input: where it is and what was expected there. */
export interface KpiIssue {
  /** 0-based index of the offending row, or `null` for a problem in an options object. */
  readonly index: number | null;
  /** Dotted path of the field, e.g. `events[13].timestamp` or `options.from`. */
  readonly path: string;
  /** What the field should have been, in words. */
  readonly expected: string;
  /** A short rendering of what was found instead. */
  readonly received: string;
}

/** The most problems a {@link KpiValidationError} lists; the rest are only counted. */
export const MAX_ISSUES = 20;

/**
 * Thrown by every kpikit function that is given input it cannot use.
 *
 * `issues` names each problem (at most {@link MAX_ISSUES}) by row index and
 * field path; `issueCount` counts them all. The message lists the same
 * problems, one a line, so a log line alone says what to fix.
 *
 * @example
 * try {
 *   toEventTable([{ userId: '', name: 'login', timestamp: 0 }]);
 * } catch (error) {
 *   if (error instanceof KpiValidationError) console.log(error.issues[0].path); // "events[0].userId"
 * }
 */
export class KpiValidationError extends Error {
  override readonly name = 'KpiValidationError';
  readonly issues: readonly KpiIssue[];
  readonly issueCount: number;

  constructor(subject: string, issues: readonly KpiIssue[], issueCount = issues.length) {
    const lines = issues.slice(0, MAX_ISSUES).map((issue) => `  ${issue.path}: expected ${issue.expected}, received ${issue.received}`);
    const more = issueCount > lines.length ? [`  … and ${issueCount - lines.length} more`] : [];
    super([`Invalid ${subject}: ${issueCount} problem${issueCount === 1 ? '' : 's'}`, ...lines, ...more].join('\n'));
    this.issues = issues.slice(0, MAX_ISSUES);
    this.issueCount = issueCount;
  }
}

/** Renders a received value briefly and safely for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return value.length > 40 ? JSON.stringify(`${value.slice(0, 40)}…`) : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : `Date(${value.toISOString()})`;
  if (Array.isArray(value)) return `array(${value.length})`;
  return typeof value;
}

/**
 * Collects issues while scanning input, keeping the first {@link MAX_ISSUES}
 * and counting the rest, then throws one error for all of them.
 */
export class IssueCollector {
  readonly issues: KpiIssue[] = [];
  count = 0;

  constructor(private readonly subject: string) {}

  add(index: number | null, path: string, expected: string, received: unknown): void {
    this.count += 1;
    if (this.issues.length < MAX_ISSUES) this.issues.push({ index, path, expected, received: describeValue(received) });
  }

  get ok(): boolean {
    return this.count === 0;
  }

  throwIfAny(): void {
    if (this.count > 0) throw new KpiValidationError(this.subject, this.issues, this.count);
  }
}
