export { FunnelChart } from './FunnelChart';
export type { FunnelChartProps } from './FunnelChart';
export { useFunnelChart } from './useFunnelChart';
export type {
  FunnelChartModel,
  FunnelChartOptions,
  FunnelGroupStepModel,
  FunnelOrientation,
  FunnelStepModel,
  FunnelVelocityModel,
} from './useFunnelChart';
