import { asEventTable } from '../events/eventTable';
import { rangeDays, tableForUnit, withUnit, type UnitOptions, type UnitResult } from '../events/unit';
import type { EventInput } from '../events/event.types';
import { compileFilter, type EventFilter } from '../events/filter';
import { parseOptions } from '../options/parseOptions';
import { formatDay } from '../time/civil';
import { localDays } from '../time/localDays';
import { resolveRange } from '../time/range';
import { featureAdoptionRateOptionsSchema } from './adoption.schema';
import type { EventRangeOptions } from '../options/range.types';

/** Options of {@link featureAdoptionRate}. */
export interface FeatureAdoptionRateOptions extends EventRangeOptions, UnitOptions {
  /** The feature's events: an event name, or a filter by name(s) and/or property equality. */
  readonly feature: string | EventFilter;
  /** Which events make a user active. Default: every event. A feature event always does. */
  readonly activeWhere?: EventFilter | undefined;
}

/** Result of {@link featureAdoptionRate}. */
export interface FeatureAdoptionRateResult extends UnitResult {
  /** The range used, or `null` when there are no events and no `from`/`to`. */
  readonly from: string | null;
  readonly to: string | null;
  readonly timeZone: string;
  /** Users with at least one feature event in the range. */
  readonly adopters: number;
  /** Users with at least one `activeWhere` event or feature event in the range. */
  readonly activeUsers: number;
  /** `adopters / activeUsers`, in [0, 1]; `null` when nobody was active. */
  readonly rate: number | null;
}

/**
 * Feature adoption rate: users who used a feature in a range over users
 * active in it.
 *
 * *Adopters* have a feature event in `[from, to]`; *active users* have an
 * event matching `activeWhere` (default: any event) in `[from, to]`. Using the
 * feature counts as being active, so adopters are always among the active
 * users and the rate stays in [0, 1].
 *
 * @example
 * featureAdoptionRate(events, { feature: 'export_csv', from: '2024-03-01', to: '2024-03-31' });
 * // { from: '2024-03-01', to: '2024-03-31', timeZone: 'UTC', adopters: 12, activeUsers: 80, rate: 0.15 }
 * featureAdoptionRate(events, { feature: { name: 'share', properties: { channel: 'email' } }, activeWhere: { name: 'session_start' } });
 */
export function featureAdoptionRate(events: EventInput, options: FeatureAdoptionRateOptions): FeatureAdoptionRateResult {
  const { feature, activeWhere, from, to, timeZone = 'UTC', unit: parsedUnit } = parseOptions(featureAdoptionRateOptionsSchema, options);
  const unitTable = tableForUnit(asEventTable(events), parsedUnit);
  const { table } = unitTable;
  const days = localDays(table, timeZone);
  const range = resolveRange(rangeDays(unitTable, days, timeZone), from, to);
  if (!range) return withUnit({ from: null, to: null, timeZone, adopters: 0, activeUsers: 0, rate: null }, unitTable);

  const { fromDay, toDay } = range;
  const isFeature = compileFilter(table, typeof feature === 'string' ? { name: feature } : feature);
  const isActive = compileFilter(table, activeWhere);
  const { userStart } = table;
  let adopters = 0;
  let activeUsers = 0;
  for (let u = 0; u + 1 < userStart.length; u++) {
    const end = userStart[u + 1] as number;
    let adopted = false;
    let active = false;
    for (let row = userStart[u] as number; row < end && !adopted; row++) {
      const day = days[row] as number;
      if (day < fromDay || day > toDay) continue;
      if (isFeature(row)) adopted = true;
      else if (!active && isActive(row)) active = true;
    }
    if (adopted) adopters += 1;
    if (adopted || active) activeUsers += 1;
  }
  return withUnit(
    {
      from: formatDay(fromDay),
      to: formatDay(toDay),
      timeZone,
      adopters,
      activeUsers,
      rate: activeUsers === 0 ? null : adopters / activeUsers,
    },
    unitTable,
  );
}
