import type { ReactNode } from 'react';
import { visuallyHiddenStyle } from './visuallyHidden';

/** The data behind a widget as a table: what a screen reader user browses instead of the picture. */
export interface DataTableModel {
  readonly caption: string;
  readonly columns: readonly string[];
  /** Each row's first cell is its header. */
  readonly rows: readonly (readonly string[])[];
}

/** Props of {@link DataTable}. */
export interface DataTableProps {
  readonly table: DataTableModel;
  /** Show the table instead of hiding it visually (e.g. in a "view as table" toggle of the host). */
  readonly visible?: boolean | undefined;
  readonly className?: string | undefined;
}

/**
 * A data table alternative to a chart, visually hidden by default.
 *
 * @example
 * <DataTable table={{ caption: 'Breakdown', columns: ['Group', 'Share'], rows: [['Promoters', '52%']] }} />
 */
export function DataTable({ table, visible = false, className }: DataTableProps): ReactNode {
  // Hidden through a wrapper: a table ignores `width: 1px` and would still widen the page's scrollable area.
  return (
    <div className={className ? `kpikit-data-table ${className}` : 'kpikit-data-table'} style={visible ? undefined : visuallyHiddenStyle}>
      <table>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th key={c} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={c}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
