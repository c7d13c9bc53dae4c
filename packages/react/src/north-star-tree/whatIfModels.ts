import type { NorthStarTreeResult, WhatIfOverrides } from '@kpikit/core';
import type { Formatter } from '../format/formatter';
import { formatNodeValue, isRate } from './nodeModels';
import type { NorthStarLeafModel, NorthStarTreeModel, NorthStarTreeOptions } from './northStarTree.types';

/**
 * The tree re-evaluated by core's `whatIf` with the overrides of its leaves
 * (ids that are not leaves are ignored); the tree as given without `whatIf`
 * or overrides, or when core rejects a value.
 */
export function applyOverrides(
  base: NorthStarTreeResult | null,
  overrides: WhatIfOverrides,
  evaluate: NorthStarTreeOptions['whatIf'],
): NorthStarTreeResult | null {
  if (!base) return null;
  if (!evaluate) return base;
  const keys = Object.keys(overrides).filter((id) => base.nodes.some((node) => node.id === id && node.children.length === 0));
  if (keys.length === 0) return base;
  const valid: Record<string, number> = {};
  for (const id of keys) valid[id] = overrides[id]!;
  try {
    return evaluate(base, valid).tree;
  } catch {
    // A value core rejects (not finite) leaves the tree as it was.
    return base;
  }
}

/**
 * The leaves in the what-if panel, ranked as core ranks them by
 * sensitivity (largest first): current value, what 1 % of it does to the
 * root, and the range and step of its inputs.
 */
export function buildLeaves(
  tree: NorthStarTreeResult | null,
  base: NorthStarTreeResult | null,
  overrides: WhatIfOverrides,
  fmt: Formatter,
): NorthStarLeafModel[] {
  if (!tree || !base) return [];
  const rootUnit = tree.nodes.find((node) => node.id === tree.root)?.unit ?? null;
  return base.sensitivity.flatMap((entry): NorthStarLeafModel[] => {
    const baseline = base.nodes.find((node) => node.id === entry.id)?.value ?? null;
    const current = overrides[entry.id] ?? baseline;
    if (current === null) return [];
    const node = tree.nodes.find((n) => n.id === entry.id);
    const scale = Math.max(Math.abs(baseline ?? current), 1e-9);
    const rate = isRate(node?.unit ?? null);
    return [
      {
        id: entry.id,
        label: entry.label,
        value: current,
        baseline,
        valueText: formatNodeValue(current, node?.unit ?? null, fmt),
        sensitivityText:
          entry.relative !== null
            ? fmt.t('northStar.sensitivity', { value: fmt.signed(entry.relative * 100, 2) })
            : fmt.t('northStar.sensitivityAbsolute', { value: formatNodeValue(entry.absolute, rootUnit, fmt) }),
        step: rate ? 0.005 : scale >= 100 ? 1 : scale / 100,
        min: rate ? 0 : 0,
        max: rate ? 1 : Math.max(scale * 3, 1),
      },
    ];
  });
}

/** The root before and after the what-if values, and the change; `null` without what-if values. */
export function describeRootWhatIf(
  tree: NorthStarTreeResult | null,
  base: NorthStarTreeResult | null,
  fmt: Formatter,
): NorthStarTreeModel['rootWhatIf'] {
  if (!tree || !base || tree === base) return null;
  const before = base.nodes.find((node) => node.id === base.root);
  const after = tree.nodes.find((node) => node.id === tree.root);
  if (!before || !after || before.value === null || after.value === null) return null;
  const difference = after.value - before.value;
  const good = after.goodDirection === 'up' ? difference > 0 : difference < 0;
  const relative = before.value !== 0 ? difference / Math.abs(before.value) : null;
  return {
    before: formatNodeValue(before.value, before.unit, fmt),
    after: formatNodeValue(after.value, after.unit, fmt),
    change:
      difference === 0
        ? fmt.t('delta.flat')
        : `${difference > 0 ? '▲' : '▼'} ${relative !== null ? fmt.percent(Math.abs(relative)) : fmt.signed(difference)}`,
    sentiment: difference === 0 ? ('neutral' as const) : good ? ('positive' as const) : ('negative' as const),
  };
}
