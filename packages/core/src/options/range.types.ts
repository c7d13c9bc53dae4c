/** The local-date range and time zone that every event metric takes. */
export interface EventRangeOptions {
  /** First local date of the range, `YYYY-MM-DD`: earlier events are ignored. Default: the local date of the earliest event. */
  readonly from?: string | undefined;
  /** Last local date of the range, inclusive. Default: the local date of the latest event. */
  readonly to?: string | undefined;
  /** IANA zone whose calendar days, weeks and months are used. Default `"UTC"`. */
  readonly timeZone?: string | undefined;
}
