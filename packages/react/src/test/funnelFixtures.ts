import { funnel, generateSampleData, type FunnelResult } from '@kpikit/core';

/** A deterministic product: 1,500 users over 120 days from 2024-01-01. */
const sample = generateSampleData({ seed: 7, users: 1500, days: 120 });

const steps = ['signup', 'activate', 'view_pricing', 'start_trial', 'upgrade'];

/** Sign-up to upgrade in five ordered steps within 14 days. */
export const signupFunnel: FunnelResult = funnel(sample.events, { steps });

/** The same funnel by acquisition channel. */
export const signupBySource: FunnelResult = funnel(sample.events, { steps, breakdown: { property: 'source' } });

/** Pricing to payment, any order within 7 days. */
export const anyOrderFunnel: FunnelResult = funnel(sample.events, {
  steps: ['view_pricing', 'start_trial', 'upgrade'],
  order: 'any',
  window: 7 * 86_400_000,
});

/** Readable names of the steps. */
export const stepNames = ['Signed up', 'Activated', 'Viewed pricing', 'Started trial', 'Upgraded'];

/** The twenty steps of a long onboarding funnel (the most `funnel` takes), with the long names a product team gives them. */
export const longStepNames = [
  'Signed up from the marketing site or an invitation link',
  'Confirmed the email address from the welcome message',
  'Completed the company profile with team size and industry',
  'Connected the first data source through an integration',
  'Imported at least one thousand historical events',
  'Created the first dashboard from a template',
  'Added a second chart to the dashboard',
  'Invited a teammate to the workspace',
  'Teammate accepted the invitation and signed in',
  'Shared a dashboard with a read-only link',
  'Set up a scheduled email report for the team',
  'Created the first alert on a key metric',
  'Viewed the pricing page from the in-app banner',
  'Started the fourteen-day trial of the Business plan',
  'Connected a second data source during the trial',
  'Opened the billing settings and compared plans',
  'Entered payment details for the workspace',
  'Upgraded to a paid plan before the trial ended',
  'Renewed the subscription after the first month',
  'Expanded to more seats within the first quarter',
];

/** Fourteen acquisition channels, so that the breakdown shows the top 10 and "Other"; some users come without one. */
const channels = [
  'Organic search (Google, Bing and DuckDuckGo)',
  'Paid search campaigns',
  'Partner referral programme for resellers in Europe, the Middle East and Africa',
  'Product Hunt launch',
  'LinkedIn sponsored posts',
  'Newsletter sponsorships',
  'Conference booths',
  'Podcast advertising',
  'YouTube tutorials',
  'Direct traffic',
  'Affiliate blogs',
  'Community forum',
  'App marketplace listing',
  'Word of mouth',
];

/**
 * A large funnel: 6,000 users through the twenty steps above within 30 days,
 * by acquisition channel (top 10, "Other" and none). Deterministic: a seeded
 * generator, so that screenshots and tests see the same numbers.
 */
export function largeFunnel(): FunnelResult {
  let seed = 20_240_101;
  const random = () => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const start = Date.UTC(2024, 0, 1);
  const hour = 3_600_000;
  const events: { userId: string; name: string; timestamp: number; properties?: Record<string, string> }[] = [];
  for (let u = 0; u < 6000; u++) {
    // Channels ever less frequent, and one user in twelve with none.
    const pick = random();
    const channel = pick < 1 / 12 ? undefined : channels[Math.min(channels.length - 1, Math.floor(-Math.log(random()) * 3.2))];
    // Some channels bring users who go further.
    const keen = channel === undefined ? 0.9 : 0.86 + (channels.indexOf(channel) % 4) * 0.03;
    let time = start + Math.floor(random() * 60 * 24) * hour;
    for (let k = 0; k < longStepNames.length; k++) {
      if (k > 0 && random() > Math.min(0.97, keen + (k % 3) * 0.03)) break;
      events.push({ userId: `u${u}`, name: `step_${k + 1}`, timestamp: time, ...(k === 0 && channel ? { properties: { channel } } : {}) });
      time += Math.round(-Math.log(random() || 1e-9) * (k % 5 === 4 ? 30 : 4) * hour);
    }
  }
  return funnel(events, {
    steps: longStepNames.map((_, k) => `step_${k + 1}`),
    window: 30 * 86_400_000,
    breakdown: { property: 'channel' },
  });
}
