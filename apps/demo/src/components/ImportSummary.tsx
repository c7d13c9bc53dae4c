import type { ReactNode } from 'react';
import type { FileSummary } from '../dashboard/types';
import { fill } from '../i18n/strings';
import type { ImportStrings } from '../i18n/importStrings';

/** An instant as `YYYY-MM-DD hh:mm UTC`: the range as the file has it, before any dashboard zone. */
const utcMinute = (ms: number): string => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * What core's importer found in a file: its format (and why), rows, events,
 * users, accounts, time range, the columns that became properties, and how
 * times were read, naming the zone assumed for those without an offset.
 * Every value from the file is shown as text.
 */
export function ImportSummaryList({
  file,
  format,
  t,
}: {
  readonly file: FileSummary;
  readonly format: (n: number) => string;
  readonly t: ImportStrings;
}): ReactNode {
  const { import: summary, detection } = file;
  const detected = detection.format === summary.format;
  const { time } = summary;
  const timeLine =
    time.timeZone === null
      ? fill(t.timesWithOffset, { field: time.field, format: t.timeFormats[time.format] })
      : fill(t.timesInZone, {
          field: time.field,
          format: t.timeFormats[time.format],
          zone: time.timeZone,
          zoneNote: time.timeZoneAssumed ? t.zoneAssumed : t.zoneChosen,
        });
  return (
    <dl className="demo-import__summary" data-testid="import-summary">
      <div>
        <dt>{t.format}</dt>
        <dd data-field="format">
          {t.formats[summary.format]} ({detected ? t.detected : t.chosen})
          {detected && detection.evidence.length > 0 ? (
            <span className="demo-field__hint">{fill(t.evidence, { evidence: detection.evidence.join('; ') })}</span>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{t.rows}</dt>
        <dd data-field="rows">
          {format(summary.rows)}
          {summary.skipped + summary.invalid > 0
            ? ` (${fill(t.rowsDetail, { skipped: format(summary.skipped), rejected: format(summary.invalid) })})`
            : ''}
        </dd>
      </div>
      <div>
        <dt>{t.events}</dt>
        <dd data-field="events">{format(summary.events)}</dd>
      </div>
      <div>
        <dt>{t.users}</dt>
        <dd data-field="users">{format(summary.users)}</dd>
      </div>
      <div>
        <dt>{t.accounts}</dt>
        <dd data-field="accounts">
          {summary.fields.account !== null && summary.accounts > 0
            ? fill(t.accountsFrom, { n: format(summary.accounts), field: summary.fields.account })
            : format(summary.accounts)}
        </dd>
      </div>
      <div>
        <dt>{t.range}</dt>
        <dd data-field="range">{summary.range ? `${utcMinute(summary.range.from)} – ${utcMinute(summary.range.to)}` : t.none}</dd>
      </div>
      <div>
        <dt>{t.properties}</dt>
        <dd data-field="properties">{summary.properties.length > 0 ? summary.properties.join(', ') : t.none}</dd>
      </div>
      <div>
        <dt>{t.times}</dt>
        <dd data-field="times">
          {timeLine}
          {time.dstGaps + time.dstOverlaps > 0 ? (
            <span className="demo-field__hint">{fill(t.dst, { gaps: format(time.dstGaps), overlaps: format(time.dstOverlaps) })}</span>
          ) : null}
        </dd>
      </div>
    </dl>
  );
}
