import type { WhatIfOverrides } from '@kpikit/core';
import { useCallback, useMemo } from 'react';
import { useStableId } from '../a11y/useStableId';
import { useFormatter } from '../format/useFormatter';
import { useControllable } from '../internal/useControllable';
import { useWidgetRoot } from '../internal/useWidgetRoot';
import { errorContent, resolveState } from '../internal/widgetState';
import { buildNodeModels } from './nodeModels';
import type { NorthStarTreeModel, NorthStarTreeOptions } from './northStarTree.types';
import { useCollapsed, useTreeNavigation } from './useTreeView';
import { applyOverrides, buildLeaves, describeRootWhatIf } from './whatIfModels';

export type { NorthStarLeafModel, NorthStarNodeModel, NorthStarTreeModel, NorthStarTreeOptions } from './northStarTree.types';
export { formatNodeValue } from './nodeModels';

const NO_OVERRIDES: WhatIfOverrides = {};

/**
 * The headless North Star tree: the tree re-evaluated with the what-if
 * values (core's `whatIf`), each node formatted (value with unit, change
 * coloured by its good direction, progress to target, formula symbol),
 * the visible nodes in tree-view order with collapse state, the keyboard
 * model of an ARIA tree view, and the leaves ranked by sensitivity with
 * their what-if inputs.
 *
 * @example
 * const model = useNorthStarTree({ data: northStarTree(definition), whatIf, defaultOverrides: { activationRate: 0.5 } });
 * model.rootWhatIf?.after; // '78 accounts'
 */
export function useNorthStarTree(options: NorthStarTreeOptions): NorthStarTreeModel {
  const fmt = useFormatter(options.locale, options.messages);
  const titleId = useStableId('title');
  const descriptionId = useStableId('description');
  const base = options.data ?? null;
  const [overrides, setOverrides] = useControllable(options.overrides, options.defaultOverrides ?? NO_OVERRIDES, options.onOverridesChange);
  const [whatIfMode, setWhatIfMode] = useControllable(options.whatIfMode, options.defaultWhatIfMode ?? false, options.onWhatIfModeChange);
  // A large tree opens on its first two levels: 200 cards side by side are unreadable at any zoom.
  const [collapsed, toggle] = useCollapsed(base, options.defaultCollapsed);

  const evaluate = options.whatIf;
  const tree = useMemo(() => applyOverrides(base, overrides, evaluate), [base, overrides, evaluate]);
  const nodes = useMemo(() => buildNodeModels(tree, base, fmt, collapsed), [tree, base, fmt, collapsed]);
  const { visible, shownChildren, active, setActive, onKeyDown } = useTreeNavigation(tree, nodes, collapsed, toggle);

  const setOverride = useCallback(
    (id: string, value: number | null) => {
      const next: Record<string, number> = {};
      for (const [key, current] of Object.entries(overrides)) if (key !== id) next[key] = current;
      if (value !== null && Number.isFinite(value)) next[id] = value;
      setOverrides(next);
    },
    [overrides, setOverrides],
  );
  const resetOverrides = useCallback(() => {
    setOverrides(NO_OVERRIDES);
  }, [setOverrides]);

  const leaves = useMemo(() => buildLeaves(tree, base, overrides, fmt), [tree, base, overrides, fmt]);
  const rootWhatIf = useMemo(() => describeRootWhatIf(tree, base, fmt), [tree, base, fmt]);

  const state = resolveState(options, !tree || tree.nodes.length === 0);
  const label = options.label ?? fmt.t('northStar.title');
  const root = tree ? nodes.get(tree.root) : undefined;
  let description: string;
  if (options.description) description = options.description;
  else if (state === 'ready' && root)
    description = fmt.t('northStar.description', { title: label, root: root.announcement, count: fmt.number(tree?.nodes.length ?? 0) });
  else if (state === 'loading') description = fmt.t('state.loading');
  else if (state === 'empty') description = fmt.t('northStar.empty');
  else description = fmt.t('state.error');

  const rootProps = useWidgetRoot({
    classNames: ['kpikit-card', 'kpikit-north-star'],
    className: options.className,
    style: options.style,
    theme: options.theme,
    state,
    locale: fmt.locale,
    titleId,
    descriptionId,
    data: { 'what-if': whatIfMode && evaluate ? 'true' : undefined },
  });

  return {
    state,
    fmt,
    titleId,
    descriptionId,
    label,
    tree,
    nodes,
    visible,
    shownChildren,
    active,
    setActive,
    toggle,
    onKeyDown,
    canWhatIf: evaluate !== undefined,
    whatIfMode: whatIfMode && evaluate !== undefined,
    setWhatIfMode,
    overrides,
    setOverride,
    resetOverrides,
    leaves,
    rootWhatIf,
    height: options.height ?? 420,
    caption: options.caption !== undefined ? options.caption : fmt.t('northStar.caption'),
    meta: options.meta,
    errorContent: errorContent(options.error, fmt.t('state.error')),
    emptyContent: options.emptyMessage ?? fmt.t('northStar.empty'),
    description,
    rootProps,
  };
}
