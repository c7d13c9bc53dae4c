import type { NorthStarNodeResult, NorthStarTreeResult, WhatIfOverrides, WhatIfResult } from '@kpikit/core';
import type { KeyboardEvent, ReactNode } from 'react';
import type { Formatter } from '../format/formatter';
import type { WidgetRootProps } from '../internal/useWidgetRoot';
import type { WidgetOptions, WidgetState } from '../internal/widgetState';

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
