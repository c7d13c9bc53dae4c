import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importEvents, MAX_ISSUES, toEventTable, type ImportOptions, type KpiEvent, type PropertyValue } from '../../src/index';
import { eventsArb, shuffled, zoneArb } from '../support/reference';
import { decode, instantsOfWall, intlWall, wallText } from './support';

interface Source {
  readonly userId: string;
  readonly name: string;
  readonly timestamp: number;
  readonly plan?: PropertyValue | undefined;
  readonly account?: string | undefined;
  /** A writer's coin: which of a format's equivalent spellings to use. */
  readonly coin: boolean;
}

const sourcesArb: fc.Arbitrary<Source[]> = eventsArb({ maxEvents: 30 }).chain((events) =>
  fc
    .tuple(
      fc.array(fc.constantFrom<string | undefined>('acme', 'globex', undefined), { minLength: events.length, maxLength: events.length }),
      fc.array(fc.boolean(), { minLength: events.length, maxLength: events.length }),
    )
    .map(([accounts, coins]) =>
      events.map((event, i) => ({
        userId: event.userId,
        name: event.name,
        timestamp: event.timestamp as number,
        plan: event.properties?.['plan'],
        account: accounts[i],
        coin: coins[i]!,
      })),
    ),
);

/** Each format: how to write an event in it, what options read it back, and the properties it adds. */
interface FormatCase {
  readonly options: ImportOptions;
  readonly write: (event: Source) => Record<string, unknown>;
  /** Properties besides the plan and the account that the written rows carry. */
  readonly extra?: (event: Source) => Record<string, PropertyValue>;
  /** A field to spoil and its path in an issue. */
  readonly spoil: readonly { readonly path: string; readonly spoil: (row: Record<string, unknown>) => void }[];
}

const props = (event: Source): Record<string, PropertyValue> => (event.plan === undefined ? {} : { plan: event.plan });
const noOffset = (ms: number): string => `${wallText(ms)}000`;

const FORMATS: Readonly<Record<string, FormatCase>> = {
  segment: {
    options: { format: 'segment' },
    write: (e) => ({
      type: 'track',
      ...(e.coin ? { userId: e.userId } : { anonymousId: e.userId }),
      event: e.name,
      timestamp: new Date(e.timestamp).toISOString(),
      properties: props(e),
      context: e.account === undefined ? {} : { groupId: e.account },
      messageId: `m-${e.timestamp}`,
    }),
    spoil: [
      { path: 'timestamp', spoil: (row) => void (row['timestamp'] = 'soon') },
      { path: 'event', spoil: (row) => void (row['event'] = '') },
      { path: 'context.groupId', spoil: (row) => void (row['context'] = { groupId: { id: 1 } }) },
    ],
  },
  posthog: {
    options: { format: 'posthog' },
    write: (e) => ({
      event: e.name,
      distinct_id: e.userId,
      timestamp: e.coin ? noOffset(e.timestamp) : new Date(e.timestamp).toISOString().replace('Z', '+00:00'),
      properties: e.coin ? JSON.stringify(props(e)) : props(e),
      ...(e.account === undefined ? {} : { $group_0: e.account }),
    }),
    spoil: [
      {
        path: 'distinct_id',
        spoil: (row) => {
          delete row['distinct_id'];
        },
      },
      { path: 'timestamp', spoil: (row) => void (row['timestamp'] = 1709284320) },
    ],
  },
  amplitude: {
    options: { format: 'amplitude' },
    write: (e) => ({
      user_id: e.userId,
      device_id: 'device',
      event_type: e.name,
      event_time: noOffset(e.timestamp),
      event_properties: props(e),
      groups: e.account === undefined ? {} : { company: e.coin ? [e.account] : e.account },
      user_properties: { ignored: true },
    }),
    spoil: [
      { path: 'event_time', spoil: (row) => void (row['event_time'] = '2024-02-30 10:00:00') },
      { path: 'event_type', spoil: (row) => void (row['event_type'] = null) },
      { path: 'event_properties.plan', spoil: (row) => void (row['event_properties'] = { plan: Number.NaN }) },
    ],
  },
  mixpanel: {
    options: { format: 'mixpanel', accountFrom: 'properties.company' },
    write: (e) => ({
      event: e.name,
      properties: {
        time: e.coin ? e.timestamp / 1000 : String(e.timestamp / 1000),
        distinct_id: e.userId,
        ...props(e),
        ...(e.account === undefined ? {} : { company: e.account }),
      },
    }),
    extra: (e): Record<string, PropertyValue> => (e.account === undefined ? {} : { company: e.account }),
    spoil: [
      { path: 'properties.time', spoil: (row) => void ((row['properties'] as Record<string, unknown>)['time'] = 'noon') },
      { path: 'properties.distinct_id', spoil: (row) => void ((row['properties'] as Record<string, unknown>)['distinct_id'] = true) },
    ],
  },
  generic: {
    options: { format: 'generic', mapping: { user: 'uid', name: 'evt', time: 'ts', timeFormat: 'epoch-milliseconds', account: 'org' } },
    write: (e) => ({ uid: e.userId, evt: e.name, ts: e.coin ? e.timestamp : String(e.timestamp), org: e.account ?? '', ...props(e) }),
    spoil: [
      { path: 'uid', spoil: (row) => void (row['uid'] = 1.5) },
      { path: 'ts', spoil: (row) => void (row['ts'] = '2024-03-01T10:00:00Z') },
    ],
  },
};

/** The table toEventTable makes of the same events, with the account in `accountId`. */
function reference(sources: readonly Source[], format: FormatCase, timeOf = (e: Source) => e.timestamp) {
  const events: KpiEvent[] = sources.map((e) => ({
    userId: e.userId,
    name: e.name,
    timestamp: timeOf(e),
    properties: { ...props(e), ...(format.extra?.(e) ?? {}), ...(e.account === undefined ? {} : { accountId: e.account }) },
  }));
  return toEventTable(events);
}

describe.each(Object.keys(FORMATS))('importing %s rows', (name) => {
  const format = FORMATS[name]!;

  it('gives the table toEventTable gives of the same events', () => {
    fc.assert(
      fc.property(sourcesArb, (sources) => {
        const { table, summary } = importEvents(sources.map(format.write), format.options);
        const expected = reference(sources, format);
        expect(decode(table)).toEqual(decode(expected));
        expect(summary).toMatchObject({
          rows: sources.length,
          events: expected.length,
          duplicates: sources.length - expected.length,
          users: expected.userIds.length,
          accounts: new Set(sources.flatMap((e) => (e.account === undefined ? [] : [e.account]))).size,
          range: expected.length === 0 ? null : { from: expected.minTime, to: expected.maxTime },
          invalid: 0,
        });
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same table and summary whatever the order of the rows', () => {
    fc.assert(
      fc.property(sourcesArb, fc.integer(), (sources, seed) => {
        const rows = sources.map(format.write);
        const a = importEvents(rows, format.options);
        const b = importEvents(shuffled(rows, seed), format.options);
        expect(decode(b.table)).toEqual(decode(a.table));
        expect({ ...b.summary, properties: [...b.summary.properties].sort(), fields: null }).toEqual({
          ...a.summary,
          properties: [...a.summary.properties].sort(),
          fields: null,
        });
      }),
      { numRuns: 25 },
    );
  });

  it('names every bad cell by row and field, keeping the other rows', () => {
    fc.assert(
      fc.property(
        sourcesArb.filter((sources) => sources.length > 0),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }),
        (sources, picks) => {
          const rows = sources.map(format.write);
          const spoilt = new Map<number, string>();
          for (const [row, which] of picks) {
            const index = row % rows.length;
            if (spoilt.has(index)) continue;
            const spoil = format.spoil[which % format.spoil.length]!;
            spoil.spoil(rows[index]!);
            spoilt.set(index, `rows[${index}].${spoil.path}`);
          }
          const { table, summary } = importEvents(rows, { ...format.options, invalid: 'skip' });
          const paths = [...spoilt].sort((a, b) => a[0] - b[0]).map(([, path]) => path);
          expect(summary.issues.map((issue) => issue.path)).toEqual(paths.slice(0, MAX_ISSUES));
          expect(summary.issueCount).toBe(spoilt.size);
          expect(summary.invalid).toBe(spoilt.size);
          const kept = sources.filter((_, i) => !spoilt.has(i));
          expect(decode(table)).toEqual(decode(reference(kept, format)));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('local times in any zone', () => {
  it('read as the instants they name, the earlier one where a time repeats', () => {
    fc.assert(
      fc.property(sourcesArb, zoneArb, (sources, timeZone) => {
        const format: FormatCase = {
          options: { format: 'generic', timeZone, mapping: { user: 'u', name: 'n', time: 't', timeFormat: 'local', account: 'a' } },
          write: (e) => ({
            u: e.userId,
            n: e.name,
            t: wallText(intlWall(e.timestamp, timeZone), e.coin ? 'T' : ' '),
            a: e.account,
            ...props(e),
          }),
          spoil: [],
        };
        const { table, summary } = importEvents(sources.map(format.write), format.options);
        const expected = reference(sources, format, (e) => instantsOfWall(intlWall(e.timestamp, timeZone), timeZone)[0]!);
        expect(decode(table)).toEqual(decode(expected));
        expect(summary.time).toMatchObject({ timeZone, timeZoneAssumed: false, rowsInZone: sources.length, dstGaps: 0 });
      }),
      { numRuns: 40 },
    );
  });
});
