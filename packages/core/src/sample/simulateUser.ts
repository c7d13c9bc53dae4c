import { MS_PER_DAY } from '../time/civil';
import { emit, type Segment } from './emitUser';
import { cumulative, type Random } from './random';
import { marketingTouches } from './sampleMarketing';
import {
  ACTIVATE,
  BUSINESS,
  CANCEL,
  DOWNGRADE,
  FEATURE_USED,
  FEATURE_WEIGHTS,
  INVITE,
  LOGIN,
  PAGE_VIEW,
  PAY,
  PRO,
  REFERRAL,
  SIGNUP,
  START_TRIAL,
  UPGRADE,
  VIEW_PRICING,
} from './sampleNames';
import { PERSONA_WEIGHTS, PERSONAS, type Persona } from './samplePersonas';
import { add, type SampleState } from './sampleState';

const MINUTE = 60_000;
const HOUR = 3_600_000;
/** A billing month, for hazards and monthly renewals. */
const MONTH = 30 * MS_PER_DAY;
const YEAR = 365 * MS_PER_DAY;

/** Added to the activation probability per source: referred users arrive with intent, ad clicks less so. */
const SOURCE_ACTIVATION = [0, -0.1, 0.1, -0.05];

/** Local hour at which sessions start: a B2B working day, morning and afternoon peaks. */
const HOUR_WEIGHTS = /* @__PURE__ */ cumulative([
  0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.6, 3.6, 3.8, 3.4, 2.6, 3.2, 3.6, 3.4, 3, 2.2, 1.4, 1.1, 0.9, 0.7, 0.5, 0.3,
]);

/** Price per seat and month in cents; a yearly plan costs 10 months. */
const SEAT_PRICE = [0, 1_500, 4_000];

/**
 * The hidden aha moment: a user who invites a teammate within 3 days of
 * signing up keeps coming back (from the invite on, usage decays this many
 * times slower, towards at least this share of the first days' usage).
 */
const AHA_WINDOW = 3 * MS_PER_DAY;
const AHA_SLOWER = 6;
const AHA_FLOOR = 0.45;
/** Chance of one more invite that nobody takes up. */
const UNANSWERED_INVITE = 0.08;

/** One user as the account simulation hands it over. */
export interface Member {
  /** Day of the period (0-based) and instant of the sign-up. */
  readonly signupDay: number;
  readonly signupAt: number;
  /** Joined through a teammate's invite (so no marketing touches before). */
  readonly invited: boolean;
  /** How many of this user's invites a teammate takes up. */
  readonly invites: number;
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
export function sessionTime(random: Random): number {
  return random.pick(HOUR_WEIGHTS) * HOUR + Math.floor(random.next() * HOUR);
}

/**
 * Simulates one user from their marketing touches and sign-up to the end of
 * the period, appends their events and subscriptions, and returns the
 * instants at which the teammates they invited sign up (inside the period).
 */
export function simulateUser(state: SampleState, user: number, userId: string, member: Member): number[] {
  const { random, calendar } = state;
  const { signupDay, signupAt } = member;
  state.count = 0;
  const persona = PERSONAS[random.pick(PERSONA_WEIGHTS)]!;
  const source = member.invited ? REFERRAL : marketingTouches(state, signupAt);

  // Invites: the accepted ones first, then now and then one nobody takes up.
  const sent = member.invites + (random.chance(UNANSWERED_INVITE) ? 1 : 0);
  const joins: number[] = [];
  let invitedAt = signupAt;
  let firstInvite = Number.POSITIVE_INFINITY;
  for (let i = 0; i < sent; i++) {
    invitedAt += random.logNormal(i > 0 ? 0.5 * MS_PER_DAY : member.invited ? 4 * MS_PER_DAY : 1.5 * MS_PER_DAY, 1.4);
    if (invitedAt >= calendar.endMs) break;
    add(state, invitedAt, INVITE);
    firstInvite = Math.min(firstInvite, invitedAt);
    if (i < member.invites) {
      const join = invitedAt + random.logNormal(3 * HOUR, 1.2);
      if (join < calendar.endMs) joins.push(join);
    }
  }
  const ahaFrom = firstInvite - signupAt < AHA_WINDOW ? firstInvite : Number.POSITIVE_INFINITY;

  // The journey: sign-up → aha → pricing → trial → paid, each step minutes to days after the one before.
  const activated = random.chance(persona.activation + SOURCE_ACTIVATION[source]!);
  const activatedAt = signupAt + random.logNormal(3 * HOUR, 1.8);
  if (activated) add(state, activatedAt, ACTIVATE);
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

  // Usage: active days thin out after sign-up (slower once the aha is reached), less at weekends, more while paying.
  const { tau } = persona;
  let last = signupAt;
  let seg = 0;
  for (let d = signupDay; d < calendar.days; d++) {
    const noon = calendar.toUtc(d, 12 * HOUR);
    while (seg < segments.length && segments[seg]!.end <= noon) seg++;
    const paying = seg < segments.length && segments[seg]!.start <= noon;
    const churned = !paying && segments.length > 0 && noon >= segments[0]!.start;
    const age = d - signupDay;
    const aha = noon >= ahaFrom;
    const floor = aha ? Math.max(persona.floor, AHA_FLOOR) : persona.floor;
    let chance = persona.daily * (floor + (1 - floor) * Math.exp(-age / (aha ? tau * AHA_SLOWER : tau)));
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
  return joins;
}
