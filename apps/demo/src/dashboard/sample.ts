/**
 * The built-in data set: a generated B2B SaaS product, the same on every
 * machine for a seed. 10,000 users over 180 days make about a million events.
 */
export const SAMPLE_OPTIONS = { seed: 42, users: 10_000, days: 180, start: '2024-01-01', timeZone: 'Europe/Paris' } as const;

/** Marketing spend per month assumed for CAC: the generated data has revenue but no costs. In cents. */
export const ASSUMED_MONTHLY_SPEND = 8_000_000;

/** The currency of the generated subscriptions' amounts (minor units). */
export const SAMPLE_CURRENCY = 'EUR';
