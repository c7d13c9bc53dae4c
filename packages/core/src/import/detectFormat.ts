import { isPlainObject } from '../events/rules';
import type { FieldGuess, FormatDetection, ImportFormat, TimeFormat } from './import.types';
import { parseDateTime } from './readTime';

/** Generic column names for each field, in order of preference (compared without case, `_` or `-`). */
const ALIASES = {
  user: ['userid', 'user', 'uid', 'distinctid', 'personid', 'customerid', 'anonymousid', 'deviceid'],
  name: ['name', 'event', 'eventname', 'eventtype', 'action'],
  time: ['timestamp', 'time', 'ts', 'eventtime', 'datetime', 'occurredat', 'createdat', 'date'],
  account: [
    'accountid',
    'account',
    'companyid',
    'company',
    'orgid',
    'org',
    'organizationid',
    'organization',
    'groupid',
    'teamid',
    'workspaceid',
    'workspace',
  ],
} as const;

const squash = (name: string): string => name.toLowerCase().replace(/[_\-\s]/g, '');

const FORMAT_FIELDS: Readonly<Record<Exclude<ImportFormat, 'generic'>, FieldGuess>> = {
  segment: { user: ['userId', 'anonymousId'], name: 'event', time: 'timestamp', timeFormat: 'local', account: 'context.groupId' },
  posthog: { user: ['distinct_id'], name: 'event', time: 'timestamp', timeFormat: 'local', account: '$group_0' },
  amplitude: { user: ['user_id', 'device_id'], name: 'event_type', time: 'event_time', timeFormat: 'local', account: 'groups' },
  mixpanel: {
    user: ['properties.distinct_id'],
    name: 'event',
    time: 'properties.time',
    timeFormat: 'epoch-seconds',
    account: null,
  },
};

/** The fields of a sample: a header's names, or the keys of rows and one level into their objects. */
function fieldsOf(rows: readonly Record<string, unknown>[]): { columns: string[]; values: Map<string, unknown[]> } {
  const values = new Map<string, unknown[]>();
  const note = (field: string, value: unknown): void => {
    let list = values.get(field);
    if (!list) values.set(field, (list = []));
    if (value !== undefined) list.push(value);
  };
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      let value = row[key];
      note(key, value);
      if (typeof value === 'string' && value.startsWith('{')) {
        try {
          value = JSON.parse(value) as unknown;
        } catch {
          continue;
        }
      }
      if (isPlainObject(value)) for (const sub of Object.keys(value)) note(`${key}.${sub}`, (value as Record<string, unknown>)[sub]);
    }
  }
  return { columns: [...values.keys()], values };
}

/** How a sample of times is written, and in words. */
function timeFormatOf(samples: readonly unknown[]): { format: TimeFormat; evidence: string | null } {
  const kinds = new Set<string>();
  for (const value of samples) {
    if (value === null || value === '') continue;
    const number =
      typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : null;
    if (number !== null) kinds.add(Math.abs(number) < 1e11 ? 'seconds' : 'milliseconds');
    else if (value instanceof Date) kinds.add('milliseconds');
    else if (typeof value === 'string') {
      const parsed = parseDateTime(value.trim());
      kinds.add(parsed === null ? 'other' : parsed.offset === null ? 'local' : 'iso');
    } else kinds.add('other');
  }
  if (kinds.size !== 1)
    return { format: 'auto', evidence: kinds.size > 1 ? `times written several ways (${[...kinds].join(', ')})` : null };
  const [kind] = kinds;
  switch (kind) {
    case 'seconds':
      return { format: 'epoch-seconds', evidence: 'times are numbers below 10¹¹: epoch seconds' };
    case 'milliseconds':
      return { format: 'epoch-milliseconds', evidence: 'times are epoch milliseconds' };
    case 'iso':
      return { format: 'iso', evidence: 'times are ISO 8601 with an offset' };
    case 'local':
      return { format: 'local', evidence: 'times have no offset: read in UTC unless a zone is given' };
    default:
      return { format: 'auto', evidence: null };
  }
}

/**
 * Which export a file is, from its header (column names) or its first rows
 * (parsed objects), with the evidence: Amplitude by `event_type` and
 * `event_time`, Mixpanel by `event` with `properties.time` and
 * `properties.distinct_id`, PostHog by `event` with `distinct_id`, Segment by
 * `event` with `type: "track"`, `userId`, `anonymousId` or `messageId`;
 * anything else is generic, its columns guessed by name (`user_id`, `event`,
 * `timestamp`, …) and, from rows, its time format by the values (a guess the
 * evidence states, to confirm before importing).
 *
 * @example
 * detectFormat(['event_type', 'user_id', 'event_time', 'event_properties']).format; // "amplitude"
 * detectFormat([{ user: 'u1', action: 'login', ts: 1709284320 }]).options;
 * // { format: 'generic', mapping: { user: ['user'], name: 'action', time: 'ts', timeFormat: 'epoch-seconds', properties: 'rest' } }
 */
export function detectFormat(sample: readonly string[] | readonly unknown[]): FormatDetection {
  const header = sample.length > 0 && sample.every((item) => typeof item === 'string');
  const rows = header ? [] : (sample.filter(isPlainObject) as Record<string, unknown>[]);
  const { columns, values } = header ? { columns: [...(sample as string[])], values: new Map<string, unknown[]>() } : fieldsOf(rows);
  const has = (field: string): boolean => columns.includes(field);
  const named = (format: Exclude<ImportFormat, 'generic'>, evidence: string[]): FormatDetection => ({
    format,
    evidence,
    fields: FORMAT_FIELDS[format],
    columns,
    missing: [],
    options: { format },
  });

  if (has('event_type') && (has('event_time') || has('amplitude_id') || has('device_id'))) {
    return named('amplitude', [
      '`event_type` names the events',
      ...(has('event_time') ? ['`event_time` times them'] : []),
      ...['amplitude_id', 'device_id', 'event_properties'].filter(has).map((field) => `\`${field}\` is Amplitude's`),
    ]);
  }
  if (has('event') && has('properties.time') && has('properties.distinct_id')) {
    return named('mixpanel', ["`event` with `properties.time` and `properties.distinct_id`: Mixpanel's shape"]);
  }
  if (has('event') && has('distinct_id')) {
    return named('posthog', [
      "`event` with `distinct_id`: PostHog's shape",
      ...['uuid', 'timestamp'].filter(has).map((field) => `\`${field}\` is PostHog's too`),
    ]);
  }
  const track = (values.get('type') ?? []).some((value) => value === 'track');
  const segmentFields = ['userId', 'anonymousId', 'messageId'].filter(has);
  if (has('event') && (track || segmentFields.length > 0) && has('timestamp')) {
    return named('segment', [
      ...(track ? ['`type` is "track": Segment track calls'] : []),
      ...segmentFields.map((field) => `\`${field}\` is Segment's`),
    ]);
  }
  return generic(columns, values, header);
}

function generic(columns: readonly string[], values: ReadonlyMap<string, unknown[]>, header: boolean): FormatDetection {
  const top = columns.filter((column) => !column.includes('.') || !columns.includes(column.slice(0, column.indexOf('.'))));
  const find = (aliases: readonly string[], exclude: readonly string[] = []): string[] =>
    aliases.flatMap((alias) => top.filter((column) => squash(column) === alias && !exclude.includes(column)));
  const user = find(ALIASES.user);
  const name = find(ALIASES.name, user)[0] ?? null;
  const time = find(ALIASES.time, [...user, ...(name === null ? [] : [name])])[0] ?? null;
  const account = find(ALIASES.account, [...user])[0] ?? null;
  const missing = [
    ...(user.length === 0 ? ['user' as const] : []),
    ...(name === null ? ['name' as const] : []),
    ...(time === null ? ['time' as const] : []),
  ];
  const timeFormat = header || time === null ? { format: 'auto' as const, evidence: null } : timeFormatOf(values.get(time) ?? []);
  // Epoch milliseconds and ISO with an offset are both what `auto` reads; keep it unless the rows show something else.
  const format: TimeFormat = timeFormat.format === 'epoch-milliseconds' || timeFormat.format === 'iso' ? 'auto' : timeFormat.format;
  const evidence = [
    "no export format's fields: columns matched by name",
    ...(user.length > 0 ? [`user: ${user.map((c) => `\`${c}\``).join(' or ')}`] : []),
    ...(name !== null ? [`name: \`${name}\``] : []),
    ...(time !== null ? [`time: \`${time}\``] : []),
    ...(account !== null ? [`account: \`${account}\``] : []),
    ...(timeFormat.evidence !== null ? [timeFormat.evidence] : []),
  ];
  const fields: FieldGuess = { user, name, time, timeFormat: format, account };
  return {
    format: 'generic',
    evidence,
    fields,
    columns,
    missing,
    options:
      missing.length > 0
        ? null
        : {
            format: 'generic',
            mapping: { user, name: name!, time: time!, timeFormat: format, ...(account === null ? {} : { account }), properties: 'rest' },
          },
  };
}
