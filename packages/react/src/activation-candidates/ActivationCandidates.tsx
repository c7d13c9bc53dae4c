import { forwardRef, Fragment, type HTMLAttributes, type ReactNode } from 'react';
import { DataTable } from '../a11y/DataTable';
import { CardHeader, Description, stateBody } from '../internal/Frame';
import { SkeletonBlock } from '../internal/Skeleton';
import { splitProps } from '../internal/splitProps';
import { CandidateScatter } from './CandidateScatter';
import { CandidateTable } from './CandidateTable';
import { useActivationCandidates, type ActivationCandidatesModel, type ActivationCandidatesWidgetOptions } from './useActivationCandidates';

/** Props of {@link ActivationCandidates}: the widget's options and any attribute of its root `div`. */
export interface ActivationCandidatesProps
  extends ActivationCandidatesWidgetOptions, Omit<HTMLAttributes<HTMLDivElement>, keyof ActivationCandidatesWidgetOptions | 'children'> {}

const OPTION_KEYS = [
  'data',
  'unit',
  'eventLabels',
  'pageSize',
  'fewUnits',
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
] as const satisfies readonly (keyof ActivationCandidatesWidgetOptions)[];

/**
 * Activation candidates: which early actions of new users (or accounts) go
 * with their retention. The overall retention as the headline; a reach ×
 * lift scatter of the signals shown; the ranked table with a reach bar and a
 * lift bar from 0 with its 95 % interval as a whisker per row, the retention
 * of those who did and did not, relative lift, recall and how many did it;
 * the top `pageSize` first, more on demand. Pointing at or focusing a row
 * rings its point and the reverse; a readout gives every figure. Notes say
 * how many units were too recent to judge, when there are few to compare,
 * and that an interval crossing 0 is not evidence.
 *
 * Class names: `kpikit-activation-candidates`, `__summary`, `__notes`,
 * `__scatter`, `__point`, `__readout`, `__table`, `__row`, `__signal`,
 * `__reach`, `__lift`, `__whisker`, `__more`; attributes: `data-unit`,
 * `data-candidates`, `data-shown`, `data-censored`, `data-sample`,
 * `data-pairs`, `data-empty` on the root, `data-kind` (`single` | `pair`),
 * `data-direction`, `data-uncertain` and `data-current` on rows and points.
 *
 * @example
 * const result = activationCandidates(table, { days: 7, outcome: { day: 7, days: 7 }, pairs: 4 });
 * <ActivationCandidates data={result} eventLabels={{ invite_teammate: 'Invited a teammate' }} />
 */
export const ActivationCandidates = forwardRef<HTMLDivElement, ActivationCandidatesProps>(function ActivationCandidates(props, ref) {
  const [options, rest] = splitProps(props, OPTION_KEYS);
  const widget = useActivationCandidates(options);
  return (
    <div ref={ref} {...rest} {...widget.rootProps}>
      <CardHeader titleId={widget.titleId} title={widget.label} meta={widget.meta} />
      {stateBody(
        widget,
        <Skeleton />,
        <>
          <Summary widget={widget} />
          {widget.notes.length > 0 ? (
            <ul className="kpikit-activation-candidates__notes">
              {widget.notes.map((note) => (
                <li key={note.kind} data-kind={note.kind}>
                  {note.text}
                </li>
              ))}
            </ul>
          ) : null}
          <CandidateScatter widget={widget} containerRef={widget.scatterRef} />
          {widget.scatterTable ? <DataTable table={widget.scatterTable} /> : null}
          <Readout widget={widget} />
          <CandidateTable widget={widget} />
          <More widget={widget} />
          {widget.uncertaintyNote ? (
            <p className="kpikit-activation-candidates__uncertainty">
              <span className="kpikit-activation-candidates__uncertainty-mark" aria-hidden="true">
                0
              </span>
              {widget.uncertaintyNote}
            </p>
          ) : null}
        </>,
      )}
      {widget.caption && widget.state === 'ready' ? <p className="kpikit-card__caption">{widget.caption}</p> : null}
      <Description id={widget.descriptionId}>{widget.description}</Description>
    </div>
  );
});

function Summary({ widget }: { readonly widget: ActivationCandidatesModel }): ReactNode {
  const { summary } = widget;
  if (!summary) return null;
  return (
    <p className="kpikit-activation-candidates__summary">
      <span className="kpikit-activation-candidates__total">{summary.retentionText}</span>{' '}
      <span className="kpikit-activation-candidates__total-label">{summary.retentionLabel}</span>
      <span className="kpikit-activation-candidates__context">{summary.outcomeText}</span>
      <span className="kpikit-activation-candidates__context">{summary.actionText}</span>
    </p>
  );
}

function Readout({ widget }: { readonly widget: ActivationCandidatesModel }): ReactNode {
  const { readout } = widget;
  return (
    <div id={widget.readoutId} className="kpikit-activation-candidates__readout" data-idle={readout ? undefined : 'true'}>
      {readout ? (
        <>
          <span className="kpikit-activation-candidates__readout-title">{readout.title}</span>
          {readout.lines.map((line, index) => (
            // A space before each line, so that the text reads (and copies) as sentences without the stylesheet too.
            <Fragment key={index}>
              {' '}
              <span className="kpikit-activation-candidates__readout-line">{line}</span>
            </Fragment>
          ))}
        </>
      ) : (
        widget.hint
      )}
    </div>
  );
}

/** "Show 10 more" and "Show the top 10", with how many are shown; absent when every signal fits. */
function More({ widget }: { readonly widget: ActivationCandidatesModel }): ReactNode {
  const { fmt, total, shown, pageSize } = widget;
  if (total <= pageSize) return null;
  const more = Math.min(pageSize, total - shown);
  return (
    <div className="kpikit-activation-candidates__more">
      <span className="kpikit-activation-candidates__shown">
        {fmt.t('activation.shown', { shown: fmt.number(shown), total: fmt.number(total) })}
      </span>
      {more > 0 ? (
        <button type="button" className="kpikit-activation-candidates__more-button" onClick={widget.showMore}>
          {fmt.t('activation.showMore', { count: fmt.number(more) })}
        </button>
      ) : null}
      {shown > pageSize ? (
        <button type="button" className="kpikit-activation-candidates__more-button" onClick={widget.showFewer}>
          {fmt.t('activation.showFewer', { count: fmt.number(pageSize) })}
        </button>
      ) : null}
    </div>
  );
}

/** The summary, the scatter's frame and five rows, in grey. */
function Skeleton(): ReactNode {
  return (
    <div className="kpikit-activation-candidates__skeleton">
      <SkeletonBlock width={180} height={28} />
      <SkeletonBlock width="100%" height={180} />
      {[92, 70, 55, 40, 28].map((share, row) => (
        <div key={row} className="kpikit-activation-candidates__skeleton-row">
          <SkeletonBlock width={`${share}%`} height={14} />
          <SkeletonBlock width={`${share}%`} height={6} />
          <SkeletonBlock width={`${100 - row * 12}%`} height={6} />
        </div>
      ))}
    </div>
  );
}
