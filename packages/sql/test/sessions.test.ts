import fc from 'fast-check';
import { sessions } from '@kpikit/core';
import type { KpiEvent, SessionsOptions } from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { at, eventsArb, rangeArb, zoneArb } from './support/data';
import { resultsOnEngines, useEngines } from './support/differential';

const engines = useEngines();

const event = (userId: string, iso: string, name = 'page_view'): KpiEvent => ({ userId, name, timestamp: at(iso) });

describe('sessions in SQL: hand-computed', () => {
  it('splits on gaps longer than the inactivity, keeps a gap of exactly it, and counts duplicates once', async () => {
    const events = [
      // u1: 10:00, 10:30 (exactly 30 min: same session), 11:01 (31 min: new session), plus a duplicate of 10:00.
      event('u1', '2024-05-01T10:00:00Z'),
      event('u1', '2024-05-01T10:00:00Z'),
      event('u1', '2024-05-01T10:30:00Z', 'click'),
      event('u1', '2024-05-01T11:01:00Z'),
      // u2: one event, a session lasting 0.
      event('u2', '2024-05-01T12:00:00Z', 'click'),
    ];
    const options: SessionsOptions = { sets: { pages: ['page_view'], clicks: ['click'], none: [] } };
    for (const { result } of await resultsOnEngines(engines(), 'sessions', events, options)) {
      // Sessions: u1 [10:00, 10:30] = 30 min, u1 [11:01] = 0, u2 [12:00] = 0 → durations 0, 0, 1 800 000.
      expect(result).toEqual({
        users: 2,
        sessions: 3,
        events: 4,
        sessionsPerUser: 1.5,
        meanDuration: 600_000,
        medianDuration: 0,
        eventsPerSession: 4 / 3,
        perSession: { pages: 2 / 3, clicks: 2 / 3, none: 0 },
        // Sessions per user: u1 2, u2 1 → mean 1.5, median 1.5, p90 1 + 0.9 × (2 − 1); two bins (ceil(cbrt(2)) = 2).
        sessionsPerUserDistribution: {
          mean: 1.5,
          median: 1.5,
          p90: 1 + 0.9 * 1,
          histogram: [
            { from: 1, to: 1.5, count: 1 },
            { from: 1.5, to: 2, count: 1 },
          ],
        },
      });
    }
  });

  it('reports nulls when no event lies in the range', async () => {
    const events = [event('u1', '2024-05-01T10:00:00Z')];
    for (const { result } of await resultsOnEngines(engines(), 'sessions', events, {
      from: '2024-06-01',
      sets: { pages: ['page_view'] },
    })) {
      expect(result).toEqual({
        users: 0,
        sessions: 0,
        events: 0,
        sessionsPerUser: null,
        meanDuration: null,
        medianDuration: null,
        eventsPerSession: null,
        perSession: { pages: null },
        sessionsPerUserDistribution: { mean: null, median: null, p90: null, histogram: [] },
      });
    }
  });
});

describe('sessions in SQL: the same numbers as core', () => {
  it('on random events, inactivity gaps, sets, zones and ranges', async () => {
    await fc.assert(
      fc.asyncProperty(
        eventsArb({ maxEvents: 60, spanDays: 1, users: 4 }).chain((events) =>
          zoneArb.chain((timeZone) =>
            fc.tuple(
              fc.constant(events),
              fc.constant(timeZone),
              rangeArb(events, timeZone),
              fc.constantFrom(1, 900_000, 1_800_000, 3_600_000, 5_400_000.5),
              fc.dictionary(fc.constantFrom('pages', 'clicks', 'all'), fc.subarray(['a', 'b', 'c', 'z'])),
            ),
          ),
        ),
        async ([events, timeZone, range, inactivity, sets]) => {
          const options: SessionsOptions = { ...range, timeZone, inactivity, sets };
          const expected = sessions(events, options);
          for (const { result } of await resultsOnEngines(engines(), 'sessions', events, options)) expect(result).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});
