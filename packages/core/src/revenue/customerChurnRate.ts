import { checkFormulaInput } from './formulaInput';

/** Input of {@link customerChurnRate}. */
export interface CustomerChurnRateInput {
  /** Paying customers at the start of the period. */
  readonly customersAtStart: number;
  /** Of those, customers who stopped paying during the period (customers gained in the period are not counted). */
  readonly customersLost: number;
}

/**
 * Customer churn rate: `customersLost / customersAtStart`, a fraction in [0, 1].
 *
 * From an `mrrMovements()` month: `customersAtStart = customers.start`,
 * `customersLost = customers.churned`.
 *
 * @returns `null` when `customersAtStart` is 0.
 * @throws {KpiValidationError} when a count is not a non-negative integer or more customers are lost than there were.
 * @example
 * customerChurnRate({ customersAtStart: 100, customersLost: 5 }); // 0.05
 */
export function customerChurnRate(input: CustomerChurnRateInput): number | null {
  const issues = checkFormulaInput(input, { customersAtStart: { kind: 'count' }, customersLost: { kind: 'count' } });
  if (issues.ok && input.customersLost > input.customersAtStart) {
    issues.add(null, 'input.customersLost', `at most customersAtStart (${input.customersAtStart})`, input.customersLost);
  }
  issues.throwIfAny();
  return input.customersAtStart === 0 ? null : input.customersLost / input.customersAtStart;
}
