/**
 * Event histories written as PostHog's funnel tests write theirs: per user, a
 * list of events at UTC date-times, so their cases read the same here.
 */
import type { KpiEvent, PropertyValue } from '../../src/index';

/** One event: its name, a UTC time `YYYY-MM-DD HH:MM:SS`, and its properties. */
export type JourneyEvent = readonly [name: string, at: string, properties?: Readonly<Record<string, PropertyValue>> | undefined];

/** The events of every user, in the order given. */
export function journeys(byUser: Readonly<Record<string, readonly JourneyEvent[]>>): KpiEvent[] {
  return Object.entries(byUser).flatMap(([userId, events]) =>
    events.map(([name, at, properties]) => ({
      userId,
      name,
      timestamp: Date.parse(`${at.replace(' ', 'T')}Z`),
      ...(properties ? { properties: { ...properties } } : {}),
    })),
  );
}

export const SECOND = 1000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
