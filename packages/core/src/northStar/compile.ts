import { IssueCollector } from '../errors';
import { parseOptions } from '../options/parseOptions';
import { northStarDefinitionSchema } from './northStar.schema';
import type { NorthStarDefinition, NorthStarFormula, NorthStarNodeDefinition } from './northStar.types';

/** A validated definition as index arrays: node `i` is `definition.nodes[i]`. */
export interface CompiledTree {
  readonly definition: NorthStarDefinition;
  readonly nodes: readonly NorthStarNodeDefinition[];
  readonly root: number;
  /** Parent index of each node, −1 for the root. */
  readonly parent: Int32Array;
  /** Child indices of each node, in formula order. */
  readonly children: readonly (readonly number[])[];
  readonly depth: Int32Array;
  /** Every node, children before their parent (reverse breadth-first order). */
  readonly bottomUp: Int32Array;
  /** Leaf indices in definition order. */
  readonly leaves: readonly number[];
  readonly formula: readonly (NorthStarFormula | null)[];
}

const FORMULAS = 'sum, difference, product, ratio or weightedSum';

/**
 * Validates a North Star definition, its shape with zod and then the links
 * between nodes, reporting every problem at once by node path
 * (`definition.nodes[3].children[1]`). With `requireValues` false (when
 * metrics are still to be bound) a leaf may lack its value.
 */
export function compileNorthStar(input: NorthStarDefinition, requireValues: boolean): CompiledTree {
  const definition = parseOptions(northStarDefinitionSchema, input, 'definition') as NorthStarDefinition;
  const { nodes } = definition;
  const n = nodes.length;
  const issues = new IssueCollector('definition');
  const at = (i: number, field?: string): string => `definition.nodes[${i}]${field === undefined ? '' : `.${field}`}`;

  const indexOf = new Map<string, number>();
  nodes.forEach((node, i) => {
    const first = indexOf.get(node.id);
    if (first === undefined) indexOf.set(node.id, i);
    else issues.add(i, at(i, 'id'), `a unique id (nodes[${first}] is already ${JSON.stringify(node.id)})`, node.id);
  });

  // Parent links; a second link to the same node would make a DAG.
  const parent = new Int32Array(n).fill(-1);
  const slot = new Int32Array(n);
  const children: number[][] = nodes.map(() => []);
  nodes.forEach((node, i) => {
    (node.children ?? []).forEach((childId, k) => {
      const child = indexOf.get(childId);
      if (child === undefined) {
        issues.add(i, at(i, `children[${k}]`), 'the id of a node of the definition', childId);
        return;
      }
      if (child === i) {
        issues.add(i, at(i, `children[${k}]`), 'another node: a node cannot be its own child (a cycle)', childId);
        return;
      }
      const other = parent[child] as number;
      if (other !== -1) {
        const where = other === i ? 'this node' : JSON.stringify(nodes[other]?.id);
        issues.add(i, at(i, `children[${k}]`), `a node with one parent (a tree, not a DAG): it is already a child of ${where}`, childId);
        return;
      }
      parent[child] = i;
      slot[child] = k;
      children[i]!.push(child);
    });
  });

  nodes.forEach((node, i) => {
    checkNode(node, i, requireValues, issues, at);
  });

  const root = findRoot(definition, indexOf, parent, issues);
  findCycles(nodes, parent, slot, issues, at);
  issues.throwIfAny();

  // Breadth-first from the root: reversed, every child comes before its parent.
  const order = new Int32Array(n);
  const depth = new Int32Array(n);
  order[0] = root;
  let filled = 1;
  for (let head = 0; head < filled; head++) {
    const node = order[head] as number;
    for (const child of children[node]!) {
      depth[child] = (depth[node] as number) + 1;
      order[filled++] = child;
    }
  }
  return {
    definition,
    nodes,
    root,
    parent,
    children,
    depth,
    bottomUp: order.reverse(),
    leaves: nodes.flatMap((_node, i) => (children[i]!.length === 0 ? [i] : [])),
    formula: nodes.map((node) => node.formula ?? null),
  };
}

function checkNode(
  node: NorthStarNodeDefinition,
  i: number,
  requireValues: boolean,
  issues: IssueCollector,
  at: (i: number, field?: string) => string,
): void {
  const { formula, weights } = node;
  const listed = node.children?.length ?? 0;
  if (formula === undefined) {
    if (listed > 0) issues.add(i, at(i, 'formula'), `a formula (${FORMULAS}) for a node with children`, undefined);
    if (weights !== undefined) issues.add(i, at(i, 'weights'), 'no weights: only a weightedSum node has them', weights);
    if (requireValues && listed === 0 && node.value === undefined) {
      const expected = node.metric
        ? 'a number: bind the metric of this leaf with bindMetrics first'
        : 'a number or null (a leaf carries its value; a computed node needs a formula and children)';
      issues.add(i, at(i, 'value'), expected, undefined);
    }
    return;
  }
  if (listed === 0)
    issues.add(i, at(i, 'children'), `at least 1 child: a ${formula} node takes its value from its children`, node.children);
  if (formula === 'ratio' && listed > 0 && listed !== 2)
    issues.add(i, at(i, 'children'), 'exactly 2 children for a ratio (numerator, denominator)', node.children);
  if (formula === 'weightedSum' && weights?.length !== listed)
    issues.add(i, at(i, 'weights'), `${listed} weight${listed === 1 ? '' : 's'}, one per child`, weights);
  if (formula !== 'weightedSum' && weights !== undefined)
    issues.add(i, at(i, 'weights'), 'no weights: only a weightedSum node has them', weights);
  if (node.value !== undefined) issues.add(i, at(i, 'value'), 'no value: a formula node takes its value from its children', node.value);
  if (node.previous !== undefined)
    issues.add(i, at(i, 'previous'), "no previous value: a formula node's comes from its children's", node.previous);
  if (node.metric !== undefined) issues.add(i, at(i, 'metric'), 'no metric: only a leaf can be bound to a metric', node.metric.kind);
}

function findRoot(
  definition: NorthStarDefinition,
  indexOf: ReadonlyMap<string, number>,
  parent: Int32Array,
  issues: IssueCollector,
): number {
  const { nodes } = definition;
  const parentless: number[] = [];
  parent.forEach((p, i) => {
    // A repeated id is reported as such, not as a second root.
    if (p === -1 && indexOf.get(nodes[i]!.id) === i) parentless.push(i);
  });
  let root = -1;
  if (definition.root !== undefined) {
    const given = indexOf.get(definition.root);
    if (given === undefined) issues.add(null, 'definition.root', 'the id of a node of the definition', definition.root);
    else if (parent[given] !== -1)
      issues.add(
        null,
        'definition.root',
        `a node that is no node's child (it is a child of ${JSON.stringify(nodes[parent[given]!]?.id)})`,
        definition.root,
      );
    else root = given;
  } else {
    root = parentless[0] ?? -1;
  }
  // With every node someone's child there is a cycle, which findCycles reports.
  if (root === -1) return 0;
  for (const i of parentless) {
    if (i === root) continue;
    issues.add(
      i,
      `definition.nodes[${i}]`,
      `a child of another node: a tree has one root, and ${JSON.stringify(nodes[root]?.id)} has no parent either`,
      nodes[i]?.id,
    );
  }
  return root;
}

/**
 * Walks up the parent links from every node; a walk that meets itself closes
 * a cycle, reported at the child link that closes it. Iterative, so a deep
 * tree cannot overflow the stack.
 */
function findCycles(
  nodes: readonly NorthStarNodeDefinition[],
  parent: Int32Array,
  slot: Int32Array,
  issues: IssueCollector,
  at: (i: number, field?: string) => string,
): void {
  const UNSEEN = 0;
  const ON_PATH = 1;
  const DONE = 2;
  const state = new Uint8Array(nodes.length);
  const path: number[] = [];
  for (let start = 0; start < nodes.length; start++) {
    if (state[start] !== UNSEEN) continue;
    let node = start;
    for (;;) {
      state[node] = ON_PATH;
      path.push(node);
      const up = parent[node] as number;
      if (up === -1 || state[up] === DONE) break;
      if (state[up] === ON_PATH) {
        const id = nodes[node]?.id;
        const expected = `no cycle: ${JSON.stringify(id)} is already an ancestor of ${JSON.stringify(nodes[up]?.id)}`;
        issues.add(up, at(up, `children[${slot[node]}]`), expected, id);
        break;
      }
      node = up;
    }
    for (const visited of path) state[visited] = DONE;
    path.length = 0;
  }
}
