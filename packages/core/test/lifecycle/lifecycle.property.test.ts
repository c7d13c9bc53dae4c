import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeUsers, joinUsers, lifecycle } from '../../src/index';
import type { EventFilter, KpiEvent, KpiUser, LifecycleNewFrom, LifecycleOptions, Weekday } from '../../src/index';
import type { Interval } from '../support/engagement';
import { addDays, ANCHORS, eventsArb, intlLocalDate, msOf, shuffled, zoneArb } from '../support/reference';
import { referenceLifecycle, type Status } from './reference';

const USERS = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6'];

interface Generated {
  readonly timeZone: string;
  readonly interval: Interval;
  readonly where: EventFilter | undefined;
  readonly weekStartsOn: Weekday | undefined;
  readonly newFrom: LifecycleNewFrom | undefined;
  readonly bounds: { at: number; shift: number; span: number } | null;
  /** Creation instant of each user as hours from an anchor, or null for a user the users table lacks. */
  readonly createdHours: (number | null)[];
}

const generatedArb: fc.Arbitrary<Generated> = fc.record({
  timeZone: zoneArb,
  interval: fc.constantFrom<Interval>('day', 'week', 'month'),
  where: fc.constantFrom<EventFilter | undefined>(undefined, undefined, { name: ['a', 'b'] }, { properties: { plan: 'pro' } }),
  weekStartsOn: fc.constantFrom<Weekday | undefined>(undefined, 0, 4),
  newFrom: fc.constantFrom<LifecycleNewFrom | undefined>(undefined, 'firstActivity', 'createdAt', { event: 'c' }),
  bounds: fc.option(fc.record({ at: fc.nat(), shift: fc.integer({ min: -10, max: 10 }), span: fc.integer({ min: 0, max: 60 }) })),
  createdHours: fc.array(fc.option(fc.integer({ min: -70 * 24, max: 70 * 24 })), { minLength: USERS.length, maxLength: USERS.length }),
});

/** The options, the users table (for createdAt), and the events as the reference reads them (with user.createdAt). */
function setUp(events: readonly KpiEvent[], generated: Generated) {
  const { timeZone, interval, where, weekStartsOn, newFrom, bounds, createdHours } = generated;
  const options: LifecycleOptions = {
    timeZone,
    interval,
    ...(where ? { where } : {}),
    ...(weekStartsOn === undefined ? {} : { weekStartsOn }),
    ...(newFrom === undefined ? {} : { newFrom }),
  };
  if (bounds && events.length > 0) {
    const from = addDays(intlLocalDate(msOf(events[bounds.at % events.length]!), timeZone), bounds.shift);
    Object.assign(options, { from, to: addDays(from, bounds.span) });
  }
  // Creation times near the events' anchor, on whole hours.
  const anchor = events.length > 0 ? msOf(events[0]!) : ANCHORS[0];
  const createdAt = new Map<string, number>();
  USERS.forEach((id, i) => {
    const hours = createdHours[i];
    if (hours !== null && hours !== undefined) createdAt.set(id, anchor + hours * 3_600_000);
  });
  const users: KpiUser[] = [...createdAt].map(([userId, ms]) => ({ userId, createdAt: ms }));
  const plain = events.map((e) => {
    const ms = createdAt.get(e.userId);
    return ms === undefined ? e : { ...e, properties: { ...e.properties, 'user.createdAt': ms } };
  });
  const input = newFrom === 'createdAt' ? joinUsers(events, users) : events;
  return { options, input, plain, createdAt };
}

/** Whether the generated set can be classified: createdAt needs some event to carry one. */
const classifiable = (plain: readonly KpiEvent[], newFrom: LifecycleNewFrom | undefined): boolean =>
  newFrom !== 'createdAt' || plain.length === 0 || plain.some((e) => e.properties?.['user.createdAt'] !== undefined);

describe('lifecycle: properties', () => {
  it('equals a plain per-unit classification on random small data (property)', () => {
    fc.assert(
      fc.property(eventsArb({ maxEvents: 30, spanDays: 50 }), generatedArb, (events, generated) => {
        const { options, input, plain } = setUp(events, generated);
        if (!classifiable(plain, generated.newFrom)) return;
        expect(lifecycle(input, options)).toEqual(referenceLifecycle(plain, options).result);
      }),
      { numRuns: 200 },
    );
  });

  it('has new + returning + resurrecting = active, dormant(t) = −(active(t−1) − returning(t)), and active as activeUsers (property)', () => {
    fc.assert(
      fc.property(eventsArb({ maxEvents: 40 }), generatedArb, (events, generated) => {
        const { options, input, plain } = setUp(events, generated);
        if (!classifiable(plain, generated.newFrom)) return;
        const { rows, from, to } = lifecycle(input, options);
        for (const r of rows) {
          expect(r.new + r.returning + r.resurrecting).toBe(r.active);
          expect(Math.min(r.new, r.returning, r.resurrecting, -r.dormant)).toBeGreaterThanOrEqual(0);
        }
        for (let t = 1; t < rows.length; t++) expect(rows[t]!.dormant).toBe(rows[t]!.returning - rows[t - 1]!.active); // −(active(t−1) − returning(t)), never −0
        if (from === null || to === null) return;
        const { interval = 'day', where, timeZone, weekStartsOn } = options;
        const base = { where, timeZone, weekStartsOn, from, to };
        const active =
          interval === 'day'
            ? activeUsers(input, base).rows.map((r) => r.dau)
            : activeUsers(input, { ...base, interval }).rows.map((r) => r.active);
        expect(rows.map((r) => r.active)).toEqual(active);
      }),
      { numRuns: 150 },
    );
  });

  it('walks each unit through the state machine (property)', () => {
    // From each status, the statuses the next interval may have.
    const next: Record<Status, readonly Status[]> = {
      new: ['returning', 'dormant'],
      returning: ['returning', 'dormant'],
      resurrecting: ['returning', 'dormant'],
      dormant: ['new', 'resurrecting', 'none'],
      none: ['new', 'resurrecting', 'none'],
    };
    const statusOf = (r: { new: number; returning: number; resurrecting: number; dormant: number }): Status =>
      r.new ? 'new' : r.returning ? 'returning' : r.resurrecting ? 'resurrecting' : r.dormant ? 'dormant' : 'none';
    fc.assert(
      fc.property(eventsArb({ maxEvents: 30 }), generatedArb, (events, generated) => {
        const { options, plain } = setUp(events, generated);
        if (events.length === 0) return;
        const times = events.map(msOf);
        const timeZone = options.timeZone ?? 'UTC';
        const fixed = {
          ...options,
          from: options.from ?? intlLocalDate(Math.min(...times), timeZone),
          to: options.to ?? intlLocalDate(Math.max(...times), timeZone),
        };
        for (const id of USERS) {
          const mine = plain.filter((e) => e.userId === id);
          if (!classifiable(mine, options.newFrom)) continue;
          // One unit alone: each row counts at most one status, and exactly one of its own.
          const rows = lifecycle(mine, fixed).rows;
          for (const r of rows) expect(r.new + r.returning + r.resurrecting - r.dormant).toBeLessThanOrEqual(1);
          const walk = rows.map(statusOf);
          for (let t = 1; t < walk.length; t++) expect(next[walk[t - 1]!]).toContain(walk[t]);
          expect(walk.filter((s) => s === 'new').length).toBeLessThanOrEqual(1);
          if ((options.newFrom ?? 'firstActivity') === 'firstActivity') {
            // Nobody resurrects before being new; the first activity inside the range (if the first ever) is new.
            const firstActive = walk.findIndex((s) => s !== 'none' && s !== 'dormant');
            const newAt = walk.indexOf('new');
            if (newAt >= 0) expect(firstActive).toBe(newAt);
          }
          // The per-unit walk is the reference's.
          expect(walk).toEqual(referenceLifecycle(mine, fixed).statuses.get(id) ?? walk.map(() => 'none'));
        }
      }),
      { numRuns: 80 },
    );
  });

  it('does not change when events are shuffled or duplicated (property)', () => {
    fc.assert(
      fc.property(
        eventsArb({ maxEvents: 30 }),
        generatedArb,
        fc.integer(),
        fc.array(fc.nat(), { maxLength: 10 }),
        (events, generated, seed, copies) => {
          const extra = events.length === 0 ? [] : copies.map((i) => events[i % events.length]!);
          const { options, input, plain } = setUp(events, generated);
          if (!classifiable(plain, generated.newFrom)) return;
          const again = setUp(shuffled([...events, ...extra], seed), generated);
          // The same creation anchor: setUp takes it from the first event, so pass the original's.
          const moved = generated.newFrom === 'createdAt' ? joinUsers(shuffled([...events, ...extra], seed), usersOf(plain)) : again.input;
          expect(lifecycle(moved, options)).toEqual(lifecycle(input, options));
        },
      ),
      { numRuns: 100 },
    );
  });
});

function usersOf(plain: readonly KpiEvent[]): KpiUser[] {
  const created = new Map<string, number>();
  for (const e of plain) {
    const ms = e.properties?.['user.createdAt'];
    if (typeof ms === 'number') created.set(e.userId, ms);
  }
  return [...created].map(([userId, createdAt]) => ({ userId, createdAt }));
}
