import type { EventTable, PropertyValue } from '../events/event.types';
import { compileFilter, type RowPredicate } from '../events/filter';
import type { RetentionEvent } from './retention.types';

/** An event to match, as a name and its property conditions. */
export interface RetentionMatcher {
  readonly name: string;
  readonly where?: Readonly<Record<string, PropertyValue>> | undefined;
}

/**
 * Which rows match a start or return event, as the hot loop tests them: a
 * row matches when its name's byte in `names` is 1 (`null`: any name) and its
 * own byte in `rows` is 1 (`null`: no property condition to check).
 */
export interface EventMasks {
  readonly names: Uint8Array | null;
  readonly rows: Uint8Array | null;
}

/** The option's events as matchers (`undefined`: any event). The schema has checked every name. */
export function toMatchers(events: RetentionEvent | readonly RetentionEvent[] | undefined): RetentionMatcher[] | undefined {
  if (events === undefined) return undefined;
  const list: readonly RetentionEvent[] = typeof events === 'string' || !Array.isArray(events) ? [events as RetentionEvent] : events;
  return list.map((event) => (typeof event === 'string' ? { name: event } : { name: event.name, where: event.where }));
}

/**
 * Compiles "any of these events" against a table: the names once per table
 * name, and the property conditions, when some matcher has them, once per row
 * whose name one of those matchers wants. Without conditions no per-row
 * array is made.
 */
export function eventMasks(table: EventTable, matchers: readonly RetentionMatcher[] | undefined): EventMasks {
  if (matchers === undefined) return { names: null, rows: null };
  const names = new Uint8Array(table.names.length);
  const codeOf = new Map<string, number>();
  table.names.forEach((name, code) => codeOf.set(name, code));
  // Per name code: the matchers of that name that have conditions, or none when one of them has none.
  const conditional = new Map<number, RetentionMatcher[] | null>();
  for (const matcher of matchers) {
    const code = codeOf.get(matcher.name);
    if (code === undefined) continue;
    names[code] = 1;
    const hasWhere = matcher.where !== undefined && Object.keys(matcher.where).length > 0;
    const known = conditional.get(code);
    if (!hasWhere) conditional.set(code, null);
    else if (known === undefined) conditional.set(code, [matcher]);
    else if (known !== null) known.push(matcher);
  }
  const checked = [...conditional].filter((entry): entry is [number, RetentionMatcher[]] => entry[1] !== null);
  if (checked.length === 0) return { names, rows: null };

  const predicates = new Array<RowPredicate[] | undefined>(table.names.length);
  for (const [code, list] of checked) predicates[code] = list.map((m) => compileFilter(table, { properties: m.where }));
  const rows = new Uint8Array(table.length);
  const { name } = table;
  for (let row = 0; row < rows.length; row++) {
    const code = name[row] as number;
    if (names[code] === 0) continue;
    const tests = predicates[code];
    rows[row] = tests === undefined || tests.some((test) => test(row)) ? 1 : 0;
  }
  return { names, rows };
}
