import type { TimestampInput } from '../events/event.types';

/** How often a subscription's `amount` is billed. */
export type BillingInterval = 'month' | 'year';

/**
 * One subscription as callers hand it in.
 *
 * `start` and `end` are timestamps (epoch ms, `Date`, ISO-8601 with `Z` or an
 * offset) or local dates `YYYY-MM-DD` read in the `timeZone` of the call; a
 * row's `end` is written like its `start`.
 */
export interface Subscription {
  readonly customerId: string;
  /** Price per interval in minor units (cents for USD, yen for JPY): a non-negative integer. */
  readonly amount: number;
  readonly interval: BillingInterval;
  /** When billing starts: the subscription counts from this local day on. */
  readonly start: TimestampInput;
  /** When billing stops (exclusive); `null` or absent while still running. Not before `start`. */
  readonly end?: TimestampInput | null | undefined;
}

/** Granularity of an {@link MrrResult} series. */
export type MrrGranularity = 'day' | 'month';

/** Options of `mrr`. */
export interface MrrOptions {
  /** First local date reported, `YYYY-MM-DD`. Default: the earliest `start`. */
  readonly from?: string | undefined;
  /** Last local date reported, inclusive. Default: the latest `start` or `end`. */
  readonly to?: string | undefined;
  /** `day`: one row per day; `month` (default): one row per calendar month, measured on its last day. */
  readonly granularity?: MrrGranularity | undefined;
  /** IANA zone whose calendar days are used, and in which dates and timestamps are read. Default `"UTC"`. */
  readonly timeZone?: string | undefined;
}

/** One point of an {@link MrrResult} series. */
export interface MrrRow {
  /** The day or month, named by its first local date `YYYY-MM-DD`. */
  readonly period: string;
  /** The day measured: the period's last day, or `to` for a month still in progress. */
  readonly date: string;
  /** Monthly recurring revenue at the close of `date`, in minor units (an exact multiple of 1/12). */
  readonly mrr: number;
  /** Customers with a positive MRR at the close of `date`. */
  readonly customers: number;
  /** `mrr / customers`; `null` when there are no customers. */
  readonly arpu: number | null;
}

/** Result of `mrr`. */
export interface MrrResult {
  /** The range used, or `null` when there are no subscriptions and no `from`/`to`. */
  readonly from: string | null;
  readonly to: string | null;
  readonly timeZone: string;
  readonly granularity: MrrGranularity;
  readonly rows: readonly MrrRow[];
}

/** Options of `mrrMovements`. */
export interface MrrMovementsOptions {
  /** A local date in the first month reported, `YYYY-MM-DD`. Default: the earliest `start`. */
  readonly from?: string | undefined;
  /** A local date in the last month reported, inclusive: that month is measured on this day. Default: the latest `start` or `end`. */
  readonly to?: string | undefined;
  /** IANA zone whose calendar months are used, and in which dates and timestamps are read. Default `"UTC"`. */
  readonly timeZone?: string | undefined;
}

/** How many customers made each kind of move in a month, and how many paid at its start and end. */
export interface MrrMovementCustomers {
  /** Customers with a positive MRR at the start of the month (the close of the previous month). */
  readonly start: number;
  /** Customers with a positive MRR at the close of the month. */
  readonly end: number;
  readonly new: number;
  readonly expansion: number;
  readonly contraction: number;
  readonly churned: number;
  readonly reactivation: number;
}

/**
 * One month of MRR movements, in minor units. Gains are positive, losses
 * (`contraction`, `churned`) negative or 0, so
 * `net = new + expansion + contraction + churned + reactivation = endMrr − startMrr`.
 */
export interface MrrMovementRow {
  /** The month, named by its first local date `YYYY-MM-DD`. */
  readonly period: string;
  /** The day the month is measured: its last day, or `to` for a month still in progress. */
  readonly date: string;
  /** MRR at the close of the previous month's last day. */
  readonly startMrr: number;
  /** MRR at the close of `date`. */
  readonly endMrr: number;
  /** From customers paying for the first time ever. */
  readonly new: number;
  /** From paying customers who now pay more. */
  readonly expansion: number;
  /** From paying customers who now pay less (≤ 0). */
  readonly contraction: number;
  /** From customers who stopped paying (≤ 0). */
  readonly churned: number;
  /** From customers who paid before, stopped, and pay again. */
  readonly reactivation: number;
  readonly net: number;
  readonly customers: MrrMovementCustomers;
}

/** Result of `mrrMovements`. */
export interface MrrMovementsResult {
  /** The range used, or `null` when there are no subscriptions and no `from`/`to`. */
  readonly from: string | null;
  readonly to: string | null;
  readonly timeZone: string;
  readonly months: readonly MrrMovementRow[];
}
