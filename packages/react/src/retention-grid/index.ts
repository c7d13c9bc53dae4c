export { RetentionCohortGrid } from './RetentionCohortGrid';
export type { RetentionCohortGridProps } from './RetentionCohortGrid';
export { useRetentionGrid, shadeLevel, BREAKDOWN_ALL, BREAKDOWN_NONE } from './useRetentionGrid';
export type {
  RetentionBreakdownModel,
  RetentionBreakdownOption,
  RetentionCellModel,
  RetentionCellPosition,
  RetentionDisplay,
  RetentionGridModel,
  RetentionGridOptions,
  RetentionPair,
  RetentionRowModel,
} from './useRetentionGrid';
