import { asEventTable } from '../events/eventTable';
import type { EventInput, EventTable } from '../events/event.types';
import { parseOptions } from '../options/parseOptions';
import { mean, quantileSorted, summarize } from '../stats/summary';
import { localDays } from '../time/localDays';
import { resolveRange } from '../time/range';
import { DEFAULT_SESSION_INACTIVITY, sessionsOptionsSchema } from './sessions.schema';
import type { SessionsOptions, SessionsResult } from './sessions.types';

/**
 * Sessions and engagement: each user's events split into sessions by
 * inactivity, with counts, durations and events per session.
 *
 * Per user, in time order, a new session starts when the gap to the previous
 * event exceeds `inactivity` (a gap of exactly `inactivity` stays in the
 * session). Only events whose local day lies in `[from, to]` are used, so a
 * session crossing a range boundary is cut there. A session lasts from its
 * first to its last event (a one-event session lasts 0). `sessionsPerUser` is
 * sessions over users with an event in the range; `perSession[set]` is the
 * events whose name is in the set over sessions (an event in two sets counts
 * in both).
 *
 * @example
 * sessions(events, { from: '2024-03-01', to: '2024-03-31', sets: { pages: ['page_view'], clicks: ['click'] } });
 * // { users: 2, sessions: 5, events: 40, sessionsPerUser: 2.5, meanDuration: 540000, medianDuration: 300000,
 * //   eventsPerSession: 8, perSession: { pages: 3.2, clicks: 4 }, sessionsPerUserDistribution: { mean: 2.5, median: 2.5, … } }
 */
export function sessions(events: EventInput, options: SessionsOptions = {}): SessionsResult {
  const { inactivity = DEFAULT_SESSION_INACTIVITY, from, to, timeZone = 'UTC', sets = {} } = parseOptions(sessionsOptionsSchema, options);
  const table = asEventTable(events);
  const days = localDays(table, timeZone);
  const range = resolveRange(days, from, to);
  const fromDay = range?.fromDay ?? 0;
  const toDay = range?.toDay ?? -1;

  const { userStart, time, name } = table;
  const nameCounts = new Float64Array(table.names.length);
  // At most one session per event and one count per user: two allocations, none per session.
  const durations = new Float64Array(table.length);
  const perUser = new Float64Array(table.userIds.length);
  let sessionCount = 0;
  // One-event sessions (often the most common kind) last 0: count them rather
  // than sort them. `durations` holds the others, packed from the front.
  let zeroCount = 0;
  let eventCount = 0;
  let userCount = 0;
  for (let u = 0; u + 1 < userStart.length; u++) {
    const end = userStart[u + 1] as number;
    let userSessions = 0;
    let first = 0;
    let last = 0;
    for (let row = userStart[u] as number; row < end; row++) {
      const day = days[row] as number;
      if (day < fromDay || day > toDay) continue;
      const t = time[row] as number;
      nameCounts[name[row] as number]! += 1;
      eventCount += 1;
      if (userSessions === 0) {
        userSessions = 1;
        first = t;
      } else if (t - last > inactivity) {
        if (last === first) zeroCount += 1;
        else durations[sessionCount - zeroCount] = last - first;
        sessionCount += 1;
        userSessions += 1;
        first = t;
      }
      last = t;
    }
    if (userSessions === 0) continue;
    if (last === first) zeroCount += 1;
    else durations[sessionCount - zeroCount] = last - first;
    sessionCount += 1;
    perUser[userCount++] = userSessions;
  }

  // Sorted durations: the zeros, then the others in order.
  const positive = sessionCount - zeroCount;
  durations.subarray(0, positive).sort();
  durations.copyWithin(zeroCount, 0, positive);
  durations.fill(0, 0, zeroCount);
  const sorted = durations.subarray(0, sessionCount);
  const perSession = Object.fromEntries(
    Object.entries(sets).map(([setName, names]) => [
      setName,
      sessionCount === 0 ? null : countNamed(table, nameCounts, names) / sessionCount,
    ]),
  );
  return {
    users: userCount,
    sessions: sessionCount,
    events: eventCount,
    sessionsPerUser: userCount === 0 ? null : sessionCount / userCount,
    meanDuration: mean(sorted),
    medianDuration: quantileSorted(sorted, 0.5),
    eventsPerSession: sessionCount === 0 ? null : eventCount / sessionCount,
    perSession,
    sessionsPerUserDistribution: summarize(perUser.subarray(0, userCount)),
  };
}

/** Events counted in `nameCounts` whose name is one of `names` (each name once, unknown names count 0). */
function countNamed(table: EventTable, nameCounts: Float64Array, names: readonly string[]): number {
  const wanted = new Set(names);
  let total = 0;
  table.names.forEach((eventName, code) => {
    if (wanted.has(eventName)) total += nameCounts[code] as number;
  });
  return total;
}
