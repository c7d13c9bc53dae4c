import type { PropertyValue } from './event.types';

/**
 * The rules a row must follow, shared by `toEventTable`, `eventTableFromColumns`
 * and `checkEvent` (the zod schemas in `event.schema.ts` state the same rules
 * declaratively, and are tested to agree).
 */

/** What a user id or event name must be, in words. */
export const ID_EXPECTED = 'a non-empty string';

/** What a property value must be, in words. */
export const PROPERTY_EXPECTED = 'a string, finite number, boolean or null';

/** What `properties` must be, in words. */
export const PROPERTIES_EXPECTED = 'an object of property values';

/** A user id or event name: a non-empty string. */
export const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** A property value: a string, finite number, boolean or null. */
export const isPropertyValue = (value: unknown): value is PropertyValue =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

/**
 * A record literal (or `Object.create(null)`), as zod's `z.record` requires: not
 * an array, Date, Map or class instance, whose entries would be silently lost.
 */
export const isPlainObject = (value: unknown): value is object => {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.hasOwn(prototype as object, 'isPrototypeOf');
};
