import { checkFormulaInput } from './formulaInput';

/** Input of {@link retentionRate}: the contract's S, E and N. */
export interface RetentionRateInput {
  /** S: paying customers at the start of the period. */
  readonly customersAtStart: number;
  /** E: paying customers at the end of the period. */
  readonly customersAtEnd: number;
  /** N: customers among `customersAtEnd` who were not paying at the start (new or reactivated). */
  readonly newCustomers: number;
}

/**
 * Customer retention rate (CRR): `(E − N) / S`, the share of the customers
 * paying at the start who still pay at the end.
 *
 * From an `mrrMovements()` month: `S = customers.start`, `E = customers.end`,
 * `N = customers.new + customers.reactivation`.
 *
 * @returns `null` when `customersAtStart` is 0.
 * @throws {KpiValidationError} when a count is not a non-negative integer, or the counts are inconsistent
 *   (`newCustomers > customersAtEnd`, or more customers retained than there were at the start).
 * @example
 * retentionRate({ customersAtStart: 100, customersAtEnd: 110, newCustomers: 20 }); // 0.9
 */
export function retentionRate(input: RetentionRateInput): number | null {
  const issues = checkFormulaInput(input, {
    customersAtStart: { kind: 'count' },
    customersAtEnd: { kind: 'count' },
    newCustomers: { kind: 'count' },
  });
  if (issues.ok) {
    const { customersAtStart, customersAtEnd, newCustomers } = input;
    if (newCustomers > customersAtEnd) {
      issues.add(null, 'input.newCustomers', `at most customersAtEnd (${customersAtEnd})`, newCustomers);
    } else if (customersAtEnd - newCustomers > customersAtStart) {
      issues.add(
        null,
        'input.customersAtEnd',
        `at most customersAtStart + newCustomers (${customersAtStart + newCustomers})`,
        customersAtEnd,
      );
    }
  }
  issues.throwIfAny();
  return input.customersAtStart === 0 ? null : (input.customersAtEnd - input.newCustomers) / input.customersAtStart;
}
