import { useState, type ReactNode } from 'react';
import type { NorthStarTreeModel } from './northStarTree.types';

/** The what-if panel: the leaves ranked by impact on the root, each with a slider and a number input, and a reset. */
export function WhatIfPanel({ model }: { readonly model: NorthStarTreeModel }): ReactNode {
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

/** The root before and after the what-if values, and its change, announced as it changes. */
export function RootWhatIf({ model }: { readonly model: NorthStarTreeModel }): ReactNode {
  const { fmt, rootWhatIf } = model;
  if (!model.whatIfMode || !rootWhatIf || !model.tree) return null;
  return (
    <p className="kpikit-north-star__root-what-if" data-sentiment={rootWhatIf.sentiment} role="status">
      {fmt.t('northStar.rootWhatIf', {
        label: model.nodes.get(model.tree.root)?.node.label ?? '',
        before: rootWhatIf.before,
        after: rootWhatIf.after,
      })}{' '}
      <span className="kpikit-north-star__root-change">{rootWhatIf.change}</span>
    </p>
  );
}
