import * as z from 'zod';
import { eventFilterSchema, localDateSchema, localMonthSchema, timeZoneSchema } from '../options/common.schema';

/** A metric feeding a North Star leaf (see `bindMetrics`). */
export const northStarMetricBindingSchema = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('activeUsers'),
    field: z.enum(['dau', 'wau', 'mau', 'stickiness']),
    date: localDateSchema.optional(),
    where: eventFilterSchema.optional(),
  }),
  z.strictObject({
    kind: z.literal('stickinessSummary'),
    month: localMonthSchema.optional(),
    where: eventFilterSchema.optional(),
  }),
  z.strictObject({
    kind: z.literal('nps'),
    survey: z.string().min(1),
    previousSurvey: z.string().min(1).optional(),
  }),
]);

/** One node of a North Star definition (the shape only; `northStarTree` also checks the links between nodes). */
export const northStarNodeSchema = /* @__PURE__ */ z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  value: z.number().nullable().optional(),
  previous: z.number().nullable().optional(),
  target: z.number().nullable().optional(),
  unit: z.string().optional(),
  goodDirection: z.enum(['up', 'down']).optional(),
  formula: z.enum(['sum', 'difference', 'product', 'ratio', 'weightedSum']).optional(),
  weights: z.array(z.number()).optional(),
  children: z.array(z.string().min(1)).optional(),
  metric: northStarMetricBindingSchema.optional(),
});

/** A North Star definition: a flat list of nodes naming their children, and optionally the root's id. */
export const northStarDefinitionSchema = /* @__PURE__ */ z.strictObject({
  root: z.string().min(1).optional(),
  nodes: z.array(northStarNodeSchema).min(1),
});

/** Leaf overrides of `whatIf`: leaf id → new value. */
export const whatIfOverridesSchema = /* @__PURE__ */ z.record(z.string(), z.number());

/** Options of `bindMetrics`. */
export const bindMetricsOptionsSchema = /* @__PURE__ */ z.strictObject({
  // Events are validated by the event table builder, which names rows and fields.
  events: z.custom<unknown>((value) => typeof value === 'object' && value !== null, { error: 'events or an EventTable' }).optional(),
  timeZone: timeZoneSchema.optional(),
  surveys: z.record(z.string(), z.array(z.number())).optional(),
});
