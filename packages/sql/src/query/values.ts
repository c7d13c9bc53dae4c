import type { PropertyValue } from '@kpikit/core';

/** SQL type names of numbers, in each dialect's spelling (`BIGINT`, `double precision`, `Nullable(UInt32)`, `DECIMAL(18,3)`). */
const NUMBER_TYPE = /^(?:nullable\()?(?:u?(?:tiny|small|big|huge)?int(?:eger)?\d*|float\d*|double|real|decimal|numeric)\b/i;

/**
 * A property value as the client returned it, given its SQL type: clients
 * return 64-bit integers as bigints, or as text (node-postgres, by default),
 * and core's value is then a number.
 */
export function propertyValue(value: unknown, type: unknown): PropertyValue {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && typeof type === 'string' && NUMBER_TYPE.test(type)) return Number(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}
