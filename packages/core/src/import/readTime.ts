import { daysFromCivil, daysInMonth, MS_PER_DAY } from '../time/civil';
import { MAX_TIMESTAMP, toEpochMs } from '../events/timestamp';
import type { DstPolicy, TimeFormat } from './import.types';
import { LocalClock } from './localClock';

// Date, then optionally a time (T or a space), then an optional offset.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?$/;
const DECIMAL = /^\s*(-?)(\d+)(?:\.(\d+))?\s*$/;

/** A date-time's wall-clock ms (as if on UTC's clock) and its offset in ms, `null` when it has none; `null` when not a date-time. */
export function parseDateTime(text: string): { wall: number; offset: number | null } | null {
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = match[4] === undefined ? 0 : Number(match[4]);
  const minute = match[5] === undefined ? 0 : Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  // Digits past the millisecond are truncated, as toEventTable does.
  const ms = match[7] === undefined ? 0 : Number(match[7].slice(0, 3).padEnd(3, '0'));
  const wall = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
  const zone = match[8];
  if (zone === undefined) return { wall, offset: null };
  if (zone === 'Z' || zone === 'z' || zone === 'UTC') return { wall, offset: 0 };
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return null;
  return { wall, offset: sign * (hours * 60 + minutes) * 60_000 };
}

/** A number, or the text of a decimal number, times `scale` (1 or 1000), exact to the millisecond; `NaN` otherwise. */
export function epochToMs(value: unknown, scale: 1 | 1000): number {
  if (typeof value === 'bigint') return scale * Number(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return Number.NaN;
    if (scale === 1) return value;
    // Through the decimal text: 1709284320.123 s is exactly …123 ms, not …122.99998.
    const text = String(value);
    return text.includes('e') ? Math.trunc(value * scale) : epochToMs(text, scale);
  }
  if (typeof value !== 'string') return Number.NaN;
  if (scale === 1) return DECIMAL.test(value) ? Number(value) : Number.NaN;
  const match = DECIMAL.exec(value);
  if (!match) return Number.NaN;
  const sign = match[1] === '-' ? -1 : 1;
  const fraction = (match[3] ?? '').slice(0, 3).padEnd(3, '0');
  return sign * (Number(match[2]) * 1000 + Number(fraction));
}

/** What a time field must hold, per format, in words for errors. */
export function timeExpected(format: TimeFormat, zone: string, wallClock: boolean): string {
  switch (format) {
    case 'auto':
      return 'epoch milliseconds or an ISO-8601 date-time with Z or an offset';
    case 'epoch-milliseconds':
      return wallClock ? `epoch milliseconds on the clock of ${zone}` : 'epoch milliseconds (a number)';
    case 'epoch-seconds':
      return wallClock ? `epoch seconds on the clock of ${zone}` : 'epoch seconds (a number)';
    case 'iso':
      return 'an ISO-8601 date-time with Z or an offset';
    case 'local':
      return `a date-time (YYYY-MM-DD hh:mm:ss, read in ${zone} without an offset)`;
  }
}

/**
 * Reads one field's times into epoch ms by a {@link TimeFormat}, converting
 * times written without an offset on the zone's clock and counting them,
 * and those that fell in a DST gap or overlap.
 */
export class TimeReader {
  private readonly clock: LocalClock;
  rowsInZone = 0;
  dstGaps = 0;
  dstOverlaps = 0;
  /** How the last time read was placed: counted by {@link commit} once its row is kept. */
  private last: 'instant' | 'normal' | 'gap' | 'overlap' = 'instant';
  /** Why the last time read was rejected, when not for its form: a DST gap or overlap under `reject`. */
  dstProblem: string | null = null;
  readonly expected: string;

  /** @param wallClock epoch numbers are the zone's wall clock, not instants (Mixpanel's older projects). */
  constructor(
    readonly format: TimeFormat,
    readonly timeZone: string,
    dst: DstPolicy,
    private readonly wallClock = false,
  ) {
    this.clock = new LocalClock(timeZone, dst);
    this.expected = timeExpected(format, timeZone, wallClock);
  }

  /** Epoch ms of a time, or `NaN`. */
  read(value: unknown): number {
    this.dstProblem = null;
    this.last = 'instant';
    if (value instanceof Date) return value.getTime();
    let ms: number;
    switch (this.format) {
      case 'auto':
        ms = typeof value === 'string' && DECIMAL.test(value) ? Number(value) : toEpochMs(value);
        break;
      case 'epoch-milliseconds':
      case 'epoch-seconds':
        ms = epochToMs(value, this.format === 'epoch-seconds' ? 1000 : 1);
        if (this.wallClock && !Number.isNaN(ms)) ms = this.inZone(ms);
        break;
      case 'iso':
      case 'local': {
        const parsed = typeof value === 'string' ? parseDateTime(value.trim()) : null;
        if (!parsed || (parsed.offset === null && this.format === 'iso')) return Number.NaN;
        ms = parsed.offset === null ? this.inZone(parsed.wall) : parsed.wall - parsed.offset;
        break;
      }
    }
    return ms >= -MAX_TIMESTAMP && ms <= MAX_TIMESTAMP ? ms : Number.NaN;
  }

  /** Counts the last time read, its row being kept. */
  commit(): void {
    if (this.last === 'instant') return;
    this.rowsInZone += 1;
    if (this.last === 'gap') this.dstGaps += 1;
    else if (this.last === 'overlap') this.dstOverlaps += 1;
  }

  private inZone(wall: number): number {
    const at = this.clock.toInstant(wall);
    const { kind } = this.clock;
    if (Number.isNaN(at)) {
      this.dstProblem =
        kind === 'gap'
          ? `a time that exists in ${this.timeZone} (this one is skipped by a DST change)`
          : `a time that is not repeated in ${this.timeZone} (this one happens twice at a DST change)`;
      return at;
    }
    this.last = kind;
    return at;
  }
}
