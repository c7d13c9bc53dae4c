import { eventTableFromColumns } from '@kpikit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPUTE_CONTROLS, RANGE_PRESETS, type ComputeControls } from '../src/dashboard/controls';
import { resolveDashboardRange } from '../src/dashboard/range';

// Events on 2024-01-01 … 2024-03-31 UTC (91 days); in Paris the last one, at 23:30 UTC, is on April 1.
const table = eventTableFromColumns({
  userId: ['a', 'a', 'b'],
  name: ['x', 'x', 'x'],
  timestamp: ['2024-01-01T08:00:00Z', '2024-02-15T08:00:00Z', '2024-03-31T23:30:00Z'],
});
const controls = (change: Partial<ComputeControls>): ComputeControls => ({ ...DEFAULT_COMPUTE_CONTROLS, timeZone: 'UTC', ...change });

describe('resolveDashboardRange', () => {
  it('counts presets back from the last local day, with the previous range just before', () => {
    expect(resolveDashboardRange(table, controls({ preset: 'last30' }))).toEqual({
      from: '2024-03-02',
      to: '2024-03-31',
      timeZone: 'UTC',
      days: 30,
      previous: { from: '2024-02-01', to: '2024-03-01' },
      first: '2024-01-01',
      last: '2024-03-31',
    });
  });

  it('follows the zone: the last local day moves with it', () => {
    const paris = resolveDashboardRange(table, controls({ preset: 'last7', timeZone: 'Europe/Paris' }));
    expect([paris.from, paris.to, paris.last]).toEqual(['2024-03-26', '2024-04-01', '2024-04-01']);
  });

  it('has no previous range when the data does not reach back that far', () => {
    const range = resolveDashboardRange(table, controls({ preset: 'last90' }));
    expect([range.from, range.to, range.days]).toEqual(['2024-01-02', '2024-03-31', 90]);
    expect(range.previous).toBeNull();
    expect(resolveDashboardRange(table, controls({ preset: 'all' }))).toMatchObject({ from: '2024-01-01', days: 91, previous: null });
  });

  it('clamps typed dates to the data and puts them in order', () => {
    const range = resolveDashboardRange(table, controls({ preset: 'custom', from: '2024-06-01', to: '2024-02-10' }));
    expect([range.from, range.to]).toEqual(['2024-02-10', '2024-03-31']);
    const empty = resolveDashboardRange(table, controls({ preset: 'custom', from: '', to: 'nonsense' }));
    expect([empty.from, empty.to]).toEqual(['2024-01-01', '2024-03-31']);
  });

  it('always stays within the data, with a previous range of the same length right before', () => {
    const day = fc.integer({ min: 0, max: 120 }).map((n) => new Date(Date.UTC(2023, 11, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.constantFrom(...RANGE_PRESETS),
        day,
        day,
        fc.constantFrom('UTC', 'Asia/Kolkata', 'America/Los_Angeles'),
        (preset, from, to, timeZone) => {
          const range = resolveDashboardRange(table, controls({ preset, from, to, timeZone }));
          const dayOf = (text: string): number => Date.parse(`${text}T00:00:00Z`) / 86_400_000;
          expect(range.from >= range.first && range.to <= range.last && range.from <= range.to).toBe(true);
          expect(dayOf(range.to) - dayOf(range.from) + 1).toBe(range.days);
          if (range.previous) {
            expect(dayOf(range.from) - dayOf(range.previous.to)).toBe(1);
            expect(dayOf(range.previous.to) - dayOf(range.previous.from) + 1).toBe(range.days);
            expect(range.previous.from >= range.first).toBe(true);
          }
        },
      ),
    );
  });
});
