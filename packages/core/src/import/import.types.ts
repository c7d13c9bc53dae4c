import type { KpiIssue } from '../errors';
import type { EventTable } from '../events/event.types';

/** The export formats {@link createImporter} reads. */
export type ImportFormat = 'segment' | 'posthog' | 'amplitude' | 'mixpanel' | 'generic';

/**
 * How a column's times are written, for the generic mapping:
 * - `auto`: epoch milliseconds (a number or digits) or an ISO-8601 date-time with `Z` or an offset, as `toEventTable` reads them;
 * - `epoch-milliseconds`, `epoch-seconds`: a number or digits (a fraction allowed);
 * - `iso`: an ISO-8601 date-time with `Z` or an offset, nothing else;
 * - `local`: a date-time without an offset, on the clock of `timeZone` (one with an offset is read by its offset).
 */
export type TimeFormat = 'auto' | 'epoch-milliseconds' | 'epoch-seconds' | 'iso' | 'local';

/**
 * What to do with a local time the zone's clock skips (a spring-forward gap)
 * or shows twice (a fall-back overlap): `compatible` (default) moves a skipped
 * time forward by the gap and takes the earlier of a repeated time, as
 * JavaScript's `Temporal` does by default; `reject` reports the row as invalid.
 */
export type DstPolicy = 'compatible' | 'reject';

/** Which columns of a generic file are the event's fields. */
export interface ColumnMapping {
  /** The user's column, or columns tried in order (the first non-empty one wins: `['user_id', 'anonymous_id']`). */
  readonly user: string | readonly string[];
  /** The event name's column. */
  readonly name: string;
  /** The time's column. */
  readonly time: string;
  /** How the times are written. Default `auto`. */
  readonly timeFormat?: TimeFormat | undefined;
  /** The account's column, if any. */
  readonly account?: string | undefined;
  /**
   * Which columns become properties: `rest` (default) for every other column,
   * or a list. A column named `properties` that holds an object (or its JSON
   * text) gives its entries; `properties.plan` gives `plan`.
   */
  readonly properties?: 'rest' | readonly string[] | undefined;
}

/** Options every format takes. */
export interface ImportOptionsBase {
  /**
   * The IANA zone of times written without an offset. Default `UTC`, and the
   * summary says it was assumed. For Mixpanel, setting it reads `time` as the
   * project's local clock (the export of projects made before 2023).
   */
  readonly timeZone?: string | undefined;
  /** Local times in a DST gap or overlap. Default `compatible`. */
  readonly dst?: DstPolicy | undefined;
  /**
   * Where the account is, as a dotted path in the row (`groups.company`,
   * `properties.company_id`), replacing the format's default.
   */
  readonly accountFrom?: string | undefined;
  /** The event property the account goes into. Default `accountId`. */
  readonly accountProperty?: string | undefined;
  /** Keep only these properties (by key, or by the key a flattened one starts with). Default every one. */
  readonly properties?: readonly string[] | undefined;
  /** `throw` (default): `finish` throws on any invalid row; `skip`: invalid rows are left out and reported in the summary. */
  readonly invalid?: 'throw' | 'skip' | undefined;
}

/** Options of a named export format. */
export interface FormatImportOptions extends ImportOptionsBase {
  readonly format: Exclude<ImportFormat, 'generic'>;
  /** Mixpanel only: the unit of `properties.time`. Default `seconds`. */
  readonly timeUnit?: 'seconds' | 'milliseconds' | undefined;
}

/** Options of the generic column mapping. */
export interface GenericImportOptions extends ImportOptionsBase {
  readonly format: 'generic';
  /** Default: kpikit's own shape, `userId` or `user_id`, `name`, `timestamp`, times `auto`. */
  readonly mapping?: ColumnMapping | undefined;
}

/** Options of {@link createImporter}. */
export type ImportOptions = FormatImportOptions | GenericImportOptions;

/** How an import read its times. */
export interface ImportTimeSummary {
  /** How the time field is written. */
  readonly format: TimeFormat;
  /** The field times were read from (`event_time`, `properties.time`). */
  readonly field: string;
  /** The zone applied to times written without an offset, or `null` when the format's times are instants. */
  readonly timeZone: string | null;
  /** Whether that zone is the default (UTC), not one the options gave. */
  readonly timeZoneAssumed: boolean;
  /** Rows whose time was read on that zone's clock. */
  readonly rowsInZone: number;
  /** Of those, times in a DST gap (moved forward) and in an overlap (the earlier taken). */
  readonly dstGaps: number;
  readonly dstOverlaps: number;
}

/** What an import read: the figures to show before trusting the table. */
export interface ImportSummary {
  readonly format: ImportFormat;
  /** Rows pushed, whatever became of them. */
  readonly rows: number;
  /** Events in the table (exact duplicates counted once). */
  readonly events: number;
  /** Valid rows that repeated another exactly (same user, name and time). */
  readonly duplicates: number;
  readonly users: number;
  /** Distinct accounts, 0 when no row had one. */
  readonly accounts: number;
  /** Earliest and latest event time (epoch ms), or `null` when there are no events. */
  readonly range: { readonly from: number; readonly to: number } | null;
  /** The fields events were read from. */
  readonly fields: { readonly user: readonly string[]; readonly name: string; readonly account: string | null };
  /** The event property accounts went into. */
  readonly accountProperty: string;
  /** Property keys of the table, in the order first seen (the account property among them). */
  readonly properties: readonly string[];
  readonly time: ImportTimeSummary;
  /** Rows that are not events of this format (a Segment `identify` call), by reason. */
  readonly skipped: number;
  readonly skippedBy: Readonly<Record<string, number>>;
  /** Rows left out as invalid (only with `invalid: 'skip'`): the first problems, and all of them counted. */
  readonly invalid: number;
  readonly issues: readonly KpiIssue[];
  readonly issueCount: number;
}

/** What {@link EventImporter.finish} returns. */
export interface ImportResult {
  readonly table: EventTable;
  readonly summary: ImportSummary;
}

/** What became of one pushed row. */
export type RowOutcome = 'event' | 'skipped' | 'invalid';

/** The fields a format reads, or a generic file's columns as guessed; `null` where none was found. */
export interface FieldGuess {
  /** User fields, in order of preference. */
  readonly user: readonly string[];
  readonly name: string | null;
  readonly time: string | null;
  readonly timeFormat: TimeFormat;
  readonly account: string | null;
}

/** A format {@link detectFormat} found, and why. */
export interface FormatDetection {
  readonly format: ImportFormat;
  /** What gave it away, in words, strongest first; for the generic format also how the times look. */
  readonly evidence: readonly string[];
  /** The fields the format reads (for the generic format, the columns guessed). */
  readonly fields: FieldGuess;
  /** Every field seen (columns, and one level into nested objects: `properties.time`). */
  readonly columns: readonly string[];
  /** The generic mapping's fields no column was found for. */
  readonly missing: readonly ('user' | 'name' | 'time')[];
  /** The options to import with, or `null` while a field is missing. */
  readonly options: ImportOptions | null;
}
