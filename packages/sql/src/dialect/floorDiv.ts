/**
 * `floor(expr / divisor)` for an integer expression with integer operations
 * only (no conversion to a double per row): shifted by a multiple of the
 * divisor near 2^61 so that the dividend is positive, where truncating
 * division is floor division, then shifted back. Exact for `expr` above −2^61.
 */
export function shiftedFloorDiv(expr: string, divisor: number, divide: string): string {
  const d = BigInt(divisor);
  const times = 2n ** 61n / d;
  return `((${expr}) + ${String(times * d)}) ${divide} ${divisor} - ${String(times)}`;
}
