import { DEFAULT_FUNNEL_WINDOW } from '@kpikit/core';
import type { FunnelBreakdownAttribution, FunnelOptions, FunnelOrder } from '@kpikit/core';
import type { CompileContext } from '../../query/context';
import { allOf, PropertySet } from '../../query/properties';
import type { PropertyConditions } from '../../query/properties';

/** A CTE: its name and its SELECT. */
export type Cte = [string, string];

/** What matches one step or exclusion: an event name and property values. */
export interface Matcher {
  readonly name: string;
  readonly where?: PropertyConditions | undefined;
}

/** An exclusion: its matcher and the 0-based steps it lies between. */
export interface ExclusionPlan {
  readonly matcher: Matcher;
  readonly from: number;
  readonly to: number;
}

/**
 * Everything the funnel's SQL builders share, derived once from validated
 * options: the steps, the distinct matchers among them (steps that match the
 * same events share one), the exclusions, the window parameter and the
 * breakdown's property.
 */
export interface FunnelPlan {
  readonly context: CompileContext;
  readonly properties: PropertySet;
  readonly steps: readonly Matcher[];
  /** Event name of each step. */
  readonly names: readonly string[];
  /** Per step, the index of its matcher in `matchers`. */
  readonly matcherOf: readonly number[];
  /** The distinct step matchers. */
  readonly matchers: readonly Matcher[];
  readonly exclusions: readonly ExclusionPlan[];
  /** Every name a step or an exclusion matches. */
  readonly relevantNames: readonly string[];
  /** The window in ms, a bound DOUBLE. */
  readonly window: string;
  /** The alias of the breakdown property's column, or `null` without a breakdown. */
  readonly breakdown: string | null;
  /** Which event's value names a user's group (core's default `first_touch`); `null` without a breakdown. */
  readonly attribution: FunnelBreakdownAttribution | null;
  readonly order: FunnelOrder;
  /** `exclusionMode: "furthestAttempt"` (core's default for ordered and strict): a user whose furthest attempt is disqualified is left out. */
  readonly furthest: boolean;
}

/** The step names of validated options (steps given as names or `{ name }`). */
export function stepNames(options: FunnelOptions): string[] {
  return options.steps.map((step) => (typeof step === 'string' ? step : step.name));
}

/** Equal for matchers of the same events: the name and the conditions sorted by key, as core keys its steps. */
export function matcherKey(matcher: Matcher): string {
  const where = Object.entries(matcher.where ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([matcher.name, where]);
}

/** The plan of validated options. Registers every property the query reads; call before `eventCtes`. */
export function funnelPlan(context: CompileContext, options: FunnelOptions): FunnelPlan {
  const properties = new PropertySet(context);
  const steps: Matcher[] = options.steps.map((step, i) => {
    if (typeof step === 'string') return { name: step };
    properties.addAll(step.where, `options.steps[${i}].where`);
    return { name: step.name, where: step.where };
  });
  const exclusions: ExclusionPlan[] = (options.exclusions ?? []).map((exclusion, x) => {
    properties.addAll(exclusion.where, `options.exclusions[${x}].where`);
    return { matcher: { name: exclusion.name, where: exclusion.where }, from: exclusion.between[0], to: exclusion.between[1] };
  });
  const breakdown = options.breakdown ? properties.add(options.breakdown.property, 'options.breakdown.property') : null;
  const keys = new Map<string, number>();
  const matchers: Matcher[] = [];
  const matcherOf = steps.map((step) => {
    const key = matcherKey(step);
    let index = keys.get(key);
    if (index === undefined) {
      index = matchers.length;
      keys.set(key, index);
      matchers.push(step);
    }
    return index;
  });
  const names = steps.map((step) => step.name);
  const order = options.order ?? 'ordered';
  return {
    context,
    properties,
    steps,
    names,
    matcherOf,
    matchers,
    exclusions,
    relevantNames: [...new Set([...names, ...exclusions.map((exclusion) => exclusion.matcher.name)])],
    window: context.params.double(options.window ?? DEFAULT_FUNNEL_WINDOW),
    breakdown,
    attribution: options.breakdown ? (options.breakdown.attribution ?? 'first_touch') : null,
    order,
    furthest: (options.exclusionMode ?? (order === 'any' ? 'cleanAttempts' : 'furthestAttempt')) === 'furthestAttempt',
  };
}

/** SQL that holds when the row (columns qualified by `qualifier`) matches: its name, then its property values. */
export function matches(plan: FunnelPlan, matcher: Matcher, qualifier = ''): string {
  return allOf(`${qualifier}n = ${plan.context.params.text(matcher.name)}`, plan.properties.condition(matcher.where, qualifier)) as string;
}

/** `UNION ALL` of one-row SELECTs: a small constant table every dialect reads. Values are the compiler's own. */
export function constantRows(columns: readonly string[], rows: readonly (readonly (number | string)[])[]): string {
  return rows
    .map(
      (row) =>
        `SELECT ${row.map((value, i) => `${typeof value === 'number' ? String(value) : `'${value}'`} AS ${columns[i] as string}`).join(', ')}`,
    )
    .join('\nUNION ALL\n');
}

/** `k_positions (j)`: the integers 1 … n. */
export function positionsCte(n: number): Cte {
  return [
    'k_positions',
    constantRows(
      ['j'],
      Array.from({ length: n }, (_, j) => [j + 1]),
    ),
  ];
}

/** SQL that holds when the row matches any step. */
export function anyStep(plan: FunnelPlan, qualifier = ''): string {
  return plan.matchers.map((matcher) => `(${matches(plan, matcher, qualifier)})`).join(' OR ');
}

/** The in-range events of the names a step or exclusion matches, with the properties the query reads. */
export function relevantEventsCte(plan: FunnelPlan, name: string): Cte {
  const { context, properties } = plan;
  return [
    name,
    [
      `SELECT e.u AS u, e.n AS n, e.ms AS ms${properties.carry('e.')}`,
      'FROM k_ev AS e',
      'CROSS JOIN k_bounds AS b',
      `WHERE ${context.params.inList('e.n', plan.relevantNames)} AND e.d BETWEEN b.from_day AND b.to_day`,
    ].join('\n'),
  ];
}
