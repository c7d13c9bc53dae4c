import type { NorthStarNodeResult, NorthStarTreeResult, WhatIfOverrides, WhatIfResult } from '@kpikit/core';
import { useCallback, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useStableId } from '../a11y/useStableId';
import type { Formatter } from '../format/formatter';
import { useFormatter } from '../format/useFormatter';
import { useWidgetRoot, type WidgetRootProps } from '../internal/useWidgetRoot';
import { errorContent, resolveState, type WidgetState, type WidgetOptions } from '../internal/widgetState';

/** Options of {@link useNorthStarTree} and `NorthStarTree`. */
export interface NorthStarTreeOptions extends WidgetOptions {
  /** A `northStarTree()` result. */
  readonly data: NorthStarTreeResult | null | undefined;
  /**
   * Core's `whatIf`, which re-evaluates the tree with new leaf values: pass it
   * to offer the what-if mode. It is a prop, not an import, so that the
   * widget does not bundle core's validation a second time: the host that
   * called `northStarTree` already has it.
   */
  readonly whatIf?: ((tree: NorthStarTreeResult, overrides: WhatIfOverrides) => WhatIfResult) | undefined;
  /** What-if values of leaves, by id (controlled). */
  readonly overrides?: WhatIfOverrides | undefined;
  /** What-if values at first (uncontrolled). */
  readonly defaultOverrides?: WhatIfOverrides | undefined;
  readonly onOverridesChange?: ((overrides: WhatIfOverrides) => void) | undefined;
  /** Show the what-if panel (controlled). */
  readonly whatIfMode?: boolean | undefined;
  /** Show the what-if panel at first (uncontrolled). Default `false`. */
  readonly defaultWhatIfMode?: boolean | undefined;
  readonly onWhatIfModeChange?: ((on: boolean) => void) | undefined;
  /** Ids of nodes collapsed at first. Default: none, or every branch below the root in a tree of more than 40 nodes. */
  readonly defaultCollapsed?: readonly string[] | undefined;
  /** Height of the tree's canvas in px. Default 420. */
  readonly height?: number | undefined;
  readonly label?: string | undefined;
  readonly caption?: ReactNode;
  readonly meta?: ReactNode;
}

/** A node, formatted. */
export interface NorthStarNodeModel {
  readonly node: NorthStarNodeResult;
  readonly valueText: string;
  /** "▲ 14%" / "▼ 3 pts"; empty without a previous value. */
  readonly changeText: string;
  readonly sentiment: 'positive' | 'negative' | 'neutral' | null;
  readonly progressText: string;
  /** The formula as a symbol: Σ, ×, ÷, −, Σw; empty on a leaf. */
  readonly formulaSymbol: string;
  /** What a screen reader reads for the node. */
  readonly announcement: string;
  /** What the card does not show: its target and formula, as the node's description. */
  readonly details: string;
  readonly collapsed: boolean;
  readonly hasChildren: boolean;
  /** The node's value was changed by the what-if values (itself or below). */
  readonly changedByWhatIf: boolean;
}

/** A leaf in the what-if panel. */
export interface NorthStarLeafModel {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly baseline: number | null;
  readonly valueText: string;
  /** "+1 % here moves the root +0.8 %". */
  readonly sensitivityText: string;
  readonly step: number;
  readonly min: number;
  readonly max: number;
}

/** What {@link useNorthStarTree} returns: everything `NorthStarTree` renders. */
export interface NorthStarTreeModel {
  readonly state: WidgetState;
  readonly fmt: Formatter;
  readonly titleId: string;
  readonly descriptionId: string;
  readonly label: string;
  /** The tree as shown: re-evaluated with the what-if values when there are some. */
  readonly tree: NorthStarTreeResult | null;
  readonly nodes: ReadonlyMap<string, NorthStarNodeModel>;
  /** Visible nodes in tree-view order (depth first). */
  readonly visible: readonly string[];
  /** Children shown under each node (none when collapsed). */
  readonly shownChildren: (id: string) => readonly string[];
  readonly active: string | null;
  readonly setActive: (id: string) => void;
  readonly toggle: (id: string) => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement | SVGElement>) => void;
  /** The what-if mode is offered (a `whatIf` function was given). */
  readonly canWhatIf: boolean;
  readonly whatIfMode: boolean;
  readonly setWhatIfMode: (on: boolean) => void;
  readonly overrides: WhatIfOverrides;
  readonly setOverride: (id: string, value: number | null) => void;
  readonly resetOverrides: () => void;
  /** Leaves ranked by sensitivity (largest first). */
  readonly leaves: readonly NorthStarLeafModel[];
  /** The root before and after the what-if values. */
  readonly rootWhatIf: {
    readonly before: string;
    readonly after: string;
    readonly change: string;
    readonly sentiment: 'positive' | 'negative' | 'neutral';
  } | null;
  readonly height: number;
  readonly caption: ReactNode;
  readonly meta: ReactNode;
  readonly errorContent: ReactNode;
  readonly emptyContent: ReactNode;
  readonly description: string;
  readonly rootProps: WidgetRootProps;
}

const SYMBOLS: Readonly<Record<string, string>> = { sum: 'Σ', difference: '−', product: '×', ratio: '÷', weightedSum: 'Σw' };

const isRate = (unit: string | null): boolean => unit === 'ratio' || unit === 'rate' || unit === '%' || unit === 'percent';

/** A node's value in its unit: rates as percentages, others compact with the unit. */
export function formatNodeValue(value: number | null, unit: string | null, fmt: Formatter): string {
  if (value === null) return fmt.number(null);
  if (isRate(unit)) return fmt.percent(value);
  const number = Math.abs(value) < 100 && !Number.isInteger(value) ? fmt.number(value, { maximumFractionDigits: 1 }) : fmt.compact(value);
  return unit ? `${number} ${unit}` : number;
}

function describeChange(node: NorthStarNodeResult, fmt: Formatter): Pick<NorthStarNodeModel, 'changeText' | 'sentiment'> {
  const change = node.change;
  if (!change) return { changeText: '', sentiment: null };
  const shown = isRate(node.unit)
    ? fmt.t('unit.points', { value: fmt.number(Math.abs(change.absolute * 100), { maximumFractionDigits: 1 }) })
    : change.relative !== null
      ? fmt.percent(Math.abs(change.relative))
      : fmt.number(Math.abs(change.absolute));
  if (change.favorable === null || change.absolute === 0) return { changeText: fmt.t('delta.flat'), sentiment: 'neutral' };
  const arrow = change.absolute > 0 ? '▲' : '▼';
  return { changeText: `${arrow} ${shown}`, sentiment: change.favorable ? 'positive' : 'negative' };
}

function useControllable<T>(value: T | undefined, initial: T, onChange: ((value: T) => void) | undefined): [T, (value: T) => void] {
  const [own, setOwn] = useState(initial);
  const current = value ?? own;
  const set = useCallback(
    (next: T) => {
      if (value === undefined) setOwn(next);
      onChange?.(next);
    },
    [value, onChange],
  );
  return [current, set];
}

const NO_OVERRIDES: WhatIfOverrides = {};

/** Above this many nodes, branches below the root start collapsed. */
const LARGE_TREE = 40;

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
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(
    () =>
      new Set(
        options.defaultCollapsed ??
          (base && base.nodes.length > LARGE_TREE
            ? base.nodes.filter((node) => node.depth >= 1 && node.children.length > 0).map((node) => node.id)
            : []),
      ),
  );
  const [activeState, setActive] = useState<string | null>(null);

  const evaluate = options.whatIf;
  const tree = useMemo(() => {
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
  }, [base, overrides, evaluate]);

  const nodes = useMemo(() => {
    const map = new Map<string, NorthStarNodeModel>();
    if (!tree || !base) return map;
    const before = new Map(base.nodes.map((node) => [node.id, node.value]));
    for (const node of tree.nodes) {
      const valueText = formatNodeValue(node.value, node.unit, fmt);
      const { changeText, sentiment } = describeChange(node, fmt);
      const progressText = node.progress !== null ? fmt.t('target.progress', { percent: fmt.percent(node.progress, { decimals: 0 }) }) : '';
      const parts = [`${node.label}: ${valueText}`];
      if (changeText) parts.push(fmt.t('northStar.change', { change: changeText }));
      if (node.target !== null) parts.push(fmt.t('target.label', { value: formatNodeValue(node.target, node.unit, fmt) }));
      if (progressText) parts.push(progressText);
      const details: string[] = [];
      if (node.target !== null) details.push(fmt.t('target.label', { value: formatNodeValue(node.target, node.unit, fmt) }));
      if (node.formula) details.push(fmt.t(`northStar.formula.${node.formula}`));
      if (node.formula) parts.push(fmt.t(`northStar.formula.${node.formula}`));
      map.set(node.id, {
        node,
        valueText,
        changeText,
        sentiment,
        progressText,
        formulaSymbol: node.formula ? (SYMBOLS[node.formula] ?? '') : '',
        announcement: parts.join(', '),
        details: details.join(', '),
        collapsed: collapsed.has(node.id),
        hasChildren: node.children.length > 0,
        changedByWhatIf: before.get(node.id) !== node.value,
      });
    }
    return map;
  }, [tree, base, fmt, collapsed]);

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

  const toggle = useCallback((id: string) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

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

  const leaves = useMemo(() => {
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
  }, [tree, base, overrides, fmt]);

  const rootWhatIf = useMemo(() => {
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
  }, [tree, base, fmt]);

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
