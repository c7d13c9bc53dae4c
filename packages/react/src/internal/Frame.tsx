import type { ReactNode } from 'react';
import { visuallyHiddenStyle } from '../a11y/visuallyHidden';
import type { WidgetState } from './widgetState';

/** Props of {@link CardHeader}. */
export interface CardHeaderProps {
  readonly titleId: string;
  readonly title: ReactNode;
  /** Small muted text on the right, e.g. `n = 250`. */
  readonly meta?: ReactNode;
}

/** The title row of a card: the figure's accessible name. */
export function CardHeader({ titleId, title, meta }: CardHeaderProps): ReactNode {
  return (
    <div className="kpikit-card__header">
      <span className="kpikit-card__title" id={titleId}>
        {title}
      </span>
      {meta === undefined || meta === null ? null : <span className="kpikit-card__meta">{meta}</span>}
    </div>
  );
}

/** The generated text description of the data, read by screen readers as the figure's description. */
export function Description({ id, children }: { readonly id: string; readonly children: ReactNode }): ReactNode {
  return (
    <p id={id} className="kpikit-description" style={visuallyHiddenStyle}>
      {children}
    </p>
  );
}

/** The error state's body: the host's message inside the kept frame. */
export function ErrorMessage({ children }: { readonly children: ReactNode }): ReactNode {
  return (
    <div className="kpikit-message kpikit-message--error" role="alert">
      <span className="kpikit-message__icon" aria-hidden="true">
        !
      </span>
      <span className="kpikit-message__text">{children}</span>
    </div>
  );
}

/** The empty state's body: what is missing, and why. */
export function EmptyMessage({ title, hint }: { readonly title: ReactNode; readonly hint?: ReactNode }): ReactNode {
  return (
    <div className="kpikit-message kpikit-message--empty">
      <span className="kpikit-message__text">{title}</span>
      {hint ? <span className="kpikit-message__hint">{hint}</span> : null}
    </div>
  );
}

/** What {@link stateBody} reads of a widget's model. */
export interface StateModel {
  readonly state: WidgetState;
  readonly errorContent: ReactNode;
  readonly emptyContent: ReactNode;
  readonly emptyHint?: string | undefined;
}

/**
 * The body of a card in its state: the widget's skeleton while loading, the
 * host's error or the empty message inside the kept frame, else the widget's
 * own content.
 */
export function stateBody(model: StateModel, skeleton: ReactNode, ready: ReactNode): ReactNode {
  switch (model.state) {
    case 'loading':
      return skeleton;
    case 'error':
      return <ErrorMessage>{model.errorContent}</ErrorMessage>;
    case 'empty':
      return <EmptyMessage title={model.emptyContent} hint={model.emptyHint} />;
    default:
      return ready;
  }
}
