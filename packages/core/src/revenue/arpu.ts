import { checkFormulaInput } from './formulaInput';

/** Input of {@link arpu}. */
export interface ArpuInput {
  /** Monthly recurring revenue, in minor units. */
  readonly mrr: number;
  /** Paying customers over which it is spread. */
  readonly customers: number;
}

/**
 * Average revenue per user (per paying customer, per month): `mrr / customers`.
 *
 * `mrr()` reports it per row as well; this is the formula for figures from
 * elsewhere.
 *
 * @returns `null` when `customers` is 0.
 * @throws {KpiValidationError} when a field is missing, negative, not finite, or `customers` is not an integer.
 * @example
 * arpu({ mrr: 1000, customers: 100 }); // 10
 */
export function arpu(input: ArpuInput): number | null {
  checkFormulaInput(input, { mrr: { kind: 'amount' }, customers: { kind: 'count' } }).throwIfAny();
  return input.customers === 0 ? null : input.mrr / input.customers;
}
