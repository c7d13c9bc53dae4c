/**
 * What the dashboard must show, computed in Node straight from
 * `@kpikit/core` (never through the demo's own code, which is what the
 * tests check): the same generated data, the same range and options as the
 * page's default controls.
 */
import {
  activationCandidates,
  attribution,
  type ActivationCandidatesResult,
  type AttributionResult,
  activeUsers,
  csat,
  funnel,
  generateSampleData,
  mrr,
  northStarTree,
  nps,
  retention,
  sessions,
  toEventTable,
  type ActiveUsersRow,
  type EventTable,
  type NorthStarNodeResult,
  type RetentionResult,
  type SampleData,
} from '@kpikit/core';

/** The demo's built-in data set: seed 42, 10,000 users over 180 days from 2024-01-01, lived in Paris. */
export const SAMPLE = { seed: 42, users: 10_000, days: 180, start: '2024-01-01', timeZone: 'Europe/Paris' } as const;

/** The default funnel: visited pricing → started a trial → used a feature → paid, ordered, within 30 days. */
export const SAMPLE_STEPS = ['view_pricing', 'start_trial', 'feature_used', 'pay'] as const;

/** Cohorts by week over 12 weeks after signing up, from `signup` (the grid's title says so). */
export const RETENTION_WEEKS = 12;

const DAY = 86_400_000;

/** The local calendar date of an instant in a zone, by `Intl` (not by core's zone arithmetic). */
export function localDate(time: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(time);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** `date` moved by whole calendar days. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** A range of local dates in a zone, and the one of the same length just before it when the data reaches back that far. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly previous: { readonly from: string; readonly to: string } | null;
}

/**
 * "Last N days" as the page states it: the N local days ending on the data's
 * last local day in the zone (all of them if the data is shorter); the
 * previous range when the data's first local day is on or before its start.
 */
export function lastDays(times: { readonly min: number; readonly max: number }, days: number, timeZone: string): DateRange {
  const first = localDate(times.min, timeZone);
  const to = localDate(times.max, timeZone);
  const start = addDays(to, -(days - 1));
  const from = start < first ? first : start;
  const length = Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1;
  const previousFrom = addDays(from, -length);
  return { from, to, timeZone, previous: previousFrom >= first ? { from: previousFrom, to: addDays(from, -1) } : null };
}

/** The card's DAU/MAU headline by its definition: the mean DAU of the 30 days ending on the last day with a MAU, over that day's MAU. */
export interface StickinessHeadline {
  readonly ratio: number;
  readonly dau: number;
  readonly mau: number;
  readonly date: string;
}

export function stickinessHeadline(rows: readonly ActiveUsersRow[]): StickinessHeadline | null {
  const sorted = [...rows].sort((a, b) => (a.date < b.date ? -1 : 1));
  const end = sorted.filter((row) => row.mau > 0).at(-1);
  if (!end) return null;
  const window = sorted.filter((row) => row.date <= end.date && Date.parse(end.date) - Date.parse(row.date) < 30 * DAY);
  const dau = window.reduce((sum, row) => sum + row.dau, 0) / window.length;
  return { ratio: dau / end.mau, dau, mau: end.mau, date: end.date };
}

/** Every figure the tests compare, for one zone and the default controls. */
export interface SampleFigures {
  readonly range: DateRange;
  /** Events once exact duplicates are dropped, and distinct users. */
  readonly events: number;
  readonly users: number;
  readonly nps: { readonly score: number; readonly total: number };
  readonly csat: number | null;
  readonly stickiness: StickinessHeadline;
  /** MRR at the close of the range's last day, in cents. */
  readonly mrr: number;
  readonly funnel: readonly number[];
  readonly retention: { readonly exact: RetentionResult; readonly unbounded: RetentionResult };
  readonly northStarRoot: NorthStarNodeResult;
  readonly sessionsPerUser: number;
  /** Sign-ups shared among the touches' `utm_source`, five models, with the sample's marketing costs. */
  readonly attribution: AttributionResult;
  /** Early actions (3 days after signing up) ranked by how they go with retention. */
  readonly candidates: ActivationCandidatesResult;
}

interface Sample {
  readonly data: SampleData;
  readonly table: EventTable;
  readonly times: { readonly min: number; readonly max: number };
}

let sample: Sample | null = null;

/** The generated data, made once per test file (about 1M events: a couple of seconds). */
export function sampleData(): Sample {
  if (!sample) {
    const data = generateSampleData(SAMPLE);
    let min = Infinity;
    let max = -Infinity;
    for (const event of data.events) {
      if (event.timestamp < min) min = event.timestamp;
      if (event.timestamp > max) max = event.timestamp;
    }
    sample = { data, table: toEventTable(data.events), times: { min, max } };
  }
  return sample;
}

const figureCache = new Map<string, SampleFigures>();

/** The sample's figures in a zone, with the default controls: last 90 days, weekly cohorts, the ordered 30-day funnel. */
export function sampleFigures(timeZone: string = SAMPLE.timeZone): SampleFigures {
  const cached = figureCache.get(timeZone);
  if (cached) return cached;
  const { data, table, times } = sampleData();
  const range = lastDays(times, 90, timeZone);
  const window = { from: range.from, to: range.to, timeZone };
  const npsResult = nps(data.surveys.nps);
  const stickiness = stickinessHeadline(activeUsers(table, window).rows);
  const root = northStarTree(data.northStar);
  const rootNode = root.nodes.find((node) => node.id === root.root);
  const cohorts = { ...window, period: 'week', periods: RETENTION_WEEKS, startEvent: 'signup' } as const;
  const spu = sessions(table, window).sessionsPerUser;
  if (npsResult.score === null || !stickiness || !rootNode || spu === null)
    throw new Error('The sample data lacks a figure the tests compare.');
  const figures: SampleFigures = {
    range,
    events: table.length,
    users: new Set(data.events.map((event) => event.userId)).size,
    nps: { score: npsResult.score, total: npsResult.total },
    csat: csat(data.surveys.csat).score,
    stickiness,
    mrr: mrr(data.subscriptions, { from: range.to, to: range.to, granularity: 'day', timeZone }).rows[0]?.mrr ?? 0,
    funnel: funnel(table, { ...window, steps: [...SAMPLE_STEPS], order: 'ordered', window: 30 * DAY }).steps.map((step) => step.count),
    retention: { exact: retention(table, { ...cohorts, mode: 'exact' }), unbounded: retention(table, { ...cohorts, mode: 'unbounded' }) },
    northStarRoot: rootNode,
    sessionsPerUser: spu,
    attribution: attribution(table, {
      ...window,
      conversion: 'signup',
      touches: { channel: 'utm_source' },
      models: ['first_touch', 'last_touch', 'linear', 'position_based', 'time_decay'],
      costs: data.marketingCosts,
    }),
    candidates: activationCandidates(table, { ...window, days: 3 }),
  };
  figureCache.set(timeZone, figures);
  return figures;
}
