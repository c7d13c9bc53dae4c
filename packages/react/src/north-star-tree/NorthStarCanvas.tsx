import { Group } from '@visx/group';
import { hierarchy, Tree, type HierarchyPointNode } from '@visx/hierarchy';
import { useMemo, useRef, type Dispatch, type PointerEvent, type ReactNode, type SetStateAction, type WheelEvent } from 'react';
import { CARD_HEIGHT, CARD_WIDTH, GAP_X, GAP_Y, PADDING, placeCards, type Datum, type NorthStarLayout } from './cardLayout';
import type { LabelTip } from './LabelTooltip';
import { NodeCard } from './NorthStarCard';
import { NorthStarLinks } from './NorthStarLinks';
import type { NorthStarTreeModel } from './northStarTree.types';

/** The pan (`x`, `y`, in the canvas's units) and zoom (`k`) of the canvas. */
export interface CanvasView {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

/**
 * The canvas: the visible nodes laid out by `@visx/hierarchy` as a tidy
 * tree, or as an outline (see `placeCards`), their links under them and
 * their cards as an ARIA tree view; zoomed with Ctrl + wheel and panned by
 * dragging the background. Says which layout it drew in `data-layout`.
 */
export function NorthStarCanvas({
  model,
  layout,
  available,
  view,
  setView,
  tip,
}: {
  readonly model: NorthStarTreeModel;
  readonly layout: NorthStarLayout;
  /** The width the canvas has, in px; `null` before it is measured. */
  readonly available: number | null;
  readonly view: CanvasView;
  readonly setView: Dispatch<SetStateAction<CanvasView>>;
  /** Shows a card's whole label on hover and focus. */
  readonly tip: LabelTip;
}): ReactNode {
  const drag = useRef<{ x: number; y: number; startX: number; startY: number; scale: number } | null>(null);
  const root = model.tree!.root;
  const data = useMemo(() => {
    const build = (id: string): Datum => ({ id, children: model.shownChildren(id).map(build) });
    return hierarchy<Datum>(build(root), (datum) => datum.children as Datum[]);
  }, [model, root]);

  return (
    <Tree<Datum> root={data} nodeSize={[CARD_WIDTH + GAP_X, CARD_HEIGHT + GAP_Y]}>
      {(laid) => {
        const all = laid.descendants();
        const places = placeCards<HierarchyPointNode<Datum>>(laid, all, layout, available);
        const { outline, place, minX, width, height } = places;
        const onWheel = (event: WheelEvent<SVGSVGElement>) => {
          if (!event.ctrlKey && !event.metaKey) return;
          event.preventDefault();
          setView((v) => ({ ...v, k: Math.min(4, Math.max(0.25, v.k * (event.deltaY < 0 ? 1.1 : 1 / 1.1))) }));
        };
        const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
          if ((event.target as Element).closest('[data-node]')) return;
          const box = event.currentTarget.getBoundingClientRect();
          drag.current = {
            x: view.x,
            y: view.y,
            startX: event.clientX,
            startY: event.clientY,
            scale: Math.max(width / box.width, height / box.height),
          };
          event.currentTarget.setPointerCapture(event.pointerId);
        };
        const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
          const start = drag.current;
          if (!start) return;
          setView((v) => ({
            ...v,
            x: start.x + (event.clientX - start.startX) * start.scale,
            y: start.y + (event.clientY - start.startY) * start.scale,
          }));
        };
        const onPointerUp = () => {
          drag.current = null;
        };
        return (
          <svg
            className="kpikit-north-star__canvas"
            viewBox={`${minX} ${-PADDING} ${width} ${height}`}
            // The outline grows down the page at full size, never larger (a wide widget would blow its cards up);
            // the tree is fitted into the widget's height.
            style={{
              aspectRatio: `${width} / ${height}`,
              maxHeight: outline ? undefined : model.height,
              maxWidth: outline ? width : undefined,
            }}
            data-layout={outline ? 'outline' : 'tree'}
            preserveAspectRatio="xMidYMin meet"
            onWheel={onWheel}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
          >
            <Group transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
              <NorthStarLinks model={model} root={laid} all={all} places={places} />
              <g
                role="tree"
                aria-labelledby={model.titleId}
                {...tip.treeProps}
                onKeyDown={(event) => {
                  tip.treeProps.onKeyDown?.(event);
                  model.onKeyDown(event);
                }}
              >
                {all.map((node) => {
                  const item = model.nodes.get(node.data.id)!;
                  const siblings = node.parent ? (node.parent.children ?? []) : [node];
                  return (
                    <NodeCard
                      key={node.data.id}
                      item={item}
                      x={place(node).x - CARD_WIDTH / 2}
                      y={place(node).y}
                      level={node.depth + 1}
                      setSize={siblings.length}
                      position={siblings.indexOf(node) + 1}
                      active={model.active === node.data.id}
                      onFocus={() => {
                        model.setActive(node.data.id);
                      }}
                      onToggle={() => {
                        model.toggle(node.data.id);
                      }}
                      describedBy={`${model.titleId}-node-${model.visible.indexOf(node.data.id)}`}
                    />
                  );
                })}
              </g>
            </Group>
          </svg>
        );
      }}
    </Tree>
  );
}
