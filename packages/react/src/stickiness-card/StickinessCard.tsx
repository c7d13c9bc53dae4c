import { forwardRef, type HTMLAttributes } from 'react';
import { KpiCardView } from '../kpi-card/KpiCard';
import { splitProps } from '../internal/splitProps';
import { useStickinessCard, type StickinessCardOptions } from './useStickinessCard';

/** Props of {@link StickinessCard}: the card's options and any attribute of its root `div`. */
export interface StickinessCardProps
  extends StickinessCardOptions, Omit<HTMLAttributes<HTMLDivElement>, keyof StickinessCardOptions | 'children'> {}

const OPTION_KEYS = [
  'data',
  'previous',
  'summary',
  'unit',
  'goodDirection',
  'label',
  'caption',
  'meta',
  'sparklineDomain',
  'target',
  'emptyMessage',
  'description',
  'valueDescription',
  'table',
  'locale',
  'messages',
  'theme',
  'className',
  'style',
  'loading',
  'error',
] as const satisfies readonly (keyof StickinessCardOptions)[];

/**
 * Stickiness, DAU/MAU: the ratio as the headline (by default the period's
 * mean DAU over the last day's MAU) with the DAU and MAU it divides beside
 * it, a sparkline of the daily ratio, the change from the previous period in
 * percentage points, and the definition (trailing 30-day MAU) as a caption.
 * Takes the rows of core's `activeUsers`, not events.
 *
 * A `KpiCard` underneath: class names `kpikit-stickiness-card` and every
 * `kpikit-kpi-card` one; the same `data-*` attributes, and `data-unit`
 * (`user`, `account`, `group` or `custom`).
 *
 * @example
 * const { rows } = activeUsers(table, { from: '2024-03-01', to: '2024-03-31', timeZone: 'Europe/Paris' });
 * <StickinessCard data={rows} previous={februaryRows} locale="fr" />
 */
export const StickinessCard = forwardRef<HTMLDivElement, StickinessCardProps>(function StickinessCard(props, ref) {
  const [options, rest] = splitProps(props, OPTION_KEYS);
  const { card } = useStickinessCard(options);
  return <KpiCardView ref={ref} card={card} rest={rest} />;
});
