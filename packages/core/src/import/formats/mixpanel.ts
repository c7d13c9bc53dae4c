import type { FormatImportOptions, ImportOptions } from '../import.types';
import { TimeReader } from '../readTime';
import type { RowDraft } from '../rowDraft';
import { readAccount, readName, readTime, readUser, type FormatReader } from './common';

const USER_FIELDS = ['properties.distinct_id'] as const;
/** The properties that are the event's own fields. */
const FIELDS = new Set(['time', 'distinct_id']);

/**
 * Mixpanel exports (the Raw Export API's JSON lines, `{ event, properties }`):
 * the user is `properties.distinct_id`, the name `event`, the time
 * `properties.time` in epoch seconds, and every other property a property.
 * Mixpanel has no standard account field (group keys are ordinary
 * properties): name it with `accountFrom: 'properties.company_id'`.
 *
 * Projects made before 2023 export `time` on the project's clock, not UTC:
 * a `timeZone` option reads it so.
 */
export function mixpanelReader(options: ImportOptions, timeZone: string): FormatReader {
  const unit = (options as FormatImportOptions).timeUnit ?? 'seconds';
  const time = new TimeReader(
    unit === 'seconds' ? 'epoch-seconds' : 'epoch-milliseconds',
    timeZone,
    options.dst ?? 'compatible',
    options.timeZone !== undefined,
  );
  const fixed = options.accountFrom ?? null;
  return {
    userFields: USER_FIELDS,
    nameField: 'event',
    timeField: 'properties.time',
    time,
    accountField: () => fixed,
    read(row: Record<string, unknown>, draft: RowDraft): void {
      const properties = draft.object(row, 'properties');
      readUser(draft, [properties?.['distinct_id']], USER_FIELDS);
      readName(draft, row['event'], 'event');
      readTime(draft, time, properties?.['time'], 'properties.time');
      draft.properties(properties, 'properties', FIELDS);
      if (fixed !== null) readAccount(draft, draft.at(row, fixed), fixed);
    },
  };
}
