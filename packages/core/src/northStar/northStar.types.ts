import type { EventFilter } from '../events/filter';
import type { EventInput } from '../events/event.types';

/**
 * How a node's value follows from its children, in their listed order:
 * - `sum`: c₁ + c₂ + …;
 * - `difference`: c₁ − c₂ − c₃ − …;
 * - `product`: c₁ × c₂ × …;
 * - `ratio`: c₁ / c₂ (exactly two children);
 * - `weightedSum`: w₁c₁ + w₂c₂ + … with one weight per child.
 */
export type NorthStarFormula = 'sum' | 'difference' | 'product' | 'ratio' | 'weightedSum';

/** Which way a node should move: `up` (default) when more is better, `down` when less is (churn, cost). */
export type GoodDirection = 'up' | 'down';

/** Which figure of `activeUsers` a node reads. */
export type ActiveUsersField = 'dau' | 'wau' | 'mau' | 'stickiness';

/**
 * A leaf fed by a metric computed from events or survey answers by
 * `bindMetrics`, which fills the leaf's `value` and `previous`.
 */
export type NorthStarMetricBinding =
  | {
      /** A figure of `activeUsers` on one local date. */
      readonly kind: 'activeUsers';
      readonly field: ActiveUsersField;
      /** The local date read, `YYYY-MM-DD`. Default: the date of the latest event. */
      readonly date?: string | undefined;
      /** Which events make a user active. Default: every event. */
      readonly where?: EventFilter | undefined;
    }
  | {
      /** The `score` of `stickinessSummary` for one month. */
      readonly kind: 'stickinessSummary';
      /** The month read, `YYYY-MM`. Default: the month of the latest event. */
      readonly month?: string | undefined;
      readonly where?: EventFilter | undefined;
    }
  | {
      /** The NPS `score` of a set of answers passed to `bindMetrics` in `surveys`. */
      readonly kind: 'nps';
      /** Name of the answers in `surveys` giving the value. */
      readonly survey: string;
      /** Name of the answers in `surveys` giving the previous value. Default: none. */
      readonly previousSurvey?: string | undefined;
    };

/** One node of a North Star definition. */
export interface NorthStarNodeDefinition {
  /** Unique id, referenced by the parent's `children`. */
  readonly id: string;
  /** What the node measures, as shown to people. */
  readonly label: string;
  /** A leaf's current value; `null` when unknown (the node and its ancestors then have no value). Not allowed on a formula node. */
  readonly value?: number | null | undefined;
  /** A leaf's value in the previous period, for `change`. A formula node's previous value is computed from its children's. */
  readonly previous?: number | null | undefined;
  /** The value aimed for, for `progress`. */
  readonly target?: number | null | undefined;
  /** Free text unit (`"accounts"`, `"rate"`, `"EUR"`): carried through for display. */
  readonly unit?: string | undefined;
  /** Default `up`. */
  readonly goodDirection?: GoodDirection | undefined;
  /** How the value follows from the children; required when there are children, absent on a leaf. */
  readonly formula?: NorthStarFormula | undefined;
  /** One weight per child, for `weightedSum` only. */
  readonly weights?: readonly number[] | undefined;
  /** Ids of the child nodes, in formula order. A leaf has none. */
  readonly children?: readonly string[] | undefined;
  /** A metric feeding this leaf through `bindMetrics`. */
  readonly metric?: NorthStarMetricBinding | undefined;
}

/**
 * A North Star tree, given flat: every node once, each naming its children
 * by id. Exactly one node, the root, is no node's child.
 */
export interface NorthStarDefinition {
  /** Id of the root. Default: the one node that is no node's child. */
  readonly root?: string | undefined;
  readonly nodes: readonly NorthStarNodeDefinition[];
}

/** Why a node has no value. */
export interface NorthStarReason {
  /**
   * `divisionByZero`: a ratio's denominator is 0; `noValue`: a leaf's value is
   * `null`; `outOfRange`: the result is too large to represent.
   */
  readonly code: 'divisionByZero' | 'noValue' | 'outOfRange';
  /** The node where the value was lost; ancestors repeat the reason of the child that lost it. */
  readonly nodeId: string;
  readonly message: string;
}

/** A node's change since its previous value. */
export interface NorthStarChange {
  /** `value − previous`. */
  readonly absolute: number;
  /** `(value − previous) / |previous|`, so a rise is positive even from a negative value; `null` when `previous` is 0. */
  readonly relative: number | null;
  /** Whether the move goes the node's `goodDirection`; `null` when unchanged. */
  readonly favorable: boolean | null;
}

/** One evaluated node of a {@link NorthStarTreeResult}. */
export interface NorthStarNodeResult {
  readonly id: string;
  readonly label: string;
  readonly unit: string | null;
  readonly goodDirection: GoodDirection;
  /** `null` on a leaf. */
  readonly formula: NorthStarFormula | null;
  /** The weights of a `weightedSum`, else `null`. */
  readonly weights: readonly number[] | null;
  /** Id of the parent; `null` for the root. */
  readonly parent: string | null;
  readonly children: readonly string[];
  /** Edges from the root: 0 for the root. */
  readonly depth: number;
  /** The leaf's value or the formula's result; `null` when it cannot be computed (see `reason`). */
  readonly value: number | null;
  /** Why `value` is `null`; `null` when there is a value. */
  readonly reason: NorthStarReason | null;
  /** A leaf's given previous value, or the formula over the children's previous values; `null` when unknown. */
  readonly previous: number | null;
  readonly target: number | null;
  /** Change since `previous`; `null` when either value is unknown. */
  readonly change: NorthStarChange | null;
  /** `value / target`; `null` when either is unknown or the target is 0. */
  readonly progress: number | null;
  /** Whether the target is reached: `value ≥ target` (up) or `value ≤ target` (down); `null` without both. */
  readonly targetMet: boolean | null;
}

/** How much the root moves when one leaf rises by 1 %. */
export interface NorthStarSensitivity {
  /** The leaf's id. */
  readonly id: string;
  readonly label: string;
  /** The root's change in its own unit; `null` when the root has no value. */
  readonly absolute: number | null;
  /** The root's relative change (`0.01` = the root rises 1 % too); `null` when the root is 0 or has no value. */
  readonly relative: number | null;
}

/** Result of `northStarTree`. */
export interface NorthStarTreeResult {
  /** Id of the root. */
  readonly root: string;
  /** Every node, in the order of the definition. */
  readonly nodes: readonly NorthStarNodeResult[];
  /** One entry per leaf, largest `|relative|` first (then largest `|absolute|`, then definition order). */
  readonly sensitivity: readonly NorthStarSensitivity[];
  /** The validated definition the tree was evaluated from (what `whatIf` re-evaluates). */
  readonly definition: NorthStarDefinition;
}

/** New values for leaves, by leaf id. */
export type WhatIfOverrides = Readonly<Record<string, number>>;

/** Result of `whatIf`. */
export interface WhatIfResult {
  /** The tree re-evaluated with the overrides (its `definition` carries them). */
  readonly tree: NorthStarTreeResult;
  readonly overrides: WhatIfOverrides;
  /** The root before and after the overrides, and the difference. */
  readonly root: {
    readonly before: number | null;
    readonly after: number | null;
    /** `after − before`; `null` when either is unknown. */
    readonly absolute: number | null;
    /** `(after − before) / |before|`; `null` when either is unknown or `before` is 0. */
    readonly relative: number | null;
  };
}

/** Options of `bindMetrics`: the data the bound metrics are computed from. */
export interface BindMetricsOptions {
  /** Events for `activeUsers` and `stickinessSummary` bindings. */
  readonly events?: EventInput | undefined;
  /** IANA zone whose calendar days are counted. Default `"UTC"`. */
  readonly timeZone?: string | undefined;
  /** Named sets of survey answers for `nps` bindings, e.g. `{ nps: [9, 10, 6], npsLastQuarter: [...] }`. */
  readonly surveys?: Readonly<Record<string, readonly number[]>> | undefined;
}
