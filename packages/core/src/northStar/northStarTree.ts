import { compileNorthStar } from './compile';
import { evaluateTree, rootWith } from './evaluate';
import type {
  NorthStarChange,
  NorthStarDefinition,
  NorthStarNodeResult,
  NorthStarSensitivity,
  NorthStarTreeResult,
} from './northStar.types';

/** How much a leaf rises for the sensitivity: 1 %. */
const NUDGE = 0.01;

/** `null` for unknown or unrepresentable, and never `-0`, so results compare and serialise plainly. */
const known = (value: number | undefined): number | null =>
  value === undefined || !Number.isFinite(value) ? null : value === 0 ? 0 : value;

/** A ratio, `null` when the denominator is 0 or the result is not finite. */
const divide = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : known(numerator / denominator));

/**
 * Evaluates a North Star metric tree.
 *
 * Leaves carry values; a node with a `formula` (`sum`, `difference` = first
 * child minus the rest, `product`, `ratio` = first / second, `weightedSum`)
 * takes its value from its children, in order, bottom-up. A value that cannot
 * be computed (a ratio by zero, a leaf whose value is `null`) is `null` with a
 * `reason`, and so are its ancestors: never an exception. Each node also gets
 * its `change` since `previous` (leaves give it; formula nodes compute it from
 * their children's) and its `progress` towards `target` (`value / target`).
 * For the root, `sensitivity` ranks the leaves by how much the root moves,
 * relatively, when that leaf alone rises by 1 % (found by re-evaluating the
 * leaf's ancestors, so it is exact for every formula: a sum moves by the
 * leaf's share, a product by 1 % for each factor).
 *
 * @throws {KpiValidationError} naming the node (`definition.nodes[3].children[1]`)
 *   for a cycle, a node with two parents, an unknown or repeated id, more than
 *   one root, a formula node without children, a leaf without a value, a ratio
 *   without exactly 2 children or weights that do not match the children.
 * @example
 * const tree = northStarTree({
 *   nodes: [
 *     { id: 'revenue', label: 'Revenue', formula: 'product', children: ['customers', 'arpu'], target: 12_000 },
 *     { id: 'customers', label: 'Paying customers', value: 200, previous: 180 },
 *     { id: 'arpu', label: 'Revenue per customer', value: 50, previous: 50 },
 *   ],
 * });
 * tree.nodes[0].value; // 10000
 * tree.nodes[0].change; // { absolute: 1000, relative: 0.111…, favorable: true }
 * tree.nodes[0].progress; // 0.833…
 * tree.sensitivity[0]; // { id: 'customers', label: 'Paying customers', absolute: 100, relative: 0.01 }
 */
export function northStarTree(definition: NorthStarDefinition): NorthStarTreeResult {
  const tree = compileNorthStar(definition, true);
  const { nodes, parent, children, depth, leaves, root } = tree;
  const current = evaluateTree(tree, (i) => nodes[i]!.value ?? Number.NaN, true);
  const before = evaluateTree(tree, (i) => nodes[i]!.previous ?? Number.NaN, false);

  const results = nodes.map((node, i): NorthStarNodeResult => {
    const value = known(current.values[i]);
    const previous = known(before.values[i]);
    const target = node.target ?? null;
    const goodDirection = node.goodDirection ?? 'up';
    let change: NorthStarChange | null = null;
    const absolute = value === null || previous === null ? null : known(value - previous);
    if (absolute !== null && previous !== null) {
      change = {
        absolute,
        relative: divide(absolute, Math.abs(previous)),
        favorable: absolute === 0 ? null : absolute > 0 === (goodDirection === 'up'),
      };
    }
    const p = parent[i] as number;
    return {
      id: node.id,
      label: node.label,
      unit: node.unit ?? null,
      goodDirection,
      formula: node.formula ?? null,
      weights: node.formula === 'weightedSum' ? (node.weights ?? null) : null,
      parent: p === -1 ? null : nodes[p]!.id,
      children: children[i]!.map((child) => nodes[child]!.id),
      depth: depth[i] as number,
      value,
      reason: current.reasons[i] ?? null,
      previous,
      target,
      change,
      progress: value === null || target === null ? null : divide(value, target),
      targetMet: value === null || target === null ? null : goodDirection === 'up' ? value >= target : value <= target,
    };
  });

  const rootValue = known(current.values[root]);
  const sensitivity = leaves.map((leaf, order) => {
    let absolute: number | null = null;
    let relative: number | null = null;
    if (rootValue !== null) {
      const value = current.values[leaf] as number;
      // "Rises by 1 %" is read as moving up by 1 % of its size, also for a negative value.
      const moved = rootWith(tree, current.values, leaf, value + Math.abs(value) * NUDGE);
      if (!Number.isNaN(moved)) {
        absolute = known(moved - rootValue);
        relative = absolute === null ? null : divide(absolute, Math.abs(rootValue));
      }
    }
    return { entry: { id: nodes[leaf]!.id, label: nodes[leaf]!.label, absolute, relative } satisfies NorthStarSensitivity, order };
  });
  const magnitude = (value: number | null): number => (value === null ? -1 : Math.abs(value));
  sensitivity.sort(
    (a, b) =>
      magnitude(b.entry.relative) - magnitude(a.entry.relative) ||
      magnitude(b.entry.absolute) - magnitude(a.entry.absolute) ||
      a.order - b.order,
  );

  return { root: nodes[root]!.id, nodes: results, sensitivity: sensitivity.map(({ entry }) => entry), definition: tree.definition };
}
