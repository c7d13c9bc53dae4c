/** A property value an event may carry. */
export type PropertyValue = string | number | boolean | null;

/** A timestamp as accepted at the edge: epoch ms, a `Date`, or an ISO-8601 string with an offset. */
export type TimestampInput = number | Date | string;

/** One product event as callers hand it in. */
export interface KpiEvent {
  readonly userId: string;
  readonly name: string;
  readonly timestamp: TimestampInput;
  readonly properties?: Readonly<Record<string, PropertyValue | undefined>> | undefined;
}

/** Column of one event property, dictionary-encoded. */
export interface PropertyColumn {
  /** Code of each event's value in `values`, or −1 where the event lacks the property. */
  readonly codes: Int32Array;
  /** Distinct values, in order of first appearance. */
  readonly values: readonly PropertyValue[];
}

/**
 * Events normalised once into columns, for repeated fast metric calls.
 *
 * Rows are sorted by user, then time, then event name, and exact duplicates
 * (same user, name and timestamp) are removed, so every metric can walk one
 * user's events in order: rows `userStart[u]` to `userStart[u + 1] − 1`
 * belong to user `u`.
 */
export interface EventTable {
  readonly kind: 'EventTable';
  /** Number of events (after removing exact duplicates). */
  readonly length: number;
  /** User code of each event: an index into `userIds`. */
  readonly user: Int32Array;
  /** Event-name code of each event: an index into `names`. */
  readonly name: Int32Array;
  /** Epoch milliseconds of each event. */
  readonly time: Float64Array;
  /** Distinct user ids. */
  readonly userIds: readonly string[];
  /** Distinct event names. */
  readonly names: readonly string[];
  /** `userIds.length + 1` offsets: user `u`'s events are rows `userStart[u]` … `userStart[u + 1] − 1`. */
  readonly userStart: Int32Array;
  /** One column per property key seen in the input. */
  readonly properties: ReadonlyMap<string, PropertyColumn>;
  /** Earliest and latest timestamp, or `NaN` for an empty table. */
  readonly minTime: number;
  readonly maxTime: number;
}

/** Column arrays for {@link eventTableFromColumns}: one entry per event in each. */
export interface EventColumns {
  readonly userId: ArrayLike<string>;
  readonly name: ArrayLike<string>;
  readonly timestamp: ArrayLike<TimestampInput>;
  readonly properties?: Readonly<Record<string, ArrayLike<PropertyValue | undefined>>>;
}

/** What every metric accepts: event objects, or a table built from them. */
export type EventInput = readonly KpiEvent[] | EventTable;
