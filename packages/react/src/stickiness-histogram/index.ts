export { StickinessHistogram } from './StickinessHistogram';
export type { StickinessHistogramProps } from './StickinessHistogram';
export { useStickinessHistogram } from './useStickinessHistogram';
export type {
  StickinessHistogramBarText,
  StickinessHistogramMode,
  StickinessHistogramModel,
  StickinessHistogramOptions,
  StickinessHistogramReadout,
} from './useStickinessHistogram';
export type { HistogramBar, HistogramLayout } from './histogramLayout';
export type { StickinessHistogramMessages } from './messages';
