import { KpiValidationError } from '../errors';
import { asEventTable } from '../events/eventTable';
import type { EventInput, EventTable } from '../events/event.types';
import { parseOptions } from '../options/parseOptions';
import type { DayRange } from '../time/range';
import { compileNorthStar } from './compile';
import { dataRangeOf, resolvers, type BindingContext, type BoundValues } from './metricResolvers';
import { bindMetricsOptionsSchema } from './northStar.schema';
import type { BindMetricsOptions, NorthStarDefinition, NorthStarMetricBinding, NorthStarNodeDefinition } from './northStar.types';

/**
 * Fills the `value` and `previous` of every leaf bound to a metric, computed
 * from events and survey answers, and returns the definition ready for
 * `northStarTree`. Values already given on a bound leaf are replaced, so a
 * definition can be re-bound to fresh data.
 *
 * - `{ kind: 'activeUsers', field, date?, where? }`: `dau`, `wau`, `mau` or
 *   `stickiness` of `activeUsers` on `date` (default: the local date of the
 *   latest event); `previous` is the same figure 7 days earlier (30 for
 *   `mau`), `null` when that date is before the first event.
 * - `{ kind: 'stickinessSummary', month?, where? }`: the month's `score`
 *   (default: the month of the latest event); `previous` is the month before's.
 * - `{ kind: 'nps', survey, previousSurvey? }`: the NPS `score` of
 *   `options.surveys[survey]`; `previous` from `previousSurvey`.
 *
 * A metric without a value (no responses, no active users) leaves `null`,
 * which the tree shows as a node without value rather than failing.
 *
 * @throws {KpiValidationError} for a malformed definition, a metric on a node
 *   with a formula, bad events, a missing `options.events` or an unknown survey name.
 * @example
 * const definition = bindMetrics(
 *   {
 *     nodes: [
 *       { id: 'engaged', label: 'Engaged weekly users', formula: 'product', children: ['wau', 'share'] },
 *       { id: 'wau', label: 'Weekly active users', metric: { kind: 'activeUsers', field: 'wau' } },
 *       { id: 'share', label: 'Share using reports', value: 0.4 },
 *     ],
 *   },
 *   { events, timeZone: 'Europe/Paris' },
 * );
 * northStarTree(definition).nodes[0].value; // 0.4 × WAU on the latest day
 */
export function bindMetrics(definition: NorthStarDefinition, options: BindMetricsOptions = {}): NorthStarDefinition {
  const { events, timeZone = 'UTC', surveys = {} } = parseOptions(bindMetricsOptionsSchema, options);
  const compiled = compileNorthStar(definition, false);

  let table: EventTable | undefined;
  let range: DayRange | null | undefined;
  const getTable = (): EventTable => {
    if (events === undefined) {
      throw new KpiValidationError('options', [
        { index: null, path: 'options.events', expected: 'events, to compute the metrics bound to the tree', received: 'undefined' },
      ]);
    }
    table ??= asEventTable(events as EventInput);
    return table;
  };

  const nodes = compiled.nodes.map((node, i): NorthStarNodeDefinition => {
    if (node.metric === undefined) return node;
    const context: BindingContext = {
      table: getTable,
      dataRange: () => (range === undefined ? (range = dataRangeOf(getTable(), timeZone)) : range),
      timeZone,
      surveys,
      path: `definition.nodes[${i}].metric`,
    };
    const { value, previous } = resolve(node.metric, context);
    return { ...node, value, previous };
  });
  return { ...compiled.definition, nodes };
}

function resolve(binding: NorthStarMetricBinding, context: BindingContext): BoundValues {
  // The map is keyed by kind, so the binding matches its resolver's parameter.
  const resolver = resolvers[binding.kind] as (binding: NorthStarMetricBinding, context: BindingContext) => BoundValues;
  return resolver(binding, context);
}
