/**
 * PostHog's retention test helpers, so its cases read the same here: its
 * `_date`, its `_create_events` and its tables (one row per period of the
 * range, each row as long as PostHog makes it, missing cells as zeros).
 */
import type { KpiEvent, PropertyValue, RetentionBreakdownGroup, RetentionResult } from '../../src/index';
import { utc } from '../support/journeys';

type Properties = Readonly<Record<string, PropertyValue>>;

/** PostHog's `_date(day, hour = 5, month = 0, minute = 0)`: 2020-06-10 plus that many days and months, at that UTC hour. */
export function date(day: number, hour = 5, month = 0, minute = 0): string {
  return new Date(Date.UTC(2020, 5 + month, 10 + day, hour, minute)).toISOString();
}

/** The local day `YYYY-MM-DD` of `date(day, …, month)`. */
export const day = (d: number, month = 0): string => date(d, 5, month).slice(0, 10);

/** `count` consecutive days from `day(from)`: the cohort starts of a daily table. */
export const days = (from: number, count: number): string[] => Array.from({ length: count }, (_, i) => day(from + i));

/**
 * PostHog's `_create_events`: events of one name at each (person, time), with
 * the properties given; as there, every other event of one call (the 1st, 3rd, …)
 * also carries `$some_property: "value"`.
 */
export function events(list: readonly (readonly [string, string, (Properties | undefined)?])[], name = '$pageview'): KpiEvent[] {
  return list.map(([userId, at, properties], i) => ({
    userId,
    name,
    timestamp: utc(at),
    properties: { ...(i % 2 === 0 ? { $some_property: 'value' } : {}), ...properties },
  }));
}

/**
 * The table as PostHog returns it, from a result or one breakdown group: one
 * row per cohort start, row `i` with `width` cells (default: a triangle,
 * `starts.length - i`), a cohort kpikit leaves out (empty) and a cell it has
 * not (after `to`) as zeros.
 */
export function table(part: RetentionResult | RetentionBreakdownGroup, starts: readonly string[], width?: number): number[][] {
  return starts.map((start, i) => {
    const cohort = part.cohorts.find((c) => c.start === start);
    return Array.from({ length: width ?? starts.length - i }, (_, k) => cohort?.counts[k] ?? 0);
  });
}

/** The breakdown group of `value`; fails the test when there is none. */
export function group(result: RetentionResult, value: PropertyValue): RetentionBreakdownGroup {
  const found = result.breakdown?.groups.find((g) => g.value === value && !g.other);
  if (!found) throw new Error(`no breakdown group ${JSON.stringify(value)}`);
  return found;
}

/** The values of the breakdown groups, "Other" as `'Other'`. */
export const groupValues = (result: RetentionResult): PropertyValue[] => result.breakdown?.groups.map((g) => g.value) ?? [];

/** PostHog's `pad`: every row as long as the longest, with zeros. */
export function pad(rows: readonly (readonly number[])[]): number[][] {
  const width = Math.max(...rows.map((row) => row.length));
  return rows.map((row) => [...row, ...Array<number>(width - row.length).fill(0)]);
}

/** A table of zeros, `rows` by `width`. */
export const zeros = (rows: number, width: number): number[][] => Array.from({ length: rows }, () => Array<number>(width).fill(0));

/** A triangle of zeros of `rows` rows, the first `rows` cells long. */
export const zeroTriangle = (rows: number): number[][] => Array.from({ length: rows }, (_, i) => Array<number>(rows - i).fill(0));

/** Cell-by-cell sum of tables of one shape. */
export const sum = (...tables: readonly (readonly (readonly number[])[])[]): number[][] =>
  (tables[0] ?? []).map((row, i) => row.map((_, k) => tables.reduce((s, t) => s + (t[i]?.[k] ?? 0), 0)));
