import { describe, expect, it } from 'vitest';
import { funnel } from '../../src/funnel/funnel';
import type { FunnelBreakdownAttribution, FunnelResult } from '../../src/funnel/funnel.types';
import type { KpiEvent, PropertyValue } from '../../src/index';

const T0 = Date.UTC(2024, 2, 4); // Monday 2024-03-04, 00:00 UTC

const ev = (userId: string, name: string, timestamp: number, properties?: Record<string, PropertyValue>): KpiEvent => ({
  userId,
  name,
  timestamp,
  ...(properties ? { properties } : {}),
});

const counts = (result: FunnelResult): number[] => result.steps.map((step) => step.count);

describe('funnel breakdown', () => {
  it('groups the top 10 values by step-1 users (ties by string form), then Other, then null', () => {
    // Users per value: A 5, B 5, C 4, D 4, E 3, F 3, G 2, H 2, I 2, then 7 (a number), K, L with 1 each.
    // A and B tie (A first); among the 1-user values "7" < "K" < "L", so 7 is tenth and K, L are Other.
    const sizes: [PropertyValue, number][] = [
      ['B', 5],
      ['A', 5],
      ['D', 4],
      ['C', 4],
      ['E', 3],
      ['F', 3],
      ['G', 2],
      ['H', 2],
      ['I', 2],
      ['L', 1],
      ['K', 1],
      [7, 1],
    ];
    const events: KpiEvent[] = [];
    sizes.forEach(([value, size]) => {
      for (let i = 0; i < size; i++) {
        const user = `${String(value)}-${i}`;
        events.push(ev(user, 'view', T0, { plan: value }));
        // The first user of each value converts.
        if (i === 0) events.push(ev(user, 'trial', T0 + 1000));
      }
    });
    events.push(ev('none-1', 'view', T0), ev('none-2', 'view', T0, { plan: null }), ev('none-2', 'trial', T0 + 3000));
    const result = funnel(events, { steps: ['view', 'trial'], breakdown: { property: 'plan' } });
    const groups = result.breakdown?.groups ?? [];
    expect(result.breakdown?.property).toBe('plan');
    expect(groups.map((group) => group.value)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 7, 'Other', null]);
    expect(groups.map((group) => group.other)).toEqual([...new Array<boolean>(10).fill(false), true, false]);
    expect(groups.map((group) => counts({ ...result, steps: group.steps }))).toEqual([
      [5, 1],
      [5, 1],
      [4, 1],
      [4, 1],
      [3, 1],
      [3, 1],
      [2, 1],
      [2, 1],
      [2, 1],
      [1, 1],
      [2, 2],
      [2, 1],
    ]);
    expect(groups[0]?.steps[1]).toMatchObject({ fromFirst: 0.2, fromPrevious: 0.2, dropOff: 4, median: 1000 });
    expect(groups[11]?.steps[1]).toMatchObject({ median: 3000 });
    // The whole funnel is unchanged by the breakdown.
    expect(counts(result)).toEqual([35, 13]);
  });

  it('reads the value from the step-1 event of the attempt used with { step: 0 }, the earliest value by default', () => {
    const events = [ev('u', 'a', T0, { source: 'ad' }), ev('u', 'a', T0 + 100_000, { source: 'mail' }), ev('u', 'b', T0 + 101_000)];
    const values = (attribution?: FunnelBreakdownAttribution) =>
      funnel(events, {
        steps: ['a', 'b'],
        window: 10_000,
        breakdown: { property: 'source', ...(attribution ? { attribution } : {}) },
      }).breakdown?.groups.map((group) => group.value);
    expect(values({ step: 0 })).toEqual(['mail']);
    expect(values()).toEqual(['ad']);
    expect(values('first_touch')).toEqual(['ad']);
    expect(values('last_touch')).toEqual(['mail']);
  });

  it('first and last touch skip step events without the value, read any step, and ignore other events', () => {
    const events = [
      ev('u', 'other', T0, { source: 'direct' }),
      ev('u', 'a', T0 + 1),
      ev('u', 'b', T0 + 2, { source: 'ad' }),
      ev('u', 'b', T0 + 3, { source: 'mail' }),
      ev('u', 'a', T0 + 4),
      ev('u', 'other', T0 + 5, { source: 'push' }),
    ];
    const values = (attribution: FunnelBreakdownAttribution) =>
      funnel(events, { steps: ['a', 'b'], breakdown: { property: 'source', attribution } }).breakdown?.groups.map((group) => group.value);
    expect(values('first_touch')).toEqual(['ad']);
    expect(values('last_touch')).toEqual(['mail']);
    expect(values({ step: 0 })).toEqual([null]);
    expect(values({ step: 1 })).toEqual(['ad']);
  });

  it('breaks a tie at one millisecond by the value that sorts first', () => {
    const events = [ev('u', 'b', T0, { source: 'y' }), ev('u', 'a', T0, { source: 'x' }), ev('u', 'c', T0, { source: 'w' })];
    for (const attribution of ['first_touch', 'last_touch'] as const) {
      const result = funnel(events, { steps: ['a', 'b'], breakdown: { property: 'source', attribution } });
      expect(result.breakdown?.groups.map((group) => group.value)).toEqual(['x']);
    }
  });

  it('with { step: k } leaves users who did not reach step k out of every group', () => {
    const events = [
      ev('u1', 'a', T0),
      ev('u1', 'b', T0 + 1, { plan: 'pro' }),
      ev('u2', 'a', T0),
      ev('u2', 'b', T0 + 1),
      ev('u3', 'a', T0, { plan: 'pro' }),
    ];
    const result = funnel(events, { steps: ['a', 'b'], breakdown: { property: 'plan', attribution: { step: 1 } } });
    expect(counts(result)).toEqual([3, 2]);
    expect(result.breakdown?.groups.map((group) => [group.value, counts({ ...result, steps: group.steps })])).toEqual([
      ['pro', [1, 1]],
      [null, [1, 1]],
    ]);
  });

  it('in any order, { step: 0 } reads the event opening the window, the lowest step at a shared millisecond', () => {
    const events = [ev('u', 'b', T0, { source: 'x' }), ev('u', 'a', T0, { source: 'y' })];
    const result = funnel(events, { steps: ['a', 'b'], order: 'any', breakdown: { property: 'source', attribution: { step: 0 } } });
    expect(result.breakdown?.groups.map((group) => group.value)).toEqual(['y']);
  });

  it('puts everyone in the null group when no event has the property', () => {
    const result = funnel([ev('u', 'a', T0), ev('u', 'b', T0 + 1)], { steps: ['a', 'b'], breakdown: { property: 'plan' } });
    expect(result.breakdown?.groups).toEqual([{ value: null, other: false, steps: result.steps }]);
  });
});
