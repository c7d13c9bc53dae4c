export { RetentionCohortGrid } from './RetentionCohortGrid';
export type { RetentionCohortGridProps } from './RetentionCohortGrid';
export { useRetentionGrid, shadeLevel } from './useRetentionGrid';
export type {
  RetentionCellModel,
  RetentionCellPosition,
  RetentionDisplay,
  RetentionGridModel,
  RetentionGridOptions,
  RetentionPair,
  RetentionRowModel,
} from './useRetentionGrid';
