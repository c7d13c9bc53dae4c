import type { ImportOptions } from '@kpikit/core';
import { useId, useState, type DragEvent, type ReactNode } from 'react';
import type { DemoLocale } from '../dashboard/controls';
import { SAMPLE_OPTIONS } from '../dashboard/sample';
import type { DatasetSummary } from '../dashboard/types';
import { importStringsFor } from '../i18n/importStrings';
import { fill, type DemoStrings } from '../i18n/strings';
import type { FileInspection } from '../worker/fileImport';
import { ImportSettings } from './ImportSettings';
import { ImportSummaryList } from './ImportSummary';
import './import.css';

/**
 * Where the data comes from: the sample, or an events file chosen with the
 * picker or dropped on the panel. For a file: the format found and what was
 * read, the import settings to fix (or, when the worker asks, to confirm
 * before anything is read), and the rows that could not be read, by line
 * (the first 20).
 */
export function DataPanel({
  summary,
  pending,
  busy,
  onFile,
  onSample,
  format,
  locale,
  t,
}: {
  readonly summary: DatasetSummary | null;
  /** A file whose mapping must be confirmed before it is read. */
  readonly pending: FileInspection | null;
  readonly busy: boolean;
  readonly onFile: (file: File, options?: ImportOptions) => void;
  readonly onSample: () => void;
  readonly format: (n: number) => string;
  readonly locale: DemoLocale;
  readonly t: DemoStrings;
}): ReactNode {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  /** The file last chosen, read again when its settings change; a counter resets the settings form per choice. */
  const [chosen, setChosen] = useState<{ file: File; serial: number } | null>(null);
  const it = importStringsFor(locale);
  const choose = (file: File): void => {
    setChosen((c) => ({ file, serial: (c?.serial ?? 0) + 1 }));
    onFile(file);
  };
  const onDrop = (event: DragEvent<HTMLElement>): void => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) choose(file);
  };
  const fileSummary = summary?.source === 'file' ? summary.file : undefined;
  const detection = pending?.detection ?? fileSummary?.detection ?? null;
  const reimport = (options: ImportOptions): void => {
    if (chosen) onFile(chosen.file, options);
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
          accept=".csv,.jsonl,.ndjson,.json,.txt,.parquet,text/csv,application/x-ndjson,application/vnd.apache.parquet"
          aria-describedby={`${inputId}-format`}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) choose(file);
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
      {pending ? (
        <p className="demo-import__confirm" role="status" data-testid="import-confirm">
          <strong>{pending.name}</strong>{' '}
          {pending.confirm === 'missing-fields'
            ? fill(it.confirmMissing, { fields: pending.detection.missing.map((field) => it.fields[field]).join(', ') })
            : it.confirmZone}
        </p>
      ) : null}
      {fileSummary && !pending ? (
        <section className="demo-import" aria-label={it.title}>
          <ImportSummaryList file={fileSummary} format={format} t={it} />
        </section>
      ) : null}
      {detection && chosen ? (
        <ImportSettings
          key={`${chosen.serial}-${pending ? 'pending' : 'read'}`}
          detection={detection}
          options={pending ? null : (fileSummary?.options ?? null)}
          busy={busy}
          open={pending !== null}
          onImport={reimport}
          t={it}
        />
      ) : null}
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
