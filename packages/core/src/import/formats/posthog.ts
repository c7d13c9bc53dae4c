import type { ImportOptions } from '../import.types';
import { TimeReader } from '../readTime';
import { isBlank, type RowDraft } from '../rowDraft';
import { GroupAccount, readAccount, readName, readTime, readUser, type FormatReader } from './common';

const USER_FIELDS = ['distinct_id'] as const;

/**
 * PostHog event exports (JSON, or CSV with a JSON `properties` column or
 * `properties.*` columns): the user is `distinct_id`, the name `event`, the
 * time `timestamp` (ISO 8601, or ClickHouse's `2024-03-01 09:12:00.123000`,
 * read in the zone when it has no offset). The account is `$group_0` (the
 * first group type, at the top or in the properties), else the one group of
 * `$groups`.
 */
export function posthogReader(options: ImportOptions, timeZone: string): FormatReader {
  const time = new TimeReader('local', timeZone, options.dst ?? 'compatible');
  const fixed = options.accountFrom ?? null;
  const groups = new GroupAccount('properties.$groups');
  let groupField: string | null = null;
  return {
    userFields: USER_FIELDS,
    nameField: 'event',
    timeField: 'timestamp',
    time,
    accountField: () => fixed ?? groupField ?? groups.accountField,
    read(row: Record<string, unknown>, draft: RowDraft): void {
      readUser(draft, [row['distinct_id']], USER_FIELDS);
      readName(draft, row['event'], 'event');
      readTime(draft, time, row['timestamp'], 'timestamp');
      const properties = draft.object(row, 'properties');
      draft.properties(properties, 'properties');
      if (fixed !== null) {
        readAccount(draft, draft.at(row, fixed), fixed);
        return;
      }
      const top = row['$group_0'];
      const inner = properties?.['$group_0'];
      if (!isBlank(top) || !isBlank(inner)) {
        groupField ??= isBlank(top) ? 'properties.$group_0' : '$group_0';
        readAccount(draft, isBlank(top) ? inner : top, groupField);
      } else if (groupField === null) {
        groups.read(draft, properties?.['$groups'] ?? row['$groups']);
      }
    },
  };
}
