import { civilFromDays, daysInMonth, parseDay } from '../time/civil';
import type { DayRange } from '../time/range';
import type { AttributionCost } from './attribution.types';

/** The inclusive local days a cost was spent over. */
export interface CostDays {
  readonly fromDay: number;
  readonly toDay: number;
}

const MONTH = /^\d{4}-\d{2}$/;
const PERIOD_EXPECTED = 'a month YYYY-MM, a day YYYY-MM-DD, or { from, to } local dates YYYY-MM-DD';

/**
 * The days of a cost period (`YYYY-MM`, `YYYY-MM-DD` or `{ from, to }`,
 * inclusive), or what was expected instead.
 */
export function parseCostPeriod(period: unknown): CostDays | string {
  if (typeof period === 'string') {
    if (MONTH.test(period)) {
      const first = parseDay(`${period}-01`);
      if (first === null) return PERIOD_EXPECTED;
      const { year, month } = civilFromDays(first);
      return { fromDay: first, toDay: first + daysInMonth(year, month) - 1 };
    }
    const day = parseDay(period);
    return day === null ? PERIOD_EXPECTED : { fromDay: day, toDay: day };
  }
  if (typeof period !== 'object' || period === null || Array.isArray(period)) return PERIOD_EXPECTED;
  const { from, to, ...rest } = period as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof from !== 'string' || typeof to !== 'string') return PERIOD_EXPECTED;
  const fromDay = parseDay(from);
  const toDay = parseDay(to);
  if (fromDay === null || toDay === null) return PERIOD_EXPECTED;
  if (toDay < fromDay) return `{ from, to } with to on or after from (${from})`;
  return { fromDay, toDay };
}

/** A cost entry's spend inside the range. */
export interface SpendInRange {
  readonly channel: string;
  readonly campaign: string | undefined;
  readonly amount: number;
}

/**
 * The spend of each cost entry that overlaps the range: its amount spread
 * evenly over its period's days, times the days inside the range. Entries
 * wholly outside the range are left out. Costs are assumed validated.
 */
export function spendInRange(costs: readonly AttributionCost[], range: DayRange): SpendInRange[] {
  const spend: SpendInRange[] = [];
  for (const cost of costs) {
    const days = parseCostPeriod(cost.period) as CostDays;
    const overlap = Math.min(days.toDay, range.toDay) - Math.max(days.fromDay, range.fromDay) + 1;
    if (overlap <= 0) continue;
    const length = days.toDay - days.fromDay + 1;
    // Whole periods inside the range keep their amount exactly.
    const amount = overlap === length ? cost.amount : (cost.amount * overlap) / length;
    spend.push({ channel: cost.channel, campaign: cost.campaign, amount });
  }
  return spend;
}
