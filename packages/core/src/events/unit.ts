import { KpiValidationError } from '../errors';
import type { EventTable, PropertyColumn } from './event.types';
import { localDays } from '../time/localDays';
import { propertySignature } from './propertySignature';
import { RunMerger } from './runMerger';
import { RunSorter } from './runSorter';

/**
 * Whose activity a metric counts: each user (`'user'`, the default), or each
 * group named by an event property, e.g. `{ group: 'accountId' }` for
 * "weekly active accounts" and account retention.
 *
 * At a group's grain every event of the group's users is the group's own: an
 * account is active when any of its users is, and reaches a funnel step when
 * any of its users does, in order and inside the window, whoever did the
 * earlier steps.
 */
export type MetricUnit = 'user' | { readonly group: string };

/** What a metric reports of a group unit, beside its result. */
export interface GroupUnitSummary {
  /** The event property that names each event's group. */
  readonly group: string;
  /** Distinct groups among the events. */
  readonly groups: number;
  /**
   * Events left out because they carry no usable group: the property is absent,
   * `null`, empty, or a boolean. They count for no group (they still set the
   * default `from` / `to`, which every event does, whatever the filters).
   */
  readonly ungroupedEvents: number;
}

/** A table keyed by the metric's unit, and what a group unit reports. */
export interface UnitTable {
  /** Rows by unit, then time: `userIds` holds the unit ids (user or group ids). */
  readonly table: EventTable;
  /** `undefined` for the user unit. */
  readonly summary: GroupUnitSummary | undefined;
  /** The table it was made from. */
  readonly source: EventTable;
}

/** The `unit` option of every metric that counts people. */
export interface UnitOptions {
  /** Whose activity is counted: each user (default) or each group, e.g. `{ group: 'accountId' }`. */
  readonly unit?: MetricUnit | undefined;
}

/** What a metric at a group's grain adds to its result. */
export interface UnitResult {
  /** Present when the metric counted groups: the group property and what it found. */
  readonly unit?: GroupUnitSummary;
}

const tables = new WeakMap<EventTable, Map<string, UnitTable>>();

/**
 * The table a metric walks for `unit`: the table itself for users, or its
 * events re-keyed by group, each group's events in (time, name) order.
 * Exact duplicates count once at every grain: two users of one group doing
 * an event of the same name at the same millisecond are one event of the
 * group (the copy kept is chosen as `toEventTable` chooses). Same-instant
 * events of one name are placed in user-id order before that choice, so
 * nothing depends on the input's order.
 *
 * Re-keying costs about a sort of the table; the result is kept for the
 * table's lifetime, so a dashboard's metrics at one grain pay it once.
 *
 * @throws {KpiValidationError} when no event has the group property (most
 *   often a misspelt name).
 */
export function tableForUnit(table: EventTable, unit: MetricUnit | undefined): UnitTable {
  if (unit === undefined || unit === 'user') return { table, summary: undefined, source: table };
  let byGroup = tables.get(table);
  if (!byGroup) tables.set(table, (byGroup = new Map<string, UnitTable>()));
  let keyed = byGroup.get(unit.group);
  if (!keyed) byGroup.set(unit.group, (keyed = groupTable(table, unit.group)));
  return keyed;
}

/** Adds a group unit's summary to a metric's result; the user unit adds nothing. */
export function withUnit<T extends object>(result: T, unit: UnitTable): T & UnitResult {
  return unit.summary ? { ...result, unit: unit.summary } : result;
}

/**
 * The day column that sets a metric's default `from` / `to`: that of every
 * event, whatever the unit (as whatever the filters), so that events without a
 * group still bound the range.
 */
export function rangeDays(unit: UnitTable, days: Int32Array, timeZone: string): Int32Array {
  return unit.summary && unit.summary.ungroupedEvents > 0 ? localDays(unit.source, timeZone) : days;
}

/**
 * The re-keyed table for `unit` when an earlier metric has made it, else
 * `undefined`: walking it costs what walking the users' rows does.
 */
export function cachedTableForUnit(table: EventTable, unit: { readonly group: string }): UnitTable | undefined {
  return tables.get(table)?.get(unit.group);
}

/**
 * The property column naming each event's group: `null` for an empty table
 * without it (no events, no groups).
 *
 * @throws {KpiValidationError} when the table has events and none has the property.
 */
export function groupColumn(table: EventTable, key: string): PropertyColumn | null {
  const column = table.properties.get(key);
  if (column) return column;
  if (table.length === 0) return null;
  throw new KpiValidationError('options', [
    {
      index: null,
      path: 'options.unit.group',
      expected: `an event property that some event has (the events have ${describeKeys(table)})`,
      received: JSON.stringify(key),
    },
  ]);
}

function groupTable(table: EventTable, key: string): UnitTable {
  const column = groupColumn(table, key);
  if (!column) return { table, summary: { group: key, groups: 0, ungroupedEvents: 0 }, source: table };

  // Each distinct property value's group; groups are numbered in id order.
  const { ids, groupOfValue } = groupDictionary(column);
  const n = table.length;
  const count = new Int32Array(ids.length);
  let ungrouped = 0;
  for (let row = 0; row < n; row++) {
    const code = column.codes[row] as number;
    const group = code < 0 ? -1 : (groupOfValue[code] as number);
    if (group < 0) ungrouped++;
    else count[group]! += 1;
  }

  // Drop groups whose only rows were duplicates removed at build: every group has a run.
  const renumber = new Int32Array(ids.length);
  const groupIds: string[] = [];
  for (let g = 0; g < ids.length; g++) {
    renumber[g] = count[g]! > 0 ? groupIds.length : -1;
    if (count[g]! > 0) groupIds.push(ids[g] as string);
  }
  const start = new Int32Array(groupIds.length + 1);
  for (let g = 0; g < ids.length; g++) if (renumber[g]! >= 0) start[renumber[g]! + 1] = count[g] as number;
  for (let g = 0; g < groupIds.length; g++) start[g + 1]! += start[g] as number;

  // Place rows user by user in user-id order, so same-instant ties end up in
  // user-id order once each run is sorted (the sort is stable).
  const m = n - ungrouped;
  const time = new Float64Array(m);
  const name = new Int32Array(m);
  const user = new Int32Array(m);
  const source = new Int32Array(m);
  const cursor = start.slice(0, groupIds.length);
  // Where each user's rows of a group begin: the sorted runs to merge.
  const runStart = new Uint8Array(m);
  const lastUser = new Int32Array(groupIds.length).fill(-1);
  const { codes } = column;
  const order = userIdOrder(table.userIds);
  for (let i = 0; i < order.length; i++) {
    const u = order[i] as number;
    const begin = table.userStart[u] as number;
    const end = table.userStart[u + 1] as number;
    if (begin === end) continue;
    // Most users' rows all name one group: copy them as a block.
    const first = codes[begin] as number;
    let same = true;
    for (let row = begin + 1; row < end; row++) {
      if (codes[row] !== first) {
        same = false;
        break;
      }
    }
    if (same) {
      const group = first < 0 ? -1 : (groupOfValue[first] as number);
      if (group < 0) continue;
      const g = renumber[group] as number;
      const p = cursor[g] as number;
      cursor[g] = p + end - begin;
      if (lastUser[g] !== u) {
        lastUser[g] = u;
        runStart[p] = 1;
      }
      time.set(table.time.subarray(begin, end), p);
      name.set(table.name.subarray(begin, end), p);
      for (let row = begin; row < end; row++) source[p + row - begin] = row;
      continue;
    }
    for (let row = begin; row < end; row++) {
      const code = codes[row] as number;
      const group = code < 0 ? -1 : (groupOfValue[code] as number);
      if (group < 0) continue;
      const g = renumber[group] as number;
      const p = cursor[g]!++;
      if (lastUser[g] !== u) {
        lastUser[g] = u;
        runStart[p] = 1;
      }
      time[p] = table.time[row] as number;
      name[p] = table.name[row] as number;
      source[p] = row;
    }
  }
  // Order each run by (time, name), merging its users' runs (each in that
  // order already; the check after it sorts the run should one not be), then
  // keep one row per (group, time, name): exact duplicates count once at every grain.
  const merger = new RunMerger(time, name, source);
  const sorter = new RunSorter(time, name, source);
  const starts: number[] = [];
  let kept = 0;
  for (let g = 0; g < groupIds.length; g++) {
    const from = start[g] as number;
    const to = start[g + 1] as number;
    starts.length = 0;
    for (let p = from; p < to; p++) if (runStart[p] === 1) starts.push(p);
    if (starts.length > 1) merger.merge(starts, to);
    sorter.sortRun(from, to);
    start[g] = kept;
    const first = kept;
    for (let p = from; p < to; p++) {
      if (kept > first && time[kept - 1] === time[p] && name[kept - 1] === name[p]) {
        // As the table's builder does: the copy whose properties sort first stays.
        if (propertySignature(table.properties, source[p] as number) < propertySignature(table.properties, source[kept - 1] as number)) {
          source[kept - 1] = source[p] as number;
        }
        continue;
      }
      time[kept] = time[p] as number;
      name[kept] = name[p] as number;
      source[kept] = source[p] as number;
      user[kept] = g;
      kept++;
    }
  }
  start[groupIds.length] = kept;

  const properties = new Map<string, PropertyColumn>();
  for (const [property, { codes, values }] of table.properties) {
    const placed = new Int32Array(kept);
    for (let p = 0; p < kept; p++) placed[p] = codes[source[p] as number] as number;
    properties.set(property, { codes: placed, values });
  }
  return {
    table: {
      kind: 'EventTable',
      length: kept,
      user: user.subarray(0, kept),
      name: name.subarray(0, kept),
      time: time.subarray(0, kept),
      userIds: groupIds,
      names: table.names,
      userStart: start,
      properties,
      minTime: table.minTime,
      maxTime: table.maxTime,
    },
    summary: { group: key, groups: groupIds.length, ungroupedEvents: ungrouped },
    source: table,
  };
}

/**
 * Group ids from a property's values: strings as they are, finite numbers as
 * their decimal text (so `7` and `"7"` are one group); `null`, `""` and
 * booleans name no group.
 */
export function groupDictionary(column: PropertyColumn): { ids: string[]; groupOfValue: Int32Array } {
  const texts = column.values.map((value) =>
    typeof value === 'string' ? (value === '' ? null : value) : typeof value === 'number' ? String(value) : null,
  );
  const ids = [...new Set(texts.filter((text): text is string => text !== null))].sort(compareCodeUnits);
  const index = new Map(ids.map((id, g) => [id, g]));
  const groupOfValue = Int32Array.from(texts, (text) => (text === null ? -1 : (index.get(text) as number)));
  return { ids, groupOfValue };
}

function userIdOrder(userIds: readonly string[]): Int32Array {
  const order = Int32Array.from(userIds, (_, u) => u);
  // Tables built from events in user order have their ids sorted already.
  let sorted = true;
  for (let u = 1; u < userIds.length && sorted; u++) sorted = (userIds[u - 1] as string) < (userIds[u] as string);
  if (sorted) return order;
  return order.sort((a, b) => compareCodeUnits(userIds[a] as string, userIds[b] as string));
}

const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function describeKeys(table: EventTable): string {
  const keys = [...table.properties.keys()];
  if (keys.length === 0) return 'no properties';
  const shown = keys.slice(0, 8).map((k) => JSON.stringify(k));
  return `${shown.join(', ')}${keys.length > 8 ? ', …' : ''}`;
}
