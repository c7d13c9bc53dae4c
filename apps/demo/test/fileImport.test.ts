import { describe, expect, it } from 'vitest';
import { inspectRows } from '../src/worker/fileImport';

describe('inspectRows: whether to read a file at once', () => {
  it('reads at once when every field is found and times carry their offset or are instants', () => {
    expect(inspectRows([{ user_id: 'a', name: 'x', timestamp: '2024-03-01T10:00:00Z' }], []).confirm).toBeNull();
    expect(inspectRows([{ event_type: 'x', user_id: 'a', event_time: '2024-03-01 10:00:00' }], []).confirm).toBeNull();
  });

  it('asks for the zone when a generic file’s times have no offset', () => {
    const inspection = inspectRows([{ user: 'a', event: 'x', time: '2024-03-01 10:00:00' }], []);
    expect(inspection.confirm).toBe('zone');
    expect(inspection.detection.evidence).toContain('times have no offset: read in UTC unless a zone is given');
  });

  it('asks for the columns it could not find, from the header of a file without rows', () => {
    const inspection = inspectRows([], ['who', 'event', 'at']);
    expect(inspection.confirm).toBe('missing-fields');
    expect(inspection.detection.missing).toEqual(['user', 'time']);
  });
});
