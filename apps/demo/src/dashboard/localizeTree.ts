import { northStarTree, type NorthStarTreeResult } from '@kpikit/core';
import type { DemoStrings } from '../i18n/strings';

/**
 * The tree in the page's language: node labels and units come from the
 * data's definition, so the sample's are translated by id, and the tree is
 * evaluated again from the translated definition (which is what what-if
 * re-evaluates). Numbers do not change.
 */
export function localizeTree(tree: NorthStarTreeResult, t: DemoStrings): NorthStarTreeResult {
  const { northStarLabels: labels, northStarUnits: units } = t;
  const nodes = tree.definition.nodes;
  if (!nodes.some((node) => node.id in labels || (node.unit !== undefined && node.unit in units))) return tree;
  return northStarTree({
    ...tree.definition,
    nodes: nodes.map((node) => ({
      ...node,
      label: labels[node.id] ?? node.label,
      ...(node.unit !== undefined ? { unit: units[node.unit] ?? node.unit } : {}),
    })),
  });
}
