import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LocalClock } from '../../src/import/localClock';
import { epochToMs, parseDateTime, TimeReader } from '../../src/import/readTime';
import { at, instantsNear, zoneArb } from '../support/reference';
import { instantsOfWall, intlWall } from './support';

const wallOf = (text: string): number => Date.parse(`${text}Z`);

describe('parseDateTime', () => {
  it.each([
    ['2024-03-01 09:12:00.123000', wallOf('2024-03-01T09:12:00.123'), null],
    ['2024-03-01T09:12:00.123456789+00:00', wallOf('2024-03-01T09:12:00.123'), 0],
    ['2024-03-01T09:12:00Z', wallOf('2024-03-01T09:12:00'), 0],
    ['2024-03-01T09:12:00+0530', wallOf('2024-03-01T09:12:00'), 330 * 60_000],
    ['2024-03-01 09:12:00-05', wallOf('2024-03-01T09:12:00'), -300 * 60_000],
    ['2024-03-01T09:12', wallOf('2024-03-01T09:12:00'), null],
    ['2024-02-29', wallOf('2024-02-29T00:00:00'), null],
  ])('reads %s', (text, wall, offset) => {
    expect(parseDateTime(text)).toEqual({ wall, offset });
  });

  it.each([
    '2023-02-29 10:00:00',
    '2024-13-01 10:00',
    '2024-03-01 24:00:00',
    '2024-03-01 10:60',
    '2024-03-01T10:00:00+24:00',
    'yesterday',
    '1709284320',
  ])('rejects %s', (text) => {
    expect(parseDateTime(text)).toBeNull();
  });
});

describe('epochToMs', () => {
  it('reads seconds exactly to the millisecond, from numbers and digits', () => {
    expect(epochToMs(1709284320.123, 1000)).toBe(1709284320123);
    expect(epochToMs('1709284320.1239', 1000)).toBe(1709284320123);
    expect(epochToMs('-1.5', 1000)).toBe(-1500);
    expect(epochToMs(1709284320123, 1)).toBe(1709284320123);
    expect(epochToMs(' 42 ', 1)).toBe(42);
    expect(epochToMs(10n, 1000)).toBe(10_000);
    expect(epochToMs('12abc', 1)).toBeNaN();
    expect(epochToMs(Number.POSITIVE_INFINITY, 1000)).toBeNaN();
    expect(epochToMs(null, 1)).toBeNaN();
  });

  it('reads any whole-millisecond instant written as decimal seconds back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e12, max: 8.64e12 }), (ms) => {
        expect(epochToMs(ms / 1000, 1000)).toBe(ms);
        expect(epochToMs(String(ms / 1000), 1000)).toBe(ms);
      }),
    );
  });
});

describe('LocalClock: local times in a zone', () => {
  it('moves a time in the spring-forward gap forward by the gap, and says so', () => {
    const clock = new LocalClock('Europe/Paris', 'compatible');
    // 02:30 does not exist on 2024-03-31 in Paris: 03:30 CEST is the same distance past the change.
    expect(clock.toInstant(wallOf('2024-03-31T02:30:00'))).toBe(at('2024-03-31T03:30:00+02:00'));
    expect(clock.kind).toBe('gap');
    expect(clock.toInstant(wallOf('2024-03-31T03:00:00'))).toBe(at('2024-03-31T03:00:00+02:00'));
    expect(clock.kind).toBe('normal');
  });

  it('takes the earlier of a repeated fall-back time', () => {
    const clock = new LocalClock('Europe/Paris', 'compatible');
    expect(clock.toInstant(wallOf('2024-10-27T02:30:00'))).toBe(at('2024-10-27T02:30:00+02:00'));
    expect(clock.kind).toBe('overlap');
    expect(clock.toInstant(wallOf('2024-10-27T03:00:00'))).toBe(at('2024-10-27T03:00:00+01:00'));
    expect(clock.kind).toBe('normal');
  });

  it('rejects both under the reject policy', () => {
    const clock = new LocalClock('America/New_York', 'reject');
    expect(clock.toInstant(wallOf('2024-03-10T02:15:00'))).toBeNaN();
    expect(clock.kind).toBe('gap');
    expect(clock.toInstant(wallOf('2024-11-03T01:15:00'))).toBeNaN();
    expect(clock.kind).toBe('overlap');
    expect(clock.toInstant(wallOf('2024-11-03T03:15:00'))).toBe(at('2024-11-03T03:15:00-05:00'));
  });

  it('agrees with a brute-force reading of Intl in every zone, near every kind of transition', () => {
    fc.assert(
      fc.property(zoneArb, instantsNear(40, 12), fc.integer({ min: 0, max: 3_600_000 }), (zone, instants, shift) => {
        const clock = new LocalClock(zone, 'compatible');
        for (const instant of instants) {
          // A wall time near a real one, rounded to the second (zones' offsets are whole seconds).
          const wall = Math.floor((intlWall(instant, zone) + shift) / 1000) * 1000;
          const candidates = instantsOfWall(wall, zone);
          const got = clock.toInstant(wall);
          if (candidates.length === 1) {
            expect(got).toBe(candidates[0]);
            expect(clock.kind).toBe('normal');
          } else if (candidates.length > 1) {
            expect(got).toBe(candidates[0]);
            expect(clock.kind).toBe('overlap');
          } else {
            // In a gap: the instant read with the offset in force before it, which is after the gap.
            expect(clock.kind).toBe('gap');
            const before = intlWall(got - 86_400_000, zone) - (got - 86_400_000);
            expect(got).toBe(wall - before);
            expect(intlWall(got, zone)).toBeGreaterThan(wall);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('TimeReader', () => {
  it('counts only the rows kept, and reads Mixpanel-style wall-clock seconds in the zone', () => {
    const reader = new TimeReader('epoch-seconds', 'Europe/Paris', 'compatible', true);
    expect(reader.read(wallOf('2024-07-01T12:00:00') / 1000)).toBe(at('2024-07-01T12:00:00+02:00'));
    expect(reader.rowsInZone).toBe(0);
    reader.commit();
    expect(reader.rowsInZone).toBe(1);
  });

  it('in auto mode reads what toEventTable reads, plus digits as epoch ms', () => {
    const reader = new TimeReader('auto', 'UTC', 'compatible');
    expect(reader.read('1709284320123')).toBe(1709284320123);
    expect(reader.read('2024-03-01T09:12:00+01:00')).toBe(at('2024-03-01T08:12:00Z'));
    expect(reader.read('2024-03-01T09:12:00')).toBeNaN();
    expect(reader.read(new Date(5))).toBe(5);
  });
});
