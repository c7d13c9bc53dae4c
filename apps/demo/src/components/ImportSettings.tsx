import type { FormatDetection, ImportFormat, ImportOptions, TimeFormat } from '@kpikit/core';
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { TIME_ZONES } from '../dashboard/controls';
import type { ImportStrings } from '../i18n/importStrings';
import { Field, Select } from './Field';

const FORMATS: readonly ImportFormat[] = ['segment', 'posthog', 'amplitude', 'mixpanel', 'generic'];
const TIME_FORMATS: readonly TimeFormat[] = ['auto', 'epoch-milliseconds', 'epoch-seconds', 'iso', 'local'];

interface Draft {
  readonly format: ImportFormat;
  readonly user: string;
  readonly anonymous: string;
  readonly name: string;
  readonly time: string;
  readonly timeFormat: TimeFormat;
  readonly account: string;
  readonly timeZone: string;
  /** Whether the person chose the zone (else UTC is the default, and the summary says it was assumed). */
  readonly zoneChosen: boolean;
}

/** The form's first state: the options a file was read with, else what detection found. */
function draftOf(detection: FormatDetection, options: ImportOptions | null): Draft {
  const used = options ?? detection.options;
  const mapping = used?.format === 'generic' ? used.mapping : undefined;
  const users = mapping ? (typeof mapping.user === 'string' ? [mapping.user] : mapping.user) : detection.fields.user;
  return {
    format: used?.format ?? detection.format,
    user: users[0] ?? '',
    anonymous: users[1] ?? '',
    name: mapping?.name ?? detection.fields.name ?? '',
    time: mapping?.time ?? detection.fields.time ?? '',
    timeFormat: mapping?.timeFormat ?? detection.fields.timeFormat,
    account: mapping?.account ?? (detection.format === 'generic' ? (detection.fields.account ?? '') : ''),
    timeZone: used?.timeZone ?? 'UTC',
    zoneChosen: used?.timeZone !== undefined,
  };
}

function optionsOf(draft: Draft): ImportOptions {
  const zone = draft.zoneChosen ? { timeZone: draft.timeZone } : {};
  if (draft.format !== 'generic') return { format: draft.format, ...zone };
  return {
    format: 'generic',
    ...zone,
    mapping: {
      user: [draft.user, draft.anonymous].filter((column) => column !== ''),
      name: draft.name,
      time: draft.time,
      timeFormat: draft.timeFormat,
      ...(draft.account === '' ? {} : { account: draft.account }),
      properties: 'rest',
    },
  };
}

/**
 * The mapping a file is read with, for a person to fix: the format, and for
 * a generic file which columns are the user, the name, the time (and how it
 * is written) and the account; the zone of times without an offset.
 */
export function ImportSettings({
  detection,
  options,
  busy,
  open,
  onImport,
  t,
}: {
  readonly detection: FormatDetection;
  /** The options the file was read with, or `null` before it was. */
  readonly options: ImportOptions | null;
  readonly busy: boolean;
  readonly open: boolean;
  readonly onImport: (options: ImportOptions) => void;
  readonly t: ImportStrings;
}): ReactNode {
  const [draft, setDraft] = useState(() => draftOf(detection, options));
  const change = (patch: Partial<Draft>): void => {
    setDraft((d) => ({ ...d, ...patch }));
  };
  const columns = [...new Set([...detection.columns, draft.user, draft.anonymous, draft.name, draft.time, draft.account])].filter(
    (column) => column !== '',
  );
  const zones: readonly string[] = (TIME_ZONES as readonly string[]).includes(draft.timeZone)
    ? TIME_ZONES
    : [draft.timeZone, ...TIME_ZONES];
  const generic = draft.format === 'generic';
  const complete = !generic || (draft.user !== '' && draft.name !== '' && draft.time !== '');
  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    if (complete && !busy) onImport(optionsOf(draft));
  };
  const column = (label: string, value: string, key: keyof Draft, optional: boolean): ReactNode => (
    <Field label={label}>
      {(props) => (
        <select
          {...props}
          name={key}
          value={value}
          required={!optional}
          onChange={(event) => {
            change({ [key]: event.target.value });
          }}
        >
          <option value="">{t.noColumn}</option>
          {columns.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <details className="demo-import__settings" open={open || undefined}>
      <summary>{t.settings}</summary>
      <form className="demo-import__form" onSubmit={submit} data-testid="import-settings">
        <Select
          name="format"
          label={t.format}
          value={draft.format}
          options={FORMATS}
          optionLabel={(format) => t.formats[format]}
          onChange={(format) => {
            change({ format });
          }}
        />
        {generic ? (
          <>
            {column(t.userColumn, draft.user, 'user', false)}
            {column(t.anonymousColumn, draft.anonymous, 'anonymous', true)}
            {column(t.nameColumn, draft.name, 'name', false)}
            {column(t.timeColumn, draft.time, 'time', false)}
            <Select
              name="timeFormat"
              label={t.timeFormat}
              value={draft.timeFormat}
              options={TIME_FORMATS}
              optionLabel={(format) => t.timeFormats[format]}
              onChange={(timeFormat) => {
                change({ timeFormat });
              }}
            />
            {column(t.accountColumn, draft.account, 'account', true)}
          </>
        ) : null}
        <Field label={t.zone} hint={t.zoneHint}>
          {(props) => (
            <select
              {...props}
              name="importTimeZone"
              value={draft.timeZone}
              onChange={(event) => {
                change({ timeZone: event.target.value, zoneChosen: true });
              }}
            >
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="demo-button" disabled={busy || !complete}>
          {t.importAgain}
        </button>
      </form>
    </details>
  );
}
