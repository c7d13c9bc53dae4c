import { checkFormulaInput } from './formulaInput';

/** Input of {@link ltvToCac}: results of `clv()` and `cac()`, in the same currency unit. */
export interface LtvToCacInput {
  /** Customer lifetime value; `null` gives `null`. */
  readonly clv: number | null;
  /** Customer acquisition cost; `null` gives `null`. */
  readonly cac: number | null;
}

/**
 * LTV : CAC, how many times a customer's lifetime value repays the cost of
 * acquiring them: `clv / cac` (a ratio, not a rate: 3 means 3 : 1).
 *
 * @returns `null` when `cac` is 0 or either input is `null`.
 * @throws {KpiValidationError} when a field is missing, negative or not finite.
 * @example
 * ltvToCac({ clv: 6000, cac: 2000 }); // 3
 */
export function ltvToCac(input: LtvToCacInput): number | null {
  checkFormulaInput(input, { clv: { kind: 'amount', nullable: true }, cac: { kind: 'amount', nullable: true } }).throwIfAny();
  const { clv, cac } = input;
  return clv === null || cac === null || cac === 0 ? null : clv / cac;
}
