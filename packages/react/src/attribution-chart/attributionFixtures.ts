import { attribution, type AttributionCost, type AttributionModel, type AttributionResult, type KpiEvent } from '@kpikit/core';

const DAY = 86_400_000;
const MARCH = Date.UTC(2024, 2, 1);

/** The channels of the generated journeys, most common first. */
export const CHANNELS = [
  'google',
  'newsletter',
  'facebook',
  'direct',
  'linkedin',
  'bing',
  'partner',
  'podcast',
  'youtube',
  'reddit',
  'affiliate',
  'tiktok',
] as const;

/** A small deterministic generator (mulberry32), so that every run draws the same journeys. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Journeys of `users` visitors over March 2024: up to five visits from
 * `channels` (the first ones more often) in the 40 days before a purchase of
 * 20–320.00 in March, or none at all for about one buyer in twelve. Each
 * visit carries `utm_source`; each purchase `revenue` and the buyer's `account`.
 */
export function journeys(users: number, channels: readonly string[], seed = 11): KpiEvent[] {
  const next = random(seed);
  const events: KpiEvent[] = [];
  const pick = () => channels[Math.min(channels.length - 1, Math.floor(channels.length * next() ** 1.6))]!;
  for (let u = 0; u < users; u++) {
    const userId = `u${u}`;
    const account = `a${u % Math.max(1, Math.round(users / 3))}`;
    const purchase = MARCH + Math.floor(next() * 30 * DAY);
    const visits = next() < 0.08 ? 0 : 1 + Math.floor(next() * 5);
    for (let v = 0; v < visits; v++) {
      const timestamp = purchase - Math.floor(next() * 40 * DAY);
      events.push({ userId, name: 'visit', timestamp, properties: { utm_source: pick(), account } });
    }
    if (next() < 0.7) {
      const revenue = Math.round(2000 + next() * 30_000) / 100;
      events.push({ userId, name: 'purchase', timestamp: purchase, properties: { revenue, account } });
    }
  }
  return events;
}

/** March spend of the paid channels (the others have no cost entry: unknown, not free). */
export const MARCH_COSTS: readonly AttributionCost[] = [
  { channel: 'google', period: '2024-03', amount: 9000 },
  { channel: 'facebook', period: '2024-03', amount: 6400 },
  { channel: 'linkedin', period: '2024-03', amount: 8100 },
  { channel: 'bing', period: '2024-03', amount: 1500 },
  { channel: 'partner', period: '2024-03', amount: 0 },
];

/** Options shared by the fixtures: purchases in March, touches by `utm_source`, revenue as the value. */
export function marchAttribution(
  events: readonly KpiEvent[],
  models: readonly AttributionModel[],
  extra: { readonly costs?: readonly AttributionCost[]; readonly byAccount?: boolean } = {},
): AttributionResult {
  return attribution(events, {
    conversion: 'purchase',
    touches: { channel: 'utm_source' },
    models,
    value: { property: 'revenue' },
    costs: extra.costs,
    from: '2024-03-01',
    to: '2024-03-31',
    unit: extra.byAccount ? { group: 'account' } : undefined,
  });
}

const sixChannelJourneys = journeys(600, CHANNELS.slice(0, 6));

/** Four models over six channels, revenue as the value, no costs. */
export const fourModels = marchAttribution(sixChannelJourneys, ['first_touch', 'last_touch', 'linear', 'time_decay']);

/** Every model, position-based at 30/40/30 and time decay with a 3-day half-life. */
export const sixModels = marchAttribution(sixChannelJourneys, [
  'first_touch',
  'last_touch',
  'linear',
  { model: 'time_decay', halfLife: 3 * DAY },
  { model: 'position_based', weights: { first: 0.3, middle: 0.4, last: 0.3 } },
  'last_non_direct',
]);

/** One model. */
export const lastTouchOnly = marchAttribution(sixChannelJourneys, ['last_touch']);

/** Costs for some channels only: the others' return on spend is unknown. */
export const partialCosts = marchAttribution(sixChannelJourneys, ['first_touch', 'last_touch', 'linear'], { costs: MARCH_COSTS });

/** Twelve channels, the `none` row and three models. */
export const manyChannels = marchAttribution(journeys(1500, CHANNELS, 5), ['first_touch', 'linear', 'last_touch'], {
  costs: MARCH_COSTS,
});

/** The same journeys counted by account. */
export const byAccount = marchAttribution(sixChannelJourneys, ['first_touch', 'last_touch', 'linear'], { byAccount: true });

/** No purchase in the range. */
export const noConversions = attribution(sixChannelJourneys, {
  conversion: 'purchase',
  touches: { channel: 'utm_source' },
  from: '2023-01-01',
  to: '2023-01-31',
});
