import type { HierarchyPointNode } from '@visx/hierarchy';
import type { ReactNode } from 'react';
import { CARD_HEIGHT, CARD_WIDTH, GAP_Y, ROW_GAP, SPINE, type CardPlaces, type Datum } from './cardLayout';
import type { NorthStarTreeModel } from './northStarTree.types';

/**
 * What joins the cards, drawn under them and hidden from assistive
 * technology (each card's description says its formula): an edge from each
 * parent to each child, with the weight or the subtracted / divisor child
 * marked on it, and the formula's symbol where a parent's edges leave it.
 */
export function NorthStarLinks({
  model,
  root,
  all,
  places,
}: {
  readonly model: NorthStarTreeModel;
  readonly root: HierarchyPointNode<Datum>;
  readonly all: readonly HierarchyPointNode<Datum>[];
  readonly places: CardPlaces<HierarchyPointNode<Datum>>;
}): ReactNode {
  const { fmt } = model;
  const { outline, place } = places;
  return (
    <g aria-hidden="true">
      {root.links().map((link) => {
        const parent = model.nodes.get(link.source.data.id)!;
        const index = parent.node.children.indexOf(link.target.data.id);
        const from = place(link.source);
        const to = place(link.target);
        const weight = parent.node.weights?.[index];
        const mark =
          weight !== undefined
            ? `×${fmt.number(weight)}`
            : (parent.node.formula === 'difference' || parent.node.formula === 'ratio') && index > 0
              ? parent.formulaSymbol
              : '';
        // Tree: down from the parent, across, down to the child. Outline: down the parent's spine, across to the child.
        const spine = from.x - CARD_WIDTH / 2 + SPINE;
        const path = outline
          ? `M${spine},${from.y + CARD_HEIGHT} V${to.y + CARD_HEIGHT / 2} H${to.x - CARD_WIDTH / 2}`
          : `M${from.x},${from.y + CARD_HEIGHT} V${from.y + CARD_HEIGHT + GAP_Y / 2} H${to.x} V${to.y}`;
        return (
          <g key={link.target.data.id} className="kpikit-north-star__edge">
            <path d={path} fill="none" />
            {mark ? (
              <text
                className="kpikit-north-star__weight"
                x={outline ? spine + 4 : to.x + 6}
                y={outline ? to.y + CARD_HEIGHT / 2 - 5 : to.y - 10}
              >
                {mark}
              </text>
            ) : null}
          </g>
        );
      })}
      {all
        .filter((node) => node.children && node.children.length > 0)
        .map((node) => {
          const { x, y } = place(node);
          const cx = outline ? x - CARD_WIDTH / 2 + SPINE : x;
          const cy = y + CARD_HEIGHT + (outline ? ROW_GAP : GAP_Y) / 2;
          return (
            <g key={node.data.id} className="kpikit-north-star__formula">
              <circle cx={cx} cy={cy} r={11} />
              <text x={cx} y={cy} dy="0.35em" textAnchor="middle">
                {model.nodes.get(node.data.id)?.formulaSymbol}
              </text>
            </g>
          );
        })}
    </g>
  );
}
