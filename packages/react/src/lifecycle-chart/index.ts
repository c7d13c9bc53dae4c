export { LifecycleChart } from './LifecycleChart';
export type { LifecycleChartProps } from './LifecycleChart';
export { useLifecycleChart } from './useLifecycleChart';
export type { LifecycleChartModel, LifecycleChartOptions, LifecycleReadout } from './useLifecycleChart';
export type { LifecycleBar, LifecycleLayout, LifecycleSegment, LifecycleStatus } from './lifecycleLayout';
export type { LifecycleMessages } from './messages';
