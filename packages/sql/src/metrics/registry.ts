import type {
  ActivationCandidatesOptions,
  ActivationCandidatesResult,
  AttributionOptions,
  AttributionResult,
  ActiveUsersOptions,
  ActiveUsersPeriodResult,
  ActiveUsersResult,
  ActiveUsersResultFor,
  FunnelOptions,
  FunnelResult,
  LifecycleOptions,
  LifecycleResult,
  MrrMovementsOptions,
  MrrMovementsResult,
  MrrOptions,
  MrrResult,
  NpsResult,
  RetentionOptions,
  RetentionResult,
  SessionsOptions,
  SessionsResult,
  StickinessDistributionOptions,
  StickinessDistributionResult,
  StickinessSummaryOptions,
  StickinessSummaryResult,
} from '@kpikit/core';
import type { EventTableColumns, SubscriptionTableColumns, SurveyTableColumns } from '../target';
import { activationCandidatesSql } from './activationCandidates/activationCandidates';
import { activeUsersSql } from './activeUsers';
import { attributionSql } from './attribution/attribution';
import { funnelSql } from './funnel/funnel';
import { lifecycleSql } from './lifecycle';
import type { MetricSql } from './metric.types';
import { npsSql } from './nps';
import { withUnitSummary } from '../query/unit';
import { checkUsers } from '../query/users';
import type { NpsSqlOptions } from './nps';
import { retentionSql } from './retention/retention';
import { mrrMovementsSql, mrrSql } from './revenue';
import { sessionsSql } from './sessions';
import { stickinessDistributionSql } from './stickinessDistribution';
import { stickinessSummarySql } from './stickinessSummary';

/** Each metric's options, result and table columns. */
export interface SqlMetrics {
  /** By day (the default) an `ActiveUsersResult`, by week or month an `ActiveUsersPeriodResult`: see {@link ResultFor}. */
  activeUsers: { options: ActiveUsersOptions; result: ActiveUsersResult | ActiveUsersPeriodResult; columns: EventTableColumns };
  retention: { options: RetentionOptions; result: RetentionResult; columns: EventTableColumns };
  nps: { options: NpsSqlOptions; result: NpsResult; columns: SurveyTableColumns };
  sessions: { options: SessionsOptions; result: SessionsResult; columns: EventTableColumns };
  stickinessSummary: { options: StickinessSummaryOptions; result: StickinessSummaryResult; columns: EventTableColumns };
  stickinessDistribution: { options: StickinessDistributionOptions; result: StickinessDistributionResult; columns: EventTableColumns };
  lifecycle: { options: LifecycleOptions; result: LifecycleResult; columns: EventTableColumns };
  funnel: { options: FunnelOptions; result: FunnelResult; columns: EventTableColumns };
  mrr: { options: MrrOptions; result: MrrResult; columns: SubscriptionTableColumns };
  mrrMovements: { options: MrrMovementsOptions; result: MrrMovementsResult; columns: SubscriptionTableColumns };
  attribution: { options: AttributionOptions; result: AttributionResult; columns: EventTableColumns };
  activationCandidates: { options: ActivationCandidatesOptions; result: ActivationCandidatesResult; columns: EventTableColumns };
}

/** A metric `compile`, `parse` and `run` know. */
export type MetricName = keyof SqlMetrics;

/** Options of a metric, as core takes them. */
export type MetricOptions<M extends MetricName> = SqlMetrics[M]['options'];
/** Result of a metric: exactly core's result type. */
export type MetricResult<M extends MetricName> = SqlMetrics[M]['result'];
/**
 * The result of a metric for options of type `O`: `activeUsers` by day unless
 * `O` asks for weeks or months (as core's overloads type it), else the
 * metric's result.
 */
export type ResultFor<M extends MetricName, O> = M extends 'activeUsers' ? ActiveUsersResultFor<O> : MetricResult<M>;
/** Column names of the table a metric reads. */
export type MetricColumns<M extends MetricName> = SqlMetrics[M]['columns'];

/** Every metric's SQL, by name. */
export const metrics: { readonly [M in MetricName]: MetricSql<MetricOptions<M>, MetricResult<M>> } = {
  activeUsers: activeUsersSql,
  retention: retentionSql,
  nps: npsSql,
  sessions: sessionsSql,
  stickinessSummary: stickinessSummarySql,
  stickinessDistribution: stickinessDistributionSql,
  lifecycle: lifecycleSql,
  funnel: funnelSql,
  mrr: mrrSql,
  mrrMovements: mrrMovementsSql,
  attribution: attributionSql,
  activationCandidates: activationCandidatesSql,
};

/** The SQL of a metric, or a clear error for an unknown name. */
export function metricSql<M extends MetricName>(metric: M): MetricSql<MetricOptions<M>, MetricResult<M>> {
  const found = Object.prototype.hasOwnProperty.call(metrics, metric) ? metrics[metric] : undefined;
  if (!found) throw new TypeError(`Unknown metric ${JSON.stringify(metric)}: expected one of ${Object.keys(metrics).join(', ')}`);
  // At a group's grain every event query returns the group counts beside the range: core's `unit` summary.
  return {
    ...found,
    parse: (rows, options) => {
      checkUsers(rows);
      return withUnitSummary(found.parse(rows, options), rows, options);
    },
  };
}
