import { asEventTable } from '../events/eventTable';
import { rangeDays, tableForUnit, withUnit, type UnitOptions, type UnitResult } from '../events/unit';
import type { EventInput } from '../events/event.types';
import { compileFilter } from '../events/filter';
import { parseOptions } from '../options/parseOptions';
import { summarize, type HistogramBin } from '../stats/summary';
import { formatDay, MS_PER_DAY } from '../time/civil';
import { localDays } from '../time/localDays';
import { resolveRange } from '../time/range';
import { activationOptionsSchema } from './adoption.schema';
import type { EventRangeOptions } from '../options/range.types';

/** Options of {@link activation}. */
export interface ActivationOptions extends EventRangeOptions, UnitOptions {
  /** Event that marks sign-up; a user's first-ever one starts their clock. */
  readonly signupEvent: string;
  /** The "aha" event that marks a user as activated. */
  readonly ahaEvent: string;
  /** Activation window in days of 24 h after sign-up, inclusive (N ≥ 1). */
  readonly days: number;
}

/** Result of {@link activation}. */
export interface ActivationResult extends UnitResult {
  /** The range used, or `null` when there are no events and no `from`/`to`. */
  readonly from: string | null;
  readonly to: string | null;
  readonly timeZone: string;
  readonly days: number;
  /** Users whose first-ever sign-up falls in the range. */
  readonly signedUp: number;
  /** Of those, users whose first aha event at or after sign-up comes within `days × 24 h`. */
  readonly activated: number;
  /** `activated / signedUp`, in [0, 1]; `null` when nobody signed up. */
  readonly rate: number | null;
  /** Median time to value in ms (sign-up to first aha) over activated users; `null` when none. */
  readonly median: number | null;
  /** Mean time to value in ms; `null` when none. */
  readonly mean: number | null;
  /** 90th percentile of time to value in ms; `null` when none. */
  readonly p90: number | null;
  /** Histogram of time to value in ms; empty when none. */
  readonly histogram: readonly HistogramBin[];
}

/**
 * Activation rate (N days) and time to value.
 *
 * The users who *signed up* are those whose first-ever `signupEvent` in the
 * data falls in `[from, to]`. One is *activated* when their first `ahaEvent`
 * at or after that sign-up comes at most `days × 24 h` later (inclusive); an
 * aha event before sign-up does not count. Like every event, the aha event
 * must lie in `[from, to]`. Time to value is the delay from sign-up to that
 * aha event, summarised over the activated users.
 *
 * @example
 * activation(events, { signupEvent: 'signup', ahaEvent: 'first_report', days: 7, from: '2024-03-01', to: '2024-03-31' });
 * // { …, signedUp: 200, activated: 60, rate: 0.3, median: 93_600_000, mean: …, p90: …, histogram: […] }
 */
export function activation(events: EventInput, options: ActivationOptions): ActivationResult {
  const {
    signupEvent,
    ahaEvent,
    days: windowDays,
    from,
    to,
    timeZone = 'UTC',
    unit: parsedUnit,
  } = parseOptions(activationOptionsSchema, options);
  const unitTable = tableForUnit(asEventTable(events), parsedUnit);
  const { table } = unitTable;
  const days = localDays(table, timeZone);
  const range = resolveRange(rangeDays(unitTable, days, timeZone), from, to);
  const delays: number[] = [];
  let signedUp = 0;

  if (range) {
    const { fromDay, toDay } = range;
    const isSignup = compileFilter(table, { name: signupEvent });
    const isAha = compileFilter(table, { name: ahaEvent });
    const window = windowDays * MS_PER_DAY;
    const { userStart, time } = table;
    for (let u = 0; u + 1 < userStart.length; u++) {
      const begin = userStart[u] as number;
      const end = userStart[u + 1] as number;
      let signup = begin;
      while (signup < end && !isSignup(signup)) signup++;
      if (signup === end) continue;
      const signupDay = days[signup] as number;
      if (signupDay < fromDay || signupDay > toDay) continue;
      signedUp += 1;
      const signedAt = time[signup] as number;
      // From the user's first row: an aha at sign-up's millisecond may sort before it.
      for (let row = begin; row < end; row++) {
        const t = time[row] as number;
        if (t > signedAt + window) break;
        const day = days[row] as number;
        if (t < signedAt || day < fromDay || day > toDay || !isAha(row)) continue;
        delays.push(t - signedAt);
        break;
      }
    }
  }
  const { median, mean, p90, histogram } = summarize(delays);
  return withUnit(
    {
      from: range ? formatDay(range.fromDay) : null,
      to: range ? formatDay(range.toDay) : null,
      timeZone,
      days: windowDays,
      signedUp,
      activated: delays.length,
      rate: signedUp === 0 ? null : delays.length / signedUp,
      median,
      mean,
      p90,
      histogram,
    },
    unitTable,
  );
}
