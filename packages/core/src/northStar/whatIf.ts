import { describeValue, IssueCollector, KpiValidationError } from '../errors';
import { parseOptions } from '../options/parseOptions';
import { whatIfOverridesSchema } from './northStar.schema';
import type { NorthStarNodeDefinition, NorthStarTreeResult, WhatIfOverrides, WhatIfResult } from './northStar.types';
import { northStarTree } from './northStarTree';

/**
 * Re-evaluates a North Star tree with new values for some leaves.
 *
 * Returns the re-evaluated tree (whose `definition` carries the new values,
 * so what-ifs can be chained) and the root's change against the tree passed
 * in: `absolute = after − before`, `relative = absolute / |before|` (`null`
 * when `before` is 0 or either value is unknown). With no overrides the tree
 * comes back equal to the one passed in.
 *
 * @throws {KpiValidationError} for an override of an unknown id or of a node
 *   that is not a leaf (`overrides.revenue`), or a value that is not a finite number.
 * @example
 * const tree = northStarTree({
 *   nodes: [
 *     { id: 'revenue', label: 'Revenue', formula: 'product', children: ['customers', 'arpu'] },
 *     { id: 'customers', label: 'Paying customers', value: 200 },
 *     { id: 'arpu', label: 'Revenue per customer', value: 50 },
 *   ],
 * });
 * whatIf(tree, { arpu: 60 }).root; // { before: 10000, after: 12000, absolute: 2000, relative: 0.2 }
 */
export function whatIf(tree: NorthStarTreeResult, overrides: WhatIfOverrides): WhatIfResult {
  // Plain JavaScript callers may pass anything: check before trusting the type.
  const given: unknown = tree;
  if (typeof given !== 'object' || given === null || typeof (given as { definition?: unknown }).definition !== 'object') {
    throw new KpiValidationError('tree', [
      { index: null, path: 'tree', expected: 'a result of northStarTree', received: describeValue(tree) },
    ]);
  }
  const parsed = parseOptions(whatIfOverridesSchema, overrides, 'overrides');
  const nodes = tree.definition.nodes;
  const indexOf = new Map<string, number>();
  nodes.forEach((node, i) => indexOf.set(node.id, i));

  const issues = new IssueCollector('overrides');
  const changed: NorthStarNodeDefinition[] = [...nodes];
  for (const [id, value] of Object.entries(parsed)) {
    const i = indexOf.get(id);
    if (i === undefined) issues.add(null, `overrides.${id}`, 'the id of a leaf of the tree', value);
    else if (nodes[i]!.formula !== undefined)
      issues.add(null, `overrides.${id}`, `the id of a leaf: ${id} is computed by its formula (${nodes[i]!.formula})`, value);
    else changed[i] = { ...nodes[i]!, value };
  }
  issues.throwIfAny();

  const next = northStarTree({ ...tree.definition, nodes: changed });
  const before = tree.nodes.find((node) => node.id === tree.root)?.value ?? null;
  const after = next.nodes.find((node) => node.id === next.root)?.value ?? null;
  let absolute: number | null = null;
  let relative: number | null = null;
  if (before !== null && after !== null) {
    const difference = after - before;
    absolute = !Number.isFinite(difference) ? null : difference === 0 ? 0 : difference;
    const ratio = absolute === null || before === 0 ? Number.NaN : absolute / Math.abs(before);
    relative = Number.isFinite(ratio) ? ratio : null;
  }
  return { tree: next, overrides: parsed, root: { before, after, absolute, relative } };
}
