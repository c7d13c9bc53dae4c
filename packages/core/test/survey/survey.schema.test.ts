import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ces,
  cesOptionsSchema,
  cesScoresSchema,
  csat,
  csatOptionsSchema,
  csatScoresSchema,
  KpiValidationError,
  nps,
  npsScoresSchema,
} from '../../src/index';

/** Whether a call succeeds (rethrowing anything that is not a validation error). */
function succeeds(action: () => unknown): boolean {
  try {
    action();
    return true;
  } catch (error) {
    if (error instanceof KpiValidationError) return false;
    throw error;
  }
}

const oddValues = fc.constantFrom<unknown>(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -Infinity,
  null,
  undefined,
  '5',
  true,
  [],
  {},
  -0,
  2 ** 53,
  1e21,
);
const scoreArb = fc.oneof(fc.integer({ min: -2, max: 12 }), fc.double({ min: -2, max: 12, noNaN: true }), oddValues);
const scoresArb = fc.oneof(fc.array(scoreArb, { maxLength: 6 }), fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 6 }), oddValues);

const boundArb = fc.oneof(
  fc.integer({ min: -3, max: 12 }),
  fc.constantFrom<unknown>(1.5, 2 ** 53, -(2 ** 53), 1e21, Number.NaN, '1', null),
);
const scaleArb = fc.oneof(
  fc.tuple(boundArb, boundArb),
  fc.tuple(fc.integer({ min: -3, max: 5 }), fc.integer({ min: 0, max: 12 })),
  fc.constantFrom<unknown>(undefined, null, [1], [1, 5, 7], '1..5', {}),
);
const positiveFromArb = fc.oneof(
  fc.integer({ min: -2, max: 12 }),
  fc.constantFrom<unknown>(undefined, null, 4.5, Number.NaN, '4', 2 ** 53),
);

/** An options object with some of the given fields, now and then an unknown one. */
const optionsArb = (fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.record({ ...fields, extra: fc.constantFrom<unknown>(1, undefined) }, { requiredKeys: [] }),
    fc.record(fields, { requiredKeys: [] }),
    fc.constantFrom<unknown>(null, 'options', 5, []),
  );

describe('survey schemas accept exactly what the survey functions accept', () => {
  it('npsScoresSchema ↔ nps (property)', () => {
    fc.assert(
      fc.property(scoresArb, (scores) => {
        expect(npsScoresSchema.safeParse(scores).success).toBe(succeeds(() => nps(scores as number[])));
      }),
      { numRuns: 500 },
    );
  });

  it('csatScoresSchema ↔ csat scores on a scale (property)', () => {
    fc.assert(
      fc.property(scoresArb, fc.integer({ min: -2, max: 3 }), fc.integer({ min: 4, max: 10 }), (scores, lowest, highest) => {
        const options = { scale: [lowest, highest] as const, positiveFrom: highest };
        expect(csatScoresSchema(lowest, highest).safeParse(scores).success).toBe(succeeds(() => csat(scores as number[], options)));
      }),
      { numRuns: 500 },
    );
    // Defaults: 1..5.
    expect(csatScoresSchema().safeParse([1, 5]).success).toBe(true);
    expect(csatScoresSchema().safeParse([0]).success).toBe(false);
  });

  it('cesScoresSchema ↔ ces scores on a scale (property)', () => {
    fc.assert(
      fc.property(scoresArb, fc.integer({ min: -2, max: 3 }), fc.integer({ min: 4, max: 10 }), (scores, lowest, highest) => {
        expect(cesScoresSchema(lowest, highest).safeParse(scores).success).toBe(
          succeeds(() => ces(scores as number[], { scale: [lowest, highest] })),
        );
      }),
      { numRuns: 500 },
    );
    expect(cesScoresSchema().safeParse([1, 7, 3.5]).success).toBe(true);
    expect(cesScoresSchema().safeParse([7.5]).success).toBe(false);
  });

  it('csatOptionsSchema ↔ csat options (property)', () => {
    fc.assert(
      fc.property(optionsArb({ scale: scaleArb, positiveFrom: positiveFromArb }), (options) => {
        expect(csatOptionsSchema.safeParse(options).success, JSON.stringify(options)).toBe(succeeds(() => csat([], options as never)));
      }),
      { numRuns: 1000 },
    );
  });

  it('cesOptionsSchema ↔ ces options (property)', () => {
    fc.assert(
      fc.property(optionsArb({ scale: scaleArb }), (options) => {
        expect(cesOptionsSchema.safeParse(options).success, JSON.stringify(options)).toBe(succeeds(() => ces([], options as never)));
      }),
      { numRuns: 500 },
    );
  });
});
