import type { EventTable, PropertyValue } from '../events/event.types';
import { compileFilter, type RowPredicate } from '../events/filter';
import type { DayRange } from '../time/range';

/** A step or exclusion reduced to what matches an event: a name and property equalities. */
export interface EventMatcher {
  readonly name: string;
  readonly where?: Readonly<Record<string, PropertyValue>> | undefined;
}

/**
 * One bit mask per row: bit `i` is set when the row matches `matchers[i]` and
 * lies inside the day range, so the scans test a step with one AND instead of
 * calling a predicate per row and step. Names are resolved once per table
 * name; property conditions are checked only on rows whose name matches.
 */
export function matchMasks(table: EventTable, days: Int32Array, range: DayRange, matchers: readonly EventMatcher[]): Int32Array {
  const masks = new Int32Array(table.length);
  if (matchers.length === 0) return masks;
  const codeOf = new Map<string, number>();
  table.names.forEach((name, code) => codeOf.set(name, code));
  const byName = new Int32Array(table.names.length);
  const predicates: (RowPredicate | null)[] = [];
  let conditional = 0;
  matchers.forEach((matcher, i) => {
    const code = codeOf.get(matcher.name);
    if (code !== undefined) byName[code]! |= 1 << i;
    const hasWhere = matcher.where !== undefined && Object.keys(matcher.where).length > 0;
    predicates.push(hasWhere ? compileFilter(table, { properties: matcher.where }) : null);
    if (hasWhere) conditional |= 1 << i;
  });
  const { name } = table;
  const { fromDay, toDay } = range;
  for (let row = 0; row < masks.length; row++) {
    let mask = byName[name[row] as number] as number;
    if (mask === 0) continue;
    const day = days[row] as number;
    if (day < fromDay || day > toDay) continue;
    let pending = mask & conditional;
    while (pending !== 0) {
      const bit = pending & -pending;
      pending ^= bit;
      if (!(predicates[31 - Math.clz32(bit)] as RowPredicate)(row)) mask ^= bit;
    }
    masks[row] = mask;
  }
  return masks;
}
