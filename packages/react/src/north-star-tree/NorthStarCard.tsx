import type { ReactNode } from 'react';
import { CARD_HEIGHT, CARD_WIDTH, LABEL_HEIGHT, LABEL_TOP } from './cardLayout';
import type { NorthStarNodeModel } from './northStarTree.types';

/** Where the lines under the label are measured from. */
const BELOW_LABEL = LABEL_TOP + LABEL_HEIGHT;

/**
 * One metric's card, a treeitem of the tree view: label, value with unit,
 * change, progress to target, and the collapse toggle of a branch. Named by
 * what it shows, described by its target and formula (`describedBy`).
 */
export function NodeCard({
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
      {/*
        HTML in the card, so that a long label wraps to a second line and then ends in an ellipsis. The whole
        label stays in the accessible name, and a tooltip shows it on hover and focus (LabelTooltip).
      */}
      <foreignObject x={12} y={LABEL_TOP} width={CARD_WIDTH - 24} height={LABEL_HEIGHT}>
        <div className="kpikit-north-star__label">{item.node.label}</div>
      </foreignObject>
      <text className="kpikit-north-star__value" x={12} y={BELOW_LABEL + 22}>
        {item.valueText}
      </text>
      {item.changeText ? (
        <text className="kpikit-north-star__change" x={12} y={BELOW_LABEL + 40}>
          {item.changeText}
        </text>
      ) : null}
      {progress !== null ? (
        <g className="kpikit-north-star__progress" data-met={item.node.targetMet ? 'true' : 'false'}>
          {/* A line of its own: beside the change it collides in longer languages ("89 % de l’objectif"). */}
          <text x={12} y={BELOW_LABEL + 58}>
            {item.progressText}
          </text>
          <rect className="kpikit-north-star__track" x={12} y={BELOW_LABEL + 66} width={CARD_WIDTH - 24} height={4} rx={2} />
          <rect
            className="kpikit-north-star__fill"
            x={12}
            y={BELOW_LABEL + 66}
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
