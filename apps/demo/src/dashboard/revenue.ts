import { arpu, cac, clv, customerChurnRate, ltvToCac, mrr, mrrMovements, type Subscription } from '@kpikit/core';
import type { Compared, DashboardRange, RevenueKpis } from './types';

interface Period {
  readonly from: string;
  readonly to: string;
}

interface PeriodFigures {
  readonly mrr: number;
  readonly arpu: number | null;
  readonly churn: number | null;
  readonly clv: number | null;
  readonly cac: number | null;
  readonly ltvToCac: number | null;
  readonly newCustomers: number;
  readonly spend: number;
}

/**
 * The revenue cards of a range: MRR and ARPU at the close of its last day;
 * churn, CLV and CAC over the calendar months it touches (customers lost and
 * won are counted per month, so the months are pooled); CAC from an assumed
 * monthly spend.
 */
export function revenueKpis(
  subscriptions: readonly Subscription[],
  range: DashboardRange,
  currency: string,
  monthlySpend: number,
): RevenueKpis {
  const { timeZone } = range;
  const current = periodFigures(subscriptions, range, timeZone, monthlySpend);
  const previous = range.previous ? periodFigures(subscriptions, range.previous, timeZone, monthlySpend) : null;
  const compare = <K extends keyof PeriodFigures>(key: K): Compared<PeriodFigures[K]> => ({
    current: current[key],
    previous: previous ? previous[key] : null,
  });
  return {
    currency,
    series: mrr(subscriptions, { from: range.from, to: range.to, granularity: 'month', timeZone }).rows,
    mrr: compare('mrr'),
    arpu: compare('arpu'),
    churn: compare('churn'),
    clv: compare('clv'),
    cac: compare('cac'),
    ltvToCac: current.ltvToCac,
    newCustomers: current.newCustomers,
    spend: current.spend,
  };
}

function periodFigures(subscriptions: readonly Subscription[], period: Period, timeZone: string, monthlySpend: number): PeriodFigures {
  const close = mrr(subscriptions, { from: period.to, to: period.to, granularity: 'day', timeZone }).rows[0];
  const { months } = mrrMovements(subscriptions, { from: period.from, to: period.to, timeZone });
  let atStart = 0;
  let lost = 0;
  let won = 0;
  for (const month of months) {
    atStart += month.customers.start;
    lost += month.customers.churned;
    won += month.customers.new;
  }
  const closingMrr = close?.mrr ?? 0;
  const averageRevenue = arpu({ mrr: closingMrr, customers: close?.customers ?? 0 });
  const churn = customerChurnRate({ customersAtStart: atStart, customersLost: lost });
  const lifetimeValue = clv({ method: 'churn', arpu: averageRevenue, monthlyChurnRate: churn });
  const spend = monthlySpend * months.length;
  const acquisitionCost = cac({ spend, newCustomers: won });
  return {
    mrr: closingMrr,
    arpu: averageRevenue,
    churn,
    clv: lifetimeValue,
    cac: acquisitionCost,
    ltvToCac: ltvToCac({ clv: lifetimeValue, cac: acquisitionCost }),
    newCustomers: won,
    spend,
  };
}
