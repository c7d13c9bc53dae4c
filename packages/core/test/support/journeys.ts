/**
 * Event histories written as PostHog's tests write theirs: per user, a list
 * of events at UTC date-times, so their cases read the same here.
 */
import type { KpiEvent, PropertyValue } from '../../src/index';

/** One event: its name, a UTC time `YYYY-MM-DD HH:MM:SS` (or ISO with `T` and `Z`), and its properties. */
export type JourneyEvent = readonly [name: string, at: string, properties?: Readonly<Record<string, PropertyValue>> | undefined];

/** Epoch ms of a UTC date-time written `2020-01-11 12:00:00`, `2020-01-11T12:00:00Z` or `2020-01-11`. */
export function utc(at: string): number {
  const iso = at.length === 10 ? `${at}T00:00:00Z` : at.replace(' ', 'T');
  const ms = Date.parse(iso.endsWith('Z') ? iso : `${iso}Z`);
  if (Number.isNaN(ms)) throw new Error(`not a UTC date-time: ${at}`);
  return ms;
}

/** The events of every user, in the order given. */
export function journeys(byUser: Readonly<Record<string, readonly JourneyEvent[]>>): KpiEvent[] {
  return Object.entries(byUser).flatMap(([userId, events]) =>
    events.map(([name, at, properties]) => ({
      userId,
      name,
      timestamp: utc(at),
      ...(properties ? { properties: { ...properties } } : {}),
    })),
  );
}

/** Events of one name at the times given, per user: PostHog's `(person, [timestamps])` lists. */
export function timelines(byUser: Readonly<Record<string, readonly string[]>>, name = '$pageview'): KpiEvent[] {
  return journeys(Object.fromEntries(Object.entries(byUser).map(([user, times]) => [user, times.map((at) => [name, at] as const)])));
}

export const SECOND = 1000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
