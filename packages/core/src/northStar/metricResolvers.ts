import { activeUsers } from '../activity/activeUsers';
import { stickinessSummary } from '../activity/stickinessSummary';
import { KpiValidationError } from '../errors';
import type { EventTable } from '../events/event.types';
import { parseOptions } from '../options/parseOptions';
import { nps } from '../survey/nps';
import { npsScoresSchema } from '../survey/survey.schema';
import { formatDay, formatMonth, parseDay } from '../time/civil';
import { localDays } from '../time/localDays';
import { resolveRange, type DayRange } from '../time/range';
import type { NorthStarMetricBinding } from './northStar.types';

/** What a resolver may read: built lazily, so survey-only trees need no events. */
export interface BindingContext {
  /** The events as a table; throws naming `options.events` when none were given. */
  table(): EventTable;
  /** The local dates of the earliest and latest event, or `null` without events. */
  dataRange(): DayRange | null;
  readonly timeZone: string;
  readonly surveys: Readonly<Record<string, readonly number[]>>;
  /** Path of the binding, e.g. `definition.nodes[2].metric`. */
  readonly path: string;
}

/** A bound leaf's current and previous values. */
export interface BoundValues {
  readonly value: number | null;
  readonly previous: number | null;
}

type Resolver<K extends NorthStarMetricBinding['kind']> = (
  binding: Extract<NorthStarMetricBinding, { kind: K }>,
  context: BindingContext,
) => BoundValues;

/** Days back to the previous value of each `activeUsers` field: a week for daily and weekly figures (same weekday), 30 days for MAU. */
export const ACTIVE_USERS_LOOKBACK = { dau: 7, wau: 7, stickiness: 7, mau: 30 } as const;

function surveyScores(context: BindingContext, name: string, field: string): readonly number[] {
  const scores = context.surveys[name];
  if (scores === undefined) {
    const known = Object.keys(context.surveys);
    throw new KpiValidationError('definition', [
      {
        index: null,
        path: `${context.path}.${field}`,
        expected: `the name of a set of answers in options.surveys (${known.length === 0 ? 'none given' : known.join(', ')})`,
        received: JSON.stringify(name),
      },
    ]);
  }
  return parseOptions(npsScoresSchema, scores, `options.surveys.${name}`);
}

/**
 * One resolver per binding kind. To support a new kind, add its schema to
 * `northStarMetricBindingSchema`, its type to `NorthStarMetricBinding` and a
 * resolver here.
 */
export const resolvers: { readonly [K in NorthStarMetricBinding['kind']]: Resolver<K> } = {
  activeUsers: ({ field, date, where }, context) => {
    const table = context.table();
    const range = context.dataRange();
    const day = date === undefined ? range?.toDay : (parseDay(date) as number);
    if (day === undefined) return { value: null, previous: null };
    const back = day - ACTIVE_USERS_LOOKBACK[field];
    const { rows } = activeUsers(table, { from: formatDay(back), to: formatDay(day), timeZone: context.timeZone, where });
    const last = rows[rows.length - 1];
    const first = rows[0];
    // A previous date before the first event would read windows with no data: unknown, not 0.
    const previous = range === null || back < range.fromDay ? null : (first?.[field] ?? null);
    return { value: last?.[field] ?? null, previous };
  },
  stickinessSummary: ({ month, where }, context) => {
    const table = context.table();
    const range = context.dataRange();
    const chosen = month ?? (range === null ? undefined : formatMonth(range.toDay));
    if (chosen === undefined) return { value: null, previous: null };
    const before = formatMonth((parseDay(`${chosen}-01`) as number) - 1);
    const { timeZone } = context;
    return {
      value: stickinessSummary(table, { month: chosen, timeZone, where }).score,
      previous: stickinessSummary(table, { month: before, timeZone, where }).score,
    };
  },
  nps: ({ survey, previousSurvey }, context) => ({
    value: nps(surveyScores(context, survey, 'survey')).score,
    previous: previousSurvey === undefined ? null : nps(surveyScores(context, previousSurvey, 'previousSurvey')).score,
  }),
};

/** The local dates of the earliest and latest event, or `null` without events. */
export function dataRangeOf(table: EventTable, timeZone: string): DayRange | null {
  return resolveRange(localDays(table, timeZone), undefined, undefined);
}
