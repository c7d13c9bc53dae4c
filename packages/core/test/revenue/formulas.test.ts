import { describe, expect, it } from 'vitest';
import { KpiValidationError } from '../../src/index';
import { arpu } from '../../src/revenue/arpu';
import { cac } from '../../src/revenue/cac';
import { clv } from '../../src/revenue/clv';
import { customerChurnRate } from '../../src/revenue/customerChurnRate';
import { ltvToCac } from '../../src/revenue/ltvToCac';
import { retentionRate } from '../../src/revenue/retentionRate';

describe('arpu', () => {
  it('spreads MRR over paying customers: 1,000 over 100 → 10', () => {
    expect(arpu({ mrr: 1000, customers: 100 })).toBe(10);
    expect(arpu({ mrr: 0, customers: 0 })).toBeNull();
  });

  it('rejects a negative MRR, a fractional customer count and unknown fields', () => {
    expect(() => arpu({ mrr: -1, customers: 1 })).toThrow(/input\.mrr/);
    expect(() => arpu({ mrr: 1, customers: 1.5 })).toThrow(/input\.customers/);
    expect(() => arpu({ mrr: 1, customers: 1, users: 2 } as never)).toThrow(/input\.users/);
    expect(() => arpu(null as never)).toThrow(KpiValidationError);
  });
});

describe('customerChurnRate', () => {
  it('matches the contract example: 5 lost of 100 → 0.05', () => {
    expect(customerChurnRate({ customersAtStart: 100, customersLost: 5 })).toBe(0.05);
    expect(customerChurnRate({ customersAtStart: 0, customersLost: 0 })).toBeNull();
  });

  it('rejects losing more customers than there were', () => {
    expect(() => customerChurnRate({ customersAtStart: 3, customersLost: 4 })).toThrow(
      /input\.customersLost: expected at most customersAtStart/,
    );
    expect(() => customerChurnRate({ customersAtStart: 3, customersLost: -1 })).toThrow(/input\.customersLost/);
  });
});

describe('retentionRate', () => {
  it('matches the contract example: E = 110, N = 20, S = 100 → 0.9', () => {
    expect(retentionRate({ customersAtStart: 100, customersAtEnd: 110, newCustomers: 20 })).toBe(0.9);
    expect(retentionRate({ customersAtStart: 0, customersAtEnd: 5, newCustomers: 5 })).toBeNull();
  });

  it('rejects inconsistent counts', () => {
    // More new customers than customers at the end.
    expect(() => retentionRate({ customersAtStart: 100, customersAtEnd: 10, newCustomers: 20 })).toThrow(/input\.newCustomers/);
    // 110 − 5 = 105 retained of 100.
    expect(() => retentionRate({ customersAtStart: 100, customersAtEnd: 110, newCustomers: 5 })).toThrow(/input\.customersAtEnd/);
    expect(() => retentionRate({ customersAtStart: 100, customersAtEnd: 110 } as never)).toThrow(/input\.newCustomers/);
  });
});

describe('clv', () => {
  it('matches the contract example: 10,000 a year × 5 years → 50,000', () => {
    // 4 purchases a year of 2,500 each = 10,000 a year.
    expect(clv({ method: 'purchases', meanPurchaseValue: 2500, purchasesPerYear: 4, lifespanYears: 5 })).toBe(50_000);
  });

  it('divides ARPU by the monthly churn rate', () => {
    // 10 a month, 5 % of customers lost a month: an expected lifetime of 20 months → 200.
    expect(clv({ method: 'churn', arpu: 10, monthlyChurnRate: 0.05 })).toBe(200);
    expect(clv({ method: 'churn', arpu: 10, monthlyChurnRate: 0 })).toBeNull();
    expect(clv({ method: 'churn', arpu: null, monthlyChurnRate: 0.05 })).toBeNull();
    expect(clv({ method: 'churn', arpu: 10, monthlyChurnRate: null })).toBeNull();
  });

  it('rejects an unknown method, a churn rate above 1 and fields of the other method', () => {
    expect(() => clv({ method: 'magic' } as never)).toThrow(/input\.method: expected one of "purchases", "churn"/);
    expect(() => clv({ method: 'churn', arpu: 10, monthlyChurnRate: 5 })).toThrow(/input\.monthlyChurnRate/);
    expect(() => clv({ method: 'churn', arpu: 10, monthlyChurnRate: 0.1, lifespanYears: 2 } as never)).toThrow(/input\.lifespanYears/);
    expect(() => clv({ method: 'purchases', meanPurchaseValue: 1, purchasesPerYear: Number.NaN, lifespanYears: 1 })).toThrow(
      /input\.purchasesPerYear/,
    );
  });
});

describe('cac and ltvToCac', () => {
  it('divides spend by new customers, and lifetime value by acquisition cost', () => {
    expect(cac({ spend: 50_000, newCustomers: 25 })).toBe(2000);
    expect(cac({ spend: 50_000, newCustomers: 0 })).toBeNull();
    expect(ltvToCac({ clv: 6000, cac: 2000 })).toBe(3);
    expect(ltvToCac({ clv: 6000, cac: 0 })).toBeNull();
    expect(ltvToCac({ clv: null, cac: 2000 })).toBeNull();
    // Chained: a CAC of null (no new customers) gives null, not an error.
    expect(ltvToCac({ clv: 6000, cac: cac({ spend: 100, newCustomers: 0 }) })).toBeNull();
  });

  it('rejects negative or non-finite money', () => {
    expect(() => cac({ spend: -1, newCustomers: 1 })).toThrow(/input\.spend/);
    expect(() => ltvToCac({ clv: Number.POSITIVE_INFINITY, cac: 1 })).toThrow(/input\.clv/);
  });
});
