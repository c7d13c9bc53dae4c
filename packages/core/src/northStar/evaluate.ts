import type { CompiledTree } from './compile';
import type { NorthStarFormula, NorthStarReason } from './northStar.types';

/**
 * A formula over child values that are all known. A ratio by zero or an
 * overflow gives a non-finite number, which the caller turns into `null`.
 */
export function applyFormula(
  formula: NorthStarFormula,
  weights: readonly number[] | undefined,
  children: readonly number[],
  valueOf: (child: number) => number,
): number {
  const first = valueOf(children[0] as number);
  switch (formula) {
    case 'ratio':
      return first / valueOf(children[1] as number);
    case 'weightedSum': {
      let total = 0;
      for (let k = 0; k < children.length; k++) total += (weights?.[k] as number) * valueOf(children[k] as number);
      return total;
    }
    default: {
      let total = first;
      for (let k = 1; k < children.length; k++) {
        const value = valueOf(children[k] as number);
        if (formula === 'sum') total += value;
        else if (formula === 'difference') total -= value;
        else total *= value;
      }
      return total;
    }
  }
}

/** Values of every node (NaN = unknown) and, where unknown, why. */
export interface Evaluation {
  readonly values: Float64Array;
  readonly reasons: (NorthStarReason | null)[];
}

/**
 * Evaluates every node bottom-up from the leaf values `leafValue(i)` (NaN =
 * unknown). Iterative over the precomputed order, so depth costs no stack.
 */
export function evaluateTree(tree: CompiledTree, leafValue: (node: number) => number, withReasons: boolean): Evaluation {
  const { nodes, children, formula, bottomUp } = tree;
  const values = new Float64Array(nodes.length);
  const reasons: (NorthStarReason | null)[] = withReasons ? nodes.map(() => null) : [];
  const valueOf = (child: number): number => values[child] as number;
  for (const node of bottomUp) {
    const id = nodes[node]!.id;
    const kind = formula[node];
    if (kind === null || kind === undefined) {
      const value = leafValue(node);
      values[node] = value;
      if (withReasons && Number.isNaN(value)) reasons[node] = { code: 'noValue', nodeId: id, message: `${id} has no value` };
      continue;
    }
    const kids = children[node]!;
    const unknown = kids.find((child) => Number.isNaN(values[child]));
    if (unknown !== undefined) {
      values[node] = Number.NaN;
      if (withReasons) reasons[node] = reasons[unknown] ?? null;
      continue;
    }
    if (kind === 'ratio' && values[kids[1] as number] === 0) {
      values[node] = Number.NaN;
      if (withReasons) {
        const denominator = nodes[kids[1] as number]!.id;
        reasons[node] = { code: 'divisionByZero', nodeId: id, message: `${id} divides by zero: its denominator ${denominator} is 0` };
      }
      continue;
    }
    const value = applyFormula(kind, nodes[node]!.weights, kids, valueOf);
    if (Number.isFinite(value)) {
      values[node] = value;
    } else {
      values[node] = Number.NaN;
      if (withReasons) reasons[node] = { code: 'outOfRange', nodeId: id, message: `${id} is too large to represent` };
    }
  }
  return { values, reasons };
}

/**
 * The root's value when one node takes a new value: only the node's
 * ancestors are recomputed, each from its children with the changed one
 * substituted. Exact for every formula; NaN when the root becomes unknown.
 */
export function rootWith(tree: CompiledTree, values: Float64Array, node: number, value: number): number {
  const { nodes, parent, children, formula } = tree;
  let changed = node;
  let changedValue = value;
  for (let up = parent[node] as number; up !== -1; up = parent[up] as number) {
    const kind = formula[up] as NorthStarFormula;
    const next = applyFormula(kind, nodes[up]!.weights, children[up]!, (child) =>
      child === changed ? changedValue : (values[child] as number),
    );
    changed = up;
    changedValue = Number.isFinite(next) ? next : Number.NaN;
    if (Number.isNaN(changedValue)) return Number.NaN;
  }
  return changedValue;
}
