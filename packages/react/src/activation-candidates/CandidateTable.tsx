import { Bar } from '@visx/shape';
import { Fragment, type ReactNode } from 'react';
import { MISSING } from '../format/number';
import { tokenValue } from '../theme/tokens';
import type { ActivationRowModel, LiftDirection, LiftGeometry } from './candidateModel';
import type { ActivationCandidatesModel } from './useActivationCandidates';

const BAR_HEIGHT = 6;
/** The lift's svg: the whisker's caps stand 3 px out of the bar above and below. */
const LIFT_HEIGHT = BAR_HEIGHT + 6;

/** The ranked signals: an ARIA grid, one tab stop, a reach bar and a lift bar with its interval's whisker per row. */
export function CandidateTable({ widget }: { readonly widget: ActivationCandidatesModel }): ReactNode {
  const { table, fmt } = widget;
  if (!table) return null;
  const unknown = fmt.t('activation.unknown');
  const headers = [
    fmt.t('activation.reach'),
    fmt.t('activation.retention'),
    fmt.t('activation.lift'),
    fmt.t('activation.relativeLift'),
    fmt.t('activation.recall'),
    fmt.t('activation.did'),
  ];
  return (
    <div className="kpikit-activation-candidates__scroll">
      <table role="grid" className="kpikit-activation-candidates__table" aria-labelledby={widget.titleId} {...widget.gridProps}>
        <thead>
          <tr>
            <th scope="col" className="kpikit-activation-candidates__corner">
              {fmt.t('activation.signal')}
            </th>
            {headers.map((header, column) => (
              <th key={column} scope="col" data-column={COLUMN_NAMES[column]}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <Row key={row.candidate.label} row={row} widget={widget} unknown={unknown} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const COLUMN_NAMES = ['reach', 'retention', 'lift', 'relative-lift', 'recall', 'did'] as const;

function Row({
  row,
  widget,
  unknown,
}: {
  readonly row: ActivationRowModel;
  readonly widget: ActivationCandidatesModel;
  readonly unknown: string;
}): ReactNode {
  const current = widget.current === row.index;
  const cell = (column: number) => ({
    'data-cell': `${row.index}:${column}`,
    tabIndex: widget.active.row === row.index && widget.active.column === column ? 0 : -1,
    'aria-describedby': current && widget.readout ? widget.readoutId : undefined,
  });
  return (
    <tr
      className="kpikit-activation-candidates__row"
      data-kind={row.kind}
      data-direction={row.direction}
      data-uncertain={row.uncertain ? 'true' : undefined}
      data-current={current ? 'true' : undefined}
    >
      <th scope="row" className="kpikit-activation-candidates__signal" {...cell(0)}>
        <span className="kpikit-activation-candidates__signal-inner">
          <span className="kpikit-activation-candidates__rank">{widget.fmt.number(row.rank)}</span>
          <span className="kpikit-activation-candidates__name">
            <Breakable text={row.name} />
          </span>
        </span>
      </th>
      <td className="kpikit-activation-candidates__reach" {...cell(1)}>
        <Text text={row.reachText} unknown={unknown} />
        <svg className="kpikit-activation-candidates__bar" width="100%" height={BAR_HEIGHT} aria-hidden="true" focusable="false">
          {row.reachShare === null ? null : <ReachBar share={row.reachShare} />}
        </svg>
      </td>
      <td className="kpikit-activation-candidates__retention" {...cell(2)}>
        {row.retentionText}
      </td>
      <td className="kpikit-activation-candidates__lift" {...cell(3)}>
        <span className="kpikit-activation-candidates__lift-value">
          <Text text={row.liftText} unknown={unknown} />
        </span>
        <svg className="kpikit-activation-candidates__lift-bar" width="100%" height={LIFT_HEIGHT} aria-hidden="true" focusable="false">
          {row.lift ? <LiftBar lift={row.lift} direction={row.direction} uncertain={row.uncertain} /> : null}
        </svg>
        {row.intervalText ? <span className="kpikit-activation-candidates__interval">{row.intervalText}</span> : null}
        {row.uncertain ? <span className="kpikit-visually-hidden">{widget.fmt.t('activation.uncertain')}</span> : null}
      </td>
      <td className="kpikit-activation-candidates__relative" {...cell(4)}>
        <Text text={row.relativeLiftText} unknown={unknown} />
      </td>
      <td className="kpikit-activation-candidates__recall" {...cell(5)}>
        <Text text={row.recallText} unknown={unknown} />
      </td>
      <td className="kpikit-activation-candidates__units" {...cell(6)}>
        {row.unitsText}
      </td>
    </tr>
  );
}

/** Event names as written in code (`connect_integration`, `app.opened`) may break after `_`, `.` and `/`, not inside a word. */
function Breakable({ text }: { readonly text: string }): ReactNode {
  const parts = text.split(/(?<=[_./])(?=.)/);
  if (parts.length < 2) return text;
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 ? <wbr /> : null}
      {part}
    </Fragment>
  ));
}

/** A figure, or "—" to the eye and "unknown" to a screen reader. */
function Text({ text, unknown }: { readonly text: string; readonly unknown: string }): ReactNode {
  if (text !== MISSING) return text;
  return (
    <>
      <span aria-hidden="true">{MISSING}</span>
      <span className="kpikit-visually-hidden">{unknown}</span>
    </>
  );
}

function ReachBar({ share }: { readonly share: number }): ReactNode {
  return (
    <>
      <Bar
        className="kpikit-activation-candidates__track"
        x={0}
        y={0}
        width="100%"
        height={BAR_HEIGHT}
        rx={1}
        fill={tokenValue('surfaceMuted')}
      />
      {share > 0 ? (
        <Bar
          className="kpikit-activation-candidates__fill"
          x={0}
          y={0}
          width={`${share * 100}%`}
          height={BAR_HEIGHT}
          rx={1}
          fill={tokenValue('accent')}
        />
      ) : null}
    </>
  );
}

const percent = (fraction: number) => `${fraction * 100}%`;

const liftFill = (direction: LiftDirection, uncertain: boolean) =>
  uncertain || direction === 'zero' ? tokenValue('neutral') : direction === 'negative' ? tokenValue('negative') : tokenValue('positive');

/** A bar from 0 to the lift, the interval as a whisker across it, and the 0 line. */
function LiftBar({
  lift,
  direction,
  uncertain,
}: {
  readonly lift: LiftGeometry;
  readonly direction: LiftDirection;
  readonly uncertain: boolean;
}): ReactNode {
  const from = Math.min(lift.zero, lift.value);
  const mid = LIFT_HEIGHT / 2;
  return (
    <>
      <Bar
        className="kpikit-activation-candidates__lift-fill"
        x={percent(from)}
        y={mid - BAR_HEIGHT / 2}
        width={percent(Math.abs(lift.value - lift.zero))}
        height={BAR_HEIGHT}
        fill={liftFill(direction, uncertain)}
      />
      <Bar
        className="kpikit-activation-candidates__whisker"
        x={percent(lift.lower)}
        y={mid - 0.75}
        width={percent(Math.max(0, lift.upper - lift.lower))}
        height={1.5}
        fill={tokenValue('text')}
      />
      {[lift.lower, lift.upper].map((at, end) => (
        <Bar
          key={end}
          className="kpikit-activation-candidates__whisker-cap"
          x={percent(at)}
          y={mid - 4}
          width={1.5}
          height={8}
          // Shifted by its share of its own width, so that the caps stay inside the svg at both ends.
          transform={`translate(${-1.5 * at} 0)`}
          fill={tokenValue('text')}
        />
      ))}
      <Bar
        className="kpikit-activation-candidates__zero"
        x={percent(lift.zero)}
        y={0}
        width={1}
        height={LIFT_HEIGHT}
        transform={`translate(${-lift.zero} 0)`}
        fill={tokenValue('textMuted')}
      />
    </>
  );
}
