/**
 * `floor(expr / divisor)` for an integer expression of either sign, from a
 * `divide` that truncates towards zero, with integer operations only (no
 * conversion to a double per row): for a negative `x`,
 * `floor(x / d) = trunc((x + 1) / d) − 1`. The branch is a comparison, far
 * cheaper than an overflow-checked addition of a large shift on every row.
 */
export function truncatingFloorDiv(expr: string, divisor: number, divide: string): string {
  const x = /^[\w."]+$/.test(expr) ? expr : `(${expr})`;
  return `CASE WHEN ${x} >= 0 THEN ${x} ${divide} ${divisor} ELSE (${x} + 1) ${divide} ${divisor} - 1 END`;
}
