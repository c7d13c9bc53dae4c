import type { ColumnMapping, GenericImportOptions } from '../import.types';
import { TimeReader } from '../readTime';
import type { RowDraft } from '../rowDraft';
import { readAccount, readName, readTime, readUser, type FormatReader } from './common';

/** kpikit's own event shape, the generic format's default mapping. */
export const DEFAULT_MAPPING: ColumnMapping = { user: ['userId', 'user_id'], name: 'name', time: 'timestamp', timeFormat: 'auto' };

/**
 * Any file whose columns are named in a {@link ColumnMapping}: which column
 * is the user (or columns, tried in order), the name, the time and its
 * format, the account, and which become properties.
 */
export function genericReader(options: GenericImportOptions, timeZone: string): FormatReader {
  const mapping = options.mapping ?? DEFAULT_MAPPING;
  const userFields = typeof mapping.user === 'string' ? [mapping.user] : [...mapping.user];
  const time = new TimeReader(mapping.timeFormat ?? 'auto', timeZone, options.dst ?? 'compatible');
  const account = mapping.account ?? options.accountFrom ?? null;
  const used = new Set<string>([...userFields, mapping.name, mapping.time, ...(account === null ? [] : [account])]);
  const listed = mapping.properties === undefined || mapping.properties === 'rest' ? null : mapping.properties;
  return {
    userFields,
    nameField: mapping.name,
    timeField: mapping.time,
    time,
    accountField: () => account,
    read(row: Record<string, unknown>, draft: RowDraft): void {
      // One column is the usual case: no list made per row.
      const first = draft.at(row, userFields[0]!);
      if (userFields.length === 1 && typeof first === 'string' && first !== '') draft.userId = first;
      else
        readUser(
          draft,
          userFields.map((field) => draft.at(row, field)),
          userFields,
        );
      readName(draft, draft.at(row, mapping.name), mapping.name);
      readTime(draft, time, draft.at(row, mapping.time), mapping.time);
      if (account !== null) readAccount(draft, draft.at(row, account), account);
      if (listed) {
        for (const column of listed) draft.property(propertyKey(column), draft.at(row, column), column);
        return;
      }
      for (const column in row) {
        if (!Object.hasOwn(row, column) || used.has(column)) continue;
        if (column === 'properties') draft.properties(draft.object(row, 'properties'), 'properties');
        else draft.property(propertyKey(column), row[column], column);
      }
    },
  };
}

/** `properties.plan` is the property `plan`; any other column keeps its name. */
function propertyKey(column: string): string {
  return column.startsWith('properties.') ? column.slice('properties.'.length) : column;
}
