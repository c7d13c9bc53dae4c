import { asEventTable } from '../events/eventTable';
import { rangeDays, tableForUnit, withUnit, type UnitOptions, type UnitResult } from '../events/unit';
import type { EventInput } from '../events/event.types';
import { compileFilter } from '../events/filter';
import { parseOptions } from '../options/parseOptions';
import { formatDay } from '../time/civil';
import { localDays } from '../time/localDays';
import { resolveRange } from '../time/range';
import { productAdoptionRateOptionsSchema } from './adoption.schema';
import type { EventRangeOptions } from '../options/range.types';

/** Options of {@link productAdoptionRate}. */
export interface ProductAdoptionRateOptions extends EventRangeOptions, UnitOptions {
  /**
   * Event that makes a user new: a user is new when their first-ever one falls in the period.
   * Default: any event (the user's first event in the data).
   */
  readonly signupEvent?: string | undefined;
}

/** Result of {@link productAdoptionRate}. */
export interface ProductAdoptionRateResult extends UnitResult {
  /** The period used, or `null` when there are no events and no `from`/`to`. */
  readonly from: string | null;
  readonly to: string | null;
  readonly timeZone: string;
  /** Users whose first-ever event (or `signupEvent`) falls in the period. */
  readonly newUsers: number;
  /** Users with at least one event in the period. */
  readonly activeUsers: number;
  /** `newUsers / activeUsers`, in [0, 1]; `null` when nobody was active. */
  readonly rate: number | null;
}

/**
 * Product adoption rate: new users in a period over all users active in it.
 *
 * A user is *new* when their first-ever event in the data — or their first
 * `signupEvent` when one is named — falls in `[from, to]`; *active* when they
 * have any event in `[from, to]`. A new user is always active (their first
 * event lies in the period), so the rate stays in [0, 1].
 *
 * @example
 * productAdoptionRate(events, { from: '2024-03-01', to: '2024-03-31', timeZone: 'Europe/Paris' });
 * // { from: '2024-03-01', to: '2024-03-31', timeZone: 'Europe/Paris', newUsers: 20, activeUsers: 80, rate: 0.25 }
 */
export function productAdoptionRate(events: EventInput, options: ProductAdoptionRateOptions = {}): ProductAdoptionRateResult {
  const { signupEvent, from, to, timeZone = 'UTC', unit: parsedUnit } = parseOptions(productAdoptionRateOptionsSchema, options);
  const unitTable = tableForUnit(asEventTable(events), parsedUnit);
  const { table } = unitTable;
  const days = localDays(table, timeZone);
  const range = resolveRange(rangeDays(unitTable, days, timeZone), from, to);
  if (!range) return withUnit({ from: null, to: null, timeZone, newUsers: 0, activeUsers: 0, rate: null }, unitTable);

  const { fromDay, toDay } = range;
  const isSignup = compileFilter(table, signupEvent === undefined ? undefined : { name: signupEvent });
  const { userStart } = table;
  let newUsers = 0;
  let activeUsers = 0;
  for (let u = 0; u + 1 < userStart.length; u++) {
    const begin = userStart[u] as number;
    const end = userStart[u + 1] as number;
    let active = false;
    let first = -1;
    for (let row = begin; row < end && (!active || first < 0); row++) {
      const day = days[row] as number;
      if (first < 0 && isSignup(row)) first = row;
      if (day >= fromDay && day <= toDay) active = true;
    }
    if (!active) continue;
    activeUsers += 1;
    // Rows are in time order: the first matching row is the first-ever one.
    if (first >= 0 && (days[first] as number) >= fromDay && (days[first] as number) <= toDay) newUsers += 1;
  }
  return withUnit(
    {
      from: formatDay(fromDay),
      to: formatDay(toDay),
      timeZone,
      newUsers,
      activeUsers,
      rate: activeUsers === 0 ? null : newUsers / activeUsers,
    },
    unitTable,
  );
}
