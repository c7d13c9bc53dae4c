import type { RowPredicate } from '../events/filter';

/** A unit without a first start event in the range. */
export const NOT_NEW = 0;
/** A new unit whose outcome window closes after the data ends. */
export const CENSORED = 1;
/** An eligible unit that was not retained. */
export const NOT_RETAINED = 2;
/** An eligible unit that was retained. */
export const RETAINED = 3;

/**
 * What {@link unitOutcomes} reads. A *unit* is whatever the table's user index
 * keys: a user, or an account when the table was keyed by one. Its rows are
 * `unitStart[u]` … `unitStart[u + 1] − 1`, in time order.
 */
export interface UnitOutcomeInput {
  readonly unitStart: Int32Array;
  readonly name: Int32Array;
  readonly time: Float64Array;
  /** Local day number of each row. */
  readonly days: Int32Array;
  /** One byte per event name: 1 for the start event. */
  readonly startNames: Uint8Array;
  readonly fromDay: number;
  readonly toDay: number;
  /** Outcome window in ms after the start instant: `[outcomeFrom, outcomeTo)`; `outcomeTo` is `Infinity` in unbounded mode. */
  readonly outcomeFrom: number;
  readonly outcomeTo: number;
  /** How long after the start instant the data must run for the unit to be eligible. */
  readonly observed: number;
  /** The first instant after the data: the close of the local day of the latest event. */
  readonly dataEnd: number;
  /** Which rows count as activity for the outcome (`null`: every row). */
  readonly isReturn: RowPredicate | null;
}

/** Each unit's start row and status, and the totals over units. */
export interface UnitOutcomes {
  /** Row of each unit's first start event; −1 for a unit that is not new. */
  readonly startRow: Int32Array;
  /** {@link NOT_NEW}, {@link CENSORED}, {@link NOT_RETAINED} or {@link RETAINED} per unit. */
  readonly status: Uint8Array;
  readonly newUnits: number;
  readonly censored: number;
  readonly retained: number;
}

/**
 * Finds the new units (first-ever start event in `[fromDay, toDay]`), leaves
 * out those not observed long enough, and tells whether each other one was
 * active in its outcome window.
 */
export function unitOutcomes(input: UnitOutcomeInput): UnitOutcomes {
  const { unitStart, name, time, days, startNames, fromDay, toDay, outcomeFrom, outcomeTo, observed, dataEnd, isReturn } = input;
  const units = unitStart.length - 1;
  const startRow = new Int32Array(units).fill(-1);
  const status = new Uint8Array(units);
  let newUnits = 0;
  let censored = 0;
  let retained = 0;
  for (let u = 0; u < units; u++) {
    const begin = unitStart[u] as number;
    const end = unitStart[u + 1] as number;
    let first = begin;
    while (first < end && startNames[name[first] as number] === 0) first++;
    if (first === end) continue;
    const day = days[first] as number;
    if (day < fromDay || day > toDay) continue;
    newUnits += 1;
    startRow[u] = first;
    const startedAt = time[first] as number;
    if (startedAt + observed > dataEnd) {
      status[u] = CENSORED;
      censored += 1;
      continue;
    }
    const from = startedAt + outcomeFrom;
    const to = startedAt + outcomeTo;
    let active = false;
    // Rows are in time order: the outcome window's rows come after the start row.
    for (let row = first + 1; row < end; row++) {
      const t = time[row] as number;
      if (t >= to) break;
      if (t >= from && (isReturn === null || isReturn(row))) {
        active = true;
        break;
      }
    }
    status[u] = active ? RETAINED : NOT_RETAINED;
    if (active) retained += 1;
  }
  return { startRow, status, newUnits, censored, retained };
}
