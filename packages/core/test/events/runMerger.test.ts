import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RunMerger } from '../../src/events/runMerger';

describe('RunMerger', () => {
  it('merges sorted runs by (time, name), the earlier run first on a tie', () => {
    // Three runs: rows 0–1, 2–4, 5–6; row ids name where each row came from.
    const time = Float64Array.from([5, 9, 1, 5, 9, 5, 7]);
    const name = Int32Array.from([1, 0, 0, 1, 0, 0, 2]);
    const row = Int32Array.from([0, 1, 2, 3, 4, 5, 6]);
    new RunMerger(time, name, row).merge([0, 2, 5], 7);
    expect(Array.from(row)).toEqual([2, 5, 0, 3, 6, 1, 4]);
    expect(Array.from(time)).toEqual([1, 5, 5, 5, 7, 9, 9]);
  });

  it('equals a stable sort of the runs side by side (property)', () => {
    const runArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(runArb, { minLength: 1, maxLength: 9 }), (runs) => {
        const sorted = runs.map((run) => [...run].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
        const rows = sorted.flat().map(([t, n], id) => ({ t, n, id }));
        const time = Float64Array.from(rows, (r) => r.t);
        const name = Int32Array.from(rows, (r) => r.n);
        const row = Int32Array.from(rows, (r) => r.id);
        const starts: number[] = [];
        let at = 0;
        for (const run of sorted) {
          starts.push(at);
          at += run.length;
        }
        new RunMerger(time, name, row).merge(starts, at);
        const expected = [...rows].sort((a, b) => a.t - b.t || a.n - b.n || a.id - b.id).map((r) => r.id);
        expect(Array.from(row)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
