/** How the cards are laid out: `tree` (the North Star on top, its inputs below), `outline` (one card a row, children indented) or `auto`. */
export type NorthStarLayout = 'tree' | 'outline' | 'auto';

/** A node of the tree as shown: its id and the children not collapsed. */
export interface Datum {
  readonly id: string;
  readonly children: readonly Datum[];
}

/** A card's size in the canvas's units (px at zoom 1), and the room around the cards. */
export const CARD_WIDTH = 184;
export const CARD_HEIGHT = 124;
/** The label's box in a card: two lines of 16 px, then an ellipsis. */
export const LABEL_TOP = 8;
export const LABEL_HEIGHT = 32;
/** Tree layout: the gaps between cards side by side and between levels. */
export const GAP_X = 24;
export const GAP_Y = 56;
export const PADDING = 16;
/** Outline layout: the indent of each level, where its spine runs, and the gap between rows. */
export const INDENT = 40;
export const SPINE = 16;
export const ROW_GAP = 28;
/** Below this scale of the tree's cards, `auto` shows the outline. */
export const MIN_TREE_SCALE = 0.6;

/** A laid-out node as `@visx/hierarchy` gives it: tree coordinates, depth, and a depth-first walk. */
export interface LaidNode<N> {
  readonly x: number;
  readonly y: number;
  readonly depth: number;
  eachBefore(visit: (node: N) => void): unknown;
}

/** Where the cards go, and the canvas around them. */
export interface CardPlaces<N> {
  readonly outline: boolean;
  /** A card's centre (`x`) and top (`y`). */
  readonly place: (node: N) => { readonly x: number; readonly y: number };
  /** The canvas's `viewBox`: left edge, width and height (its top is `-PADDING`). */
  readonly minX: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Places the cards of a laid-out tree: as the tidy tree, or as an outline
 * when asked to, or when `auto` and the tree would be drawn in `available`
 * px at less than {@link MIN_TREE_SCALE} of its size.
 */
export function placeCards<N extends LaidNode<N>>(
  root: N,
  all: readonly N[],
  layout: NorthStarLayout,
  available: number | null,
): CardPlaces<N> {
  const treeWidth = Math.max(...all.map((node) => node.x)) - Math.min(...all.map((node) => node.x)) + CARD_WIDTH + 2 * PADDING;
  const outline = layout === 'outline' || (layout === 'auto' && available !== null && available < treeWidth * MIN_TREE_SCALE);
  const at = outline ? outlinePlaces(root) : new Map(all.map((node) => [node, { x: node.x, y: node.y }]));
  const place = (node: N) => at.get(node)!;
  const minX = Math.min(...all.map((node) => place(node).x)) - CARD_WIDTH / 2 - PADDING;
  const maxX = Math.max(...all.map((node) => place(node).x)) + CARD_WIDTH / 2 + PADDING;
  const maxY = Math.max(...all.map((node) => place(node).y)) + CARD_HEIGHT + PADDING + 12;
  return { outline, place, minX, width: maxX - minX, height: maxY + PADDING };
}

/**
 * Outline places: the cards one a row in depth-first order (as the tree view
 * reads them), each level indented; `x` is a card's centre, `y` its top.
 */
function outlinePlaces<N extends { depth: number; eachBefore(visit: (node: N) => void): unknown }>(
  root: N,
): Map<N, { x: number; y: number }> {
  const places = new Map<N, { x: number; y: number }>();
  root.eachBefore((node) => {
    places.set(node, { x: node.depth * INDENT + CARD_WIDTH / 2, y: places.size * (CARD_HEIGHT + ROW_GAP) });
  });
  return places;
}
