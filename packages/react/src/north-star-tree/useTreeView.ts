import type { NorthStarTreeResult } from '@kpikit/core';
import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import type { NorthStarNodeModel, NorthStarTreeModel } from './northStarTree.types';

/** Above this many nodes, branches below the root start collapsed. */
const LARGE_TREE = 40;

/**
 * Which nodes are collapsed, and a toggle: at first `defaultCollapsed`, or
 * in a tree of more than 40 nodes every branch below the root.
 *
 * @example
 * const [collapsed, toggle] = useCollapsed(tree, ['customers']);
 */
export function useCollapsed(
  base: NorthStarTreeResult | null,
  defaultCollapsed: readonly string[] | undefined,
): [ReadonlySet<string>, (id: string) => void] {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(
    () =>
      new Set(
        defaultCollapsed ??
          (base && base.nodes.length > LARGE_TREE
            ? base.nodes.filter((node) => node.depth >= 1 && node.children.length > 0).map((node) => node.id)
            : []),
      ),
  );

  const toggle = useCallback((id: string) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  return [collapsed, toggle];
}

/** What {@link useTreeNavigation} gives the tree's model. */
export type TreeNavigation = Pick<NorthStarTreeModel, 'visible' | 'shownChildren' | 'active' | 'setActive' | 'onKeyDown'>;

/**
 * The keyboard model of an ARIA tree view over the visible nodes (depth
 * first, skipping collapsed branches), with one tab stop: Up / Down move,
 * Right expands or goes to the first child, Left collapses or goes to the
 * parent, Home / End, Enter or Space toggles. Focus follows the active node.
 *
 * @example
 * const { visible, active, onKeyDown } = useTreeNavigation(tree, nodes, collapsed, toggle);
 */
export function useTreeNavigation(
  tree: NorthStarTreeResult | null,
  nodes: ReadonlyMap<string, NorthStarNodeModel>,
  collapsed: ReadonlySet<string>,
  toggle: (id: string) => void,
): TreeNavigation {
  const [activeState, setActive] = useState<string | null>(null);
  const shownChildren = useCallback((id: string) => (collapsed.has(id) ? [] : (nodes.get(id)?.node.children ?? [])), [collapsed, nodes]);

  const visible = useMemo(() => {
    const order: string[] = [];
    if (!tree) return order;
    const walk = (id: string) => {
      order.push(id);
      if (!collapsed.has(id)) for (const child of nodes.get(id)?.node.children ?? []) walk(child);
    };
    walk(tree.root);
    return order;
  }, [tree, nodes, collapsed]);

  const active = activeState !== null && visible.includes(activeState) ? activeState : (visible[0] ?? null);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement | SVGElement>) => {
      if (!active) return;
      const index = visible.indexOf(active);
      const model = nodes.get(active);
      let next: string | undefined;
      switch (event.key) {
        case 'ArrowDown':
          next = visible[index + 1];
          break;
        case 'ArrowUp':
          next = visible[index - 1];
          break;
        case 'Home':
          next = visible[0];
          break;
        case 'End':
          next = visible[visible.length - 1];
          break;
        case 'ArrowRight':
          if (model?.hasChildren && model.collapsed) toggle(active);
          else if (model?.hasChildren) next = model.node.children[0];
          break;
        case 'ArrowLeft':
          if (model?.hasChildren && !model.collapsed) toggle(active);
          else next = model?.node.parent ?? undefined;
          break;
        case 'Enter':
        case ' ':
          if (model?.hasChildren) toggle(active);
          break;
        default:
          return;
      }
      event.preventDefault();
      if (next) {
        setActive(next);
        const root = event.currentTarget.closest('.kpikit-north-star');
        root?.querySelector<SVGElement>(`[data-node="${CSS.escape(next)}"]`)?.focus();
      }
    },
    [active, visible, nodes, toggle],
  );

  return { visible, shownChildren, active, setActive, onKeyDown };
}
