import { Group } from '@visx/group';
import { hierarchy, Tree } from '@visx/hierarchy';
import {
  forwardRef,
  useEffect,
  useMemo,
  useRef,
  useState,
  type HTMLAttributes,
  type PointerEvent,
  type ReactNode,
  type RefObject,
  type WheelEvent,
} from 'react';
import { CardHeader, Description, EmptyMessage, ErrorMessage } from '../internal/Frame';
import { SkeletonBlock } from '../internal/Skeleton';
import { splitProps } from '../internal/splitProps';
import { useNorthStarTree, type NorthStarNodeModel, type NorthStarTreeModel, type NorthStarTreeOptions } from './useNorthStarTree';

/** How the cards are laid out: `tree` (the North Star on top, its inputs below), `outline` (one card a row, children indented) or `auto`. */
export type NorthStarLayout = 'tree' | 'outline' | 'auto';

/** Props of {@link NorthStarTree}: the tree's options, its layout and any attribute of its root `div`. */
export interface NorthStarTreeProps
  extends NorthStarTreeOptions, Omit<HTMLAttributes<HTMLDivElement>, keyof NorthStarTreeOptions | 'children'> {
  /**
   * `auto` (default): the tree, unless the widget is too narrow to show it
   * with its cards at 60 % of their size or more (a phone), then the outline.
   * The server renders the tree.
   */
  readonly layout?: NorthStarLayout | undefined;
}

const OPTION_KEYS = [
  'data',
  'whatIf',
  'overrides',
  'defaultOverrides',
  'onOverridesChange',
  'whatIfMode',
  'defaultWhatIfMode',
  'onWhatIfModeChange',
  'defaultCollapsed',
  'height',
  'label',
  'caption',
  'meta',
  'emptyMessage',
  'description',
  'locale',
  'messages',
  'theme',
  'className',
  'style',
  'loading',
  'error',
] as const satisfies readonly (keyof NorthStarTreeOptions)[];

const CARD_WIDTH = 184;
const CARD_HEIGHT = 112;
const GAP_X = 24;
const GAP_Y = 56;
const PADDING = 16;
/** Outline layout: the indent of each level, where its spine runs, and the gap between rows. */
const INDENT = 40;
const SPINE = 16;
const ROW_GAP = 28;
/** Below this scale of the tree's cards, `auto` shows the outline. */
const MIN_TREE_SCALE = 0.6;

/**
 * A North Star metric tree: the North Star at the top, each metric a card
 * (label, value with unit, change coloured by its good direction with an
 * arrow, progress to target), the formula on the edges to its children
 * (Σ, ×, ÷, −, weights), collapsible nodes, pan and zoom, and a what-if
 * mode: change a leaf's value and see the tree re-evaluated and the root's
 * change, with the leaves ranked by how much they move the root.
 * Keyboard: an ARIA tree view (arrows move and expand/collapse, Enter toggles).
 * Where the tree would be too small to read (a phone), the same cards are
 * laid out as an outline: one a row, each level indented (`layout`).
 *
 * Class names: `kpikit-north-star`, `__canvas`, `__node`, `__card`,
 * `__edge`, `__formula`, `__what-if`; attributes: `data-what-if`, on the
 * canvas `data-layout` (`tree` or `outline`), and on nodes `data-sentiment`,
 * `data-what-if-changed`.
 *
 * @example
 * import { northStarTree, whatIf } from '@kpikit/core';
 * <NorthStarTree data={northStarTree(definition)} whatIf={whatIf} defaultWhatIfMode />
 */
export const NorthStarTree = forwardRef<HTMLDivElement, NorthStarTreeProps>(function NorthStarTree(props, ref) {
  const [options, { layout = 'auto', ...rest }] = splitProps(props, OPTION_KEYS);
  const model = useNorthStarTree(options);
  return (
    <div ref={ref} {...rest} {...model.rootProps}>
      <CardHeader titleId={model.titleId} title={model.label} meta={model.meta} />
      <NorthStarBody model={model} layout={layout} />
      {model.caption && model.state === 'ready' ? <p className="kpikit-card__caption">{model.caption}</p> : null}
      <Description id={model.descriptionId}>{model.description}</Description>
    </div>
  );
});

function NorthStarBody({ model, layout }: { readonly model: NorthStarTreeModel; readonly layout: NorthStarLayout }): ReactNode {
  switch (model.state) {
    case 'loading':
      return (
        <div className="kpikit-north-star__skeleton">
          <SkeletonBlock width={184} height={88} />
          <div>
            <SkeletonBlock width={140} height={72} />
            <SkeletonBlock width={140} height={72} />
            <SkeletonBlock width={140} height={72} />
          </div>
        </div>
      );
    case 'error':
      return <ErrorMessage>{model.errorContent}</ErrorMessage>;
    case 'empty':
      return <EmptyMessage title={model.emptyContent} />;
    default:
      return <Ready model={model} layout={layout} />;
  }
}

interface Datum {
  readonly id: string;
  readonly children: readonly Datum[];
}

function Ready({ model, layout }: { readonly model: NorthStarTreeModel; readonly layout: NorthStarLayout }): ReactNode {
  const { fmt } = model;
  const [box, available] = useWidth(layout === 'auto');
  const [view, setView] = useState({ x: 0, y: 0, k: 1 });
  const drag = useRef<{ x: number; y: number; startX: number; startY: number; scale: number } | null>(null);
  const root = model.tree!.root;
  const data = useMemo(() => {
    const build = (id: string): Datum => ({ id, children: model.shownChildren(id).map(build) });
    return hierarchy<Datum>(build(root), (datum) => datum.children as Datum[]);
  }, [model, root]);

  return (
    <>
      <div className="kpikit-north-star__toolbar">
        {model.canWhatIf ? (
          <button
            type="button"
            className="kpikit-north-star__button"
            aria-pressed={model.whatIfMode}
            onClick={() => {
              model.setWhatIfMode(!model.whatIfMode);
            }}
          >
            {fmt.t('northStar.whatIf')}
          </button>
        ) : (
          <span />
        )}
        <span className="kpikit-north-star__zoom">
          <button
            type="button"
            className="kpikit-north-star__button"
            aria-label={fmt.t('northStar.zoomOut')}
            onClick={() => {
              setView((v) => ({ ...v, k: Math.max(0.25, v.k / 1.25) }));
            }}
          >
            −
          </button>
          <button
            type="button"
            className="kpikit-north-star__button"
            onClick={() => {
              setView({ x: 0, y: 0, k: 1 });
            }}
          >
            {fmt.t('northStar.fit')}
          </button>
          <button
            type="button"
            className="kpikit-north-star__button"
            aria-label={fmt.t('northStar.zoomIn')}
            onClick={() => {
              setView((v) => ({ ...v, k: Math.min(4, v.k * 1.25) }));
            }}
          >
            +
          </button>
        </span>
      </div>
      {model.whatIfMode && model.rootWhatIf ? (
        <p className="kpikit-north-star__root-what-if" data-sentiment={model.rootWhatIf.sentiment} role="status">
          {fmt.t('northStar.rootWhatIf', {
            label: model.nodes.get(root)?.node.label ?? '',
            before: model.rootWhatIf.before,
            after: model.rootWhatIf.after,
          })}{' '}
          <span className="kpikit-north-star__root-change">{model.rootWhatIf.change}</span>
        </p>
      ) : null}
      <div ref={box} className="kpikit-north-star__layout">
        <Tree<Datum> root={data} nodeSize={[CARD_WIDTH + GAP_X, CARD_HEIGHT + GAP_Y]}>
          {(laid) => {
            const all = laid.descendants();
            const treeWidth = Math.max(...all.map((node) => node.x)) - Math.min(...all.map((node) => node.x)) + CARD_WIDTH + 2 * PADDING;
            const outline = layout === 'outline' || (layout === 'auto' && available !== null && available < treeWidth * MIN_TREE_SCALE);
            const at = outline ? outlinePlaces(laid) : new Map(all.map((node) => [node, { x: node.x, y: node.y }]));
            const place = (node: (typeof all)[number]) => at.get(node)!;
            const minX = Math.min(...all.map((node) => place(node).x)) - CARD_WIDTH / 2 - PADDING;
            const maxX = Math.max(...all.map((node) => place(node).x)) + CARD_WIDTH / 2 + PADDING;
            const maxY = Math.max(...all.map((node) => place(node).y)) + CARD_HEIGHT + PADDING + 12;
            const width = maxX - minX;
            const height = maxY + PADDING;
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
                // The outline grows down the page at full size; the tree is fitted into the widget's height.
                style={{ aspectRatio: `${width} / ${height}`, maxHeight: outline ? undefined : model.height }}
                data-layout={outline ? 'outline' : 'tree'}
                preserveAspectRatio="xMidYMin meet"
                onWheel={onWheel}
                onPointerDown={onPointerDown}
                onPointerMove={onPointerMove}
                onPointerUp={onPointerUp}
              >
                <Group transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
                  <g aria-hidden="true">
                    {laid.links().map((link) => {
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
                  <g role="tree" aria-labelledby={model.titleId} onKeyDown={model.onKeyDown}>
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
        {model.whatIfMode ? <WhatIfPanel model={model} /> : null}
      </div>
      <div hidden>
        {model.visible.map((id, index) => (
          <span key={id} id={`${model.titleId}-node-${index}`}>
            {model.nodes.get(id)?.details}
          </span>
        ))}
      </div>
    </>
  );
}

function NodeCard({
  item,
  x,
  y,
  level,
  setSize,
  position,
  active,
  onFocus,
  onToggle,
  describedBy,
}: {
  readonly item: NorthStarNodeModel;
  readonly x: number;
  readonly y: number;
  readonly level: number;
  readonly setSize: number;
  readonly position: number;
  readonly active: boolean;
  readonly onFocus: () => void;
  readonly onToggle: () => void;
  readonly describedBy: string;
}): ReactNode {
  const progress = item.node.progress;
  return (
    <g
      className="kpikit-north-star__node"
      role="treeitem"
      data-node={item.node.id}
      data-sentiment={item.sentiment ?? undefined}
      data-what-if-changed={item.changedByWhatIf ? 'true' : undefined}
      aria-level={level}
      aria-setsize={setSize}
      aria-posinset={position}
      aria-expanded={item.hasChildren ? !item.collapsed : undefined}
      aria-describedby={describedBy}
      tabIndex={active ? 0 : -1}
      transform={`translate(${x} ${y})`}
      onFocus={onFocus}
    >
      <rect className="kpikit-north-star__card" width={CARD_WIDTH} height={CARD_HEIGHT} rx={8} />
      {/* HTML in the card, so that a long label ends in an ellipsis; the whole label stays in the accessible name. */}
      <foreignObject x={12} y={8} width={CARD_WIDTH - 24} height={20}>
        <div className="kpikit-north-star__label" title={item.node.label}>
          {item.node.label}
        </div>
      </foreignObject>
      <text className="kpikit-north-star__value" x={12} y={50}>
        {item.valueText}
      </text>
      {item.changeText ? (
        <text className="kpikit-north-star__change" x={12} y={68}>
          {item.changeText}
        </text>
      ) : null}
      {progress !== null ? (
        <g className="kpikit-north-star__progress" data-met={item.node.targetMet ? 'true' : 'false'}>
          {/* A line of its own: beside the change it collides in longer languages ("89 % de l’objectif"). */}
          <text x={12} y={86}>
            {item.progressText}
          </text>
          <rect className="kpikit-north-star__track" x={12} y={94} width={CARD_WIDTH - 24} height={4} rx={2} />
          <rect
            className="kpikit-north-star__fill"
            x={12}
            y={94}
            width={Math.max(0, Math.min(1, progress)) * (CARD_WIDTH - 24)}
            height={4}
            rx={2}
          />
        </g>
      ) : null}
      {item.hasChildren ? (
        <g
          aria-hidden="true"
          className="kpikit-north-star__toggle"
          transform={`translate(${CARD_WIDTH / 2} ${CARD_HEIGHT})`}
          onClick={(event) => {
            event.stopPropagation();
            onToggle();
          }}
        >
          <circle r={8} />
          <text dy="0.35em" textAnchor="middle">
            {item.collapsed ? '+' : '−'}
          </text>
        </g>
      ) : null}
    </g>
  );
}

function WhatIfPanel({ model }: { readonly model: NorthStarTreeModel }): ReactNode {
  const { fmt } = model;
  return (
    <section className="kpikit-north-star__what-if" aria-label={fmt.t('northStar.whatIfTitle')}>
      <div className="kpikit-north-star__what-if-head">
        <span>{fmt.t('northStar.whatIfTitle')}</span>
        <button type="button" className="kpikit-north-star__button" onClick={model.resetOverrides}>
          {fmt.t('northStar.reset')}
        </button>
      </div>
      <ol className="kpikit-north-star__leaves">
        {model.leaves.map((leaf) => {
          const name = fmt.t('northStar.valueOf', { label: leaf.label });
          return (
            <li key={leaf.id} data-leaf={leaf.id} data-changed={model.overrides[leaf.id] !== undefined ? 'true' : undefined}>
              <span className="kpikit-north-star__leaf-label">{leaf.label}</span>
              <span className="kpikit-north-star__leaf-impact">{leaf.sensitivityText}</span>
              <span className="kpikit-north-star__leaf-inputs">
                <input
                  type="range"
                  aria-label={name}
                  min={leaf.min}
                  max={leaf.max}
                  step={leaf.step}
                  value={leaf.value}
                  onChange={(event) => {
                    model.setOverride(leaf.id, Number(event.currentTarget.value));
                  }}
                />
                <NumberField
                  label={name}
                  step={leaf.step}
                  value={leaf.value}
                  onCommit={(value) => {
                    model.setOverride(leaf.id, value);
                  }}
                />
                <output>{leaf.valueText}</output>
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** A number input that keeps what is typed (an empty or partial entry) while committing every valid number. */
function NumberField({
  label,
  step,
  value,
  onCommit,
}: {
  readonly label: string;
  readonly step: number;
  readonly value: number;
  readonly onCommit: (value: number) => void;
}): ReactNode {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      type="number"
      aria-label={label}
      step={step}
      value={draft ?? String(value)}
      onChange={(event) => {
        const text = event.currentTarget.value;
        setDraft(text);
        if (text.trim() !== '' && Number.isFinite(Number(text))) onCommit(Number(text));
      }}
      onBlur={() => {
        setDraft(null);
      }}
    />
  );
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

/** A ref for an element and its content width, followed while `observe` (`null` before it is measured, as on the server). */
function useWidth(observe: boolean): [RefObject<HTMLDivElement | null>, number | null] {
  const ref = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!observe || !element) return undefined;
    const read = () => {
      setWidth(element.clientWidth);
    };
    read();
    const observer = new ResizeObserver(read);
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [observe]);
  return [ref, width];
}
