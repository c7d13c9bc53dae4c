import { MS_PER_DAY } from '../time/civil';
import { cumulative, type Random } from './random';
import type { SampleCalendar } from './sampleCalendar';
import type { SampleEventName, SampleEventProperties, SamplePlan, SampleSource, SampleSubscription } from './sample.types';

const MINUTE = 60_000;
const HOUR = 3_600_000;
/** A billing month, for hazards and monthly renewals. */
const MONTH = 30 * MS_PER_DAY;
const YEAR = 365 * MS_PER_DAY;

/** Event names by code; the code order also orders same-millisecond events (upgrade before pay). */
export const NAMES: readonly SampleEventName[] = [
  'signup',
  'login',
  'page_view',
  'feature_used',
  'view_pricing',
  'start_trial',
  'activate',
  'invite_teammate',
  'upgrade',
  'downgrade',
  'cancel',
  'pay',
];
// Codes of the names above.
const SIGNUP = 0;
const LOGIN = 1;
const PAGE_VIEW = 2;
const FEATURE_USED = 3;
const VIEW_PRICING = 4;
const START_TRIAL = 5;
const ACTIVATE = 6;
const INVITE = 7;
const UPGRADE = 8;
const DOWNGRADE = 9;
const CANCEL = 10;
const PAY = 11;

/** Features of `feature_used` (code 1…), most used first; code 0 = no feature. */
const FEATURES = ['dashboards', 'reports', 'alerts', 'exports', 'integrations', 'api'] as const;
const FEATURE_WEIGHTS = /* @__PURE__ */ cumulative([34, 26, 16, 11, 8, 5]);

const PLANS: readonly SamplePlan[] = ['free', 'pro', 'business'];
const FREE = 0;
const PRO = 1;
const BUSINESS = 2;

const SOURCES: readonly SampleSource[] = ['organic', 'ads', 'referral', 'social'];
const SOURCE_WEIGHTS = /* @__PURE__ */ cumulative([42, 28, 18, 12]);
/** Added to the activation probability per source: referred users arrive with intent, ad clicks less so. */
const SOURCE_ACTIVATION = [0, -0.1, 0.1, -0.05];

/** Local hour at which sessions start: a B2B working day, morning and afternoon peaks. */
const HOUR_WEIGHTS = /* @__PURE__ */ cumulative([
  0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.6, 3.6, 3.8, 3.4, 2.6, 3.2, 3.6, 3.4, 3, 2.2, 1.4, 1.1, 0.9, 0.7, 0.5, 0.3,
]);

/** Price per seat and month in cents; a yearly plan costs 10 months. */
const SEAT_PRICE = [0, 1_500, 4_000];

/** How a kind of user behaves. */
interface Persona {
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
  readonly invite: number;
  readonly pricing: number;
  readonly trial: number;
  readonly paid: number;
  readonly business: number;
  readonly yearly: number;
  /** Monthly churn hazard of a paid subscription. */
  readonly churn: number;
}

const PERSONAS: readonly Persona[] = [
  // Power users: few, very active, most of the revenue.
  {
    share: 0.08,
    daily: 0.85,
    tau: 60,
    floor: 0.75,
    sessions: 0.9,
    pages: 3.5,
    features: 2.5,
    activation: 0.95,
    invite: 0.6,
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
    tau: 20,
    floor: 0.3,
    sessions: 0.3,
    pages: 2.5,
    features: 1.2,
    activation: 0.7,
    invite: 0.25,
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
    daily: 0.35,
    tau: 4,
    floor: 0.02,
    sessions: 0.1,
    pages: 2,
    features: 0.4,
    activation: 0.25,
    invite: 0.03,
    pricing: 0.2,
    trial: 0.3,
    paid: 0.2,
    business: 0.1,
    yearly: 0.1,
    churn: 0.25,
  },
];
const PERSONA_WEIGHTS = /* @__PURE__ */ cumulative(PERSONAS.map((persona) => persona.share));

/** A paid period of one user: plan, seats and interval are constant over `[start, end)`. */
interface Segment {
  readonly start: number;
  end: number;
  readonly plan: number;
  readonly seats: number;
  readonly interval: 'month' | 'year';
}

/** Flags of a user's weeks counted back from the period's end, for the North Star tree. */
export const WEEK_0 = 1; // active while paying in the last 7 days
export const WEEK_1 = 2; // … in the 7 days before
export const WEEK_2 = 4; // … in the 7 days before those
export const EARLIER = 8; // … in any earlier day

/** What the North Star tree is valued from, summed over users. */
export interface SampleTally {
  /** Per user, the OR of the week flags above. */
  readonly paying: Uint8Array;
  /** Sign-ups and activations in the last week [0] and the week before [1]. */
  readonly signups: [number, number];
  readonly activations: [number, number];
}

/** The generator's shared state: outputs and reused buffers. */
export interface SampleState {
  readonly random: Random;
  readonly calendar: SampleCalendar;
  /** Cumulative weights of the sign-up day. */
  readonly signupDays: Float64Array;
  /** The events, one entry per event in each: user id, name code, epoch ms, and key of its shared properties. */
  readonly events: { readonly userId: string[]; readonly name: number[]; readonly time: number[]; readonly properties: number[] };
  readonly subscriptions: SampleSubscription[];
  readonly tally: SampleTally;
  /** Frozen property objects shared by events, by plan, source and feature. */
  readonly properties: (SampleEventProperties | undefined)[];
  /** One user's events packed as `time × 128 + code`, so a typed sort orders them by time, then code. */
  buffer: Float64Array;
  count: number;
}

/** Cumulative sign-up weights over the period: growing, and fewer at weekends. */
export function signupDayWeights(calendar: SampleCalendar): Float64Array {
  const weights: number[] = [];
  for (let d = 0; d < calendar.days; d++) {
    const growth = 1 + (1.5 * d) / Math.max(1, calendar.days - 1);
    weights.push(growth * (calendar.weekend[d] === 1 ? 0.4 : 1));
  }
  return cumulative(weights);
}

function add(state: SampleState, time: number, name: number, feature = 0): void {
  if (time >= state.calendar.endMs) return;
  if (state.count === state.buffer.length) {
    const grown = new Float64Array(state.buffer.length * 2);
    grown.set(state.buffer);
    state.buffer = grown;
  }
  state.buffer[state.count++] = Math.floor(time) * 128 + name * 8 + feature;
}

/** The key of the frozen properties object shared by events of a plan, source and feature, made on first use. */
function propertiesKey(state: SampleState, plan: number, source: number, feature: number): number {
  const key = (plan * SOURCES.length + source) * 8 + feature;
  if (!state.properties[key]) {
    const base = { plan: PLANS[plan] as SamplePlan, source: SOURCES[source] as SampleSource };
    state.properties[key] = Object.freeze(feature === 0 ? base : { ...base, feature: FEATURES[feature - 1] as string });
  }
  return key;
}

/**
 * The user's paid segments from the first payment at `paidAt`: upgrades,
 * downgrades, churn and reactivation as competing monthly hazards, with the
 * matching plan-change and payment events.
 */
function subscribe(state: SampleState, persona: Persona, paidAt: number): Segment[] {
  const { random, calendar } = state;
  const segments: Segment[] = [];
  let plan = random.chance(persona.business) ? BUSINESS : PRO;
  let seats = plan === BUSINESS ? 3 + random.poisson(6) : 1 + Math.min(9, random.poisson(1.2));
  let interval: 'month' | 'year' = random.chance(persona.yearly) ? 'year' : 'month';
  let at = paidAt;
  add(state, at, UPGRADE);
  // A bound on changes keeps a long period finite whatever the draws.
  for (let changes = 0; changes < 100 && at < calendar.endMs; changes++) {
    const segment: Segment = { start: at, end: Number.POSITIVE_INFINITY, plan, seats, interval };
    segments.push(segment);
    const churn = persona.churn * (interval === 'year' ? 0.4 : 1);
    const up = plan === PRO ? 0.15 : 0;
    const down = plan === BUSINESS ? 0.1 : 0;
    const next = at + random.exponential(MONTH / (churn + up + down));
    if (next >= calendar.endMs) break;
    segment.end = next;
    const draw = random.next() * (churn + up + down);
    if (draw < up) {
      plan = BUSINESS;
      seats = Math.max(3, seats) + random.poisson(2);
      add(state, next, UPGRADE);
    } else if (draw < up + down) {
      plan = PRO;
      seats = Math.max(1, Math.min(10, seats - random.poisson(2)));
      add(state, next, DOWNGRADE);
    } else {
      add(state, next, CANCEL);
      // Some churned customers come back, on a monthly plan.
      if (!random.chance(0.4)) break;
      at = next + MS_PER_DAY + random.exponential(15 * MS_PER_DAY);
      interval = 'month';
      add(state, at, UPGRADE);
      continue;
    }
    at = next;
  }
  for (const segment of segments) {
    const period = segment.interval === 'month' ? MONTH : YEAR;
    const stop = Math.min(segment.end, calendar.endMs);
    for (let due = segment.start; due < stop; due += period) add(state, due, PAY);
  }
  return segments;
}

/** Adds one session of events from `start`; returns when it ends. */
function session(state: SampleState, persona: Persona, start: number, opening: number): number {
  const { random } = state;
  add(state, start, opening);
  let at = start;
  let pages = 1 + random.poisson(persona.pages);
  let features = random.poisson(persona.features);
  while (pages + features > 0) {
    at += 1_000 + Math.floor(random.logNormal(25_000, 1));
    if (random.next() * (pages + features) < pages) {
      pages -= 1;
      add(state, at, PAGE_VIEW);
    } else {
      features -= 1;
      add(state, at, FEATURE_USED, 1 + random.pick(FEATURE_WEIGHTS));
    }
  }
  return at;
}

/** Local time of day (ms) a session starts, drawn from the working-hours profile. */
function sessionTime(random: Random): number {
  return random.pick(HOUR_WEIGHTS) * HOUR + Math.floor(random.next() * HOUR);
}

/** Simulates one user from sign-up to the end of the period and appends their events and subscriptions. */
export function simulateUser(state: SampleState, user: number, userId: string): void {
  const { random, calendar } = state;
  const persona = PERSONAS[random.pick(PERSONA_WEIGHTS)] as Persona;
  const source = random.pick(SOURCE_WEIGHTS);
  const signupDay = random.pick(state.signupDays);
  const signupAt = calendar.toUtc(signupDay, sessionTime(random));
  state.count = 0;

  // The journey: sign-up → aha → pricing → trial → paid, each step minutes to days after the one before.
  const activated = random.chance(persona.activation + (SOURCE_ACTIVATION[source] as number));
  const activatedAt = signupAt + random.logNormal(3 * HOUR, 1.8);
  if (activated) {
    add(state, activatedAt, ACTIVATE);
    if (random.chance(persona.invite)) add(state, activatedAt + random.logNormal(MS_PER_DAY, 1.2), INVITE);
  }
  let segments: Segment[] = [];
  if (random.chance(activated ? persona.pricing : persona.pricing * 0.3)) {
    const pricingAt = (activated ? activatedAt : signupAt) + random.logNormal(1.5 * MS_PER_DAY, 1.5);
    add(state, pricingAt, VIEW_PRICING);
    if (random.chance(persona.trial)) {
      const trialAt = pricingAt + random.logNormal(20 * MINUTE, 2.2);
      add(state, trialAt, START_TRIAL);
      if (random.chance(persona.paid)) {
        // Most pay when the 14-day trial ends; some decide within days.
        const delay = random.chance(0.35)
          ? random.logNormal(2 * MS_PER_DAY, 1)
          : Math.max(HOUR, 14 * MS_PER_DAY + random.normal() * 1.5 * MS_PER_DAY);
        if (trialAt + delay < calendar.endMs) segments = subscribe(state, persona, trialAt + delay);
      }
    }
  }

  // Usage: active days thin out after sign-up, less at weekends, more while paying.
  let last = signupAt;
  let seg = 0;
  for (let d = signupDay; d < calendar.days; d++) {
    const noon = calendar.toUtc(d, 12 * HOUR);
    while (seg < segments.length && (segments[seg] as Segment).end <= noon) seg++;
    const paying = seg < segments.length && (segments[seg] as Segment).start <= noon;
    const churned = !paying && segments.length > 0 && noon >= (segments[0] as Segment).start;
    const age = d - signupDay;
    let chance = persona.daily * (persona.floor + (1 - persona.floor) * Math.exp(-age / persona.tau));
    if (calendar.weekend[d] === 1) chance *= 0.25;
    if (paying) chance *= 1.25;
    if (churned) chance *= 0.5;
    const sessions =
      d === signupDay
        ? 1 + random.poisson(persona.sessions * 0.5)
        : random.chance(Math.min(0.97, chance))
          ? 1 + random.poisson(persona.sessions)
          : 0;
    const starts: number[] = [];
    for (let s = 0; s < sessions; s++) starts.push(d === signupDay && s === 0 ? signupAt : calendar.toUtc(d, sessionTime(random)));
    starts.sort((a, b) => a - b);
    for (const [s, start] of starts.entries()) {
      if (d === signupDay && s === 0) {
        last = session(state, persona, signupAt, SIGNUP);
        continue;
      }
      // Sessions never overlap, and none comes before the sign-up.
      last = session(state, persona, Math.max(start, last + 5 * MINUTE), LOGIN);
    }
  }

  emit(state, user, userId, source, segments);
  for (const segment of segments) {
    const amount = SEAT_PRICE[segment.plan]! * segment.seats * (segment.interval === 'year' ? 10 : 1);
    const base = { customerId: userId, amount, interval: segment.interval, start: segment.start };
    state.subscriptions.push(Number.isFinite(segment.end) ? { ...base, end: segment.end } : base);
  }
}

/** Sorts the user's packed events, makes their times strictly increasing, and writes them out with their plan. */
function emit(state: SampleState, user: number, userId: string, source: number, segments: readonly Segment[]): void {
  const { calendar, tally } = state;
  const packed = state.buffer.subarray(0, state.count).sort();
  let previous = Number.NEGATIVE_INFINITY;
  let seg = 0;
  let flags = 0;
  for (const value of packed) {
    const time0 = Math.floor(value / 128);
    const code = value - time0 * 128;
    // A millisecond later rather than an exact duplicate that would count once.
    const time = time0 > previous ? time0 : previous + 1;
    if (time >= calendar.endMs) break;
    previous = time;
    while (seg < segments.length && (segments[seg] as Segment).end <= time) seg++;
    const plan = seg < segments.length && (segments[seg] as Segment).start <= time ? (segments[seg] as Segment).plan : FREE;
    const name = code >> 3;
    // Columns, not objects: a million small objects cost more to make and collect than the simulation.
    state.events.userId.push(userId);
    state.events.name.push(name);
    state.events.time.push(time);
    state.events.properties.push(propertiesKey(state, plan, source, code & 7));

    const day = calendar.clock.localDay(time) - calendar.startDay;
    const week = Math.floor((calendar.days - 1 - day) / 7);
    if (plan !== FREE) flags |= week === 0 ? WEEK_0 : week === 1 ? WEEK_1 : week === 2 ? WEEK_2 : EARLIER;
    if (week <= 1 && name === SIGNUP) tally.signups[week as 0 | 1] += 1;
    if (week <= 1 && name === ACTIVATE) tally.activations[week as 0 | 1] += 1;
  }
  tally.paying[user] = flags;
}
