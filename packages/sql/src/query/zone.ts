import { zoneClock } from '@kpikit/core';
import type { CompileContext } from './context';

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/**
 * Zone names whose offset never changes, by definition of the time zone
 * database: UTC and its aliases, and `Etc/GMT±N` (whose sign is the POSIX
 * one: `Etc/GMT+5` is five hours behind UTC).
 */
const FIXED_ZONE = /^(?:etc\/)?(?:utc|uct|universal|zulu|greenwich|gmt|gmt0|gmt[+-]0)$|^etc\/gmt(?:\+(?:[0-9]|1[0-2])|-(?:[0-9]|1[0-4]))$/i;

/**
 * The UTC offset in ms of a zone whose offset never changes, or `null` for a
 * zone with (possibly) more than one. Such zones need no time-zone lookup in
 * SQL: a local day is `floor((ms + offset) / day)`, and it never decreases as
 * time goes on.
 */
export function fixedOffset(timeZone: string): number | null {
  return FIXED_ZONE.test(timeZone) ? zoneClock(timeZone, 0, 0).offsetAt(0) : null;
}

/** `expr + offset` with an integer offset written as a literal (`expr` alone for 0). */
function shifted(expr: string, offset: number): string {
  if (offset === 0) return expr;
  return offset > 0 ? `${expr} + ${offset}` : `${expr} - ${-offset}`;
}

/** The local day of `ms` in a zone of fixed `offset`: integer arithmetic only. */
export function fixedLocalDay(context: CompileContext, ms: string, offset: number): string {
  return context.dialect.floorDiv(shifted(ms, offset), DAY_MS);
}

/**
 * The local day of an epoch-ms expression in `timeZone`, for queries that
 * convert a few values per row (survey answers, subscription boundaries):
 * integer arithmetic for a fixed-offset zone, else the dialect's conversion
 * with the zone as a bound parameter.
 */
export function localDayIn(context: CompileContext, ms: string, timeZone: string): string {
  const offset = fixedOffset(timeZone);
  return offset === null ? context.dialect.localDay(ms, context.params.text(timeZone)) : fixedLocalDay(context, ms, offset);
}
