import { cumulative } from './random';
import type { SampleCalendar } from './sampleCalendar';
import { startAccount } from './emitUser';
import type { SampleState } from './sampleState';
import { sessionTime, simulateUser, type Member } from './simulateUser';

/** The most users an account grows to. */
export const MAX_ACCOUNT_SIZE = 80;
/** Account sizes 1 … MAX_ACCOUNT_SIZE, Zipf-like (weight 1 / size²): about 6 in 10 accounts have one seat, a few dozens. */
const SIZE_WEIGHTS = /* @__PURE__ */ cumulative(Array.from({ length: MAX_ACCOUNT_SIZE }, (_, i) => 1 / (i + 1) ** 2));

/** Cumulative weights of the day an account's first user signs up: growing over the period, fewer at weekends. */
export function signupDayWeights(calendar: SampleCalendar): Float64Array {
  const weights: number[] = [];
  for (let d = 0; d < calendar.days; d++) {
    const growth = 1 + (1.5 * d) / Math.max(1, calendar.days - 1);
    weights.push(growth * (calendar.weekend[d] === 1 ? 0.4 : 1));
  }
  return cumulative(weights);
}

/**
 * Simulates accounts until `users` users have signed up. Each account draws a
 * target size; its first user comes through marketing, and every further user
 * through an invite of one already in: the first user invites a few, the
 * others fewer, the latest one always at least one while seats are left. An
 * invite whose teammate would join after the period leaves the account
 * smaller, and the users left over go to the next account.
 */
export function simulateAccounts(state: SampleState, users: number): void {
  const { random, calendar } = state;
  const width = String(users).length;
  const id = (prefix: string, n: number): string => `${prefix}${String(n + 1).padStart(width, '0')}`;
  let made = 0;
  for (let account = 0; made < users; account++) {
    startAccount(state, id('a', account));
    let seatsLeft = Math.min(1 + random.pick(SIZE_WEIGHTS), users - made) - 1;
    const day = random.pick(state.signupDays);
    const queue: Omit<Member, 'invites'>[] = [{ signupDay: day, signupAt: calendar.toUtc(day, sessionTime(random)), invited: false }];
    for (let q = 0; q < queue.length && made < users; q++) {
      const latest = q === queue.length - 1;
      const wanted = q === 0 ? 1 + random.poisson(2) : latest ? 1 + random.poisson(2) : random.poisson(0.7);
      const invites = Math.min(seatsLeft, wanted);
      seatsLeft -= invites;
      const joins = simulateUser(state, made, id('u', made), { ...queue[q]!, invites });
      made += 1;
      for (const signupAt of joins) {
        queue.push({ signupDay: calendar.clock.localDay(signupAt) - calendar.startDay, signupAt, invited: true });
      }
    }
  }
}
