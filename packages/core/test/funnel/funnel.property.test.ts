import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { funnel } from '../../src/funnel/funnel';
import type { FunnelBreakdownAttribution, FunnelOptions, FunnelResult } from '../../src/funnel/funnel.types';
import type { PropertyValue } from '../../src/index';
import {
  attributedValue,
  compareValues,
  meanOf,
  median,
  referenceSteps,
  referenceUsers,
  type RefEvent,
  type RefExclusion,
  type RefStep,
} from './reference';

const DAY = 86_400_000;
const NAMES = ['a', 'b', 'c'] as const;

/** A property value fixed by the event's identity, so exact duplicates are identical and keep nothing to choose. */
const planOf = (userId: string, name: string, timestamp: number): 'x' | 'y' | null | undefined =>
  [undefined, 'x', 'y', null][(userId.length * 7 + name.charCodeAt(0) * 3 + Math.floor(timestamp / 1000)) % 4] as
    'x' | 'y' | null | undefined;

interface Scenario {
  readonly events: RefEvent[];
  readonly steps: RefStep[];
  readonly window: number;
  readonly unit: number;
  readonly exclusions: RefExclusion[];
  readonly exclusionMode: 'furthestAttempt' | 'cleanAttempts' | undefined;
  readonly range: { from: number; to: number } | null;
}

/**
 * Tiny worlds where ties, repeats and window edges are common: 1–3 users,
 * up to 18 events in all on a coarse clock (milliseconds or half days, plus a
 * second offset that only sets the property), 2–4 steps over three names,
 * some with conditions.
 */
const step = (usual: string): fc.Arbitrary<RefStep> =>
  fc
    .record({
      name: fc.oneof({ weight: 3, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: fc.constantFrom(...NAMES) }),
      where: fc.oneof(
        { weight: 4, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constant({ plan: 'x' }) },
        { weight: 1, arbitrary: fc.constant({ plan: null }) },
      ),
    })
    .map(({ name, where }) => (where ? { name, where } : { name }));

const scenario = (withExclusions: boolean): fc.Arbitrary<Scenario> =>
  fc
    .record({
      unit: fc.constantFrom(1_000, DAY / 2),
      windowUnits: fc.integer({ min: 1, max: 6 }),
      raw: fc.array(
        fc.record({
          user: fc.constantFrom('u', 'u', 'vv', 'www'),
          name: fc.constantFrom(...NAMES, ...NAMES, 'z', 'z'),
          tick: fc.integer({ min: 0, max: 8 }),
        }),
        { minLength: 2, maxLength: 18, size: 'max' },
      ),
      // Mostly a, b, c, a in turn (so deep funnels are common), sometimes repeats and conditions.
      steps: fc
        .tuple(step('a'), step('b'), step('c'), step('a'), fc.integer({ min: 2, max: 4 }))
        .map(([a, b, c, d, length]) => [a, b, c, d].slice(0, length)),
      exclusionList: withExclusions
        ? fc.array(fc.record({ name: fc.constantFrom(...NAMES, 'z', 'z', 'z'), i: fc.nat(3), j: fc.nat(3) }), { maxLength: 2 })
        : fc.constant([]),
      exclusionMode: fc.constantFrom(undefined, 'furthestAttempt' as const, 'cleanAttempts' as const),
      range: fc.oneof(
        { weight: 2, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.record({ from: fc.integer({ min: 0, max: 2 }), span: fc.integer({ min: 0, max: 2 }) }) },
      ),
    })
    .map(({ unit, windowUnits, raw, steps, exclusionList, exclusionMode, range }) => {
      const events = raw.map(({ user, name, tick }) => {
        const timestamp = tick * unit;
        const plan = planOf(user, name, timestamp);
        return { userId: user, name, timestamp, ...(plan === undefined ? {} : { properties: { plan } }) };
      });
      const exclusions: RefExclusion[] = [];
      for (const exclusion of exclusionList) {
        const i = Math.min(exclusion.i, exclusion.j) % steps.length;
        const j = Math.max(exclusion.i, exclusion.j) % steps.length;
        if (i < j) exclusions.push({ name: exclusion.name, between: [i, j] });
      }
      return {
        events,
        steps,
        window: windowUnits * unit,
        unit,
        exclusions,
        exclusionMode,
        range: range ? { from: range.from, to: range.from + range.span } : null,
      };
    });

/** The scenario's exclusions; in any order they span the whole funnel. */
const exclusionsFor = (s: Scenario, order: 'ordered' | 'strict' | 'any'): RefExclusion[] =>
  order === 'any' ? s.exclusions.map((exclusion) => ({ ...exclusion, between: [0, s.steps.length - 1] })) : s.exclusions;

const dateOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

function run(
  s: Scenario,
  order: 'ordered' | 'strict' | 'any',
  events: readonly RefEvent[] = s.events,
  breakdown?: FunnelOptions['breakdown'],
): FunnelResult {
  const options: FunnelOptions = {
    steps: s.steps,
    ...(breakdown ? { breakdown } : {}),
    order,
    window: s.window,
    ...(s.exclusions.length > 0 ? { exclusions: exclusionsFor(s, order) } : {}),
    ...(s.exclusionMode ? { exclusionMode: s.exclusionMode } : {}),
    ...(s.range ? { from: dateOf(s.range.from), to: dateOf(s.range.to) } : {}),
  };
  return funnel(events, options);
}

function expectMatchesReference(s: Scenario, order: 'ordered' | 'strict' | 'any', attribution: FunnelBreakdownAttribution): void {
  const users = referenceUsers(s.events, {
    steps: s.steps,
    order,
    window: s.window,
    exclusions: exclusionsFor(s, order),
    ...(s.exclusionMode ? { exclusionMode: s.exclusionMode } : {}),
    ...(s.range ? { fromDay: s.range.from, toDay: s.range.to } : {}),
  });
  const expected = referenceSteps(users, s.steps.length);
  const result = run(s, order, s.events, { property: 'plan', attribution });
  expect(result.steps.map((step) => step.count)).toEqual(expected.map((step) => step.count));
  result.steps.forEach((step, k) => {
    const gaps = (expected[k] as { gaps: number[] }).gaps;
    if (k === 0) {
      expect(step.median).toBeNull();
      expect(step.mean).toBeNull();
      return;
    }
    expect(step.median).toBe(median(gaps));
    if (gaps.length === 0) expect(step.mean).toBeNull();
    else expect(step.mean).toBeCloseTo(meanOf(gaps) as number, 6);
  });

  // Breakdown by the attributed plan: values by user count, then by name; null last; users in no group left out.
  const valueOf = (user: (typeof users)[number]): PropertyValue | undefined => attributedValue(user, 'plan', attribution);
  const grouped = users.filter((user) => valueOf(user) !== undefined);
  const values = [...new Set(grouped.map(valueOf))] as PropertyValue[];
  const size = (value: PropertyValue): number => grouped.filter((user) => valueOf(user) === value).length;
  const named = values.filter((value) => value !== null).sort((a, b) => size(b) - size(a) || compareValues(a, b));
  const expectedGroups = [...named, ...(values.includes(null) ? [null] : [])].map((value) => ({
    value,
    counts: referenceSteps(
      grouped.filter((user) => valueOf(user) === value),
      s.steps.length,
    ).map((step) => step.count),
  }));
  expect(result.breakdown?.groups.map((group) => ({ value: group.value, counts: group.steps.map((step) => step.count) }))).toEqual(
    expectedGroups,
  );
}

/** Any attribution a funnel of `steps` steps in `order` takes. */
const attributionArb = (steps: number, order: 'ordered' | 'strict' | 'any'): fc.Arbitrary<FunnelBreakdownAttribution> =>
  fc.oneof(
    fc.constantFrom('first_touch' as const, 'last_touch' as const),
    fc.integer({ min: 0, max: order === 'any' ? 0 : steps - 1 }).map((step) => ({ step })),
  );

/** Fisher–Yates with a small seeded generator (mulberry32). */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  let state = seed | 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const counts = (result: FunnelResult): number[] => result.steps.map((step) => step.count);

describe('funnel properties', () => {
  it.each(['ordered', 'strict', 'any'] as const)('%s matches a brute-force enumeration of event assignments', (order) => {
    fc.assert(
      fc.property(
        scenario(true).chain((s) => fc.tuple(fc.constant(s), attributionArb(s.steps.length, order))),
        ([s, attribution]) => {
          expectMatchesReference(s, order, attribution);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('counts never increase from step to step, and fromPrevious stays in [0, 1]', () => {
    fc.assert(
      fc.property(scenario(true), fc.constantFrom('ordered', 'strict', 'any'), (s, order) => {
        const result = run(s, order);
        result.steps.forEach((step, k) => {
          if (k > 0) expect(step.count).toBeLessThanOrEqual((result.steps[k - 1] as { count: number }).count);
          if (step.fromPrevious !== null) {
            expect(step.fromPrevious).toBeGreaterThanOrEqual(0);
            expect(step.fromPrevious).toBeLessThanOrEqual(1);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('every attribution puts each counted user in one group (step k: each user reaching step k), so the groups add up', () => {
    fc.assert(
      fc.property(
        scenario(true).chain((s) =>
          fc
            .constantFrom('ordered' as const, 'strict' as const, 'any' as const)
            .chain((order) => fc.tuple(fc.constant(s), fc.constant(order), attributionArb(s.steps.length, order))),
        ),
        ([s, order, attribution]) => {
          const result = run(s, order, s.events, { property: 'plan', attribution });
          const groups = result.breakdown?.groups ?? [];
          const from = typeof attribution === 'object' ? attribution.step : 0;
          result.steps.forEach((step, k) => {
            const sum = groups.reduce((total, group) => total + (group.steps[k] as { count: number }).count, 0);
            // Before step k a step-k breakdown holds just the users who reach step k.
            expect(sum).toBe(k < from ? (result.steps[from] as { count: number }).count : step.count);
          });
          expect(new Set(groups.map((group) => group.value)).size).toBe(groups.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a strict chain is an ordered chain, and an ordered chain fits one any-order window', () => {
    fc.assert(
      fc.property(scenario(false), (s) => {
        const strict = counts(run(s, 'strict'));
        const ordered = counts(run(s, 'ordered'));
        const any = counts(run(s, 'any'));
        ordered.forEach((count, k) => {
          expect(count).toBeGreaterThanOrEqual(strict[k] as number);
          expect(any[k]).toBeGreaterThanOrEqual(count);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('shuffling the events and repeating some of them changes nothing', () => {
    fc.assert(
      fc.property(
        scenario(true),
        fc.constantFrom('ordered', 'strict', 'any'),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.integer(),
        (s, order, repeats, seed) => {
          const doubled = [
            ...s.events,
            ...repeats.flatMap((i) => (s.events.length === 0 ? [] : [s.events[i % s.events.length] as RefEvent])),
          ];
          expect(run(s, order, shuffle(doubled, seed))).toEqual(run(s, order));
        },
      ),
      { numRuns: 300 },
    );
  });
});
