import { asEventTable } from '../events/eventTable';
import { rangeDays, tableForUnit, withUnit } from '../events/unit';
import type { EventInput, PropertyValue } from '../events/event.types';
import { parseOptions } from '../options/parseOptions';
import { formatDay } from '../time/civil';
import { localDays } from '../time/localDays';
import { resolveRange } from '../time/range';
import { DEFAULT_FUNNEL_WINDOW, funnelOptionsSchema } from './funnel.schema';
import type { FunnelOptions, FunnelResult, FunnelStep } from './funnel.types';
import { attributionCoder } from './breakdownAttribution';
import { FunnelTally } from './funnelTally';
import type { FunnelScan, FunnelVisit } from './scan.types';
import { scanAny } from './scanAny';
import { scanOrdered } from './scanOrdered';
import { scanStrict } from './scanStrict';
import { matchMasks, type EventMatcher } from './stepMasks';

const scans = { ordered: scanOrdered, strict: scanStrict, any: scanAny } as const;

/**
 * Conversion funnel: how many users reach each of 2–20 steps, the conversion
 * rates between them and the time each step took.
 *
 * `ordered` (default): each step is a later event than the previous one
 * (timestamp ≥, never the same event), other events may come between;
 * `strict`: as ordered, and no other event of the user strictly between two
 * matched steps in time; `any`: a user's depth is the most distinct steps done
 * inside one window `[t, t + window]`. For ordered and strict, a user's depth is
 * the furthest step reached from any of their step-1 events, every step within
 * `t1 + window` (inclusive) and inside `[from, to]`; step times come from the
 * earliest step-1 event that reaches that depth, each later step at its
 * earliest qualifying event. Step `k` counts the users of depth ≥ `k`. In
 * `any` order the times come from the earliest window reaching the depth:
 * step `k`'s is the time from the user's `k`-th distinct step reached to the
 * `(k + 1)`-th.
 *
 * An exclusion `{ name, between: [i, j] }` disqualifies an attempt in which the
 * excluded event happens strictly between its step-`i` and step-`j` events (or
 * after step `i` up to the window end when step `j` was not reached). With
 * `exclusionMode: "furthestAttempt"` (the default for ordered and strict) a
 * user whose furthest attempt is disqualified is left out, a disqualified
 * attempt counting up to the step after the excluded event; with
 * `"cleanAttempts"` (the default for `any`, where exclusions span the whole
 * funnel and each window is an attempt) a user counts by their furthest
 * clean attempt.
 * A breakdown groups users by a property value: by default the first the
 * user's step events carry (`first_touch`), or the last (`last_touch`), or the
 * one on a step of the attempt counted (`{ step: k }`).
 *
 * @throws {KpiValidationError} on bad events or options (`options.steps[2].name`).
 * @example
 * const result = funnel(events, { steps: ['view_pricing', 'start_trial', 'pay'], window: 14 * 86_400_000 });
 * result.steps.map((step) => step.count); // [100, 40, 10]
 * result.steps.map((step) => step.fromPrevious); // [1, 0.4, 0.25]
 * result.steps[1].median; // median ms from viewing pricing to starting a trial
 */
export function funnel(events: EventInput, options: FunnelOptions): FunnelResult {
  const parsed = parseOptions(funnelOptionsSchema, options);
  const {
    window = DEFAULT_FUNNEL_WINDOW,
    order = 'ordered',
    exclusions = [],
    exclusionMode = order === 'any' ? 'cleanAttempts' : 'furthestAttempt',
    breakdown,
    from,
    to,
    timeZone = 'UTC',
    unit: parsedUnit,
  } = parsed;
  const steps = parsed.steps.map(toMatcher);
  const names = steps.map((step) => step.name);
  const unitTable = tableForUnit(asEventTable(events), parsedUnit);
  const { table } = unitTable;
  const days = localDays(table, timeZone);
  const range = resolveRange(rangeDays(unitTable, days, timeZone), from, to);
  const column = breakdown ? table.properties.get(breakdown.property) : undefined;
  const stepMasks = range ? matchMasks(table, days, range, steps) : new Int32Array(0);
  const coder = breakdown
    ? attributionCoder(column, breakdown.attribution ?? 'first_touch', table.userStart, stepMasks, table.time)
    : undefined;
  const tally = new FunnelTally(names, column, coder);

  if (range) {
    const scan: FunnelScan = {
      table,
      days,
      range,
      stepMasks,
      steps: steps.length,
      stepNames: names,
      stepKeys: steps.map(keyOf),
      window,
      exclusionMasks: matchMasks(table, days, range, exclusions),
      exclusions: exclusions.map(({ between: [i, j] }) => ({ from: i, to: j })),
      furthestAttempt: exclusionMode === 'furthestAttempt',
    };
    const visit: FunnelVisit = tally.visit;
    scans[order](scan, visit);
  }

  const result: FunnelResult = {
    order,
    window,
    from: range ? formatDay(range.fromDay) : null,
    to: range ? formatDay(range.toDay) : null,
    timeZone,
    steps: tally.steps(),
  };
  return withUnit(breakdown ? { ...result, breakdown: { property: breakdown.property, groups: tally.groups() } } : result, unitTable);
}

/** The step as a name plus conditions; the schema has checked the name. */
function toMatcher(step: FunnelStep | { name?: unknown; where?: Readonly<Record<string, PropertyValue>> | undefined }): EventMatcher {
  return typeof step === 'string' ? { name: step } : { name: step.name as string, where: step.where };
}

/** Equal for steps matching the same events: the name and the conditions, sorted by key. */
function keyOf(step: EventMatcher): string {
  const where = Object.entries(step.where ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([step.name, where]);
}
