export { AttributionChart } from './AttributionChart';
export type { AttributionChartProps } from './AttributionChart';
export { useAttributionChart } from './useAttributionChart';
export type {
  AttributionChartModel,
  AttributionChartOptions,
  AttributionMetricOption,
  AttributionNote,
  AttributionSummary,
} from './useAttributionChart';
export type {
  AttributionCellModel,
  AttributionColumnModel,
  AttributionMetric,
  AttributionMissingReason,
  AttributionRowModel,
  AttributionTable,
  AttributionValueUnits,
} from './attributionModel';
export type { AttributionModelName } from './modelNames';
export type { AttributionReadout } from './readout';
export type { GridCellPosition as AttributionCellPosition, GridProps as AttributionGridProps } from '../internal/useGridKeyboard';
