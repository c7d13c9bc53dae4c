import { checkEvent, type KpiEvent, type PropertyValue } from '@kpikit/core';
import type { RowIssue } from '../dashboard/types';

/** How many bad rows are described; the rest are counted. */
export const MAX_ROW_ISSUES = 20;

/** Events as columns, the shape `eventTableFromColumns` takes. */
export interface EventColumnsBuffer {
  readonly userId: string[];
  readonly name: string[];
  readonly timestamp: (number | string)[];
  readonly properties: Record<string, (PropertyValue | undefined)[]>;
}

/** Rows read from a file: the valid ones as columns, the others counted and the first described. */
export interface ReadEvents {
  readonly columns: EventColumnsBuffer;
  readonly rows: number;
  readonly rejected: number;
  readonly issues: readonly RowIssue[];
}

/** One row as read, before validation. */
export interface CandidateEvent {
  readonly userId: unknown;
  readonly name: unknown;
  readonly timestamp: unknown;
  readonly properties?: unknown;
}

/** What each field must hold, in the words of the file's columns. */
const EXPECTED: Record<string, string> = {
  userId: 'a non-empty user id',
  name: 'a non-empty event name',
  timestamp: 'epoch milliseconds or an ISO-8601 date-time with Z or an offset',
  properties: 'an object of string, number, boolean or null values',
};

/**
 * Collects events row by row: each is checked by core's `checkEvent`, the
 * valid ones are appended to columns (nothing valid is dropped), the others
 * are counted and the first {@link MAX_ROW_ISSUES} described with their line.
 */
export class EventRowCollector {
  private readonly columns: EventColumnsBuffer = { userId: [], name: [], timestamp: [], properties: {} };
  private readonly issues: RowIssue[] = [];
  private rows = 0;
  private rejected = 0;

  /** @param fieldNames how the file names each field, for messages (`user_id` for `userId` in a CSV). */
  constructor(private readonly fieldNames: Readonly<Record<string, string>> = {}) {}

  add(candidate: CandidateEvent, line: number): void {
    const [issue] = checkEvent(candidate);
    if (issue) {
      const field = issue.field.split('.')[0] || 'row';
      this.reject(
        line,
        this.fieldNames[field] ?? field,
        `expected ${EXPECTED[field] ?? 'a valid value'}, received ${describe(issue.received)}`,
      );
      return;
    }
    // Checked: the same rules as core's eventSchema, without zod's cost per row.
    const { userId, name, timestamp, properties } = candidate as KpiEvent;
    const index = this.columns.userId.length;
    this.columns.userId.push(userId);
    this.columns.name.push(name);
    this.columns.timestamp.push(timestamp instanceof Date ? timestamp.getTime() : timestamp);
    // Property columns stay dense: a new key gets a column padded for the rows before it.
    if (properties) {
      for (const key of Object.keys(properties)) {
        if (!(key in this.columns.properties)) this.columns.properties[key] = new Array<PropertyValue | undefined>(index).fill(undefined);
      }
    }
    for (const [key, column] of Object.entries(this.columns.properties)) column.push(properties?.[key]);
    this.rows += 1;
  }

  /** Counts a row that could not be read at all, describing it if among the first. */
  reject(line: number, field: string, message: string): void {
    this.rejected += 1;
    if (this.issues.length < MAX_ROW_ISSUES) this.issues.push({ line, field, message });
  }

  result(): ReadEvents {
    return { columns: this.columns, rows: this.rows, rejected: this.rejected, issues: this.issues };
  }
}

/** Reads a CSV or JSON cell as a timestamp: digits are epoch milliseconds, anything else stays text. */
export function timestampCell(value: unknown): unknown {
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return value;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return value === '' ? 'an empty value' : JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'an array' : typeof value;
}
