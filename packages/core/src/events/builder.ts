import { IssueCollector } from '../errors';
import type { EventTable, PropertyColumn, PropertyValue } from './event.types';
import { ID_EXPECTED, isId, isPlainObject, isPropertyValue, PROPERTIES_EXPECTED, PROPERTY_EXPECTED } from './rules';
import { propertySignature } from './propertySignature';
import { RunSorter } from './runSorter';
import { timestampProblem, toEpochMs } from './timestamp';

/** Where a row's field lives, for error paths: `events[3].name` or `name[3]`. */
export type PathOf = (index: number, field: string) => string;

interface PropertyBuilder {
  codes: Int32Array;
  readonly values: PropertyValue[];
  readonly lookup: Map<PropertyValue, number>;
}

/**
 * Accumulates validated, dictionary-encoded rows, then sorts and de-duplicates
 * them into an {@link EventTable}. Shared by the object and column entry points,
 * which feed it in two passes: {@link setUser} for every row, {@link placeUsers},
 * then {@link setRow} (and the properties) for every row, then {@link finish}.
 *
 * Counting every user's rows in the first pass lets the second put each row's
 * time and name straight into its user's run of the table's columns, rather
 * than buffering the rows and scattering them afterwards: the only large
 * allocation is the table's own 16 bytes a row. That matters beyond memory:
 * V8 starts a full garbage collection whenever ArrayBuffer memory has grown by
 * about 64 MB, and each one marks the caller's whole heap (often the millions
 * of event objects being converted).
 */
export class EventTableBuilder {
  /** The table's columns, `capacity` rows each, in one buffer: `time`, `name`, `user`. */
  private readonly time: Float64Array;
  private readonly name: Int32Array;
  /** Each input row's user code (−1 if invalid), until {@link finish} writes the sorted rows' users over them. */
  private readonly user: Int32Array;
  /** Where each user's rows start in the sorted columns, and where the next one goes. */
  private start: Int32Array | null = null;
  private cursor: Int32Array | null = null;
  private readonly userIds: string[] = [];
  private readonly names: string[] = [];
  private readonly userCodes = new Map<string, number>();
  private readonly nameCodes = new Map<string, number>();
  private readonly properties = new Map<string, PropertyBuilder>();
  private lastUserId = '';
  private lastUserCode = -1;
  private lastName = '';
  private lastNameCode = -1;
  readonly issues: IssueCollector;

  constructor(
    private readonly capacity: number,
    subject: string,
    private readonly pathOf: PathOf,
  ) {
    const buffer = new ArrayBuffer(16 * capacity);
    this.time = new Float64Array(buffer, 0, capacity);
    this.name = new Int32Array(buffer, 8 * capacity, capacity);
    this.user = new Int32Array(buffer, 12 * capacity, capacity);
    this.issues = new IssueCollector(subject);
  }

  /** First pass: codes row `i`'s user when `userId` is valid ({@link setRow} reports it otherwise). */
  setUser(i: number, userId: unknown): void {
    if (!isId(userId)) {
      this.user[i] = -1;
      return;
    }
    // Consecutive rows often share a user: skip the hash look-up then.
    if (userId !== this.lastUserId) {
      this.lastUserId = userId;
      this.lastUserCode = this.code(this.userCodes, this.userIds, userId);
    }
    this.user[i] = this.lastUserCode;
  }

  /** Between the passes: reserves each user's run of rows in the sorted columns. */
  placeUsers(): void {
    const userCount = this.userIds.length;
    const start = new Int32Array(userCount + 1);
    for (let i = 0; i < this.capacity; i++) start[(this.user[i] as number) + 1]! += 1;
    // Rows with an invalid user were counted at start[0]: they are never placed.
    start[0] = 0;
    for (let u = 0; u < userCount; u++) start[u + 1]! += start[u] as number;
    this.start = start;
    this.cursor = start.slice(0, userCount);
  }

  /**
   * Second pass: validates row `i`'s name and timestamp, and places its time and
   * name. The user was checked by {@link setUser}: `userId` is only reported.
   */
  setRow(i: number, userId: unknown, name: unknown, timestamp: unknown): void {
    let ok = true;
    if ((this.user[i] as number) < 0) {
      this.issues.add(i, this.pathOf(i, 'userId'), ID_EXPECTED, userId);
      ok = false;
    }
    if (!isId(name)) {
      this.issues.add(i, this.pathOf(i, 'name'), ID_EXPECTED, name);
      ok = false;
    }
    const ms = toEpochMs(timestamp);
    if (Number.isNaN(ms)) {
      this.issues.add(i, this.pathOf(i, 'timestamp'), timestampProblem(timestamp), timestamp);
      ok = false;
    }
    // A table is built only if every row is valid: a skipped row only leaves a gap that is never read.
    if (!ok) return;
    if (name !== this.lastName) {
      this.lastName = name as string;
      this.lastNameCode = this.code(this.nameCodes, this.names, name as string);
    }
    const p = this.cursor![this.user[i] as number]!++;
    this.time[p] = ms;
    this.name[p] = this.lastNameCode;
  }

  /** Validates and stores every property of row `i` from a plain object. */
  setProperties(i: number, properties: unknown): void {
    if (properties === undefined) return;
    if (!isPlainObject(properties)) {
      this.issues.add(i, this.pathOf(i, 'properties'), PROPERTIES_EXPECTED, properties);
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
    const { time, name, user } = this;
    const start = this.start!;

    // Input row numbers are needed only to carry properties along: replay the
    // placement to find them, before `user` is overwritten below.
    let row: Int32Array | null = null;
    if (this.properties.size > 0) {
      row = new Int32Array(n);
      const cursor = start.slice(0, userCount);
      for (let i = 0; i < n; i++) row[cursor[user[i] as number]!++] = i;
    }

    // Order each run by time then name (runs are usually in order already),
    // and keep one row per (user, time, name).
    const sorter = new RunSorter(time, name, row);
    const outStart = new Int32Array(userCount + 1);
    let m = 0;
    let minTime = Number.NaN;
    let maxTime = Number.NaN;
    for (let u = 0; u < userCount; u++) {
      const from = start[u] as number;
      const to = start[u + 1] as number;
      sorter.sortRun(from, to);
      const first = m;
      for (let p = from; p < to; p++) {
        if (m > first && time[m - 1] === time[p] && name[m - 1] === name[p]) {
          // A duplicate: keep the copy whose properties sort first, so the
          // choice never depends on input order.
          if (row && propertySignature(this.properties, row[p] as number) < propertySignature(this.properties, row[m - 1] as number)) {
            row[m - 1] = row[p] as number;
          }
          continue;
        }
        time[m] = time[p] as number;
        name[m] = name[p] as number;
        if (row) row[m] = row[p] as number;
        // Over the input rows' user codes, which nothing reads any more.
        user[m] = u;
        m++;
      }
      outStart[u + 1] = m;
      // Each run is in time order now: its ends are its extremes.
      if (m > first) {
        if (!((time[first] as number) >= minTime)) minTime = time[first] as number;
        if (!((time[m - 1] as number) <= maxTime)) maxTime = time[m - 1] as number;
      }
    }

    const properties = new Map<string, PropertyColumn>();
    for (const [key, column] of this.properties) {
      const codes = new Int32Array(m);
      for (let j = 0; j < m; j++) codes[j] = column.codes[row![j] as number] as number;
      properties.set(key, { codes, values: column.values });
    }

    return {
      kind: 'EventTable',
      length: m,
      // A few duplicates leave a little slack at the end; many are worth a compact copy.
      user: m * 4 >= n * 3 ? user.subarray(0, m) : user.slice(0, m),
      name: m * 4 >= n * 3 ? name.subarray(0, m) : name.slice(0, m),
      time: m * 4 >= n * 3 ? time.subarray(0, m) : time.slice(0, m),
      userIds: this.userIds,
      names: this.names,
      userStart: outStart,
      properties,
      minTime,
      maxTime,
    };
  }
}
