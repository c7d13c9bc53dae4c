import { Bar } from '@visx/shape';
import { Fragment, type ReactNode } from 'react';
import { tokenValue } from '../theme/tokens';
import type { AttributionCellModel, AttributionRowModel } from './attributionModel';
import type { AttributionChartModel } from './useAttributionChart';

const BAR_HEIGHT = 6;
/** The break-even line stands 1 px out of the bar at both ends. */
const SVG_HEIGHT = BAR_HEIGHT + 2;

/** The channel × model table with a bar from zero in each cell, and the readout of the cell pointed at or focused. */
export function AttributionGrid({ chart }: { readonly chart: AttributionChartModel }): ReactNode {
  const { table, fmt, readout } = chart;
  if (!table) return null;
  const unknown = fmt.t('attribution.unknown');
  return (
    <>
      <div className="kpikit-attribution-chart__scroll">
        <table role="grid" className="kpikit-attribution-chart__table" aria-labelledby={chart.titleId} {...chart.gridProps}>
          <thead>
            <tr>
              <th scope="col" className="kpikit-attribution-chart__corner">
                {fmt.t('attribution.channel')}
              </th>
              {chart.showSpend ? (
                <th scope="col" className="kpikit-attribution-chart__spend">
                  {fmt.t('attribution.spend')}
                </th>
              ) : null}
              {table.columns.map((column) => (
                <th key={column.index} scope="col" className="kpikit-attribution-chart__model" data-model={column.index}>
                  <span className="kpikit-attribution-chart__model-name">{column.name}</span>
                  {column.detail ? <span className="kpikit-attribution-chart__model-detail">{column.detail}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.channel ?? '\u0000none'} className="kpikit-attribution-chart__row" data-kind={row.kind}>
                <th scope="row" className="kpikit-attribution-chart__channel">
                  {row.label}
                </th>
                {chart.showSpend ? <SpendCell row={row} unknown={unknown} /> : null}
                {row.cells.map((cell) => (
                  <Cell
                    key={cell.column}
                    cell={cell}
                    active={cell.row === chart.active.row && cell.column === chart.active.column}
                    current={readout !== null && readout.row === cell.row && readout.column === cell.column}
                    readoutId={chart.readoutId}
                    breakEven={table.breakEven}
                    unknown={unknown}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div
        id={chart.readoutId}
        className="kpikit-attribution-chart__readout"
        data-idle={readout ? undefined : 'true'}
        data-costs={chart.hasCosts ? 'true' : undefined}
      >
        {readout ? (
          <>
            <span className="kpikit-attribution-chart__readout-title">{readout.title}</span>
            {readout.lines.map((line, index) => (
              // A space before each line, so that the text reads (and copies) as sentences without the stylesheet too.
              <Fragment key={index}>
                {' '}
                <span className="kpikit-attribution-chart__readout-line">{line.join(' ')}</span>
              </Fragment>
            ))}
          </>
        ) : (
          chart.hint
        )}
      </div>
      {chart.notes.length > 0 ? (
        <ul className="kpikit-attribution-chart__notes">
          {chart.notes.map((note) => (
            <li key={note.kind} data-kind={note.kind}>
              <span className="kpikit-attribution-chart__note-mark" aria-hidden="true">
                {note.kind === 'breakEven' ? '|' : '—'}
              </span>
              {note.text}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** "—" to the eye, "unknown" to a screen reader. */
function Missing({ unknown }: { readonly unknown: string }): ReactNode {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="kpikit-visually-hidden">{unknown}</span>
    </>
  );
}

function SpendCell({ row, unknown }: { readonly row: AttributionRowModel; readonly unknown: string }): ReactNode {
  return (
    <td className="kpikit-attribution-chart__spend" data-missing={row.cost === null ? 'true' : undefined}>
      {row.cost === null ? <Missing unknown={unknown} /> : row.costText}
    </td>
  );
}

interface CellProps {
  readonly cell: AttributionCellModel;
  readonly active: boolean;
  /** The readout speaks of this cell. */
  readonly current: boolean;
  readonly readoutId: string;
  readonly breakEven: number | null;
  readonly unknown: string;
}

function Cell({ cell, active, current, readoutId, breakEven, unknown }: CellProps): ReactNode {
  return (
    <td
      className="kpikit-attribution-chart__cell"
      data-cell={`${cell.row}:${cell.column}`}
      data-missing={cell.missing ?? undefined}
      data-current={current ? 'true' : undefined}
      tabIndex={active ? 0 : -1}
      aria-describedby={current ? readoutId : undefined}
    >
      <span className="kpikit-attribution-chart__value">{cell.value === null ? <Missing unknown={unknown} /> : cell.text}</span>
      <svg className="kpikit-attribution-chart__bar" width="100%" height={SVG_HEIGHT} aria-hidden="true" focusable="false">
        {cell.value === null ? null : <CellBar share={cell.share} breakEven={breakEven} />}
      </svg>
    </td>
  );
}

/** An unknown figure has no bar at all (not even the track), so that it never reads as a zero. */
function CellBar({ share, breakEven }: { readonly share: number; readonly breakEven: number | null }): ReactNode {
  return (
    <>
      <Bar
        className="kpikit-attribution-chart__track"
        x={0}
        y={1}
        width="100%"
        height={BAR_HEIGHT}
        rx={1}
        fill={tokenValue('surfaceMuted')}
      />
      {share > 0 ? (
        <Bar
          className="kpikit-attribution-chart__fill"
          x={0}
          y={1}
          width={`${share * 100}%`}
          height={BAR_HEIGHT}
          rx={1}
          fill={tokenValue('accent')}
        />
      ) : null}
      {breakEven !== null ? (
        <Bar
          className="kpikit-attribution-chart__break-even"
          x={`${breakEven * 100}%`}
          y={0}
          width={1.5}
          height={SVG_HEIGHT}
          // Shifted by its share of its own width, so that it stays inside the bar at both ends.
          transform={`translate(${-1.5 * breakEven} 0)`}
          fill={tokenValue('text')}
        />
      ) : null}
    </>
  );
}
