import type { ReactNode } from 'react';
import type { RetentionGridModel } from './retentionGrid.types';

/** The `%` / counts toggle, the exact / unbounded toggle (given both results), the breakdown selector (given a breakdown) and the legend of the colour scale. */
export function Toggles({ grid }: { readonly grid: RetentionGridModel }): ReactNode {
  const { fmt } = grid;
  return (
    <div className="kpikit-retention-grid__toggles">
      <div className="kpikit-segmented" role="group" aria-label={fmt.t('retention.show')}>
        <button
          type="button"
          aria-pressed={grid.display === 'percent'}
          onClick={() => {
            grid.setDisplay('percent');
          }}
        >
          <span aria-hidden="true">{fmt.t('retention.percent')}</span>
          <span className="kpikit-visually-hidden">{fmt.t('retention.percentLabel')}</span>
        </button>
        <button
          type="button"
          aria-pressed={grid.display === 'count'}
          onClick={() => {
            grid.setDisplay('count');
          }}
        >
          {fmt.t('retention.counts')}
        </button>
      </div>
      {grid.hasModes ? (
        <div className="kpikit-segmented" role="group" aria-label={fmt.t('retention.mode')}>
          <button
            type="button"
            aria-pressed={grid.mode === 'exact'}
            onClick={() => {
              grid.setMode('exact');
            }}
          >
            {fmt.t('retention.exact')}
          </button>
          <button
            type="button"
            aria-pressed={grid.mode === 'unbounded'}
            onClick={() => {
              grid.setMode('unbounded');
            }}
          >
            {fmt.t('retention.unbounded')}
          </button>
        </div>
      ) : null}
      {grid.breakdown ? (
        <label className="kpikit-retention-grid__breakdown">
          <span>{grid.breakdown.label}</span>
          <select
            value={grid.breakdown.value}
            onChange={(event) => {
              grid.setBreakdown(event.target.value);
            }}
          >
            {grid.breakdown.options.map((option) => (
              <option key={option.key} value={option.key}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <span className="kpikit-retention-grid__legend" title={grid.legend.text}>
        <span className="kpikit-visually-hidden">{grid.legend.text}</span>
        <span aria-hidden="true">{grid.legend.min}</span>
        <span className="kpikit-retention-grid__ramp" aria-hidden="true">
          {[0, 1, 2, 3, 4, 5, 6, 7, 8].map((level) => (
            <span key={level} data-level={level} />
          ))}
        </span>
        <span aria-hidden="true">{grid.legend.max}</span>
      </span>
    </div>
  );
}
