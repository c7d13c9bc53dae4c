import type { PropertyColumn } from '../events/event.types';
import { compareBreakdownValues } from './breakdownOrder';
import type { FunnelBreakdownAttribution } from './funnel.types';

/** The code of a user left out of every breakdown group (`{ step: k }` when the user did not reach step `k`). */
export const NO_GROUP = -2;
/** The code of the `null` group: no value. */
export const NULL_VALUE = -1;

/**
 * Which value code a counted user is grouped by, given their depth and the
 * table rows of their matched steps (`rows[0]`, the event opening the window
 * in `any` order): a code of `column`, {@link NULL_VALUE} or {@link NO_GROUP}.
 *
 * - `first_touch` / `last_touch`: the earliest / latest value among the
 *   user's step events in the range (any step, any attempt), skipping events
 *   without it; at one millisecond, the value that sorts first
 *   ({@link compareBreakdownValues}).
 * - `{ step: k }`: the value on step `k`'s event of the attempt counted;
 *   users who did not reach step `k` are in no group.
 */
export function attributionCoder(
  column: PropertyColumn | undefined,
  attribution: FunnelBreakdownAttribution,
  userStart: Int32Array,
  stepMasks: Int32Array,
  time: Float64Array,
): (user: number, depth: number, rows: Int32Array) => number {
  const nullCode = column ? column.values.indexOf(null) : -1;
  const codeAt = (row: number): number => {
    const code = column ? (column.codes[row] as number) : -1;
    return code < 0 || code === nullCode ? NULL_VALUE : code;
  };
  if (typeof attribution === 'object') {
    const { step } = attribution;
    return (_user, depth, rows) => (depth <= step ? NO_GROUP : codeAt(rows[step] as number));
  }
  if (!column) return () => NULL_VALUE;
  const values = column.values;
  /** Of the tied rows `from … to − 1` (one millisecond), the value code that sorts first among step events having one. */
  const leastAt = (from: number, to: number): number => {
    let best = NULL_VALUE;
    for (let r = from; r < to; r++) {
      if (stepMasks[r] === 0) continue;
      const code = codeAt(r);
      if (code !== NULL_VALUE && (best === NULL_VALUE || compareBreakdownValues(values[code] ?? null, values[best] ?? null) < 0))
        best = code;
    }
    return best;
  };
  const first = attribution === 'first_touch';
  return (user) => {
    const begin = userStart[user] as number;
    const end = userStart[user + 1] as number;
    if (first) {
      for (let r = begin; r < end;) {
        let stop = r + 1;
        while (stop < end && time[stop] === time[r]) stop++;
        const code = leastAt(r, stop);
        if (code !== NULL_VALUE) return code;
        r = stop;
      }
    } else {
      for (let r = end; r > begin;) {
        let start = r - 1;
        while (start > begin && time[start - 1] === time[r - 1]) start--;
        const code = leastAt(start, r);
        if (code !== NULL_VALUE) return code;
        r = start;
      }
    }
    return NULL_VALUE;
  };
}
