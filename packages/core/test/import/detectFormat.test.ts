import { describe, expect, it } from 'vitest';
import { detectFormat, importEvents } from '../../src/index';

describe('detectFormat', () => {
  it.each([
    ['amplitude', ['user_id', 'device_id', 'event_type', 'event_time', 'event_properties', 'groups']],
    ['mixpanel', ['event', 'properties.time', 'properties.distinct_id', 'properties.$insert_id']],
    ['posthog', ['uuid', 'event', 'distinct_id', 'timestamp', 'properties']],
    ['segment', ['messageId', 'userId', 'anonymousId', 'event', 'timestamp', 'properties']],
  ] as const)('tells %s from its header', (format, header) => {
    const detection = detectFormat(header);
    expect(detection.format).toBe(format);
    expect(detection.evidence.length).toBeGreaterThan(0);
    expect(detection.options).toEqual({ format });
    expect(detection.missing).toEqual([]);
  });

  it('tells each format from its first rows, nested objects included', () => {
    expect(detectFormat([{ event: 'x', properties: { time: 1, distinct_id: 'u' } }]).format).toBe('mixpanel');
    expect(detectFormat([{ type: 'track', event: 'x', userId: 'u', timestamp: '2024-01-01T00:00:00Z' }]).evidence[0]).toBe(
      '`type` is "track": Segment track calls',
    );
    expect(detectFormat([{ event: 'x', distinct_id: 'u', timestamp: 't', properties: '{"$lib":"web"}' }]).format).toBe('posthog');
    expect(detectFormat([{ event_type: 'x', user_id: 'u', event_time: '2024-01-01 00:00:00.000000' }]).format).toBe('amplitude');
  });

  it('maps a generic header by column names, kpikit’s own among them', () => {
    const detection = detectFormat(['User_ID', 'Event Name', 'Occurred-At', 'account_id', 'plan']);
    expect(detection.format).toBe('generic');
    expect(detection.options).toEqual({
      format: 'generic',
      mapping: {
        user: ['User_ID'],
        name: 'Event Name',
        time: 'Occurred-At',
        timeFormat: 'auto',
        account: 'account_id',
        properties: 'rest',
      },
    });
    expect(detection.evidence).toContain('account: `account_id`');
  });

  it('reads the time format off the rows, and states a zone assumed for times without an offset', () => {
    const local = detectFormat([
      { uid: 'a', action: 'x', time: '2024-03-01 10:00:00' },
      { uid: 'b', action: 'x', time: '2024-03-01 11:00:00' },
    ]);
    expect(local.fields).toMatchObject({ user: ['uid'], name: 'action', time: 'time', timeFormat: 'local' });
    expect(local.evidence).toContain('times have no offset: read in UTC unless a zone is given');
    expect(detectFormat([{ user: 'a', event: 'x', ts: '1709284320' }]).fields.timeFormat).toBe('epoch-seconds');
    expect(detectFormat([{ user: 'a', event: 'x', ts: 1709284320123 }]).fields.timeFormat).toBe('auto');
    // Written two ways: `auto`, which rejects the local ones rather than guess their zone.
    expect(
      detectFormat([
        { user: 'a', event: 'x', ts: '2024-03-01T10:00:00Z' },
        { user: 'a', event: 'x', ts: '2024-03-01 10:00' },
      ]).fields.timeFormat,
    ).toBe('auto');
  });

  it('says which fields it could not find', () => {
    const detection = detectFormat(['who', 'what', 'when']);
    expect(detection.missing).toEqual(['user', 'name', 'time']);
    expect(detection.options).toBeNull();
  });

  it('lets importEvents detect the format from the rows', () => {
    const { summary } = importEvents([{ event_type: 'login', user_id: 'ana', event_time: '2024-03-01 10:00:00.000000' }]);
    expect(summary.format).toBe('amplitude');
    expect(summary.time.timeZoneAssumed).toBe(true);
  });
});
