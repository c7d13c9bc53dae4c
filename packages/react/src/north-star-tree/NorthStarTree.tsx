import { forwardRef, useState, type HTMLAttributes, type ReactNode } from 'react';
import { CardHeader, Description, EmptyMessage, ErrorMessage } from '../internal/Frame';
import { SkeletonBlock } from '../internal/Skeleton';
import { splitProps } from '../internal/splitProps';
import type { NorthStarLayout } from './cardLayout';
import { LabelTooltip, useLabelTip } from './LabelTooltip';
import { NorthStarCanvas, type CanvasView } from './NorthStarCanvas';
import { NorthStarToolbar } from './NorthStarToolbar';
import { useElementWidth } from './useElementWidth';
import { useNorthStarTree, type NorthStarTreeModel, type NorthStarTreeOptions } from './useNorthStarTree';
import { RootWhatIf, WhatIfPanel } from './WhatIfPanel';

export type { NorthStarLayout } from './cardLayout';

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
 * A label takes two lines, then an ellipsis; hover or focus shows it whole.
 *
 * Class names: `kpikit-north-star`, `__canvas`, `__node`, `__card`,
 * `__label`, `__tooltip`, `__edge`, `__formula`, `__what-if`; attributes: `data-what-if`, on the
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

function Ready({ model, layout }: { readonly model: NorthStarTreeModel; readonly layout: NorthStarLayout }): ReactNode {
  const [box, available] = useElementWidth(layout === 'auto');
  const [view, setView] = useState<CanvasView>({ x: 0, y: 0, k: 1 });
  const tip = useLabelTip();
  const tipLabel = tip.id !== null ? model.nodes.get(tip.id)?.node.label : undefined;
  return (
    <>
      <NorthStarToolbar model={model} setView={setView} />
      <RootWhatIf model={model} />
      <div ref={box} className="kpikit-north-star__layout">
        <NorthStarCanvas model={model} layout={layout} available={available} view={view} setView={setView} tip={tip} />
        {tipLabel !== undefined ? <LabelTooltip tip={tip} label={tipLabel} /> : null}
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
