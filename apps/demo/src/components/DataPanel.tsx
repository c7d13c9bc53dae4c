import { useId, useState, type DragEvent, type ReactNode } from 'react';
import { SAMPLE_OPTIONS } from '../dashboard/sample';
import type { DatasetSummary } from '../dashboard/types';
import { fill, type DemoStrings } from '../i18n/strings';

/**
 * Where the data comes from: the sample, or an events file chosen with the
 * picker or dropped on the panel. Rows that could not be read are listed by
 * line (the first 20) under the summary.
 */
export function DataPanel({
  summary,
  busy,
  onFile,
  onSample,
  format,
  t,
}: {
  readonly summary: DatasetSummary | null;
  readonly busy: boolean;
  readonly onFile: (file: File) => void;
  readonly onSample: () => void;
  readonly format: (n: number) => string;
  readonly t: DemoStrings;
}): ReactNode {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent<HTMLElement>): void => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <section
      className="demo-data"
      aria-labelledby={`${inputId}-title`}
      data-dragging={dragging || undefined}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => {
        setDragging(false);
      }}
      onDrop={onDrop}
    >
      <h2 id={`${inputId}-title`} className="demo-section-title">
        {t.data}
      </h2>
      {summary ? (
        <p className="demo-data__summary" data-testid="data-summary">
          <strong>{summary.source === 'sample' ? fill(t.sampleName, { seed: SAMPLE_OPTIONS.seed }) : summary.name}</strong>
          <span>{fill(t.dataSummary, { events: format(summary.events), users: format(summary.users) })}</span>
          {summary.duplicates > 0 ? <span>{fill(t.duplicates, { n: format(summary.duplicates) })}</span> : null}
        </p>
      ) : null}
      <div className="demo-data__actions">
        <label className="demo-button" htmlFor={inputId} aria-disabled={busy || undefined}>
          {t.chooseFile}
        </label>
        <input
          id={inputId}
          className="demo-visually-hidden"
          type="file"
          accept=".csv,.jsonl,.ndjson,.json,.txt,text/csv,application/x-ndjson"
          aria-describedby={`${inputId}-format`}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) onFile(file);
            event.target.value = '';
          }}
        />
        <span className="demo-data__drop">{t.dropHint}</span>
        {summary?.source === 'file' ? (
          <button type="button" className="demo-button demo-button--quiet" onClick={onSample}>
            {t.useSample}
          </button>
        ) : null}
      </div>
      <p id={`${inputId}-format`} className="demo-field__hint">
        {t.fileFormat}
      </p>
      {summary && summary.rejectedRows > 0 ? (
        <div className="demo-data__issues" role="status" data-testid="row-issues">
          <p>{fill(t.rejected, { n: format(summary.rejectedRows) })}</p>
          <ul>
            {summary.issues.map((issue) => (
              <li key={`${issue.line}-${issue.field}`}>
                {fill(t.issueLine, { line: issue.line, field: issue.field, message: issue.message })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
