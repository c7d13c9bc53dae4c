import type {
  FormatDetection,
  ImportOptions,
  ImportSummary,
  ActivationCandidatesResult,
  ActivationResult,
  AttributionCost,
  AttributionResult,
  ActiveUsersResult,
  CsatResult,
  EventTable,
  FunnelResult,
  LifecycleResult,
  MrrRow,
  NorthStarDefinition,
  NorthStarTreeResult,
  NpsResult,
  RetentionResult,
  SessionsResult,
  StickinessDistributionResult,
  Subscription,
} from '@kpikit/core';

/** A data set the worker holds: events indexed once, and what else came with them. */
export interface Dataset {
  readonly source: 'sample' | 'file';
  /** A file's name, or the sample's description. */
  readonly name: string;
  readonly table: EventTable;
  readonly surveys: { readonly nps: readonly number[]; readonly csat: readonly number[] } | null;
  readonly subscriptions: readonly Subscription[] | null;
  readonly northStar: NorthStarDefinition | null;
  /** What marketing cost per channel and month (the sample's `marketingCosts`), as `attribution`'s `costs`; `null` without costs. */
  readonly marketingCosts: readonly AttributionCost[] | null;
  /** Currency of subscription amounts. */
  readonly currency: string;
}

/** A row of a file that could not be read, reported to the user. */
export interface RowIssue {
  /** 1-based line in the file where the row starts. */
  readonly line: number;
  /** The field at fault (`timestamp`, `user_id` …), or `row` for the row as a whole. */
  readonly field: string;
  readonly message: string;
}

/** What the page shows about the loaded data. */
export interface DatasetSummary {
  readonly source: Dataset['source'];
  readonly name: string;
  readonly events: number;
  readonly users: number;
  /** Event names, most frequent first, with their counts. */
  readonly eventNames: readonly { readonly name: string; readonly count: number }[];
  readonly hasSurveys: boolean;
  readonly hasRevenue: boolean;
  /** The event property that names accounts (`accountId`), or `null`: the unit switch shows only with one. */
  readonly accountProperty: string | null;
  /** Rows of a file that were rejected (all of them counted, the first 20 described). */
  readonly rejectedRows: number;
  readonly issues: readonly RowIssue[];
  /** Rows read that repeated another exactly (counted once). */
  readonly duplicates: number;
  /** For a file: how it was read (its format, as detected, and the options used). */
  readonly file?: FileSummary | undefined;
}

/** How a file was read: what its head looked like, the options used, and what core's importer found. */
export interface FileSummary {
  readonly kind: 'csv' | 'jsonl' | 'parquet';
  readonly detection: FormatDetection;
  readonly options: ImportOptions;
  readonly import: ImportSummary;
}

/** The local-date range a dashboard is computed over, and the one before it for changes. */
export interface DashboardRange {
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly days: number;
  /** The range of the same length just before, when the data covers it. */
  readonly previous: { readonly from: string; readonly to: string } | null;
  /** The first and last local dates with events, in this zone. */
  readonly first: string;
  readonly last: string;
}

/** A KPI with the same figure over the previous range. */
export interface Compared<T> {
  readonly current: T;
  readonly previous: T | null;
}

export interface RevenueKpis {
  readonly currency: string;
  /** MRR at the close of each month of the range (the last measured on `to`). */
  readonly series: readonly MrrRow[];
  readonly mrr: Compared<number>;
  readonly arpu: Compared<number | null>;
  /** Customers lost ÷ customers at the start of the month, over the range's months pooled. */
  readonly churn: Compared<number | null>;
  readonly clv: Compared<number | null>;
  readonly cac: Compared<number | null>;
  readonly ltvToCac: number | null;
  readonly newCustomers: number;
  readonly spend: number;
}

/** Everything the dashboard draws: plain data, cloned from the worker to the page. */
export interface DashboardModel {
  readonly range: DashboardRange;
  readonly nps: NpsResult | null;
  readonly csat: CsatResult | null;
  readonly activeUsers: Compared<ActiveUsersResult>;
  /** New, returning, resurrecting and dormant users (or accounts) per interval, from the first whole interval of the range. */
  readonly lifecycle: LifecycleResult;
  /** Users (or accounts) by how many of the range's last 7 days they were active. */
  readonly daysActive: StickinessDistributionResult;
  readonly retention: { readonly exact: RetentionResult; readonly unbounded: RetentionResult };
  /** `null` with fewer than two steps. */
  readonly funnel: FunnelResult | null;
  readonly sessions: Compared<SessionsResult>;
  /** `null` when the data has no `signup` or no `activate` events. */
  readonly activation: Compared<ActivationResult> | null;
  readonly revenue: RevenueKpis | null;
  readonly northStar: NorthStarTreeResult | null;
  /** Sign-ups shared among the channels (`utm_source`) of their touches, five models; `null` without `signup` events. */
  readonly attribution: AttributionResult | null;
  /** Early actions of new users ranked by how they go with retention; `null` without `signup` events. */
  readonly activationCandidates: ActivationCandidatesResult | null;
}
