import type { ImportOptions } from '../import.types';
import { TimeReader } from '../readTime';
import type { RowDraft } from '../rowDraft';
import { readAccount, readName, readTime, readUser, type FormatReader } from './common';

const USER_FIELDS = ['userId', 'anonymousId'] as const;

/**
 * Segment track calls (the Tracking API's JSON, or a warehouse export with
 * the same names): the user is `userId`, or `anonymousId` before the user was
 * identified; the name `event`; the time `timestamp` (ISO 8601, read in the
 * zone when it has no offset); the properties `properties`; the account
 * `context.groupId`. Calls of another `type` (identify, page, screen, group,
 * alias) are skipped and counted.
 */
export function segmentReader(options: ImportOptions, timeZone: string): FormatReader {
  const time = new TimeReader('local', timeZone, options.dst ?? 'compatible');
  const accountField = options.accountFrom ?? 'context.groupId';
  return {
    userFields: USER_FIELDS,
    nameField: 'event',
    timeField: 'timestamp',
    time,
    accountField: () => accountField,
    read(row: Record<string, unknown>, draft: RowDraft): void {
      const type = row['type'];
      if (type !== undefined && type !== 'track') {
        draft.skip = `${typeof type === 'string' ? type : 'unknown'} call`;
        return;
      }
      readUser(draft, [row['userId'], row['anonymousId']], USER_FIELDS);
      readName(draft, row['event'], 'event');
      readTime(draft, time, row['timestamp'], 'timestamp');
      draft.properties(draft.object(row, 'properties'), 'properties');
      readAccount(draft, draft.at(row, accountField), accountField);
    },
  };
}
