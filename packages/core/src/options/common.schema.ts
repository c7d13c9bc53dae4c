import * as z from 'zod';
import { parseDay } from '../time/civil';
import { isValidTimeZone } from '../time/zone';

/** An IANA time zone name this runtime knows, e.g. `"Europe/Paris"`. */
export const timeZoneSchema = /* @__PURE__ */ z
  .string()
  .refine(isValidTimeZone, { error: 'an IANA time zone such as "Europe/Paris" or "UTC"' });

/** A local calendar date, `YYYY-MM-DD`. */
export const localDateSchema = /* @__PURE__ */ z
  .string()
  .refine((text) => parseDay(text) !== null, { error: 'a calendar date written YYYY-MM-DD' });

/** A calendar month, `YYYY-MM`. */
export const localMonthSchema = /* @__PURE__ */ z
  .string()
  .refine((text) => /^\d{4}-\d{2}$/.test(text) && parseDay(`${text}-01`) !== null, { error: 'a month written YYYY-MM' });

/** The weekday weeks start on: 0 = Sunday … 6 = Saturday. */
export const weekStartsOnSchema = /* @__PURE__ */ z.int().min(0).max(6);

const propertyEqualsSchema = /* @__PURE__ */ z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** Which events qualify: by name and/or property equality. */
export const eventFilterSchema = /* @__PURE__ */ z.strictObject({
  name: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  properties: propertyEqualsSchema.optional(),
});

/** Whose activity a metric counts: `'user'` or `{ group: property }`. */
export const unitSchema = /* @__PURE__ */ z.union([z.literal('user'), z.strictObject({ group: z.string().min(1) })], {
  error: '"user" or { group: "<event property>" }',
});

/** The range and zone options most metrics share. */
export const rangeOptionsShape = {
  from: localDateSchema.optional(),
  to: localDateSchema.optional(),
  timeZone: timeZoneSchema.optional(),
};

const nonEmptyName = (value: unknown): boolean => typeof value === 'string' && value.length > 0;

/**
 * An event to match: a name, or `{ name, where? }` with property equality
 * conditions. The object's name is checked by a refinement rather than its
 * shape so that a missing or empty name is reported at `….name`, not as an
 * unmatched union.
 */
export const eventMatchSchema = /* @__PURE__ */ z.union(
  [
    z.string().min(1),
    z
      .strictObject({ name: z.unknown().optional(), where: propertyEqualsSchema.optional() })
      .refine((match) => nonEmptyName(match.name), { path: ['name'], error: 'a non-empty event name' }),
  ],
  { error: 'an event name or { name, where? }' },
);
