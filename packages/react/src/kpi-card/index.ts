export { KpiCard, KpiCardView } from './KpiCard';
export type { KpiCardProps } from './KpiCard';
export { useKpiCard } from './useKpiCard';
export type { KpiCardModel, KpiCardOptions, KpiDetail, TargetModel } from './useKpiCard';
