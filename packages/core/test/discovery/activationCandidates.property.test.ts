import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activationCandidates } from '../../src/discovery/activationCandidates';
import type { ActivationCandidate, ActivationCandidatesOptions, ActivationCondition } from '../../src/discovery/activationCandidates.types';
import type { KpiEvent, PropertyValue } from '../../src/index';
import { ANCHORS, intlLocalDate, shuffled, ZONES } from '../support/reference';
import {
  referenceConditionOrder,
  referenceCounts,
  referenceRankOrder,
  referenceWorld,
  type RefCandidate,
  type RefOptions,
} from './reference';

const HALF_DAY = 43_200_000;

/** A property value fixed by the event's identity, so exact duplicates are identical. */
const planOf = (userId: string, name: string, timestamp: number): PropertyValue | undefined =>
  [undefined, 'x', 'y', null][(userId.charCodeAt(1) * 7 + name.charCodeAt(0) * 3 + Math.floor(timestamp / 3_600_000)) % 4];

interface Scenario {
  readonly events: KpiEvent[];
  readonly options: ActivationCandidatesOptions;
  readonly reference: RefOptions;
  readonly candidates: RefCandidate[] | null;
}

const CANDIDATES: RefCandidate[] = [
  { name: 'a' },
  { name: 'b' },
  { name: 'a', where: { plan: 'x' } },
  { name: 'c', where: { plan: null } },
  { name: 'signup' },
  { name: 'missing' },
];

/**
 * Small worlds on a clock of half days (plus a millisecond either side now and
 * then), so that events sit exactly on window edges and on DST changes near an
 * anchor: up to 5 users, 30 events, and a random choice of every option.
 */
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    anchor: fc.constantFrom(...ANCHORS),
    timeZone: fc.constantFrom(...ZONES),
    // Per user: a start tick (or none), and events around it.
    users: fc.array(
      fc.record({
        start: fc.option(fc.integer({ min: -2, max: 12 }), { freq: 8 }),
        events: fc.array(
          fc.record({
            name: fc.constantFrom('signup', 'a', 'a', 'b', 'b', 'c'),
            offset: fc.integer({ min: -3, max: 22 }),
            jitter: fc.constantFrom(0, 0, 0, 0, -1, 1, 3_600_000),
          }),
          { maxLength: 8, size: 'max' },
        ),
      }),
      { minLength: 1, maxLength: 7, size: 'max' },
    ),
    // An event late in the data, so that most outcome windows are observed.
    tail: fc.option(fc.integer({ min: 24, max: 44 }), { freq: 3 }),
    days: fc.integer({ min: 1, max: 3 }),
    dayAfter: fc.integer({ min: 0, max: 3 }),
    outcomeDays: fc.integer({ min: 1, max: 4 }),
    mode: fc.constantFrom('window', 'window', 'unbounded'),
    startEvent: fc.constantFrom('signup', 'signup', 'signup', 'a'),
    returnEvent: fc.constantFrom(undefined, undefined, 'b', { properties: { plan: 'x' } }, { name: 'a', properties: { plan: null } }),
    candidates: fc.option(fc.subarray(CANDIDATES, { minLength: 1 }), { freq: 2 }),
    atLeast: fc.subarray([1, 2, 3, 4], { minLength: 1 }),
    pairs: fc.integer({ min: 0, max: 4 }),
    minUnits: fc.integer({ min: 0, max: 2 }),
    range: fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.record({ from: fc.integer({ min: -1, max: 6 }), span: fc.integer({ min: 0, max: 8 }) }) },
    ),
  })
  .map((s) => {
    const event = (userId: string, name: string, tick: number, jitter: number): KpiEvent => {
      const timestamp = s.anchor + tick * HALF_DAY + jitter;
      const plan = planOf(userId, name, timestamp);
      return { userId, name, timestamp, ...(plan === undefined ? {} : { properties: { plan } }) };
    };
    const events = s.users.flatMap(({ start, events: own }, u) => [
      ...(start === null ? [] : [event(`u${u}`, 'signup', start, 0)]),
      ...own.map(({ name, offset, jitter }) => event(`u${u}`, name, (start ?? 0) + offset, jitter)),
    ]);
    if (s.tail !== null) events.push(event('u0', 'c', s.tail, 0));
    const day = s.days + s.dayAfter;
    const dates = s.range
      ? {
          from: intlLocalDate(s.anchor + s.range.from * 2 * HALF_DAY, s.timeZone),
          to: intlLocalDate(s.anchor + (s.range.from + s.range.span) * 2 * HALF_DAY, s.timeZone),
        }
      : {};
    const returnEvent = typeof s.returnEvent === 'string' ? { name: s.returnEvent } : s.returnEvent;
    const options: ActivationCandidatesOptions = {
      ...dates,
      timeZone: s.timeZone,
      startEvent: s.startEvent,
      days: s.days,
      outcome: {
        mode: s.mode,
        day,
        ...(s.mode === 'window' ? { days: s.outcomeDays } : {}),
        ...(s.returnEvent === undefined ? {} : { returnEvent: s.returnEvent }),
      },
      ...(s.candidates ? { candidates: s.candidates.map((c) => (c.where ? c : c.name)) } : {}),
      atLeast: s.atLeast,
      pairs: s.pairs,
      minUnits: s.minUnits,
    };
    const reference: RefOptions = {
      ...dates,
      startEvent: s.startEvent,
      days: s.days,
      mode: s.mode,
      day,
      outcomeDays: s.outcomeDays,
      ...(returnEvent === undefined ? {} : { returnEvent }),
      timeZone: s.timeZone,
    };
    return { events, options, reference, candidates: s.candidates };
  });

const asRef = (condition: ActivationCondition): RefCandidate & { atLeast: number } =>
  condition.where
    ? { name: condition.name, where: condition.where, atLeast: condition.atLeast }
    : { name: condition.name, atLeast: condition.atLeast };

/** Every number in a result is finite: no NaN or Infinity reaches a caller. */
function expectFinite(value: unknown): void {
  if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
  else if (Array.isArray(value)) value.forEach(expectFinite);
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach(expectFinite);
}

function expectInvariants(candidate: ActivationCandidate, eligible: number, retained: number): void {
  const { did, didNot } = candidate.counts;
  const doers = did.retained + did.notRetained;
  const others = didNot.retained + didNot.notRetained;
  expect(doers + others).toBe(eligible);
  expect(did.retained + didNot.retained).toBe(retained);
  expect(candidate.units).toBe(doers);
  // Null exactly when the denominator is 0.
  expect(candidate.reach === null).toBe(eligible === 0);
  expect(candidate.retentionIfDid === null).toBe(doers === 0);
  expect(candidate.retentionIfNot === null).toBe(others === 0);
  expect(candidate.precision).toBe(candidate.retentionIfDid);
  expect(candidate.recall === null).toBe(retained === 0);
  expect(candidate.lift === null).toBe(doers === 0 || others === 0);
  expect(candidate.relativeLift === null).toBe(doers === 0 || others === 0 || didNot.retained === 0);
  expect(candidate.liftInterval === null).toBe(candidate.lift === null);
  if (candidate.lift !== null && candidate.liftInterval !== null) {
    expect(candidate.liftInterval.lower).toBeLessThanOrEqual(candidate.lift);
    expect(candidate.liftInterval.upper).toBeGreaterThanOrEqual(candidate.lift);
    expect(candidate.liftInterval.lower).toBeGreaterThanOrEqual(-1);
    expect(candidate.liftInterval.upper).toBeLessThanOrEqual(1);
  }
  // The phi coefficient by its textbook formula, (ad − bc) / √(row and column totals).
  const margins = doers * others * retained * (eligible - retained);
  if (margins === 0) {
    expect(candidate.correlation).toBeNull();
    expect(candidate.score).toBeNull();
  } else {
    const phi = (did.retained * didNot.notRetained - did.notRetained * didNot.retained) / Math.sqrt(margins);
    expect(candidate.correlation).toBeCloseTo(phi, 12);
    expect(candidate.score).not.toBeNull();
    expect(candidate.score!).toBeLessThanOrEqual(candidate.correlation! + 1e-12);
  }
}

describe('activationCandidates against the reference', () => {
  it('counts new, censored, eligible and retained units and every 2×2 table as the reference does', () => {
    fc.assert(
      fc.property(scenarioArb, ({ events, options, reference }) => {
        const result = activationCandidates(events, options);
        const world = referenceWorld(events, reference);
        expect(result.newUnits).toBe(world.newUnits);
        expect(result.censored).toBe(world.censored);
        expect(result.eligible).toBe(world.eligible.length);
        const retained = world.eligible.filter((unit) => unit.retained).length;
        expect(result.retained).toBe(retained);
        for (const candidate of result.candidates) {
          expect(candidate.counts).toEqual(referenceCounts(world, candidate.conditions.map(asRef)));
          expect(candidate.units).toBeGreaterThanOrEqual(options.minUnits!);
          expectInvariants(candidate, result.eligible, result.retained);
        }
        expectFinite(result);
      }),
      { numRuns: 300 },
    );
  });

  it('reports every single signal that enough units met, and pairs of the best candidates', () => {
    fc.assert(
      fc.property(scenarioArb, ({ events, options, reference, candidates }) => {
        const result = activationCandidates(events, options);
        const world = referenceWorld(events, reference);
        const names = [...new Set(events.map((event) => event.name))].filter((name) => name !== options.startEvent);
        const pool = candidates ?? names.map((name) => ({ name }));
        const expected = pool.flatMap((candidate) =>
          options
            .atLeast!.map((atLeast) => ({ ...candidate, atLeast }))
            .filter((c) => {
              const counts = referenceCounts(world, [c]);
              return counts.did.retained + counts.did.notRetained >= options.minUnits!;
            }),
        );
        const singles = result.candidates.filter((c) => c.conditions.length === 1);
        const keyOf = (c: RefCandidate & { atLeast: number }): string => JSON.stringify([c.name, c.where ?? null, c.atLeast]);
        expect(singles.map((c) => keyOf(asRef(c.conditions[0]!))).sort()).toEqual(expected.map(keyOf).sort());

        // Pairs: every two of the `pairs` candidates whose best single signal ranks highest, at that signal's threshold.
        const best: ActivationCandidate[] = [];
        for (const single of singles) {
          const { name, where } = single.conditions[0]!;
          if (single.score === null) continue;
          if (!best.some((b) => b.conditions[0]!.name === name && JSON.stringify(b.conditions[0]!.where) === JSON.stringify(where))) {
            best.push(single);
          }
        }
        const chosen = options.pairs! >= 2 ? best.slice(0, options.pairs) : [];
        const pairs = result.candidates.filter((c) => c.conditions.length === 2);
        const found = new Set(pairs.map((c) => c.conditions.map((condition) => keyOf(asRef(condition))).join('|')));
        let expectedCount = 0;
        chosen.forEach((a, i) => {
          for (const b of chosen.slice(i + 1)) {
            // Conditions of a pair come in the documented order: name, property conditions (none first), threshold.
            const conditions = [asRef(a.conditions[0]!), asRef(b.conditions[0]!)].sort(referenceConditionOrder);
            const counts = referenceCounts(world, conditions);
            const met = counts.did.retained + counts.did.notRetained;
            expect(found.has(conditions.map(keyOf).join('|'))).toBe(met >= options.minUnits!);
            if (met >= options.minUnits!) expectedCount += 1;
          }
        });
        expect(pairs).toHaveLength(expectedCount);
      }),
      { numRuns: 300 },
    );
  });

  it('ranks by score, then reach, singles before pairs, then by conditions, with no ties, numbered from 1', () => {
    fc.assert(
      fc.property(scenarioArb, ({ events, options }) => {
        const { candidates } = activationCandidates(events, options);
        candidates.forEach((candidate, i) => {
          expect(candidate.rank).toBe(i + 1);
          if (i > 0)
            expect(referenceRankOrder(candidates[i - 1]!, candidate), `${candidates[i - 1]!.label} before ${candidate.label}`).toBeLessThan(
              0,
            );
        });
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same result whatever the input order', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), ({ events, options }, seed) => {
        expect(activationCandidates(shuffled(events, seed), options)).toEqual(activationCandidates(events, options));
      }),
      { numRuns: 200 },
    );
  });
});
