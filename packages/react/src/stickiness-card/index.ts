export { StickinessCard } from './StickinessCard';
export type { StickinessCardProps } from './StickinessCard';
export { useStickinessCard, stickinessFigures } from './useStickinessCard';
export type { StickinessCardModel, StickinessCardOptions, StickinessFigures, StickinessSummary } from './useStickinessCard';
