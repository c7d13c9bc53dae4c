import { cumulative } from './random';

/** How a kind of user behaves. */
export interface Persona {
  readonly share: number;
  /** Chance of being active on a weekday just after signing up … */
  readonly daily: number;
  /** … decaying with this time constant in days … */
  readonly tau: number;
  /** … towards this fraction of it. */
  readonly floor: number;
  /** Mean extra sessions on an active day, page views and feature uses per session. */
  readonly sessions: number;
  readonly pages: number;
  readonly features: number;
  /** Chances of each step of the journey, given the step before. */
  readonly activation: number;
  readonly pricing: number;
  readonly trial: number;
  readonly paid: number;
  readonly business: number;
  readonly yearly: number;
  /** Monthly churn hazard of a paid subscription. */
  readonly churn: number;
}

export const PERSONAS: readonly Persona[] = [
  // Power users: few, very active, most of the revenue.
  {
    share: 0.08,
    daily: 0.8,
    tau: 60,
    floor: 0.75,
    sessions: 0.9,
    pages: 3.5,
    features: 2,
    activation: 0.95,
    pricing: 0.8,
    trial: 0.75,
    paid: 0.75,
    business: 0.45,
    yearly: 0.35,
    churn: 0.05,
  },
  {
    share: 0.32,
    daily: 0.5,
    tau: 10,
    floor: 0.15,
    sessions: 0.3,
    pages: 3,
    features: 1,
    activation: 0.7,
    pricing: 0.5,
    trial: 0.5,
    paid: 0.5,
    business: 0.2,
    yearly: 0.2,
    churn: 0.12,
  },
  // Casual users: most sign-ups, who try the product and drift away.
  {
    share: 0.6,
    daily: 0.45,
    tau: 3,
    floor: 0.02,
    sessions: 0.1,
    pages: 2.5,
    features: 0.6,
    activation: 0.25,
    pricing: 0.2,
    trial: 0.3,
    paid: 0.2,
    business: 0.1,
    yearly: 0.1,
    churn: 0.25,
  },
];
export const PERSONA_WEIGHTS = /* @__PURE__ */ cumulative(PERSONAS.map((persona) => persona.share));
