import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  type RefObject,
  type SVGAttributes,
} from 'react';

const nodeOf = (target: EventTarget | null): Element | null => (target instanceof Element ? target.closest('[data-node]') : null);

/** What {@link useLabelTip} gives: the card whose label is shown whole, and the handlers that decide it. */
export interface LabelTip {
  /** The id of the card hovered, else of the card focused; `null` when none or after Escape. */
  readonly id: string | null;
  /** Delegated handlers for the tree view's group (hover, focus, Escape). */
  readonly treeProps: Pick<SVGAttributes<SVGGElement>, 'onPointerOver' | 'onPointerOut' | 'onFocus' | 'onBlur' | 'onKeyDown'>;
  readonly tooltipRef: RefObject<HTMLDivElement | null>;
  /** Leaving the tooltip for anything but its card hides it. */
  readonly onTooltipPointerOut: (event: PointerEvent<HTMLDivElement>) => void;
}

/**
 * Which card's full label to show: the hovered card's, else the focused
 * card's (a tap focuses a card too), hidden by Escape until the next hover
 * or focus. The pointer may move from a card onto its tooltip and back
 * without hiding it.
 *
 * @example
 * const tip = useLabelTip();
 * <g role="tree" {...tip.treeProps}>…</g>
 */
export function useLabelTip(): LabelTip {
  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const tooltipRef = useRef<HTMLDivElement | null>(null);
  const treeProps = useMemo<LabelTip['treeProps']>(
    () => ({
      onPointerOver: (event: PointerEvent<SVGGElement>) => {
        const id = nodeOf(event.target)?.getAttribute('data-node');
        if (id) setHovered(id);
      },
      onPointerOut: (event: PointerEvent<SVGGElement>) => {
        const to = event.relatedTarget;
        if (to instanceof Node && (nodeOf(event.target)?.contains(to) || tooltipRef.current?.contains(to))) return;
        setHovered(null);
      },
      onFocus: (event: FocusEvent<SVGGElement>) => {
        const id = nodeOf(event.target)?.getAttribute('data-node');
        if (id) setFocused(id);
      },
      onBlur: () => {
        setFocused(null);
      },
      onKeyDown: (event: KeyboardEvent<SVGGElement>) => {
        if (event.key !== 'Escape') return;
        setHovered(null);
        setFocused(null);
      },
    }),
    [],
  );
  const onTooltipPointerOut = useCallback((event: PointerEvent<HTMLDivElement>) => {
    const to = event.relatedTarget;
    if (to instanceof Node && (event.currentTarget.contains(to) || nodeOf(to))) return;
    setHovered(null);
  }, []);
  return { id: hovered ?? focused, treeProps, tooltipRef, onTooltipPointerOut };
}

/**
 * The whole label of a card whose label is cut (two lines, then an
 * ellipsis), at reading size whatever the zoom: above the card, or below it
 * where the widget has no room above. Hidden from assistive technology:
 * the card's accessible name already holds the whole label.
 */
export function LabelTooltip({ tip, label }: { readonly tip: LabelTip; readonly label: string }): ReactNode {
  const { id, tooltipRef } = tip;
  // Placed after layout, on every render: a pan or a zoom moves the card.
  useLayoutEffect(() => {
    const element = tooltipRef.current;
    // The layout around the canvas, which the tooltip is placed in (not its offset parent: a hidden element has none).
    const frame = element?.parentElement;
    const node = frame?.querySelector(`[data-node="${CSS.escape(id ?? '')}"]`);
    const card = node?.querySelector('.kpikit-north-star__card');
    const text = node?.querySelector('.kpikit-north-star__label');
    if (!element || !frame || !node || !card || !text) return;
    // Shown only where the label is cut: a label that fits is already there in full.
    const cut = text.scrollHeight > text.clientHeight + 1 || text.scrollWidth > text.clientWidth + 1;
    element.hidden = !cut;
    if (!cut) return;
    // Measured at the left edge, where its width is not squeezed by the last place.
    element.style.left = '0px';
    const outer = frame.getBoundingClientRect();
    const box = card.getBoundingClientRect();
    // Above the card, over the toolbar if need be (controls, not another card's figures); below where the widget has no room.
    const top = frame.closest('.kpikit-north-star')?.getBoundingClientRect().top ?? outer.top;
    const below = box.top - top < element.offsetHeight;
    const left = Math.min(Math.max(box.left - outer.left, 0), Math.max(0, outer.width - element.offsetWidth));
    element.style.left = `${left}px`;
    // Below: under the card's toggle too, which the node's box holds.
    element.style.top = `${below ? node.getBoundingClientRect().bottom - outer.top : box.top - outer.top - element.offsetHeight}px`;
    element.dataset['placement'] = below ? 'below' : 'above';
    element.style.visibility = 'visible';
  });
  return (
    <div
      ref={tooltipRef}
      className="kpikit-north-star__tooltip"
      aria-hidden="true"
      style={{ visibility: 'hidden' }}
      onPointerOut={tip.onTooltipPointerOut}
    >
      <div className="kpikit-north-star__tooltip-text">{label}</div>
    </div>
  );
}
