import { checkFormulaInput } from './formulaInput';

/** Input of {@link cac}. */
export interface CacInput {
  /** Sales and marketing spend in the period (minor units). */
  readonly spend: number;
  /** Customers acquired in the same period. */
  readonly newCustomers: number;
}

/**
 * Customer acquisition cost: sales and marketing spend over the new customers
 * it brought in the same period, `spend / newCustomers`.
 *
 * @returns `null` when `newCustomers` is 0.
 * @throws {KpiValidationError} when `spend` is negative or not finite, or `newCustomers` is not a non-negative integer.
 * @example
 * cac({ spend: 50000, newCustomers: 25 }); // 2000
 */
export function cac(input: CacInput): number | null {
  checkFormulaInput(input, { spend: { kind: 'amount' }, newCustomers: { kind: 'count' } }).throwIfAny();
  return input.newCustomers === 0 ? null : input.spend / input.newCustomers;
}
