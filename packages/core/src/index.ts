// Errors
export { KpiValidationError, MAX_ISSUES } from './errors';
export type { KpiIssue } from './errors';

// Events
export { toEventTable, eventTableFromColumns, isEventTable } from './events/eventTable';
export { eventSchema, timestampSchema, propertyValueSchema } from './events/event.schema';
export { checkEvent } from './events/checkEvent';
export type { EventIssue } from './events/checkEvent';
export type { EventFilter } from './events/filter';
export type { EventColumns, EventInput, EventTable, KpiEvent, PropertyColumn, PropertyValue, TimestampInput } from './events/event.types';
export { tableForUnit } from './events/unit';
export type { GroupUnitSummary, MetricUnit, UnitOptions, UnitResult, UnitTable } from './events/unit';

// Users
export { toUserTable, isUserTable } from './users/userTable';
export { joinUsers } from './users/joinUsers';
export { USER_PROPERTY_PREFIX } from './users/users.types';
export type { KpiUser, UserTable } from './users/users.types';

// Time
export { formatDay, parseDay, civilFromDays, daysFromCivil } from './time/civil';
export { periodCalendar } from './time/period';
export type { Period, PeriodCalendar, Weekday } from './time/period';
export { zoneClock, isValidTimeZone } from './time/zone';
export type { ZoneClock } from './time/zone';
export { sharedLocalDays as localDays } from './time/localDays';

// Options
export type { EventRangeOptions } from './options/range.types';
export {
  eventFilterSchema,
  eventMatchSchema,
  localDateSchema,
  localMonthSchema,
  timeZoneSchema,
  unitSchema,
  weekStartsOnSchema,
} from './options/common.schema';

// Survey scores
export { nps } from './survey/nps';
export type { NpsResult } from './survey/nps';
export { csat } from './survey/csat';
export type { CsatOptions, CsatResult } from './survey/csat';
export { ces } from './survey/ces';
export type { CesOptions, CesResult } from './survey/ces';
export type { ScoreScale } from './survey/scoreScale';
export { npsScoresSchema, csatScoresSchema, cesScoresSchema, csatOptionsSchema, cesOptionsSchema } from './survey/survey.schema';

// Active users and stickiness
export { activeUsers } from './activity/activeUsers';
export type {
  ActiveUsersOptions,
  ActiveUsersPeriodResult,
  ActiveUsersPeriodRow,
  ActiveUsersResult,
  ActiveUsersResultFor,
  ActiveUsersRow,
} from './activity/activeUsers';
export { stickinessSummary } from './activity/stickinessSummary';
export type { StickinessSummaryOptions, StickinessSummaryResult } from './activity/stickinessSummary';
export { stickinessDistribution, stickinessDistributionRows } from './activity/stickinessDistribution';
export type {
  StickinessDistributionOptions,
  StickinessDistributionResult,
  StickinessDistributionRow,
} from './activity/stickinessDistribution';
export {
  activeUsersOptionsSchema,
  activityIntervalSchema,
  stickinessDistributionOptionsSchema,
  stickinessSummaryOptionsSchema,
} from './activity/activity.schema';

// Lifecycle
export { lifecycle } from './lifecycle/lifecycle';
export { lifecycleOptionsSchema } from './lifecycle/lifecycle.schema';
export type { LifecycleNewFrom, LifecycleOptions, LifecycleResult, LifecycleRow } from './lifecycle/lifecycle.types';

// Retention
export { retention } from './retention/retention';
export { retentionOptionsSchema, MAX_RETENTION_PERIODS, MAX_RETURN_EVENTS } from './retention/retention.schema';
export { cohortTable as retentionCohortTable } from './retention/cohortTable';
export type { CohortLayout as RetentionCohortLayout, CohortTable as RetentionCohortTable } from './retention/cohortTable';
export type {
  RetentionBreakdown,
  RetentionBreakdownGroup,
  RetentionBreakdownResult,
  RetentionCohort,
  RetentionCohortKind,
  RetentionEvent,
  RetentionMode,
  RetentionOptions,
  RetentionResult,
} from './retention/retention.types';

// North Star tree
export { northStarTree } from './northStar/northStarTree';
export { whatIf } from './northStar/whatIf';
export { bindMetrics } from './northStar/bindMetrics';
export {
  northStarDefinitionSchema,
  northStarNodeSchema,
  northStarMetricBindingSchema,
  whatIfOverridesSchema,
  bindMetricsOptionsSchema,
} from './northStar/northStar.schema';
export type {
  ActiveUsersField,
  BindMetricsOptions,
  GoodDirection,
  NorthStarChange,
  NorthStarDefinition,
  NorthStarFormula,
  NorthStarMetricBinding,
  NorthStarNodeDefinition,
  NorthStarNodeResult,
  NorthStarReason,
  NorthStarSensitivity,
  NorthStarTreeResult,
  WhatIfOverrides,
  WhatIfResult,
} from './northStar/northStar.types';

// Activation discovery
export { activationCandidates } from './discovery/activationCandidates';
export {
  activationCandidatesOptionsSchema,
  DEFAULT_ACTIVATION_DAYS,
  DEFAULT_ACTIVATION_THRESHOLDS,
  DEFAULT_OUTCOME_DAYS,
  MAX_ACTIVATION_DAYS,
  MAX_ACTIVATION_PAIRS,
  MAX_ACTIVATION_THRESHOLDS,
} from './discovery/activationCandidates.schema';
export type {
  ActivationCandidate,
  ActivationCandidateEvent,
  ActivationCandidatesOptions,
  ActivationCandidatesResult,
  ActivationCondition,
  ActivationCounts,
  ActivationOutcomeMode,
  ActivationOutcomeOptions,
} from './discovery/activationCandidates.types';
// For @kpikit/sql: the options as core reads them, and the result from the tallies, so both compute it alike.
export { resolveActivationOptions } from './discovery/resolveActivation';
export type { ResolvedActivationOptions } from './discovery/resolveActivation';
export { activationCandidatesResult } from './discovery/activationResult';
export type {
  ActivationTallies,
  CandidateThreshold as ActivationCandidateThreshold,
  SignalTally as ActivationSignalTally,
} from './discovery/activationResult';
export type { CandidateSpec as ActivationCandidateSpec } from './discovery/candidateKey';
// For @kpikit/sql too: the 95 % normal quantile of the Wilson and Newcombe intervals, for estimates of the score in SQL.
export { Z_95 } from './stats/proportionInterval';

// Sample data
export { generateSampleData } from './sample/generateSampleData';
export { sampleDataOptionsSchema, MAX_SAMPLE_USERS, MAX_SAMPLE_DAYS } from './sample/sample.schema';
export type {
  SampleChannel,
  SampleData,
  SampleDataOptions,
  SampleEvent,
  SampleEventName,
  SampleEventColumns,
  SampleEventProperties,
  SampleMarketingCost,
  SamplePlan,
  SampleSource,
  SampleSubscription,
} from './sample/sample.types';

// Distributions
export type { DistributionSummary, HistogramBin } from './stats/summary';

// Sessions
export { sessions } from './sessions/sessions';
export { sessionsOptionsSchema, DEFAULT_SESSION_INACTIVITY } from './sessions/sessions.schema';
export type { SessionsOptions, SessionsResult } from './sessions/sessions.types';

// Revenue
export { mrr } from './revenue/mrr';
export { mrrMovements } from './revenue/mrrMovements';
export { arpu } from './revenue/arpu';
export type { ArpuInput } from './revenue/arpu';
export { customerChurnRate } from './revenue/customerChurnRate';
export type { CustomerChurnRateInput } from './revenue/customerChurnRate';
export { retentionRate } from './revenue/retentionRate';
export type { RetentionRateInput } from './revenue/retentionRate';
export { clv } from './revenue/clv';
export type { ClvInput, ClvPurchasesInput, ClvChurnInput } from './revenue/clv';
export { cac } from './revenue/cac';
export type { CacInput } from './revenue/cac';
export { ltvToCac } from './revenue/ltvToCac';
export type { LtvToCacInput } from './revenue/ltvToCac';
export { subscriptionSchema, subscriptionsSchema, subscriptionTimeSchema } from './revenue/subscription.schema';
export { MAX_SUBSCRIPTION_AMOUNT } from './revenue/subscriptionTable';
export { mrrOptionsSchema, mrrMovementsOptionsSchema } from './revenue/revenue.schema';
export type {
  BillingInterval,
  Subscription,
  MrrGranularity,
  MrrOptions,
  MrrRow,
  MrrResult,
  MrrMovementsOptions,
  MrrMovementRow,
  MrrMovementCustomers,
  MrrMovementsResult,
} from './revenue/revenue.types';

// Funnels
export { funnel } from './funnel/funnel';
export {
  funnelOptionsSchema,
  funnelStepSchema,
  funnelExclusionSchema,
  funnelExclusionModeSchema,
  funnelBreakdownAttributionSchema,
  MIN_FUNNEL_STEPS,
  MAX_FUNNEL_STEPS,
  MAX_FUNNEL_EXCLUSIONS,
  DEFAULT_FUNNEL_WINDOW,
} from './funnel/funnel.schema';
export { BREAKDOWN_TOP_VALUES } from './funnel/funnelTally';
export { compareBreakdownValues } from './funnel/breakdownOrder';
export { rankBreakdownValues } from './breakdown/rankValues';
export type { RankedValues } from './breakdown/rankValues';
export { funnelStepResults } from './funnel/stepResults';
export type {
  FunnelOrder,
  FunnelStep,
  FunnelExclusion,
  FunnelExclusionMode,
  FunnelBreakdown,
  FunnelBreakdownAttribution,
  FunnelOptions,
  FunnelStepResult,
  FunnelBreakdownGroup,
  FunnelBreakdownResult,
  FunnelResult,
} from './funnel/funnel.types';

// Adoption, activation, conversion
export { productAdoptionRate } from './adoption/productAdoptionRate';
export type { ProductAdoptionRateOptions, ProductAdoptionRateResult } from './adoption/productAdoptionRate';
export { featureAdoptionRate } from './adoption/featureAdoptionRate';
export type { FeatureAdoptionRateOptions, FeatureAdoptionRateResult } from './adoption/featureAdoptionRate';
export { activation } from './adoption/activation';
export type { ActivationOptions, ActivationResult } from './adoption/activation';
export { conversionRate } from './adoption/conversionRate';
export type { ConversionRateOptions, ConversionRateResult } from './adoption/conversionRate';
export {
  productAdoptionRateOptionsSchema,
  featureAdoptionRateOptionsSchema,
  activationOptionsSchema,
  conversionRateOptionsSchema,
} from './adoption/adoption.schema';

// Attribution
export { attribution } from './attribution/attribution';
export {
  attributionOptionsSchema,
  attributionModelSchema,
  attributionTouchesSchema,
  attributionValueSchema,
  attributionCostSchema,
  DEFAULT_ATTRIBUTION_LOOKBACK,
  DEFAULT_HALF_LIFE,
  DEFAULT_POSITION_WEIGHTS,
  DEFAULT_DIRECT_CHANNELS,
  MAX_ATTRIBUTION_MODELS,
} from './attribution/attribution.schema';
export { CREDIT_UNITS } from './attribution/apportion';
export { DECAY_COEFFICIENTS, DECAY_FLOOR, decayWeight } from './attribution/decay';
export { resolveModel as resolveAttributionModel } from './attribution/models';
export { spendInRange as attributionSpend } from './attribution/costs';
export type { SpendInRange as AttributionSpend } from './attribution/costs';
export type {
  AttributionModelName,
  AttributionModel,
  AttributionModelSpec,
  PositionWeights,
  AttributionConversion,
  AttributionTouches,
  AttributionPropertyValue,
  AttributionSubscriptionValue,
  AttributionValue,
  AttributionCost,
  AttributionCostPeriod,
  AttributionCount,
  AttributionOptions,
  AttributionFigures,
  AttributionCampaignRow,
  AttributionRow,
  AttributionModelResult,
  AttributionResult,
} from './attribution/attribution.types';

// Importing analytics exports
export { createImporter, EventImporter, DEFAULT_ACCOUNT_PROPERTY } from './import/importer';
export { importEvents, DETECT_ROWS } from './import/importEvents';
export type { ImportEventsOptions } from './import/importEvents';
export { detectFormat } from './import/detectFormat';
export { importOptionsSchema, columnMappingSchema } from './import/import.schema';
export type {
  ColumnMapping,
  DstPolicy,
  FieldGuess,
  FormatDetection,
  FormatImportOptions,
  GenericImportOptions,
  ImportFormat,
  ImportOptions,
  ImportOptionsBase,
  ImportResult,
  ImportSummary,
  ImportTimeSummary,
  RowOutcome,
  TimeFormat,
} from './import/import.types';
