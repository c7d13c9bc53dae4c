/**
 * A plain retention, written from the definitions (contract §3 and the
 * README): arrays, sets and `Intl` only, none of the library's code.
 */
import type {
  KpiEvent,
  Period,
  PropertyValue,
  RetentionBreakdownGroup,
  RetentionCohort,
  RetentionEvent,
  RetentionOptions,
  RetentionResult,
} from '../../src/index';
import { dateOfDayNumber, dayNumberOf, intlLocalDate, msOf, weekdayOf } from '../support/reference';

/** Period arithmetic from scratch: index of a day, and first day of an index. */
export function referenceCalendar(period: Period, weekStartsOn: number) {
  // A day number that falls on the first weekday: weeks are counted from it.
  let anchor = 0;
  while (weekdayOf(anchor) !== weekStartsOn) anchor++;
  const indexOf = (day: number): number => {
    if (period === 'day') return day;
    if (period === 'week') return Math.floor((day - anchor) / 7);
    const [year, month] = dateOfDayNumber(day).split('-').map(Number) as [number, number];
    return year * 12 + (month - 1);
  };
  const startOf = (index: number): number => {
    if (period === 'day') return index;
    if (period === 'week') return anchor + 7 * index;
    const year = Math.floor(index / 12);
    const month = index - year * 12 + 1;
    return dayNumberOf(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`);
  };
  return { indexOf, startOf, endOf: (index: number) => startOf(index + 1) - 1 };
}

interface Row {
  readonly userId: string;
  readonly name: string;
  readonly ms: number;
  readonly day: number;
  readonly properties: Readonly<Record<string, PropertyValue | undefined>>;
}

/** Whether an event is one of the option's events (`undefined`: any event). `null` matches null or absent. */
export function isOneOf(row: Pick<Row, 'name' | 'properties'>, events: RetentionEvent | readonly RetentionEvent[] | undefined): boolean {
  if (events === undefined) return true;
  const list = (Array.isArray(events) ? events : [events]) as RetentionEvent[];
  return list.some((event) => {
    const { name, where = {} } = typeof event === 'string' ? { name: event } : event;
    return row.name === name && Object.entries(where).every(([key, value]) => (row.properties[key] ?? null) === value);
  });
}

/** Exact duplicates (same user, name, ms) once: the copy whose sorted properties serialise smallest. */
function dedupe(rows: readonly Row[]): Row[] {
  const signature = (row: Row): string =>
    JSON.stringify(
      Object.entries(row.properties)
        .filter(([, value]) => value !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  const kept = new Map<string, Row>();
  for (const row of rows) {
    const key = JSON.stringify([row.userId, row.name, row.ms]);
    const other = kept.get(key);
    if (!other || signature(row) < signature(other)) kept.set(key, row);
  }
  return [...kept.values()];
}

/** The value order of a breakdown: string form, then type. */
const compareValues = (a: PropertyValue, b: PropertyValue): number =>
  String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : typeof a < typeof b ? -1 : typeof a > typeof b ? 1 : 0;

/** One unit in one cohort: the cohort period, the start event's breakdown value, and the cells k at which it returned. */
interface Member {
  readonly cohort: number;
  readonly value: PropertyValue;
  readonly returnedAt: ReadonlySet<number>;
}

export function referenceRetention(events: readonly KpiEvent[], options: RetentionOptions): RetentionResult {
  const {
    period,
    periods,
    mode = 'exact',
    cohort = 'first',
    startEvent,
    returnEvent,
    breakdown,
    timeZone = 'UTC',
    weekStartsOn = 1,
  } = options;
  const rows = dedupe(
    events.map((e) => ({
      userId: e.userId,
      name: e.name,
      ms: msOf(e),
      day: dayNumberOf(intlLocalDate(msOf(e), timeZone)),
      properties: e.properties ?? {},
    })),
  );
  const head = { period, periods, mode, ...(cohort === 'recurring' ? { cohort } : {}) };
  const none = new Array<null>(periods + 1).fill(null);
  const emptyBreakdown = breakdown ? { breakdown: { property: breakdown.property, groups: [] } } : {};
  if (rows.length === 0 && options.from === undefined && options.to === undefined)
    return { ...head, from: null, to: null, timeZone, cohorts: [], average: none, ...emptyBreakdown };

  // Range: given bounds, else the dates of the earliest / latest event (a defaulted bound never crosses a given one).
  const days = rows.map((r) => r.day);
  let fromDay = options.from === undefined ? Math.min(...days) : dayNumberOf(options.from);
  let toDay = options.to === undefined ? Math.max(...days) : dayNumberOf(options.to);
  if (!Number.isFinite(fromDay)) fromDay = toDay;
  if (!Number.isFinite(toDay)) toDay = fromDay;
  if (options.from === undefined && fromDay > toDay) fromDay = toDay;
  if (options.to === undefined && toDay < fromDay) toDay = fromDay;
  const inRange = (r: Row): boolean => r.day >= fromDay && r.day <= toDay;

  const calendar = referenceCalendar(period, weekStartsOn);
  const byUser = new Map<string, Row[]>();
  for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
  // Within a user, in time order, then by name (the one order in which "first" is defined).
  for (const own of byUser.values()) own.sort((a, b) => a.ms - b.ms || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const members: Member[] = [];
  for (const own of byUser.values()) {
    const starts = own.filter((r) => isOneOf(r, startEvent));
    // first: the first start event ever, if inside the range; recurring: the first start event of each period of the range.
    const cohortStarts =
      cohort === 'first'
        ? starts.slice(0, 1).filter(inRange)
        : starts.filter(inRange).filter((r, i, all) => all.findIndex((s) => calendar.indexOf(s.day) === calendar.indexOf(r.day)) === i);
    const returns = own.filter((r) => isOneOf(r, returnEvent) && inRange(r));
    for (const s of cohortStarts) {
      const c = calendar.indexOf(s.day);
      members.push({
        cohort: c,
        value: breakdown ? (s.properties[breakdown.property] ?? null) : null,
        returnedAt: new Set(returns.map((r) => calendar.indexOf(r.day) - c)),
      });
    }
  }

  const table = (group: readonly Member[]) => {
    const cohorts: RetentionCohort[] = [];
    const sums = new Array<number>(periods + 1).fill(0);
    const sizes = new Array<number>(periods + 1).fill(0);
    for (const c of [...new Set(group.map((m) => m.cohort))].sort((a, b) => a - b)) {
      const users = group.filter((m) => m.cohort === c).map((m) => m.returnedAt);
      const counts: number[] = [];
      const incomplete: boolean[] = [];
      for (let k = 0; k <= periods && calendar.startOf(c + k) <= toDay; k++) {
        const count =
          k === 0
            ? users.length
            : users.filter((returnedAt) => (mode === 'exact' ? returnedAt.has(k) : [...returnedAt].some((r) => r >= k))).length;
        counts.push(count);
        incomplete.push(calendar.endOf(c + k) > toDay);
        sums[k]! += count;
        sizes[k]! += users.length;
      }
      cohorts.push({
        start: dateOfDayNumber(calendar.startOf(c)),
        size: users.length,
        counts,
        rates: counts.map((n) => n / users.length),
        incomplete,
      });
    }
    return { cohorts, average: sums.map((sum, k) => (sizes[k] === 0 ? null : sum / sizes[k]!)) };
  };

  const result = { ...head, from: dateOfDayNumber(fromDay), to: dateOfDayNumber(toDay), timeZone, ...table(members) };
  if (!breakdown) return result;
  // Top 10 non-null values by memberships (ties by string form, then type), then Other, then null.
  const sizeOf = new Map<PropertyValue, number>();
  for (const m of members) if (m.value !== null) sizeOf.set(m.value, (sizeOf.get(m.value) ?? 0) + 1);
  const ranked = [...sizeOf.keys()].sort((a, b) => sizeOf.get(b)! - sizeOf.get(a)! || compareValues(a, b));
  const top = ranked.slice(0, 10);
  const groups: RetentionBreakdownGroup[] = top.map((value) => ({
    value,
    other: false,
    ...table(members.filter((m) => m.value === value)),
  }));
  const rest = members.filter((m) => m.value !== null && !top.includes(m.value));
  if (rest.length > 0) groups.push({ value: 'Other', other: true, ...table(rest) });
  const nulls = members.filter((m) => m.value === null);
  if (nulls.length > 0) groups.push({ value: null, other: false, ...table(nulls) });
  return { ...result, breakdown: { property: breakdown.property, groups } };
}
