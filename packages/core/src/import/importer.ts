import { IssueCollector } from '../errors';
import { EventTableBuilder } from '../events/builder';
import { isPlainObject } from '../events/rules';
import { parseOptions } from '../options/parseOptions';
import type { FormatReader } from './formats/common';
import { amplitudeReader } from './formats/amplitude';
import { genericReader } from './formats/generic';
import { mixpanelReader } from './formats/mixpanel';
import { posthogReader } from './formats/posthog';
import { segmentReader } from './formats/segment';
import { EventBuffer } from './eventBuffer';
import { importOptionsSchema } from './import.schema';
import type { ImportFormat, ImportOptions, ImportResult, ImportSummary, RowOutcome } from './import.types';
import { RowDraft } from './rowDraft';

/** The default event property accounts go into. */
export const DEFAULT_ACCOUNT_PROPERTY = 'accountId';

/** Each format's name, for messages. */
export const FORMAT_NAMES: Readonly<Record<ImportFormat, string>> = {
  segment: 'Segment',
  posthog: 'PostHog',
  amplitude: 'Amplitude',
  mixpanel: 'Mixpanel',
  generic: 'generic',
};

function readerFor(options: ImportOptions, timeZone: string): FormatReader {
  switch (options.format) {
    case 'segment':
      return segmentReader(options, timeZone);
    case 'posthog':
      return posthogReader(options, timeZone);
    case 'amplitude':
      return amplitudeReader(options, timeZone);
    case 'mixpanel':
      return mixpanelReader(options, timeZone);
    case 'generic':
      return genericReader(options, timeZone);
  }
}

/**
 * Reads an analytics export one row at a time into an `EventTable`: rows are
 * checked and encoded as they come ({@link push}), so a file is never held
 * as objects; {@link finish} sorts and de-duplicates them, as
 * `toEventTable` does, and says what was read.
 *
 * Each row is named by its index among the rows pushed: a bad one is
 * reported as `rows[13].event_time`. With `invalid: 'throw'` (the default)
 * `finish` throws a `KpiValidationError` listing the first 20 problems and
 * counting all of them; with `invalid: 'skip'` the valid rows make the table
 * and the summary reports the others the same way.
 */
export class EventImporter {
  private readonly options: ImportOptions;
  private readonly reader: FormatReader;
  private readonly issues: IssueCollector;
  private readonly draft: RowDraft;
  private readonly buffer = new EventBuffer();
  private readonly accounts = new Set<string>();
  private readonly skippedBy: Record<string, number> = {};
  private readonly accountProperty: string;
  private pushed = 0;
  private invalid = 0;
  private skipped = 0;
  private finished = false;

  constructor(options: ImportOptions) {
    this.options = parseOptions(importOptionsSchema, options);
    this.reader = readerFor(this.options, this.options.timeZone ?? 'UTC');
    this.issues = new IssueCollector(`${FORMAT_NAMES[this.options.format]} rows`);
    this.draft = new RowDraft(this.issues, this.options.properties ? new Set(this.options.properties) : null);
    this.accountProperty = this.options.accountProperty ?? DEFAULT_ACCOUNT_PROPERTY;
  }

  /** Rows pushed so far. */
  get rows(): number {
    return this.pushed;
  }

  /** Reads one row (an object, as a JSON or CSV parser gives it) and says what became of it. */
  push(row: unknown): RowOutcome {
    if (this.finished) throw new Error('This importer has finished: create another to import more rows.');
    const draft = this.draft;
    draft.reset(this.pushed++);
    if (!isPlainObject(row)) {
      draft.issue('', 'an object', row);
    } else {
      this.reader.read(row as Record<string, unknown>, draft);
    }
    if (draft.skip !== null) {
      this.skipped += 1;
      this.skippedBy[draft.skip] = (this.skippedBy[draft.skip] ?? 0) + 1;
      return 'skipped';
    }
    if (draft.problems > 0) {
      this.invalid += 1;
      return 'invalid';
    }
    // With `throw`, the table will not be built after a bad row: only check the rest.
    if (this.invalid > 0 && this.options.invalid !== 'skip') return 'event';
    this.reader.time.commit();
    if (draft.account !== null) {
      this.accounts.add(draft.account);
      draft.keys.push(this.accountProperty);
      draft.values.push(draft.account);
    }
    this.buffer.add(draft.userId!, draft.name!, draft.time, draft.keys, draft.values);
    return 'event';
  }

  /**
   * Builds the table and its summary.
   *
   * @throws {KpiValidationError} with `invalid: 'throw'`, when any row was invalid.
   */
  finish(): ImportResult {
    if (this.finished) throw new Error('This importer has already finished.');
    this.finished = true;
    if (this.options.invalid !== 'skip') this.issues.throwIfAny();
    const { buffer, reader } = this;
    const n = buffer.length;
    const builder = new EventTableBuilder(n, 'rows', (i, field) => `rows[${i}].${field}`);
    const { user, name, time, userIds, names } = buffer;
    for (let i = 0; i < n; i++) builder.setUser(i, userIds[user[i]!]);
    builder.placeUsers();
    for (let i = 0; i < n; i++) builder.setRow(i, userIds[user[i]!], names[name[i]!], time[i]);
    for (const [key, column] of buffer.properties) {
      const { codes, values } = column;
      for (let i = 0; i < n; i++) {
        const code = codes[i]!;
        if (code >= 0) builder.setProperty(i, key, values[code]);
      }
    }
    const table = builder.finish();
    const format = reader.time.format;
    const inZone = format === 'local' || reader.time.rowsInZone > 0 || this.options.format === 'mixpanel';
    const summary: ImportSummary = {
      format: this.options.format,
      rows: this.pushed,
      events: table.length,
      duplicates: n - table.length,
      users: table.userIds.length,
      accounts: this.accounts.size,
      range: table.length > 0 ? { from: table.minTime, to: table.maxTime } : null,
      fields: { user: reader.userFields, name: reader.nameField, account: reader.accountField() },
      accountProperty: this.accountProperty,
      properties: [...table.properties.keys()],
      time: {
        format,
        field: reader.timeField,
        timeZone: inZone ? reader.time.timeZone : null,
        timeZoneAssumed: inZone && this.options.timeZone === undefined,
        rowsInZone: reader.time.rowsInZone,
        dstGaps: reader.time.dstGaps,
        dstOverlaps: reader.time.dstOverlaps,
      },
      skipped: this.skipped,
      skippedBy: { ...this.skippedBy },
      invalid: this.invalid,
      issues: [...this.issues.issues],
      issueCount: this.issues.count,
    };
    return { table, summary };
  }
}

/**
 * Starts reading an export of a format, row by row (see {@link EventImporter}).
 *
 * @throws {KpiValidationError} naming each bad option (`options.timeZone`).
 * @example
 * const importer = createImporter({ format: 'amplitude' });
 * for (const line of lines) importer.push(JSON.parse(line));
 * const { table, summary } = importer.finish();
 * summary.time; // { format: 'local', field: 'event_time', timeZone: 'UTC', timeZoneAssumed: true, … }
 */
export function createImporter(options: ImportOptions): EventImporter {
  return new EventImporter(options);
}
