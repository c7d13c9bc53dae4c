import { describe, expect, it } from 'vitest';
import { createImporter, importEvents, KpiValidationError, MAX_ISSUES, type ImportOptions } from '../../src/index';
import { at, validationErrorOf } from '../support/reference';
import { decode } from './support';

const skip = { invalid: 'skip' } as const;

describe('Segment track calls', () => {
  it('reads userId, else anonymousId, the event, its time, properties and context.groupId as the account', () => {
    const { table, summary } = importEvents(
      [
        {
          type: 'track',
          userId: 'ana',
          anonymousId: 'anon-1',
          event: 'Order Completed',
          timestamp: '2024-03-01T09:12:00.123Z',
          properties: { revenue: 42.5, coupon: null, product: { sku: 'p1', tags: ['a', 'b'] } },
          context: { groupId: 'acme', ip: '1.2.3.4' },
          messageId: 'm1',
        },
        { type: 'track', anonymousId: 'anon-2', event: 'Viewed', timestamp: '2024-03-01T10:00:00+01:00' },
        { type: 'identify', userId: 'ana', traits: { email: 'a@x' }, timestamp: '2024-03-01T09:00:00Z' },
        { type: 'page', userId: 'ana', name: 'Home', timestamp: '2024-03-01T09:00:00Z' },
      ],
      { format: 'segment' },
    );
    expect(decode(table)).toEqual([
      {
        userId: 'ana',
        name: 'Order Completed',
        time: at('2024-03-01T09:12:00.123Z'),
        properties: { accountId: 'acme', coupon: null, 'product.sku': 'p1', 'product.tags': '["a","b"]', revenue: 42.5 },
      },
      { userId: 'anon-2', name: 'Viewed', time: at('2024-03-01T09:00:00Z'), properties: {} },
    ]);
    expect(summary).toMatchObject({
      format: 'segment',
      rows: 4,
      events: 2,
      users: 2,
      accounts: 1,
      skipped: 2,
      skippedBy: { 'identify call': 1, 'page call': 1 },
      fields: { user: ['userId', 'anonymousId'], name: 'event', account: 'context.groupId' },
      range: { from: at('2024-03-01T09:00:00Z'), to: at('2024-03-01T09:12:00.123Z') },
      // Both times carried an offset: no row was read on the zone's clock.
      time: { format: 'local', field: 'timestamp', timeZone: 'UTC', timeZoneAssumed: true, rowsInZone: 0 },
    });
    expect(summary.properties).toEqual(['revenue', 'coupon', 'product.sku', 'product.tags', 'accountId']);
  });

  it('names the missing user by both fields it reads', () => {
    const error = validationErrorOf(() =>
      importEvents([{ type: 'track', event: 'x', timestamp: '2024-03-01T00:00:00Z' }], { format: 'segment' }),
    );
    expect(error.message).toContain('Invalid Segment rows: 1 problem');
    expect(error.issues[0]).toMatchObject({
      index: 0,
      path: 'rows[0].userId',
      expected: 'a non-empty string or an integer in userId or anonymousId',
    });
  });
});

describe('PostHog exports', () => {
  it('reads JSON properties, ClickHouse times without an offset in the stated zone, and $group_0 as the account', () => {
    const { table, summary } = importEvents(
      [
        {
          event: '$pageview',
          distinct_id: 'u1',
          timestamp: '2024-03-01 09:12:00.123000',
          properties: '{"$browser":"Firefox","$group_0":"acme"}',
        },
        { event: 'signup', distinct_id: 'u2', timestamp: '2024-03-01T09:12:00.000000+00:00', properties: { plan: 'pro' } },
      ],
      { format: 'posthog', timeZone: 'Europe/Paris' },
    );
    expect(decode(table)).toEqual([
      {
        userId: 'u1',
        name: '$pageview',
        time: at('2024-03-01T08:12:00.123Z'),
        properties: { $browser: 'Firefox', $group_0: 'acme', accountId: 'acme' },
      },
      { userId: 'u2', name: 'signup', time: at('2024-03-01T09:12:00Z'), properties: { plan: 'pro' } },
    ]);
    expect(summary.time).toEqual({
      format: 'local',
      field: 'timestamp',
      timeZone: 'Europe/Paris',
      timeZoneAssumed: false,
      rowsInZone: 1,
      dstGaps: 0,
      dstOverlaps: 0,
    });
    expect(summary.fields.account).toBe('properties.$group_0');
  });

  it('reads properties.* columns of a CSV export, and the one group of $groups', () => {
    const { table, summary } = importEvents(
      [
        {
          event: 'login',
          distinct_id: 'u1',
          timestamp: '2024-03-01T09:00:00Z',
          'properties.plan': 'pro',
          'properties.$groups': '{"company":"acme"}',
        },
        { event: 'login', distinct_id: 'u2', timestamp: '2024-03-01T09:00:00Z', 'properties.plan': '' },
      ],
      { format: 'posthog' },
    );
    expect(decode(table).map((row) => row.properties)).toEqual([{ $groups: '{"company":"acme"}', accountId: 'acme', plan: 'pro' }, {}]);
    expect(summary.fields.account).toBe('properties.$groups.company');
  });
});

describe('Amplitude exports', () => {
  it('reads event_time as UTC (Amplitude writes it so) and says the zone was assumed', () => {
    const { table, summary } = importEvents(
      [
        {
          user_id: null,
          device_id: 'dev-9',
          event_type: 'session_start',
          event_time: '2024-03-01 09:12:00.123000',
          event_properties: { source: 'ads', seats: 3 },
          groups: { company: ['acme'] },
          user_properties: { email: 'x@y' },
        },
        { user_id: 'ana', event_type: 'login', event_time: '2024-03-01 10:00:00.000000', event_properties: {}, groups: {} },
      ],
      { format: 'amplitude' },
    );
    expect(decode(table)).toEqual([
      { userId: 'ana', name: 'login', time: at('2024-03-01T10:00:00Z'), properties: {} },
      {
        userId: 'dev-9',
        name: 'session_start',
        time: at('2024-03-01T09:12:00.123Z'),
        properties: { accountId: 'acme', seats: 3, source: 'ads' },
      },
    ]);
    expect(summary.time).toMatchObject({ timeZone: 'UTC', timeZoneAssumed: true, rowsInZone: 2 });
    expect(summary.fields.account).toBe('groups.company');
  });

  it('asks which group type is the account when a row has several', () => {
    const rows = [{ user_id: 'a', event_type: 'x', event_time: '2024-03-01 10:00:00', groups: { company: 'acme', team: 't1' } }];
    const error = validationErrorOf(() => importEvents(rows, { format: 'amplitude' }));
    expect(error.issues[0]!.path).toBe('rows[0].groups');
    expect(error.issues[0]!.expected).toContain('"groups.company", "groups.team"');
    const { table } = importEvents(rows, { format: 'amplitude', accountFrom: 'groups.team', accountProperty: 'team' });
    expect(decode(table)[0]!.properties).toEqual({ team: 't1' });
  });

  it('names the field of a bad time as Amplitude does: rows[13].event_time', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({
      user_id: `u${i}`,
      event_type: 'x',
      event_time: `2024-03-01 10:${String(i).padStart(2, '0')}:00`,
    }));
    rows[13] = { ...rows[13]!, event_time: '2024-03-01T10:13:00 PST' };
    const error = validationErrorOf(() => importEvents(rows, { format: 'amplitude' }));
    expect(error.issues).toEqual([
      {
        index: 13,
        path: 'rows[13].event_time',
        expected: 'a date-time (YYYY-MM-DD hh:mm:ss, read in UTC without an offset)',
        received: '"2024-03-01T10:13:00 PST"',
      },
    ]);
    expect(error.message).toContain('rows[13].event_time: expected a date-time');
  });
});

describe('Mixpanel exports', () => {
  const rows = [
    { event: 'Signed up', properties: { time: 1709284320.5, distinct_id: 'u1', $insert_id: 'i1', company: 'acme', plan: 'pro' } },
    { event: 'Signed up', properties: { time: 1709284380, distinct_id: 42 } },
  ];

  it('reads time in epoch seconds as UTC instants by default', () => {
    const { table, summary } = importEvents(rows, { format: 'mixpanel', accountFrom: 'properties.company' });
    expect(decode(table)).toEqual([
      { userId: '42', name: 'Signed up', time: 1709284380_000, properties: {} },
      {
        userId: 'u1',
        name: 'Signed up',
        time: 1709284320_500,
        properties: { $insert_id: 'i1', accountId: 'acme', company: 'acme', plan: 'pro' },
      },
    ]);
    expect(summary.time).toMatchObject({ format: 'epoch-seconds', field: 'properties.time', timeZone: 'UTC', timeZoneAssumed: true });
  });

  it('reads time on the project clock when given its zone (projects made before 2023)', () => {
    const { table } = importEvents(rows, { format: 'mixpanel', timeZone: 'America/New_York' });
    // 1709284320 s on New York's clock is 2024-03-01 09:12:00 EST = 14:12 UTC.
    expect(table.time[0]).toBe(at('2024-03-01T09:12:00.500-05:00'));
  });

  it('reads flattened CSV columns and milliseconds when told', () => {
    const { table } = importEvents([{ event: 'x', 'properties.time': '1709284320123', 'properties.distinct_id': 'u1' }], {
      format: 'mixpanel',
      timeUnit: 'milliseconds',
    });
    expect(table.time[0]).toBe(1709284320123);
  });
});

describe('the generic mapping', () => {
  it('reads local times on a zone’s clock, moving DST gaps forward and counting them', () => {
    const options: ImportOptions = {
      format: 'generic',
      timeZone: 'Europe/Paris',
      mapping: { user: ['uid', 'anon'], name: 'what', time: 'when', timeFormat: 'local', account: 'org', properties: ['plan'] },
    };
    const { table, summary } = importEvents(
      [
        { uid: 'a', what: 'login', when: '2024-03-31 02:30:00', org: 7, plan: 'pro', noise: 'x' },
        { uid: '', anon: 'b', what: 'login', when: '2024-10-27 02:30:00', org: '' },
        { uid: 'c', what: 'login', when: '2024-10-27 12:00:00+05:00' },
      ],
      options,
    );
    expect(decode(table)).toEqual([
      { userId: 'a', name: 'login', time: at('2024-03-31T03:30:00+02:00'), properties: { accountId: '7', plan: 'pro' } },
      { userId: 'b', name: 'login', time: at('2024-10-27T02:30:00+02:00'), properties: {} },
      { userId: 'c', name: 'login', time: at('2024-10-27T07:00:00Z'), properties: {} },
    ]);
    expect(summary.time).toEqual({
      format: 'local',
      field: 'when',
      timeZone: 'Europe/Paris',
      timeZoneAssumed: false,
      rowsInZone: 2,
      dstGaps: 1,
      dstOverlaps: 1,
    });
    expect(summary).toMatchObject({ accounts: 1, fields: { user: ['uid', 'anon'], name: 'what', account: 'org' } });
  });

  it('rejects DST gaps and overlaps when asked, naming the zone', () => {
    const error = validationErrorOf(() =>
      importEvents([{ u: 'a', n: 'x', t: '2024-03-31T02:30' }], {
        format: 'generic',
        timeZone: 'Europe/Paris',
        dst: 'reject',
        mapping: { user: 'u', name: 'n', time: 't', timeFormat: 'local' },
      }),
    );
    expect(error.issues[0]).toMatchObject({
      path: 'rows[0].t',
      expected: 'a time that exists in Europe/Paris (this one is skipped by a DST change)',
    });
  });

  it('defaults to kpikit’s own shape: userId or user_id, name, timestamp, properties', () => {
    const { table, summary } = importEvents(
      [
        { userId: 'a', name: 'x', timestamp: '2024-03-01T00:00:00Z', properties: { plan: 'pro' } },
        { user_id: 'b', name: 'x', timestamp: 1709251200000, source: 'ads' },
      ],
      { format: 'generic' },
    );
    expect(decode(table).map((row) => row.properties)).toEqual([{ plan: 'pro' }, { source: 'ads' }]);
    expect(summary.time).toMatchObject({ format: 'auto', timeZone: null, timeZoneAssumed: false });
  });

  it('reads epoch seconds and milliseconds, written as numbers or digits', () => {
    const mapping = { user: 'u', name: 'n', time: 't' } as const;
    const read = (timeFormat: 'epoch-seconds' | 'epoch-milliseconds', t: unknown) =>
      importEvents([{ u: 'a', n: 'x', t }], { format: 'generic', mapping: { ...mapping, timeFormat } }).table.time[0];
    expect(read('epoch-seconds', '1709284320')).toBe(1709284320000);
    expect(read('epoch-seconds', 1709284320.25)).toBe(1709284320250);
    expect(read('epoch-milliseconds', '1709284320123')).toBe(1709284320123);
  });
});

describe('bad rows', () => {
  const amplitude = (i: number, event_type: unknown = 'x') => ({ user_id: `u${i}`, event_type, event_time: '2024-03-01 10:00:00' });

  it(`lists at most ${MAX_ISSUES} problems and counts the rest`, () => {
    const rows = Array.from({ length: 30 }, (_, i) => amplitude(i, ''));
    const error = validationErrorOf(() => importEvents(rows, { format: 'amplitude' }));
    expect(error.issues).toHaveLength(MAX_ISSUES);
    expect(error.issueCount).toBe(30);
    expect(error.message).toContain('… and 10 more');
  });

  it('keeps the valid rows with invalid: skip, and reports the others in the summary', () => {
    const importer = createImporter({ format: 'amplitude', ...skip });
    expect(importer.push(amplitude(0))).toBe('event');
    expect(importer.push(amplitude(1, 7))).toBe('invalid');
    expect(importer.push('not a row')).toBe('invalid');
    expect(importer.push({ user_id: 'u3', event_type: 'x', event_time: '2024-03-01 10:00:00', event_properties: { n: Number.NaN } })).toBe(
      'invalid',
    );
    const { table, summary } = importer.finish();
    expect(table.length).toBe(1);
    expect(summary).toMatchObject({ rows: 4, events: 1, invalid: 3, issueCount: 3 });
    expect(summary.issues.map((issue) => issue.path)).toEqual(['rows[1].event_type', 'rows[2]', 'rows[3].event_properties.n']);
  });

  it('rejects properties that are neither an object nor its JSON text', () => {
    const error = validationErrorOf(() => importEvents([{ ...amplitude(0), event_properties: '{not json' }], { format: 'amplitude' }));
    expect(error.issues[0]).toMatchObject({ path: 'rows[0].event_properties', expected: 'an object of properties, or its JSON text' });
  });

  it('rejects bad options by name', () => {
    const error = validationErrorOf(() => createImporter({ format: 'amplitude', timeZone: 'Mars/Olympus' }));
    expect(error.issues[0]!.path).toBe('options.timeZone');
    expect(() => createImporter({ format: 'csv' } as unknown as ImportOptions)).toThrow(KpiValidationError);
  });

  it('refuses rows after finishing', () => {
    const importer = createImporter({ format: 'generic' });
    importer.finish();
    expect(() => importer.push({})).toThrow(/finished/);
  });
});
