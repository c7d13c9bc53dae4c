// Compile, parse, run
export { compile } from './compile';
export type { CompiledQuery } from './compile';
export { parse } from './parse';
export { run } from './run';
export type { QueryFunction, RunTarget } from './run';

// Targets
export { DIALECTS } from './target';
export type { CostsTarget, CostTableColumns } from './costsTarget';
export type {
  BoundaryType,
  Dialect,
  EventTableColumns,
  SqlTarget,
  SubscriptionTableColumns,
  SurveyTableColumns,
  TimestampType,
  UsersTarget,
  UserTableColumns,
} from './target';

// Metrics
export type { MetricColumns, MetricName, MetricOptions, MetricResult, ResultFor, SqlMetrics } from './metrics/registry';
export type { SqlParams, SqlValue } from './query/params';
export type { SqlRow } from './query/rows';
