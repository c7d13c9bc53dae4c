import { describeValue, KpiValidationError } from '../errors';
import { checkFormulaInput } from './formulaInput';

/** {@link clv} from purchase behaviour. */
export interface ClvPurchasesInput {
  readonly method: 'purchases';
  /** Mean value of one purchase (minor units). */
  readonly meanPurchaseValue: number;
  /** Mean number of purchases a customer makes per year. */
  readonly purchasesPerYear: number;
  /** Mean number of years a customer stays. */
  readonly lifespanYears: number;
}

/** {@link clv} from subscription revenue and churn. */
export interface ClvChurnInput {
  readonly method: 'churn';
  /** Average monthly revenue per customer (minor units), e.g. from `arpu()`; `null` gives `null`. */
  readonly arpu: number | null;
  /** Fraction of customers lost per month, e.g. from `customerChurnRate()`; `null` gives `null`. */
  readonly monthlyChurnRate: number | null;
}

/** Input of {@link clv}: one of the two formulas, named by `method`. */
export type ClvInput = ClvPurchasesInput | ClvChurnInput;

/**
 * Customer lifetime value, by either formula:
 * - `method: 'purchases'`: `meanPurchaseValue × purchasesPerYear × lifespanYears`;
 * - `method: 'churn'`: `arpu / monthlyChurnRate` (a customer's expected lifetime
 *   is `1 / churn` months).
 *
 * @returns `null` for the churn formula when the churn rate is 0 (an unbounded
 *   lifetime) or an input is `null`.
 * @throws {KpiValidationError} when `method` is unknown or a field is missing, negative or not finite.
 * @example
 * clv({ method: 'purchases', meanPurchaseValue: 2500, purchasesPerYear: 4, lifespanYears: 5 }); // 50000
 * clv({ method: 'churn', arpu: 10, monthlyChurnRate: 0.05 }); // 200
 */
export function clv(input: ClvInput): number | null {
  // Callers from plain JavaScript may pass anything: read the method defensively.
  const given: unknown = input;
  const method: unknown = typeof given === 'object' && given !== null ? (given as { method?: unknown }).method : undefined;
  if (method === 'purchases') {
    const { meanPurchaseValue, purchasesPerYear, lifespanYears } = input as ClvPurchasesInput;
    checkFormulaInput(
      input,
      { meanPurchaseValue: { kind: 'amount' }, purchasesPerYear: { kind: 'amount' }, lifespanYears: { kind: 'amount' } },
      ['method'],
    ).throwIfAny();
    return meanPurchaseValue * purchasesPerYear * lifespanYears;
  }
  if (method === 'churn') {
    const { arpu, monthlyChurnRate } = input as ClvChurnInput;
    checkFormulaInput(input, { arpu: { kind: 'amount', nullable: true }, monthlyChurnRate: { kind: 'rate', nullable: true } }, [
      'method',
    ]).throwIfAny();
    return arpu === null || monthlyChurnRate === null || monthlyChurnRate === 0 ? null : arpu / monthlyChurnRate;
  }
  throw new KpiValidationError('input', [
    { index: null, path: 'input.method', expected: 'one of "purchases", "churn"', received: describeValue(method) },
  ]);
}
