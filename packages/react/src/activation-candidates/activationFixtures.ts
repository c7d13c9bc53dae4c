import { activationCandidates, type ActivationCandidatesResult, type KpiEvent } from '@kpikit/core';

const DAY = 86_400_000;
const MARCH = Date.UTC(2024, 2, 1, 8);
/** Nothing is kept after this instant: the data end on 28 April. */
const CUTOFF = Date.UTC(2024, 3, 28, 22);

/** A small deterministic generator (mulberry32), so that every run draws the same users. */
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

/** An early action of the generated product: how many new users do it, how often, and what it adds to their chance of staying. */
interface Action {
  readonly name: string;
  readonly reach: number;
  /** Most times done in the first week. */
  readonly most: number;
  /** Added to the chance of being retained by doing it once, and per later time (repeats matter for some). */
  readonly once: number;
  readonly each: number;
}

/** The product's early actions: a few that matter, some that hardly do, one that goes with leaving. */
export const ACTIONS: readonly Action[] = [
  { name: 'invite_teammate', reach: 0.22, most: 3, once: 0.28, each: 0.02 },
  { name: 'create_project', reach: 0.55, most: 6, once: 0.1, each: 0.03 },
  { name: 'connect_integration', reach: 0.12, most: 2, once: 0.32, each: 0 },
  { name: 'page_view', reach: 0.96, most: 14, once: 0, each: 0.008 },
  { name: 'watch_tutorial', reach: 0.3, most: 2, once: -0.05, each: 0 },
  { name: 'comment', reach: 0.35, most: 8, once: 0.06, each: 0.025 },
  { name: 'upload_avatar', reach: 0.25, most: 1, once: 0.06, each: 0 },
  { name: 'export_report', reach: 0.08, most: 3, once: 0.04, each: 0 },
  { name: 'change_theme', reach: 0.15, most: 1, once: 0, each: 0 },
];

/** `count` features of which a few help a little: many candidates of similar, small lifts. */
function features(count: number): Action[] {
  return Array.from({ length: count }, (_, index) => ({
    name: `feature_${String(index + 1).padStart(2, '0')}`,
    reach: 0.05 + ((index * 37) % 50) / 100,
    most: 1 + (index % 6),
    once: ((index * 13) % 9) / 100 - 0.02,
    each: (index % 4) / 200,
  }));
}

/**
 * New users of a product from 1 March to 25 April 2024: each signs up,
 * does some of `actions` in the first week, and is active in days 7–14 with
 * a chance that grows with what they did; the users of an account (`account`,
 * four users each) share nothing else. The data end on 28 April, so users who
 * signed up after the 14th cannot be judged yet.
 */
export function newUsers(users: number, actions: readonly Action[] = ACTIONS, seed = 7): KpiEvent[] {
  const draw = random(seed);
  const events: KpiEvent[] = [];
  const span = 56 * DAY;
  for (let user = 0; user < users; user++) {
    const userId = `u${user}`;
    const properties = { account: `acct-${Math.floor(user / 4)}` };
    const start = MARCH + Math.floor(draw() * span);
    events.push({ userId, name: 'signup', timestamp: start, properties });
    let chance = 0.2;
    for (const action of actions) {
      if (draw() >= action.reach) continue;
      const times = 1 + Math.floor(draw() * action.most);
      chance += action.once + action.each * (times - 1);
      for (let k = 0; k < times; k++)
        events.push({ userId, name: action.name, timestamp: start + Math.floor(draw() * 6.9 * DAY) + 1, properties });
    }
    if (draw() < Math.min(0.95, Math.max(0.03, chance))) {
      events.push({ userId, name: 'session', timestamp: start + 7 * DAY + Math.floor(draw() * 6.9 * DAY), properties });
    }
  }
  return events.filter((event) => (event.timestamp as number) <= CUTOFF);
}

const typicalEvents = /* @__PURE__ */ newUsers(2000);
const range = { from: '2024-03-01', to: '2024-04-25', timeZone: 'UTC' } as const;

/** 2,000 new users, nine actions at one and three times: eighteen signals, some users too recent to judge. */
export const typical: ActivationCandidatesResult = /* @__PURE__ */ activationCandidates(typicalEvents, { ...range, atLeast: [1, 3] });

/** The same users, each action once, and every two of the four best together. */
export const withPairs: ActivationCandidatesResult = /* @__PURE__ */ activationCandidates(typicalEvents, {
  ...range,
  atLeast: [1],
  pairs: 4,
});

/** The same events counted by account. */
export const byAccount: ActivationCandidatesResult = /* @__PURE__ */ activationCandidates(typicalEvents, {
  ...range,
  atLeast: [1, 2],
  unit: { group: 'account' },
});

/** Forty new users: every interval is wide, most cross 0. */
export const fewUsers: ActivationCandidatesResult = /* @__PURE__ */ activationCandidates(newUsers(40, ACTIONS, 3), {
  ...range,
  atLeast: [1],
});

/** Thirty features at four thresholds: over a hundred signals. */
export const manyCandidates: ActivationCandidatesResult = /* @__PURE__ */ activationCandidates(newUsers(1500, features(30), 5), range);

/** Only the users who signed up after 15 April: none can be judged yet. */
export const allCensored: ActivationCandidatesResult = /* @__PURE__ */ activationCandidates(typicalEvents, {
  from: '2024-04-16',
  to: '2024-04-25',
  timeZone: 'UTC',
});

/** A period before anyone signed up. */
export const noNewUsers: ActivationCandidatesResult = /* @__PURE__ */ activationCandidates(typicalEvents, {
  from: '2024-02-01',
  to: '2024-02-20',
  timeZone: 'UTC',
});

/** Retention from day 7 on, to the end of the data. */
export const unbounded: ActivationCandidatesResult = /* @__PURE__ */ activationCandidates(typicalEvents, {
  ...range,
  atLeast: [1],
  outcome: { mode: 'unbounded', day: 7 },
});
