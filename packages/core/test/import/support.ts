/** Reference helpers for the import tests: plain `Intl` and `Date`, never the code under test. */
import type { EventTable, KpiEvent, PropertyValue } from '../../src/index';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of an instant in a zone, as ms on UTC's clock (whole seconds), read from `Intl`. */
export function intlWall(ms: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const seconds = Math.floor(ms / 1000) * 1000;
  const parts = Object.fromEntries(formatter.formatToParts(seconds).map((part) => [part.type, Number(part.value)])) as Record<
    'year' | 'month' | 'day' | 'hour' | 'minute' | 'second',
    number
  >;
  const date = new Date(0);
  date.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  date.setUTCHours(parts.hour, parts.minute, parts.second, 0);
  return date.getTime() + (ms - seconds);
}

/** Every instant whose wall clock in the zone is `wall`, earliest first: by brute force over the offsets seen within a day. */
export function instantsOfWall(wall: number, timeZone: string): number[] {
  const offsets = new Set<number>();
  for (let h = -36; h <= 36; h++) {
    const probe = wall + h * 3_600_000;
    offsets.add(intlWall(probe, timeZone) - probe);
  }
  return [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => intlWall(instant, timeZone) === wall)
    .sort((a, b) => a - b);
}

/** `YYYY-MM-DD hh:mm:ss.mmm` of a wall clock (ms on UTC's clock). */
export function wallText(wall: number, separator = ' '): string {
  return new Date(wall).toISOString().slice(0, 23).replace('T', separator);
}

export interface DecodedEvent {
  readonly userId: string;
  readonly name: string;
  readonly time: number;
  readonly properties: Readonly<Record<string, PropertyValue>>;
}

/** A table's rows as plain events, in a canonical order independent of dictionary codes. */
export function decode(table: EventTable): DecodedEvent[] {
  const rows: DecodedEvent[] = [];
  for (let i = 0; i < table.length; i++) {
    const properties: Record<string, PropertyValue> = {};
    for (const [key, column] of [...table.properties].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const code = column.codes[i]!;
      if (code >= 0) properties[key] = column.values[code]!;
    }
    rows.push({ userId: table.userIds[table.user[i]!]!, name: table.names[table.name[i]!]!, time: table.time[i]!, properties });
  }
  const key = (row: DecodedEvent): string => JSON.stringify([row.userId, row.time, row.name]);
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** An event with its account, as the generators make them. */
export interface AccountEvent extends KpiEvent {
  readonly timestamp: number;
  readonly account?: string | undefined;
}
