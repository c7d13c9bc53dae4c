export { NpsGauge } from './NpsGauge';
export type { NpsGaugeProps } from './NpsGauge';
export { useNpsGauge } from './useNpsGauge';
export type { NpsBand, NpsBandId, NpsBandThresholds, NpsGaugeModel, NpsGaugeOptions, NpsGroup } from './useNpsGauge';
export { npsInterval } from './npsInterval';
export type { NpsInterval } from './npsInterval';
