import type { PropertyValue } from '../events/event.types';

/**
 * The order of breakdown values among groups of equal size: by their string
 * form, then by type, so equal-looking values of different types (`1`, `"1"`)
 * still sort one way.
 *
 * @example
 * ['b', 2, 'a', true].sort(compareBreakdownValues); // [2, 'a', 'b', true]
 */
export function compareBreakdownValues(a: PropertyValue, b: PropertyValue): number {
  const x = String(a);
  const y = String(b);
  if (x !== y) return x < y ? -1 : 1;
  const s = typeof a;
  const t = typeof b;
  return s === t ? 0 : s < t ? -1 : 1;
}
