import { northStarTree, type FunnelResult, type RetentionResult } from '@kpikit/core';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FunnelChart, KpiCard, NorthStarTree, NpsGauge, RetentionCohortGrid, StickinessCard } from './index';

const rows = [
  { date: '2024-03-01', dau: 20, wau: 40, mau: 100, stickiness: 0.2 },
  { date: '2024-03-02', dau: 25, wau: 45, mau: 100, stickiness: 0.25 },
];

describe('server rendering', () => {
  let errors: ReturnType<typeof vi.spyOn>;
  let warnings: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    errors = vi.spyOn(console, 'error');
    warnings = vi.spyOn(console, 'warn');
  });
  afterEach(() => {
    expect(errors).not.toHaveBeenCalled();
    expect(warnings).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('renders the gauge with its fixed viewBox, without a DOM', () => {
    const html = renderToString(<NpsGauge data={[10, 9, 9, 7, 3]} previous={10} target={30} />);
    expect(html).toContain('viewBox="0 0 240 144"');
    expect(html).toContain('class="kpikit-nps-gauge__score">+40<');
    expect(html).toContain('data-state="ready"');
  });

  it('renders a sparkline at the fallback width until the browser measures it', () => {
    const html = renderToString(<StickinessCard data={rows} />);
    expect(html).toContain('viewBox="0 0 240 40"');
    expect(html).toContain('role="slider"');
  });

  it('gives every widget its own ids from useId, consistent with its references', () => {
    const html = renderToString(
      <>
        <KpiCard label="A" value={1} />
        <KpiCard label="B" value={2} />
      </>,
    );
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const reference of html.matchAll(/aria-(?:labelledby|describedby)="([^"]+)"/g)) expect(ids).toContain(reference[1]);
  });

  it('renders the retention grid, the funnel and the North Star tree as real markup', () => {
    const retention: RetentionResult = {
      period: 'week',
      periods: 1,
      mode: 'exact',
      from: '2024-01-01',
      to: '2024-01-10',
      timeZone: 'UTC',
      cohorts: [{ start: '2024-01-01', size: 10, counts: [10, 4], rates: [1, 0.4], incomplete: [false, true] }],
      average: [1, 0.4],
    };
    const grid = renderToString(<RetentionCohortGrid data={retention} />);
    expect(grid).toContain('<table');
    expect(grid).toContain('data-incomplete="true"');
    const step = { fromFirst: 1, fromPrevious: 1, dropOff: 0, median: null, mean: null, p90: null, histogram: [] };
    const funnel: FunnelResult = {
      order: 'ordered',
      window: 86_400_000,
      from: null,
      to: null,
      timeZone: 'UTC',
      steps: [
        { ...step, name: 'a', count: 10 },
        { ...step, name: 'b', count: 5, fromFirst: 0.5, fromPrevious: 0.5, dropOff: 5 },
      ],
    };
    expect(renderToString(<FunnelChart data={funnel} />)).toContain('50% of first');
    const tree = northStarTree({
      nodes: [
        { id: 'r', label: 'Root', formula: 'sum', children: ['a', 'b'] },
        { id: 'a', label: 'A', value: 1 },
        { id: 'b', label: 'B', value: 2 },
      ],
    });
    const northStar = renderToString(<NorthStarTree data={tree} />);
    expect(northStar).toContain('role="tree"');
    // The server cannot measure the widget: it renders the tree, which a narrow client turns into an outline.
    expect(northStar).toContain('data-layout="tree"');
  });
});
