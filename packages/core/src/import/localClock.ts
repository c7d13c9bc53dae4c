import { MS_PER_DAY } from '../time/civil';
import { zoneClock, type ZoneClock } from '../time/zone';
import type { DstPolicy } from './import.types';

/** Where a local time fell on the zone's clock. */
export type LocalKind = 'normal' | 'gap' | 'overlap';

/** A year: the span a clock first covers, and the least it grows by. */
const SPAN_MS = 366 * MS_PER_DAY;

/**
 * Turns wall-clock times of one zone ("2024-03-31 02:30 in Paris", as ms
 * since 1970 on that clock) into instants. The zone's offsets come from
 * core's {@link zoneClock}, built over the times seen so far and rebuilt
 * larger when a time falls outside: a stream of rows never needs its span
 * in advance, and each row costs a few array searches, never an `Intl` call.
 */
export class LocalClock {
  private clock: ZoneClock | null = null;
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;
  private readonly utc: boolean;
  /** Kind of the last time converted. */
  kind: LocalKind = 'normal';

  constructor(
    readonly timeZone: string,
    private readonly dst: DstPolicy,
  ) {
    this.utc = timeZone === 'UTC' || timeZone === 'Etc/UTC';
  }

  /**
   * The instant of a wall-clock time, or `NaN` for a time in a gap or
   * overlap under the `reject` policy. Sets {@link kind}.
   */
  toInstant(wall: number): number {
    this.kind = 'normal';
    if (this.utc) return wall;
    // Offsets are within ±14 h: the offsets in force a day either side
    // bracket every instant this wall time could be.
    const before = this.offsetAt(wall - MS_PER_DAY);
    const after = this.offsetAt(wall + MS_PER_DAY);
    if (before === after) {
      const at = wall - before;
      if (this.offsetAt(at) === before) return at;
    }
    const early = wall - before;
    const late = wall - after;
    const earlyFits = this.offsetAt(early) === before;
    const lateFits = this.offsetAt(late) === after;
    if (earlyFits && lateFits && early !== late) {
      this.kind = 'overlap';
      if (this.dst === 'reject') return Number.NaN;
      return Math.min(early, late);
    }
    if (earlyFits) return early;
    if (lateFits) return late;
    // Skipped by the clock: read with the offset before the change, which
    // lands as far past the change as the time was past the gap's start.
    this.kind = 'gap';
    if (this.dst === 'reject') return Number.NaN;
    return early;
  }

  private offsetAt(ms: number): number {
    if (!this.clock || ms < this.lo || ms > this.hi) this.extend(ms);
    return this.clock!.offsetAt(ms);
  }

  private extend(ms: number): void {
    const width = Number.isFinite(this.hi) ? Math.max(SPAN_MS, this.hi - this.lo) : SPAN_MS;
    this.lo = Math.min(this.lo, ms - width);
    this.hi = Math.max(this.hi, ms + width);
    this.clock = zoneClock(this.timeZone, this.lo, this.hi);
  }
}
