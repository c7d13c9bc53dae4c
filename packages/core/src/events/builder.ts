import { IssueCollector } from '../errors';
import type { EventTable, PropertyColumn, PropertyValue } from './event.types';
import { timestampProblem, toEpochMs } from './timestamp';

/** Where a row's field lives, for error paths: `events[3].name` or `name[3]`. */
export type PathOf = (index: number, field: string) => string;

interface PropertyBuilder {
  codes: Int32Array;
  readonly values: PropertyValue[];
  readonly lookup: Map<PropertyValue, number>;
}

const isPropertyValue = (value: unknown): value is PropertyValue =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

const PROPERTY_EXPECTED = 'a string, finite number, boolean or null';

/**
 * Accumulates validated, dictionary-encoded rows, then sorts and de-duplicates
 * them into an {@link EventTable}. Shared by the object and column entry points.
 */
export class EventTableBuilder {
  private readonly user: Int32Array;
  private readonly name: Int32Array;
  private readonly time: Float64Array;
  private readonly userIds: string[] = [];
  private readonly names: string[] = [];
  private readonly userCodes = new Map<string, number>();
  private readonly nameCodes = new Map<string, number>();
  private readonly properties = new Map<string, PropertyBuilder>();
  readonly issues: IssueCollector;

  constructor(
    private readonly capacity: number,
    subject: string,
    private readonly pathOf: PathOf,
  ) {
    this.user = new Int32Array(capacity);
    this.name = new Int32Array(capacity);
    this.time = new Float64Array(capacity);
    this.issues = new IssueCollector(subject);
  }

  /** Validates and stores row `i`'s user, name and timestamp; false if any is invalid. */
  setRow(i: number, userId: unknown, name: unknown, timestamp: unknown): boolean {
    let ok = true;
    if (typeof userId !== 'string' || userId.length === 0) {
      this.issues.add(i, this.pathOf(i, 'userId'), 'a non-empty string', userId);
      ok = false;
    }
    if (typeof name !== 'string' || name.length === 0) {
      this.issues.add(i, this.pathOf(i, 'name'), 'a non-empty string', name);
      ok = false;
    }
    const ms = toEpochMs(timestamp);
    if (Number.isNaN(ms)) {
      this.issues.add(i, this.pathOf(i, 'timestamp'), timestampProblem(timestamp), timestamp);
      ok = false;
    }
    if (!ok) return false;
    this.user[i] = this.code(this.userCodes, this.userIds, userId as string);
    this.name[i] = this.code(this.nameCodes, this.names, name as string);
    this.time[i] = ms;
    return true;
  }

  /** Validates and stores every property of row `i` from a plain object. */
  setProperties(i: number, properties: unknown): void {
    if (properties === undefined) return;
    if (typeof properties !== 'object' || properties === null || Array.isArray(properties) || properties instanceof Date) {
      this.issues.add(i, this.pathOf(i, 'properties'), 'an object of property values', properties);
      return;
    }
    for (const key in properties) {
      if (!Object.hasOwn(properties, key)) continue;
      this.setProperty(i, key, (properties as Record<string, unknown>)[key]);
    }
  }

  /** Validates and stores one property value of row `i`; `undefined` means absent. */
  setProperty(i: number, key: string, value: unknown): void {
    if (value === undefined) return;
    if (!isPropertyValue(value)) {
      this.issues.add(i, this.pathOf(i, `properties.${key}`), PROPERTY_EXPECTED, value);
      return;
    }
    let column = this.properties.get(key);
    if (!column) {
      column = { codes: new Int32Array(this.capacity).fill(-1), values: [], lookup: new Map() };
      this.properties.set(key, column);
    }
    let code = column.lookup.get(value);
    if (code === undefined) {
      code = column.values.length;
      column.values.push(value);
      column.lookup.set(value, code);
    }
    column.codes[i] = code;
  }

  private code(codes: Map<string, number>, dictionary: string[], value: string): number {
    let code = codes.get(value);
    if (code === undefined) {
      code = dictionary.length;
      dictionary.push(value);
      codes.set(value, code);
    }
    return code;
  }

  /** Throws the collected issues, or sorts, de-duplicates and returns the table. */
  finish(): EventTable {
    this.issues.throwIfAny();
    const n = this.capacity;
    const userCount = this.userIds.length;
    const { user, name, time } = this;

    // Counting sort by user (stable), then order each user's rows by time and name.
    const userStart = new Int32Array(userCount + 1);
    for (let i = 0; i < n; i++) userStart[(user[i] as number) + 1]! += 1;
    for (let u = 0; u < userCount; u++) userStart[u + 1]! += userStart[u] as number;
    const cursor = userStart.slice(0, userCount);
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[cursor[user[i] as number]!++] = i;
    const before = (a: number, b: number): number => (time[a] as number) - (time[b] as number) || (name[a] as number) - (name[b] as number);
    for (let u = 0; u < userCount; u++) sortRun(order, userStart[u] as number, userStart[u + 1] as number, before);

    // Keep one row per (user, time, name); among duplicates, the one with the
    // smallest property signature, so the choice never depends on input order.
    const keep = new Int32Array(n);
    let m = 0;
    for (let r = 0; r < n;) {
      const first = order[r] as number;
      let end = r + 1;
      while (end < n && before(first, order[end] as number) === 0 && user[order[end] as number] === user[first]) end++;
      keep[m++] = end - r === 1 ? first : this.canonicalOf(order, r, end);
      r = end;
    }

    const outUser = new Int32Array(m);
    const outName = new Int32Array(m);
    const outTime = new Float64Array(m);
    const outStart = new Int32Array(userCount + 1);
    for (let j = 0; j < m; j++) {
      const i = keep[j] as number;
      outUser[j] = user[i] as number;
      outName[j] = name[i] as number;
      outTime[j] = time[i] as number;
      outStart[(user[i] as number) + 1]! += 1;
    }
    for (let u = 0; u < userCount; u++) outStart[u + 1]! += outStart[u] as number;

    const properties = new Map<string, PropertyColumn>();
    for (const [key, column] of this.properties) {
      const codes = new Int32Array(m);
      for (let j = 0; j < m; j++) codes[j] = column.codes[keep[j] as number] as number;
      properties.set(key, { codes, values: column.values });
    }

    let minTime = Number.NaN;
    let maxTime = Number.NaN;
    if (m > 0) {
      minTime = Number.POSITIVE_INFINITY;
      maxTime = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < m; j++) {
        const t = outTime[j] as number;
        if (t < minTime) minTime = t;
        if (t > maxTime) maxTime = t;
      }
    }

    return {
      kind: 'EventTable',
      length: m,
      user: outUser,
      name: outName,
      time: outTime,
      userIds: this.userIds,
      names: this.names,
      userStart: outStart,
      properties,
      minTime,
      maxTime,
    };
  }

  private canonicalOf(order: Int32Array, from: number, to: number): number {
    let best = order[from] as number;
    let bestSignature = this.signature(best);
    for (let r = from + 1; r < to; r++) {
      const candidate = order[r] as number;
      const signature = this.signature(candidate);
      if (signature < bestSignature) {
        best = candidate;
        bestSignature = signature;
      }
    }
    return best;
  }

  private signature(row: number): string {
    const entries: [string, PropertyValue][] = [];
    for (const [key, column] of this.properties) {
      const code = column.codes[row] as number;
      if (code >= 0) entries.push([key, column.values[code] as PropertyValue]);
    }
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return JSON.stringify(entries);
  }
}

/** Sorts `order[from, to)` by `compare`, skipping the common already-sorted case. */
function sortRun(order: Int32Array, from: number, to: number, compare: (a: number, b: number) => number): void {
  let sorted = true;
  for (let r = from + 1; r < to; r++) {
    if (compare(order[r - 1] as number, order[r] as number) > 0) {
      sorted = false;
      break;
    }
  }
  if (sorted) return;
  if (to - from <= 24) {
    for (let r = from + 1; r < to; r++) {
      const row = order[r] as number;
      let s = r - 1;
      while (s >= from && compare(order[s] as number, row) > 0) {
        order[s + 1] = order[s] as number;
        s--;
      }
      order[s + 1] = row;
    }
    return;
  }
  order.subarray(from, to).sort(compare);
}
