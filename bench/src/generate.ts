import type { EventTable, KpiEvent } from '@kpikit/core';
import { gaussian, mulberry32 } from './random';
import { ACCOUNT_SIZE } from './results';

export const DAY_MS = 86_400_000;
/** 2024-01-01T00:00Z, a Monday: the first day of the generated period. */
export const START_MS = Date.UTC(2024, 0, 1);
/** Length of the generated period in days. */
export const DAYS = 180;
const END_MS = START_MS + DAYS * DAY_MS;

/** Event names; code 0 is every user's first event. */
export const EVENT_NAMES = ['signup', 'page_view', 'click', 'search', 'share', 'purchase'] as const;
// Cumulative shares of the non-signup names (page_view 55 %, click 25 %, …).
const NAME_MIX = [0.55, 0.8, 0.92, 0.97, 1];
/** Share of events sent twice (client retries): exact duplicates every engine must count once. */
const DUPLICATE_RATE = 0.005;
/** Average events per user: the generator makes `count / EVENTS_PER_USER` users. */
export const EVENTS_PER_USER = 100;

/**
 * Synthetic product events as columns: `user[i]`, `name[i]` are codes into
 * `userIds` and `names`, `time[i]` is epoch ms (UTC). Rows are in time order,
 * like an event log.
 */
export interface EventData {
  readonly length: number;
  readonly userIds: readonly string[];
  readonly names: readonly string[];
  readonly user: Int32Array;
  readonly name: Uint8Array;
  readonly time: Float64Array;
}

/**
 * `count` events over {@link DAYS} days from {@link START_MS}, by
 * `count / 100` users. Each user signs up at a uniformly random instant of the
 * period (their first event, `signup`), then is active with an exponentially
 * decaying intensity: 60 % churn within a day, 25 % within weeks, 15 % stay for
 * months; how active a user is varies log-normally. Half a percent of events
 * are exact duplicates. Deterministic for a given `count` and `seed`.
 */
export function generateEvents(count: number, seed = 20240101): EventData {
  const random = mulberry32(seed);
  const users = Math.max(1, Math.min(count, Math.round(count / EVENTS_PER_USER)));
  const signup = new Float64Array(users);
  const rate = new Float64Array(users);
  const weight = new Float64Array(users);
  let total = 0;
  for (let u = 0; u < users; u++) {
    const start = START_MS + Math.floor(random() * DAYS * DAY_MS);
    const kind = random();
    const meanLifeDays = (kind < 0.6 ? 0.5 : kind < 0.85 ? 10 : 120) * (0.5 + random());
    const lambda = 1 / meanLifeDays;
    const remainingDays = (END_MS - start) / DAY_MS;
    signup[u] = start;
    rate[u] = lambda;
    // Expected events: intensity integrated over the rest of the period, so a
    // late sign-up does not cram a loyal user's year into a few days.
    weight[u] = Math.exp(0.8 * gaussian(random)) * ((1 - Math.exp(-lambda * remainingDays)) / lambda);
    total += weight[u]!;
  }

  // Generated user by user, then put in time order below.
  const byUserUser = new Int32Array(count);
  const byUserName = new Uint8Array(count);
  const byUserTime = new Float64Array(count);
  const extraEvents = count - users;
  let cumulative = 0;
  let assigned = 0;
  let row = 0;
  for (let u = 0; u < users; u++) {
    cumulative += weight[u]!;
    const upTo = u === users - 1 ? extraEvents : Math.min(extraEvents, Math.round((extraEvents * cumulative) / total));
    const extra = upTo - assigned;
    assigned = upTo;
    const start = signup[u]!;
    const lambda = rate[u]!;
    const tail = 1 - Math.exp((-lambda * (END_MS - start)) / DAY_MS);
    byUserUser[row] = u;
    byUserName[row] = 0;
    byUserTime[row] = start;
    row++;
    for (let e = 0; e < extra; e++) {
      byUserUser[row] = u;
      if (random() < DUPLICATE_RATE) {
        byUserName[row] = byUserName[row - 1]!;
        byUserTime[row] = byUserTime[row - 1]!;
      } else {
        // Inverse CDF of the exponential truncated to the rest of the period.
        const offsetDays = -Math.log(1 - random() * tail) / lambda;
        byUserTime[row] = Math.min(END_MS - 1, start + Math.floor(offsetDays * DAY_MS));
        const pick = random();
        let code = 0;
        while (pick >= NAME_MIX[code]!) code++;
        byUserName[row] = code + 1;
      }
      row++;
    }
  }

  // Time order: counting sort by minute, then each minute's rows by a numeric
  // key (ms within the minute, then generation index) packed exactly in a double.
  const MINUTE = 60_000;
  const SHIFT = 2 ** 32;
  const minutes = DAYS * 24 * 60;
  const bucketStart = new Int32Array(minutes + 1);
  for (let i = 0; i < count; i++) bucketStart[Math.floor((byUserTime[i]! - START_MS) / MINUTE) + 1]! += 1;
  for (let b = 0; b < minutes; b++) bucketStart[b + 1]! += bucketStart[b]!;
  const cursor = bucketStart.slice(0, minutes);
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const offset = byUserTime[i]! - START_MS;
    const bucket = Math.floor(offset / MINUTE);
    keys[cursor[bucket]!++] = (offset - bucket * MINUTE) * SHIFT + i;
  }
  for (let b = 0; b < minutes; b++) keys.subarray(bucketStart[b], bucketStart[b + 1]).sort();
  const user = new Int32Array(count);
  const name = new Uint8Array(count);
  const time = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    const i = keys[j]! % SHIFT;
    user[j] = byUserUser[i]!;
    name[j] = byUserName[i]!;
    time[j] = byUserTime[i]!;
  }

  const userIds = Array.from({ length: users }, (_, u) => `user-${String(u).padStart(7, '0')}`);
  return { length: count, userIds, names: [...EVENT_NAMES], user, name, time };
}

/** The events as objects, the shape callers hand to `toEventTable`. */
export function eventObjects(data: EventData): KpiEvent[] {
  const { userIds, names, user, name, time } = data;
  // Grown by push: a preallocated `new Array(n)` this large would be a slow dictionary array.
  const events: KpiEvent[] = [];
  for (let i = 0; i < data.length; i++) events.push({ userId: userIds[user[i]!]!, name: names[name[i]!]!, timestamp: time[i]! });
  return events;
}

/** The events as plain columns (`userId`, `name` strings, `timestamp` epoch ms). */
export function eventColumns(data: EventData): { userId: string[]; name: string[]; timestamp: Float64Array } {
  const { userIds, names, user, name, time } = data;
  const userId: string[] = [];
  const eventName: string[] = [];
  for (let i = 0; i < data.length; i++) {
    userId.push(userIds[user[i]!]!);
    eventName.push(names[name[i]!]!);
  }
  return { userId, name: eventName, timestamp: time };
}

/**
 * The table with each event's account as the `accountId` property: user
 * `user-0000042` is in `account-5` with {@link ACCOUNT_SIZE} users an account,
 * as the DuckDB table's `account_id`. A column of codes, as `toEventTable`
 * would build it from the property, made directly.
 */
export function withAccounts(table: EventTable): EventTable {
  const accountOf = table.userIds.map((id) => Math.floor(Number(id.slice('user-'.length)) / ACCOUNT_SIZE));
  const values: string[] = [];
  const codeOf = new Map<number, number>();
  const codes = new Int32Array(table.length);
  for (let u = 0; u < table.userIds.length; u++) {
    const account = accountOf[u]!;
    let code = codeOf.get(account);
    if (code === undefined) codeOf.set(account, (code = values.push(`account-${account}`) - 1));
    codes.fill(code, table.userStart[u], table.userStart[u + 1]);
  }
  return { ...table, properties: new Map([...table.properties, ['accountId', { codes, values }]]) };
}
