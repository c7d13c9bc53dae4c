import type { ImportOptions } from '../import.types';
import { TimeReader } from '../readTime';
import type { RowDraft } from '../rowDraft';
import { GroupAccount, readAccount, readName, readTime, readUser, type FormatReader } from './common';

const USER_FIELDS = ['user_id', 'device_id'] as const;

/**
 * Amplitude exports (the Export API's JSON lines): the user is `user_id`, or
 * `device_id` for events before the user was identified (as Segment's
 * `anonymousId`); the name `event_type`; the time `event_time`, which
 * Amplitude writes in UTC without an offset (`2024-03-01 09:12:00.123000`);
 * the properties `event_properties`; the account the one group of `groups`.
 */
export function amplitudeReader(options: ImportOptions, timeZone: string): FormatReader {
  const time = new TimeReader('local', timeZone, options.dst ?? 'compatible');
  const fixed = options.accountFrom ?? null;
  const groups = new GroupAccount('groups');
  return {
    userFields: USER_FIELDS,
    nameField: 'event_type',
    timeField: 'event_time',
    time,
    accountField: () => fixed ?? groups.accountField,
    read(row: Record<string, unknown>, draft: RowDraft): void {
      readUser(draft, [row['user_id'], row['device_id']], USER_FIELDS);
      readName(draft, row['event_type'], 'event_type');
      readTime(draft, time, row['event_time'], 'event_time');
      draft.properties(draft.object(row, 'event_properties'), 'event_properties');
      if (fixed !== null) readAccount(draft, draft.at(row, fixed), fixed);
      else groups.read(draft, draft.object(row, 'groups'));
    },
  };
}
