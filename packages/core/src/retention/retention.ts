import { rankBreakdownValues } from '../breakdown/rankValues';
import { asEventTable } from '../events/eventTable';
import type { EventInput, EventTable, PropertyValue } from '../events/event.types';
import { cachedTableForUnit, groupColumn, groupDictionary, rangeDays, tableForUnit, withUnit, type UnitTable } from '../events/unit';
import { parseOptions } from '../options/parseOptions';
import { formatDay } from '../time/civil';
import { localDays } from '../time/localDays';
import { periodCalendar } from '../time/period';
import { resolveRange } from '../time/range';
import { cohortTable, type CohortLayout } from './cohortTable';
import { eventMasks, toMatchers, type RetentionMatcher } from './eventMasks';
import { retentionOptionsSchema } from './retention.schema';
import type { RetentionBreakdownGroup, RetentionOptions, RetentionResult } from './retention.types';
import { startTotals, tallyCohorts, type CohortTallyInput } from './tallyCohorts';
import { MAX_GROUP_CELLS, tallyGroupCohorts } from './tallyGroupCohorts';

/**
 * Retention cohorts: units grouped by the period they started in, and how
 * many of them did a `returnEvent` in each later period.
 *
 * With `cohort: 'first'` (default) a unit's cohort is the period of its
 * first-ever `startEvent` in the data, and units whose first one lies outside
 * `[from, to]` are in no cohort: cohorts of new units. With `'recurring'` a
 * unit is in the cohort of every period of the range in which it did a
 * `startEvent`. Cell `k` (0 ≤ k ≤ `periods`) counts cohort units returning in
 * period `cohort + k` (`exact`) or in any period from `cohort + k` up to `to`
 * (`unbounded`); cell 0 is the cohort size. Only returns inside `[from, to]`
 * count. A cell exists when its period starts on or before `to` and is
 * `incomplete` when it ends after it. Start and return events are names or
 * `{ name, where }`; `returnEvent` may list several (any of). A `breakdown`
 * reports the table once per value of a property of the start event that put
 * the unit in the cohort (the first one in the period, for recurring cohorts):
 * the top 10 values by total cohort size, then "Other", then `null`.
 *
 * @throws {KpiValidationError} on bad events or options (`options.returnEvent[1].name`).
 * @example
 * const result = retention(events, { period: 'week', periods: 2, from: '2024-01-01', to: '2024-01-21' });
 * result.cohorts[0]; // { start: '2024-01-01', size: 10, counts: [10, 4, 2], rates: [1, 0.4, 0.2], incomplete: [false, false, false] }
 * retention(events, { period: 'week', periods: 2, cohort: 'recurring', startEvent: 'login', breakdown: { property: 'plan' } });
 */
export function retention(events: EventInput, options: RetentionOptions): RetentionResult {
  const parsed = parseRetentionOptions(options);
  const source = asEventTable(events);
  const starts = toMatchers(parsed.startEvent as RetentionOptions['startEvent']);
  const returns = toMatchers(parsed.returnEvent as RetentionOptions['returnEvent']);
  const { unit, breakdown } = parsed;
  // By group, start and return events matched by name alone are counted from
  // the users' rows: no re-keyed table (unless an earlier metric made one).
  if (
    unit !== undefined &&
    unit !== 'user' &&
    !breakdown &&
    byNameOnly(starts) &&
    byNameOnly(returns) &&
    !cachedTableForUnit(source, unit)
  ) {
    const result = groupRetention(source, unit.group, parsed, starts, returns);
    if (result) return result;
  }
  return tableRetention(tableForUnit(source, unit), parsed, starts, returns);
}

type ParsedRetentionOptions = ReturnType<typeof parseRetentionOptions>;
const parseRetentionOptions = (options: RetentionOptions) => parseOptions(retentionOptionsSchema, options);

const byNameOnly = (matchers: readonly RetentionMatcher[] | undefined): boolean =>
  matchers === undefined || matchers.every(({ where }) => where === undefined || Object.keys(where).length === 0);

/** What both ways of counting share: the option defaults, the calendar of the range, and the empty result. */
function retentionFrame(parsed: ParsedRetentionOptions, days: Int32Array) {
  const { period, periods, mode = 'exact', cohort = 'first', breakdown, from, to, timeZone = 'UTC', weekStartsOn = 1 } = parsed;
  const head = { period, periods, mode, ...(cohort === 'recurring' ? { cohort } : {}) };
  const range = resolveRange(days, from, to);
  if (!range) {
    const none = new Array<null>(periods + 1).fill(null);
    const empty: RetentionResult = { ...head, from: null, to: null, timeZone, cohorts: [], average: none };
    return { empty: breakdown ? { ...empty, breakdown: { property: breakdown.property, groups: [] } } : empty } as const;
  }
  const calendar = periodCalendar(period, weekStartsOn as 0 | 1 | 2 | 3 | 4 | 5 | 6);
  const { fromDay, toDay } = range;
  const firstPeriod = calendar.indexOf(fromDay);
  const cohortCount = calendar.indexOf(toDay) - firstPeriod + 1;
  // Period index of each day in range, relative to the first period: no calendar math per event.
  const periodOfDay = new Int32Array(toDay - fromDay + 1);
  for (let d = fromDay; d <= toDay; d++) periodOfDay[d - fromDay] = calendar.indexOf(d) - firstPeriod;
  const layout: CohortLayout = { calendar, firstPeriod, cohortCount, periods, toDay };
  const result = { ...head, from: formatDay(fromDay), to: formatDay(toDay), timeZone };
  const tally = { fromDay, periodOfDay, periods, unbounded: mode === 'unbounded', recurring: cohort === 'recurring', cohortCount };
  return { layout, result, tally } as const;
}

/**
 * Retention by group from the users' rows ({@link tallyGroupCohorts});
 * `undefined` when the groups × periods marks would be too large.
 */
function groupRetention(
  source: EventTable,
  group: string,
  parsed: ParsedRetentionOptions,
  starts: readonly RetentionMatcher[] | undefined,
  returns: readonly RetentionMatcher[] | undefined,
): RetentionResult | undefined {
  const column = groupColumn(source, group);
  const days = localDays(source, parsed.timeZone ?? 'UTC');
  const frame = retentionFrame(parsed, days);
  if ('empty' in frame) return { ...frame.empty, unit: { group, groups: 0, ungroupedEvents: source.length } };
  const { ids, groupOfValue } = column ? groupDictionary(column) : { ids: [], groupOfValue: new Int32Array(0) };
  if (ids.length * frame.tally.cohortCount > MAX_GROUP_CELLS) return undefined;
  const { counts, groupsWithRows, ungroupedRows } = tallyGroupCohorts({
    ...frame.tally,
    userStart: source.userStart,
    name: source.name,
    time: source.time,
    days,
    codes: column ? column.codes : new Int32Array(0),
    groupOfValue,
    groups: ids.length,
    startNames: eventMasks(source, starts).names,
    returnNames: eventMasks(source, returns).names,
  });
  return {
    ...frame.result,
    ...cohortTable(counts, 0, frame.layout),
    unit: { group, groups: groupsWithRows, ungroupedEvents: ungroupedRows },
  };
}

/** Retention over a table keyed by the unit: the users' own, or one re-keyed by group. */
function tableRetention(
  unitTable: UnitTable,
  parsed: ParsedRetentionOptions,
  starts: readonly RetentionMatcher[] | undefined,
  returns: readonly RetentionMatcher[] | undefined,
): RetentionResult {
  const { table } = unitTable;
  const timeZone = parsed.timeZone ?? 'UTC';
  const days = localDays(table, timeZone);
  const frame = retentionFrame(parsed, rangeDays(unitTable, days, timeZone));
  if ('empty' in frame) return withUnit(frame.empty, unitTable);
  const { layout, result, tally } = frame;
  const start = eventMasks(table, starts);
  const back = eventMasks(table, returns);
  const input: CohortTallyInput = {
    ...tally,
    userStart: table.userStart,
    name: table.name,
    time: table.time,
    days,
    startNames: start.names,
    startRows: start.rows,
    returnNames: back.names,
    returnRows: back.rows,
    codes: null,
    groupOfCode: null,
    groups: 1,
    nameRank: null,
  };
  const { breakdown } = parsed;
  if (!breakdown) return withUnit({ ...result, ...cohortTable(tallyCohorts(input), 0, layout) }, unitTable);

  const split = breakdownGroups(table, breakdown.property, input);
  const counts = tallyCohorts({ ...input, ...split.tally });
  const cells = tally.cohortCount * (tally.periods + 1);
  // Every cohort membership is in exactly one group: the overall table is their sum.
  const overall = new Float64Array(cells);
  for (let g = 0; g < split.groups.length; g++) for (let i = 0; i < cells; i++) overall[i]! += counts[g * cells + i] as number;
  const groups: RetentionBreakdownGroup[] = [];
  split.groups.forEach(({ value, other }, g) => {
    const cohortsOfGroup = cohortTable(counts, g * cells, layout);
    if (cohortsOfGroup.cohorts.length > 0) groups.push({ value, other, ...cohortsOfGroup });
  });
  return withUnit({ ...result, ...cohortTable(overall, 0, layout), breakdown: { property: breakdown.property, groups } }, unitTable);
}

/**
 * The breakdown's groups, in result order (top values, "Other", `null`), and
 * what the tally needs to place each start row in one of them.
 */
function breakdownGroups(
  table: EventTable,
  property: string,
  input: CohortTallyInput,
): { groups: { value: PropertyValue; other: boolean }[]; tally: Pick<CohortTallyInput, 'codes' | 'groupOfCode' | 'groups' | 'nameRank'> } {
  const column = table.properties.get(property);
  const nullGroup = [{ value: null, other: false }];
  if (!column) return { groups: nullGroup, tally: { codes: null, groupOfCode: null, groups: 1, nameRank: null } };
  const { values, codes } = column;
  const byText = Int32Array.from(table.names, (_, code) => code).sort((a, b) =>
    compareCodeUnits(table.names[a] as string, table.names[b] as string),
  );
  const nameRank = new Int32Array(table.names.length);
  byText.forEach((code, rank) => (nameRank[code] = rank));
  const totals = startTotals({ ...input, nameRank }, codes, values.length);
  const { top, rest } = rankBreakdownValues(values, (code) => totals[code + 1] as number);
  const groups = top.map((code) => ({ value: values[code] ?? null, other: false }));
  const groupOfCode = new Int32Array(values.length + 1);
  top.forEach((code, g) => (groupOfCode[code + 1] = g));
  if (rest.length > 0) {
    for (const code of rest) groupOfCode[code + 1] = groups.length;
    groups.push({ value: 'Other', other: true });
  }
  // No value, a null value and values no cohort starts with: the null group (the last ones count nowhere).
  const nullIndex = groups.length;
  groups.push(...nullGroup);
  groupOfCode[0] = nullIndex;
  values.forEach((value, code) => {
    if (value === null || (totals[code + 1] as number) === 0) groupOfCode[code + 1] = nullIndex;
  });
  return { groups, tally: { codes, groupOfCode, groups: groups.length, nameRank } };
}

const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
