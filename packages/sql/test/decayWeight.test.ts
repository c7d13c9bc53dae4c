import fc from 'fast-check';
import { DECAY_FLOOR, decayWeight } from '@kpikit/core';
import { describe, expect, it } from 'vitest';
import { dialects } from '../src/dialect/dialects';
import { decayWeight as decayWeightSql } from '../src/metrics/attribution/shares';
import { ParamList } from '../src/query/params';
import { useEngines } from './support/differential';
import { loadEvents } from './support/engines';

const engines = useEngines();

/** Half-lives back from the nearest touch: whole and half ones, the floor and either side of it, tiny ones, and any. */
const samples = (): number[] => {
  const special = [0, -0, -0.5, -1, -1.5, -(2 ** -60), -1e-300, -(1 - 2 ** -53), DECAY_FLOOR, DECAY_FLOOR + 0.5, DECAY_FLOOR - 1e-9, -2000];
  const any = fc.sample(fc.double({ min: -1100, max: 0, noNaN: true }), { numRuns: 2000, seed: 7 });
  const near = fc.sample(fc.double({ min: -8, max: 0, noNaN: true }), { numRuns: 2000, seed: 8 });
  return [...special, ...any, ...near];
};

describe('time_decay weights in SQL', () => {
  it('are core’s decayWeight to the last bit on every engine', async () => {
    const xs = samples();
    const events = xs.map((x, i) => ({ userId: String(i), name: 'touch', timestamp: 0, properties: { dx: x } }));
    for (const engine of engines()) {
      await loadEvents(engine, events, { table: 'weights', properties: [{ key: 'dx', type: 'double' }] });
      const params = new ParamList(dialects[engine.dialect]);
      const weight = decayWeightSql({ params, dialect: dialects[engine.dialect] });
      const sql = [
        `SELECT CAST(id AS ${dialects[engine.dialect].type('bigint')}) AS id, dx, ${weight} AS w`,
        'FROM (SELECT y.*, floor(y.dx) AS dk, y.dx - floor(y.dx) AS df FROM (SELECT "user_id" AS id, "dx" AS dx FROM weights) AS y) AS x',
        'ORDER BY id',
      ].join('\n');
      const rows = await engine.query(sql, params.toParams());
      expect(rows, engine.label).toHaveLength(xs.length);
      const mismatches = rows.filter((row) => {
        const x = xs[Number(row.id)] as number;
        // The value came through the table unchanged (−0 may come back as 0), and weighs what core weighs.
        return Number(row.dx) !== x || !Object.is(Number(row.w), decayWeight(x));
      });
      expect(mismatches.slice(0, 5), engine.label).toEqual([]);
    }
  }, 300_000);
});
