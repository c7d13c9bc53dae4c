import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KpiValidationError } from '../../src/errors';
import { northStarTree } from '../../src/northStar/northStarTree';
import { whatIf } from '../../src/northStar/whatIf';
import type { NorthStarDefinition } from '../../src/northStar/northStar.types';

const definition: NorthStarDefinition = {
  nodes: [
    { id: 'revenue', label: 'Revenue', formula: 'product', children: ['customers', 'arpu'], target: 12_000 },
    { id: 'customers', label: 'Customers', value: 200, previous: 180 },
    { id: 'arpu', label: 'ARPU', value: 50, previous: 50 },
  ],
};

describe('whatIf', () => {
  it('re-evaluates the tree with leaf overrides and reports the root change', () => {
    const tree = northStarTree(definition);
    const plan = whatIf(tree, { arpu: 60 });
    // 200 × 60 = 12,000 against 200 × 50 = 10,000: +2,000, +20 %.
    expect(plan.root).toEqual({ before: 10_000, after: 12_000, absolute: 2_000, relative: 0.2 });
    expect(plan.overrides).toEqual({ arpu: 60 });
    const revenue = plan.tree.nodes[0]!;
    expect(revenue).toMatchObject({ value: 12_000, progress: 1, targetMet: true });
    // The previous values are untouched: 180 × 50 = 9,000.
    expect(revenue.change).toEqual({ absolute: 3_000, relative: 3_000 / 9_000, favorable: true });
    // The original tree is not modified.
    expect(tree.nodes[0]!.value).toBe(10_000);
  });

  it('chains: the returned tree carries its overrides', () => {
    const first = whatIf(northStarTree(definition), { customers: 300 });
    const second = whatIf(first.tree, { arpu: 40 });
    // 300 × 50 = 15,000 → 300 × 40 = 12,000.
    expect(second.root).toEqual({ before: 15_000, after: 12_000, absolute: -3_000, relative: -0.2 });
  });

  it('gives a null relative change from a root of 0 and from an unknown root', () => {
    const zero = northStarTree({
      nodes: [
        { id: 'net', label: 'Net', formula: 'difference', children: ['in', 'out'] },
        { id: 'in', label: 'In', value: 5 },
        { id: 'out', label: 'Out', value: 5 },
      ],
    });
    expect(whatIf(zero, { in: 8 }).root).toEqual({ before: 0, after: 3, absolute: 3, relative: null });
    const ratio = northStarTree({
      nodes: [
        { id: 'r', label: 'R', formula: 'ratio', children: ['n', 'd'] },
        { id: 'n', label: 'N', value: 1 },
        { id: 'd', label: 'D', value: 0 },
      ],
    });
    // Fixing the denominator brings the root back: 1 / 4.
    expect(whatIf(ratio, { d: 4 }).root).toEqual({ before: null, after: 0.25, absolute: null, relative: null });
  });

  it('rejects an unknown id or a computed node', () => {
    const tree = northStarTree(definition);
    expect(() => whatIf(tree, { nope: 1 })).toThrow(KpiValidationError);
    expect(() => whatIf(tree, { nope: 1 })).toThrow(/overrides\.nope/);
    expect(() => whatIf(tree, { revenue: 1 })).toThrow(/overrides\.revenue: expected the id of a leaf/);
    expect(() => whatIf(tree, { arpu: Number.POSITIVE_INFINITY })).toThrow(/overrides\.arpu/);
  });

  it('with no overrides returns the same tree (property)', () => {
    const leaf = fc.integer({ min: -500, max: 500 });
    fc.assert(
      fc.property(leaf, leaf, leaf, fc.constantFrom('sum', 'difference', 'product', 'ratio') as fc.Arbitrary<'sum'>, (a, b, c, formula) => {
        const tree = northStarTree({
          nodes: [
            { id: 'root', label: 'Root', formula: 'sum', children: ['pair', 'c'] },
            { id: 'pair', label: 'Pair', formula, children: ['a', 'b'] },
            { id: 'a', label: 'A', value: a, previous: b },
            { id: 'b', label: 'B', value: b },
            { id: 'c', label: 'C', value: c, previous: a, target: b },
          ],
        });
        const same = whatIf(tree, {});
        expect(same.tree).toEqual(tree);
        const root = tree.nodes[0]!.value;
        expect(same.root).toEqual({
          before: root,
          after: root,
          absolute: root === null ? null : 0,
          relative: root === null || root === 0 ? null : 0,
        });
      }),
    );
  });
});
