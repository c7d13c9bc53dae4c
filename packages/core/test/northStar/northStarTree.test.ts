import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KpiValidationError } from '../../src/errors';
import { northStarTree } from '../../src/northStar/northStarTree';
import type { NorthStarDefinition, NorthStarNodeDefinition, NorthStarTreeResult } from '../../src/northStar/northStar.types';

const node = (tree: NorthStarTreeResult, id: string) => {
  const found = tree.nodes.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
};

const sensitivityOf = (tree: NorthStarTreeResult) => Object.fromEntries(tree.sensitivity.map((entry) => [entry.id, entry.relative]));

/** Throws unless `run` fails with a KpiValidationError; returns its issue paths. */
function issuePaths(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(KpiValidationError);
    return (error as KpiValidationError).issues.map((issue) => issue.path);
  }
  throw new Error('expected a KpiValidationError');
}

describe('northStarTree formulas', () => {
  it('sum: 10 + 20 + 70 = 100, each leaf moving the root by its share of 1 %', () => {
    const tree = northStarTree({
      nodes: [
        { id: 'total', label: 'Total', formula: 'sum', children: ['a', 'b', 'c'] },
        { id: 'a', label: 'A', value: 10 },
        { id: 'b', label: 'B', value: 20 },
        { id: 'c', label: 'C', value: 70 },
      ],
    });
    expect(tree.root).toBe('total');
    expect(node(tree, 'total').value).toBe(100);
    // 1 % of c is 0.7 → root +0.7 of 100 = 0.007; b: 0.2 → 0.002; a: 0.1 → 0.001. Ranked by size.
    expect(tree.sensitivity.map((entry) => entry.id)).toEqual(['c', 'b', 'a']);
    expect(tree.sensitivity[0]!.absolute).toBeCloseTo(0.7, 12);
    expect(tree.sensitivity[0]!.relative).toBeCloseTo(0.007, 12);
    expect(tree.sensitivity[1]!.relative).toBeCloseTo(0.002, 12);
    expect(tree.sensitivity[2]!.relative).toBeCloseTo(0.001, 12);
  });

  it('difference: first child minus the rest, 100 − 30 − 20 = 50', () => {
    const tree = northStarTree({
      nodes: [
        { id: 'net', label: 'Net', formula: 'difference', children: ['gained', 'lost', 'paused'] },
        { id: 'gained', label: 'Gained', value: 100 },
        { id: 'lost', label: 'Lost', value: 30, goodDirection: 'down' },
        { id: 'paused', label: 'Paused', value: 20, goodDirection: 'down' },
      ],
    });
    expect(node(tree, 'net').value).toBe(50);
    // gained +1 → +1 / 50 = 0.02; lost +0.3 → −0.3 / 50 = −0.006; paused +0.2 → −0.004.
    const s = sensitivityOf(tree);
    expect(s.gained).toBeCloseTo(0.02, 12);
    expect(s.lost).toBeCloseTo(-0.006, 12);
    expect(s.paused).toBeCloseTo(-0.004, 12);
    expect(tree.sensitivity.map((entry) => entry.id)).toEqual(['gained', 'lost', 'paused']);
  });

  it('product: 4 × 5 × 10 = 200, every factor moving the root by exactly 1 %', () => {
    const tree = northStarTree({
      nodes: [
        { id: 'revenue', label: 'Revenue', formula: 'product', children: ['customers', 'orders', 'basket'] },
        { id: 'customers', label: 'Customers', value: 4 },
        { id: 'orders', label: 'Orders per customer', value: 5 },
        { id: 'basket', label: 'Basket', value: 10 },
      ],
    });
    expect(node(tree, 'revenue').value).toBe(200);
    for (const entry of tree.sensitivity) {
      expect(entry.relative).toBeCloseTo(0.01, 12);
      expect(entry.absolute).toBeCloseTo(2, 10);
    }
    // Equal effects keep the definition order.
    expect(tree.sensitivity.map((entry) => entry.id)).toEqual(['customers', 'orders', 'basket']);
  });

  it('ratio: 50 / 200 = 0.25; numerator +1 % → +1 %, denominator +1 % → 1/1.01 − 1 ≈ −0.99 %', () => {
    const tree = northStarTree({
      nodes: [
        { id: 'conversion', label: 'Conversion', formula: 'ratio', children: ['buyers', 'visitors'] },
        { id: 'buyers', label: 'Buyers', value: 50 },
        { id: 'visitors', label: 'Visitors', value: 200 },
      ],
    });
    expect(node(tree, 'conversion').value).toBe(0.25);
    const s = sensitivityOf(tree);
    expect(s.buyers).toBeCloseTo(0.01, 12);
    expect(s.visitors).toBeCloseTo(1 / 1.01 - 1, 12);
    expect(s.visitors).toBeCloseTo(-0.0099, 4);
  });

  it('weightedSum: 0.5 × 10 + 2 × 3 = 11', () => {
    const tree = northStarTree({
      nodes: [
        { id: 'score', label: 'Health score', formula: 'weightedSum', weights: [0.5, 2], children: ['usage', 'seats'] },
        { id: 'usage', label: 'Usage', value: 10 },
        { id: 'seats', label: 'Seats', value: 3 },
      ],
    });
    expect(node(tree, 'score').value).toBe(11);
    expect(node(tree, 'score').weights).toEqual([0.5, 2]);
    // usage +0.1 → +0.05; seats +0.03 → +0.06; over 11.
    const s = sensitivityOf(tree);
    expect(s.usage).toBeCloseTo(0.05 / 11, 12);
    expect(s.seats).toBeCloseTo(0.06 / 11, 12);
    expect(tree.sensitivity[0]!.id).toBe('seats');
  });

  it('nests formulas bottom-up and reports parent, children and depth', () => {
    // root = a × b + c = 2 × 3 + 4 = 10.
    const tree = northStarTree({
      root: 'root',
      nodes: [
        { id: 'c', label: 'C', value: 4 },
        { id: 'root', label: 'Root', formula: 'sum', children: ['ab', 'c'] },
        { id: 'ab', label: 'A × B', formula: 'product', children: ['a', 'b'] },
        { id: 'a', label: 'A', value: 2 },
        { id: 'b', label: 'B', value: 3 },
      ],
    });
    expect(node(tree, 'root').value).toBe(10);
    expect(node(tree, 'ab').value).toBe(6);
    expect(tree.nodes.map((n) => n.id)).toEqual(['c', 'root', 'ab', 'a', 'b']);
    expect(node(tree, 'a')).toMatchObject({ parent: 'ab', depth: 2, children: [], formula: null });
    expect(node(tree, 'root')).toMatchObject({ parent: null, depth: 0, children: ['ab', 'c'], formula: 'sum' });
    // a +1 % → ab 6.06 → root +0.06 of 10 = 0.006, same for b; c +0.04 → 0.004.
    const s = sensitivityOf(tree);
    expect(s.a).toBeCloseTo(0.006, 12);
    expect(s.b).toBeCloseTo(0.006, 12);
    expect(s.c).toBeCloseTo(0.004, 12);
  });

  it('a lone leaf is its own root', () => {
    const tree = northStarTree({ nodes: [{ id: 'wau', label: 'WAU', value: 120 }] });
    expect(node(tree, 'wau').value).toBe(120);
    expect(tree.sensitivity).toHaveLength(1);
    expect(tree.sensitivity[0]).toMatchObject({ id: 'wau', label: 'WAU' });
    expect(tree.sensitivity[0]!.absolute).toBeCloseTo(1.2, 12);
    expect(tree.sensitivity[0]!.relative).toBeCloseTo(0.01, 12);
  });
});

describe('northStarTree change and progress', () => {
  it('computes change vs previous, for formula nodes from their children’s previous values', () => {
    const tree = northStarTree({
      nodes: [
        { id: 'revenue', label: 'Revenue', formula: 'product', children: ['customers', 'arpu'], target: 12_000, unit: 'EUR' },
        { id: 'customers', label: 'Customers', value: 200, previous: 160 },
        { id: 'arpu', label: 'ARPU', value: 50, previous: 50 },
      ],
    });
    // Now 200 × 50 = 10,000; before 160 × 50 = 8,000: +2,000, +25 %. Progress 10,000 / 12,000.
    expect(node(tree, 'revenue')).toMatchObject({
      value: 10_000,
      previous: 8_000,
      change: { absolute: 2_000, relative: 0.25, favorable: true },
      target: 12_000,
      targetMet: false,
      unit: 'EUR',
      goodDirection: 'up',
    });
    expect(node(tree, 'revenue').progress).toBeCloseTo(10 / 12, 12);
    expect(node(tree, 'arpu').change).toEqual({ absolute: 0, relative: 0, favorable: null });
    expect(node(tree, 'arpu').progress).toBeNull();
  });

  it('leaves relative change null when previous is 0, progress null when the target is 0, and reads goodDirection', () => {
    const tree = northStarTree({
      nodes: [
        { id: 'net', label: 'Net', formula: 'difference', children: ['new', 'churned'] },
        { id: 'new', label: 'New', value: 5, previous: 0, target: 0 },
        { id: 'churned', label: 'Churned', value: 3, previous: 4, target: 2, goodDirection: 'down' },
      ],
    });
    expect(node(tree, 'new').change).toEqual({ absolute: 5, relative: null, favorable: true });
    expect(node(tree, 'new').progress).toBeNull();
    expect(node(tree, 'new').targetMet).toBe(true);
    // Churned fell from 4 to 3: −25 %, good for a "down" metric; 3 > target 2: not met.
    expect(node(tree, 'churned').change).toEqual({ absolute: -1, relative: -0.25, favorable: true });
    expect(node(tree, 'churned').progress).toBe(1.5);
    expect(node(tree, 'churned').targetMet).toBe(false);
    // Net before: 0 − 4 = −4; now 2. Relative to |−4|: +1.5.
    expect(node(tree, 'net').change).toEqual({ absolute: 6, relative: 1.5, favorable: true });
  });

  it('has no previous value on a formula node when a child lacks one', () => {
    const tree = northStarTree({
      nodes: [
        { id: 'sum', label: 'Sum', formula: 'sum', children: ['a', 'b'] },
        { id: 'a', label: 'A', value: 1, previous: 1 },
        { id: 'b', label: 'B', value: 2 },
      ],
    });
    expect(node(tree, 'sum').previous).toBeNull();
    expect(node(tree, 'sum').change).toBeNull();
  });
});

describe('northStarTree unknown values', () => {
  const definition: NorthStarDefinition = {
    nodes: [
      { id: 'root', label: 'Root', formula: 'sum', children: ['rate', 'other'] },
      { id: 'rate', label: 'Rate', formula: 'ratio', children: ['hits', 'visits'] },
      { id: 'hits', label: 'Hits', value: 5, previous: 4 },
      { id: 'visits', label: 'Visits', value: 0, previous: 8 },
      { id: 'other', label: 'Other', value: 1, previous: 1 },
    ],
  };

  it('gives a ratio by zero a null value with a reason, and its ancestors too, without throwing', () => {
    const tree = northStarTree(definition);
    const reason = { code: 'divisionByZero', nodeId: 'rate', message: 'rate divides by zero: its denominator visits is 0' };
    expect(node(tree, 'rate')).toMatchObject({ value: null, reason, change: null, progress: null });
    expect(node(tree, 'root')).toMatchObject({ value: null, reason });
    // The previous values divide fine: 4 / 8 + 1.
    expect(node(tree, 'root').previous).toBe(1.5);
    expect(node(tree, 'other')).toMatchObject({ value: 1, reason: null });
    expect(tree.sensitivity.map((entry) => [entry.absolute, entry.relative])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
  });

  it('propagates a leaf whose value is null', () => {
    const nodes = definition.nodes.map((n) => (n.id === 'other' ? { ...n, value: null } : n.id === 'visits' ? { ...n, value: 10 } : n));
    const tree = northStarTree({ nodes });
    expect(node(tree, 'rate').value).toBe(0.5);
    const reason = { code: 'noValue', nodeId: 'other', message: 'other has no value' };
    expect(node(tree, 'other').reason).toEqual(reason);
    expect(node(tree, 'root')).toMatchObject({ value: null, reason });
  });

  it('returns null rather than Infinity on overflow', () => {
    const tree = northStarTree({
      nodes: [
        { id: 'p', label: 'P', formula: 'product', children: ['x', 'y'] },
        { id: 'x', label: 'X', value: 1e300 },
        { id: 'y', label: 'Y', value: 1e300 },
      ],
    });
    expect(node(tree, 'p').value).toBeNull();
    expect(node(tree, 'p').reason?.code).toBe('outOfRange');
  });
});

describe('northStarTree validation', () => {
  it('rejects a cycle, naming the child link that closes it', () => {
    const paths = issuePaths(() =>
      northStarTree({
        nodes: [
          { id: 'root', label: 'Root', formula: 'sum', children: ['x'] },
          { id: 'x', label: 'X', value: 1 },
          { id: 'a', label: 'A', formula: 'sum', children: ['b'] },
          { id: 'b', label: 'B', formula: 'sum', children: ['a'] },
        ],
      }),
    );
    // Walking up from a: a's parent is b, whose parent is a again, so a's link to b (nodes[2].children[0]) closes the loop.
    expect(paths).toEqual(['definition.nodes[2].children[0]']);
    expect(() =>
      northStarTree({
        nodes: [
          { id: 'a', label: 'A', formula: 'sum', children: ['b'] },
          { id: 'b', label: 'B', formula: 'sum', children: ['a'] },
        ],
      }),
    ).toThrow('definition.nodes[0].children[0]: expected no cycle: "b" is already an ancestor of "a"');
    expect(() =>
      northStarTree({
        nodes: [
          { id: 'root', label: 'Root', formula: 'sum', children: ['x', 'loop'] },
          { id: 'x', label: 'X', value: 1 },
          { id: 'loop', label: 'Loop', formula: 'sum', children: ['loop'] },
        ],
      }),
    ).toThrow(/its own child/);
  });

  it('rejects a node that is its own child', () => {
    const paths = issuePaths(() =>
      northStarTree({
        nodes: [
          { id: 'root', label: 'Root', formula: 'sum', children: ['x', 'loop'] },
          { id: 'x', label: 'X', value: 1 },
          { id: 'loop', label: 'Loop', formula: 'sum', children: ['loop'] },
        ],
      }),
    );
    expect(paths).toEqual(['definition.nodes[2].children[0]']);
  });

  it('rejects a DAG: a node with two parents', () => {
    const error = (() => {
      try {
        northStarTree({
          nodes: [
            { id: 'root', label: 'Root', formula: 'sum', children: ['a', 'b'] },
            { id: 'a', label: 'A', formula: 'sum', children: ['shared'] },
            { id: 'b', label: 'B', formula: 'sum', children: ['shared'] },
            { id: 'shared', label: 'Shared', value: 1 },
          ],
        });
      } catch (caught) {
        return caught as KpiValidationError;
      }
      throw new Error('expected an error');
    })();
    expect(error.issues.map((issue) => issue.path)).toEqual(['definition.nodes[2].children[0]']);
    expect(error.issues[0]!.index).toBe(2);
    expect(error.message).toContain('already a child of "a"');
  });

  it('rejects unknown and duplicate ids', () => {
    expect(
      issuePaths(() =>
        northStarTree({
          nodes: [
            { id: 'root', label: 'Root', formula: 'sum', children: ['a', 'ghost'] },
            { id: 'a', label: 'A', value: 1 },
            { id: 'a', label: 'A again', value: 2 },
          ],
        }),
      ),
    ).toEqual(['definition.nodes[2].id', 'definition.nodes[0].children[1]']);
  });

  it('rejects a formula without children, a leaf without value, children without formula and a value on a formula node', () => {
    expect(
      issuePaths(() =>
        northStarTree({
          nodes: [
            { id: 'root', label: 'Root', formula: 'sum', children: ['empty', 'bare', 'grouping', 'computed'] },
            { id: 'empty', label: 'Empty', formula: 'product' },
            { id: 'bare', label: 'Bare' },
            { id: 'grouping', label: 'Grouping', children: ['x'] },
            { id: 'x', label: 'X', value: 1 },
            { id: 'computed', label: 'Computed', formula: 'sum', children: ['y'], value: 3 },
            { id: 'y', label: 'Y', value: 3 },
          ],
        }),
      ),
    ).toEqual(['definition.nodes[1].children', 'definition.nodes[2].value', 'definition.nodes[3].formula', 'definition.nodes[5].value']);
  });

  it('rejects a ratio without exactly two children and weights that do not match', () => {
    expect(
      issuePaths(() =>
        northStarTree({
          nodes: [
            { id: 'root', label: 'Root', formula: 'weightedSum', weights: [1], children: ['r', 'z'] },
            { id: 'r', label: 'R', formula: 'ratio', children: ['x', 'y', 'z2'] },
            { id: 'x', label: 'X', value: 1 },
            { id: 'y', label: 'Y', value: 1 },
            { id: 'z2', label: 'Z2', value: 1 },
            { id: 'z', label: 'Z', value: 1, weights: [2] },
          ],
        }),
      ),
    ).toEqual(['definition.nodes[0].weights', 'definition.nodes[1].children', 'definition.nodes[5].weights']);
  });

  it('rejects more than one root, and a root option that is not the root', () => {
    expect(
      issuePaths(() =>
        northStarTree({
          nodes: [
            { id: 'a', label: 'A', value: 1 },
            { id: 'b', label: 'B', value: 2 },
          ],
        }),
      ),
    ).toEqual(['definition.nodes[1]']);
    expect(
      issuePaths(() =>
        northStarTree({
          root: 'x',
          nodes: [
            { id: 'top', label: 'Top', formula: 'sum', children: ['x'] },
            { id: 'x', label: 'X', value: 1 },
          ],
        }),
      ),
    ).toEqual(['definition.root']);
    expect(issuePaths(() => northStarTree({ root: 'nope', nodes: [{ id: 'x', label: 'X', value: 1 }] }))).toEqual(['definition.root']);
  });

  it('rejects a malformed shape through the schema', () => {
    expect(issuePaths(() => northStarTree({ nodes: [] }))).toEqual(['definition.nodes']);
    expect(issuePaths(() => northStarTree({ nodes: [{ id: 'x', label: 'X', value: Number.NaN, formula: 'mean' as 'sum' }] }))).toEqual(
      expect.arrayContaining(['definition.nodes[0].value', 'definition.nodes[0].formula']),
    );
    expect(
      issuePaths(() => northStarTree({ nodes: [{ id: 'x', label: 'X', value: 1, colour: 'red' } as NorthStarNodeDefinition] })),
    ).toEqual(['definition.nodes[0].colour']);
  });
});

describe('northStarTree scale and order', () => {
  it('evaluates a chain 20,000 nodes deep without recursion', () => {
    const depth = 20_000;
    const nodes: NorthStarNodeDefinition[] = [];
    for (let i = 0; i < depth; i++) nodes.push({ id: `n${i}`, label: `N${i}`, formula: 'sum', children: [`n${i + 1}`] });
    nodes.push({ id: `n${depth}`, label: 'Leaf', value: 7 });
    const tree = northStarTree({ nodes });
    expect(node(tree, 'n0').value).toBe(7);
    expect(node(tree, `n${depth}`).depth).toBe(depth);
    expect(tree.sensitivity[0]!.relative).toBeCloseTo(0.01, 12);
  });

  it('does not depend on the order of the nodes', () => {
    const nodes: NorthStarNodeDefinition[] = [
      { id: 'root', label: 'Root', formula: 'difference', children: ['p', 'c'] },
      { id: 'p', label: 'P', formula: 'product', children: ['a', 'b'] },
      { id: 'a', label: 'A', value: 3, previous: 2 },
      { id: 'b', label: 'B', value: 4, previous: 4 },
      { id: 'c', label: 'C', value: 5, previous: 1 },
    ];
    const forward = northStarTree({ nodes });
    const backward = northStarTree({ nodes: [...nodes].reverse() });
    const byId = (tree: NorthStarTreeResult) =>
      Object.fromEntries(tree.nodes.map(({ id, value, previous, change }) => [id, { value, previous, change }]));
    expect(byId(backward)).toEqual(byId(forward));
    expect(node(forward, 'root').value).toBe(7); // 3 × 4 − 5
  });
});

/** A random tree: node i > 0 hangs under an earlier node; nodes with children get a formula. */
const treeArbitrary = (formulas: readonly ('sum' | 'difference' | 'product' | 'weightedSum')[], positive: boolean) =>
  fc
    .record({
      parents: fc.array(fc.nat(), { minLength: 0, maxLength: 30 }),
      values: fc.array(positive ? fc.integer({ min: 1, max: 1000 }) : fc.integer({ min: -1000, max: 1000 }), {
        minLength: 31,
        maxLength: 31,
      }),
      picks: fc.array(fc.nat({ max: formulas.length - 1 }), { minLength: 31, maxLength: 31 }),
    })
    .map(({ parents, values, picks }): NorthStarDefinition => {
      const count = parents.length + 1;
      const kids: string[][] = Array.from({ length: count }, () => []);
      parents.forEach((p, i) => kids[p % (i + 1)]!.push(`n${i + 1}`));
      const nodes = kids.map((children, i): NorthStarNodeDefinition => {
        if (children.length === 0) return { id: `n${i}`, label: `N${i}`, value: values[i]!, previous: values[(i + 7) % 31]! };
        const formula = formulas[picks[i]!]!;
        return formula === 'weightedSum'
          ? { id: `n${i}`, label: `N${i}`, formula, children, weights: children.map((_c, k) => (k % 3) - 0.5) }
          : { id: `n${i}`, label: `N${i}`, formula, children };
      });
      return { nodes };
    });

describe('northStarTree properties', () => {
  it('sensitivities of a pure sum tree of positive leaves add up to 1 %', () => {
    fc.assert(
      fc.property(treeArbitrary(['sum'], true), (definition) => {
        const tree = northStarTree(definition);
        const total = tree.sensitivity.reduce((sum, entry) => sum + (entry.relative as number), 0);
        expect(total).toBeCloseTo(0.01, 12);
      }),
    );
  });

  it('the root equals a direct recursive evaluation', () => {
    fc.assert(
      fc.property(treeArbitrary(['sum', 'difference', 'product', 'weightedSum'], false), (definition) => {
        const byId = new Map(definition.nodes.map((n) => [n.id, n]));
        const evaluate = (id: string): number => {
          const n = byId.get(id)!;
          if (!n.formula) return n.value as number;
          const values = n.children!.map(evaluate);
          if (n.formula === 'sum') return values.reduce((a, b) => a + b, 0);
          if (n.formula === 'product') return values.reduce((a, b) => a * b, 1);
          if (n.formula === 'difference') return values.slice(1).reduce((a, b) => a - b, values[0]!);
          return values.reduce((sum, v, k) => sum + n.weights![k]! * v, 0);
        };
        const expected = evaluate('n0');
        const value = northStarTree(definition).nodes[0]!.value;
        if (Number.isFinite(expected)) expect(value).toBeCloseTo(expected === 0 ? 0 : expected, 6);
        else expect(value).toBeNull();
      }),
    );
  });
});
