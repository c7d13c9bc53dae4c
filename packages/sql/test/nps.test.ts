import fc from 'fast-check';
import { nps } from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { KpiValidationError } from '@kpikit/core';
import { at } from './support/data';
import { runOn, useEngines } from './support/differential';
import { loadScores } from './support/engines';

const engines = useEngines();

describe('nps in SQL', () => {
  it('the contract example: 5 promoters, 3 passives, 2 detractors → 30', async () => {
    for (const engine of engines()) {
      await loadScores(engine, 'survey', [10, 10, 9, 9, 9, 8, 7, 7, 3, 0]);
      expect(await runOn(engine, 'nps', {}, 'survey')).toEqual({ promoters: 5, passives: 3, detractors: 2, total: 10, score: 30 });
    }
  });

  it('returns a null score for no answers', async () => {
    for (const engine of engines()) {
      await loadScores(engine, 'survey', []);
      expect(await runOn(engine, 'nps', {}, 'survey')).toEqual({ promoters: 0, passives: 0, detractors: 0, total: 0, score: null });
    }
  });

  it('counts only answers given on local days in [from, to] when asked', async () => {
    // 22:30 UTC on Mar 31 is Apr 1 in Paris: the 10 is outside March there, inside it in UTC.
    const times = [at('2024-03-05T10:00:00Z'), at('2024-03-31T22:30:00Z'), at('2024-02-28T10:00:00Z')];
    for (const engine of engines()) {
      await loadScores(engine, 'survey', [0, 10, 9], times);
      const march = { from: '2024-03-01', to: '2024-03-31' };
      expect(await runOn(engine, 'nps', { ...march, timeZone: 'Europe/Paris' }, 'survey', { timestampType: 'epoch_ms' })).toEqual(nps([0]));
      expect(await runOn(engine, 'nps', march, 'survey', { timestampType: 'epoch_ms' })).toEqual(nps([0, 10]));
    }
  });

  it('rejects a table holding a score that is not an integer from 0 to 10, as core rejects the score', async () => {
    for (const bad of [7.5, 11, -1, null]) {
      for (const engine of engines()) {
        await loadScores(engine, 'survey', [9, bad]);
        const failure = await runOn(engine, 'nps', {}, 'survey').catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(KpiValidationError);
        expect((failure as KpiValidationError).issues[0]?.path).toBe('table.score');
      }
    }
  });

  it('agrees with core on random answers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 60 }), async (scores) => {
        for (const engine of engines()) {
          await loadScores(engine, 'survey', scores);
          expect(await runOn(engine, 'nps', {}, 'survey')).toEqual(nps(scores));
        }
      }),
      { numRuns: 30 },
    );
  }, 60_000);
});
