import { describeValue, IssueCollector, KpiValidationError } from '../errors';

/** What a formula input field may hold. */
export type FieldKind =
  /** A count of customers: a non-negative integer. */
  | 'count'
  /** A non-negative finite number (money, purchases, years). */
  | 'amount'
  /** A fraction in [0, 1]. */
  | 'rate';

/** A field's kind, and whether `null` (the "no value" result of another formula) is allowed. */
export interface FieldRule {
  readonly kind: FieldKind;
  readonly nullable?: boolean | undefined;
}

const EXPECTED: Record<FieldKind, string> = {
  count: 'a non-negative integer',
  amount: 'a finite number ≥ 0',
  rate: 'a fraction from 0 to 1',
};

function fits(kind: FieldKind, value: number): boolean {
  switch (kind) {
    case 'count':
      return Number.isSafeInteger(value) && value >= 0;
    case 'amount':
      return Number.isFinite(value) && value >= 0;
    case 'rate':
      return value >= 0 && value <= 1;
  }
}

/**
 * Checks a formula's input object by hand (these functions sit in widget
 * bundles, which should not pull in zod): every field present and of its
 * kind, no unknown field. Returns the issues so a caller can add cross-field
 * ones before throwing.
 */
export function checkFormulaInput(
  input: unknown,
  rules: Readonly<Record<string, FieldRule>>,
  extra: readonly string[] = [],
): IssueCollector {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new KpiValidationError('input', [{ index: null, path: 'input', expected: 'an input object', received: describeValue(input) }]);
  }
  const record = input as Record<string, unknown>;
  const issues = new IssueCollector('input');
  for (const [field, rule] of Object.entries(rules)) {
    const value = record[field];
    if (value === null && rule.nullable === true) continue;
    if (typeof value !== 'number' || !fits(rule.kind, value)) {
      issues.add(null, `input.${field}`, rule.nullable === true ? `${EXPECTED[rule.kind]}, or null` : EXPECTED[rule.kind], value);
    }
  }
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(rules, key) && !extra.includes(key)) {
      issues.add(null, `input.${key}`, `no such field (known: ${[...extra, ...Object.keys(rules)].join(', ')})`, record[key]);
    }
  }
  return issues;
}
