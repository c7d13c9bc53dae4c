import { lifecycle, stickinessDistribution, type KpiEvent } from '@kpikit/core';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);

/** A small deterministic generator (mulberry32), so that every run draws the same activity. */
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
 * A year of product use (2024): `users` users, each joining on some day,
 * active on a day with a chance of their own that fades, with spells away;
 * each in one of twelve accounts.
 */
export function activity(users: number, seed = 7): KpiEvent[] {
  const next = random(seed);
  const events: KpiEvent[] = [];
  for (let u = 0; u < users; u += 1) {
    const userId = `u${u}`;
    const account = `acct${u % 12}`;
    const joined = Math.floor(next() ** 1.6 * 360);
    let chance = 0.15 + next() * 0.6;
    let away = 0;
    for (let day = joined; day < 366; day += 1) {
      if (away > 0) {
        away -= 1;
        continue;
      }
      if (next() < 0.01) away = Math.floor(next() * 20);
      if (day === joined || next() < chance) {
        events.push({ userId, name: 'use', timestamp: START + day * DAY + Math.floor(next() * DAY), properties: { account } });
      }
      chance *= 0.995;
    }
  }
  return events;
}

const year = activity(160);

/** Weekly, from a Wednesday to a Sunday in Q1: the first week is cut (5 of 7 days). */
export const weekly = lifecycle(year, { interval: 'week', from: '2024-01-03', to: '2024-03-31' });
/** Daily over March, the 31st cut by `to` at nothing: every day whole. */
export const daily = lifecycle(year, { interval: 'day', from: '2024-03-01', to: '2024-03-31' });
/** Every day of 2024: 366 thin bars, the axis labels thinned. */
export const yearDaily = lifecycle(year, { interval: 'day', from: '2024-01-01', to: '2024-12-31' });
/** Monthly from mid-January to mid-December: both ends cut. */
export const monthly = lifecycle(year, { interval: 'month', from: '2024-01-15', to: '2024-12-15' });
/** One week only. */
export const oneWeek = lifecycle(year, { interval: 'week', from: '2024-06-03', to: '2024-06-09' });
/** Weekly by account. */
export const weeklyByAccount = lifecycle(year, { interval: 'week', from: '2024-04-01', to: '2024-06-30', unit: { group: 'account' } });
/** A range with no event. */
export const noActivity = lifecycle([], { interval: 'week', from: '2024-03-04', to: '2024-03-31' });

/** Days active in one week (N = 7). */
export const sevenDays = stickinessDistribution(year, { interval: 'day', from: '2024-03-04', to: '2024-03-10' });
/** Weeks active in four (N = 4). */
export const fourWeeks = stickinessDistribution(year, { interval: 'week', from: '2024-03-04', to: '2024-03-31' });
/** Days active in 30 (N = 30). */
export const thirtyDays = stickinessDistribution(year, { interval: 'day', from: '2024-04-01', to: '2024-04-30' });
/** Weeks active in a range that cuts its first week (N = 5, incomplete). */
export const cutWeeks = stickinessDistribution(year, { interval: 'week', from: '2024-03-06', to: '2024-03-31' });
/** Days active in a week, by account. */
export const sevenDaysByAccount = stickinessDistribution(year, {
  interval: 'day',
  from: '2024-03-04',
  to: '2024-03-10',
  unit: { group: 'account' },
});
/** One day (N = 1). */
export const oneDay = stickinessDistribution(year, { interval: 'day', from: '2024-03-04', to: '2024-03-04' });
/** No event in the range. */
export const noStickiness = stickinessDistribution([], { interval: 'day', from: '2024-03-04', to: '2024-03-10' });
