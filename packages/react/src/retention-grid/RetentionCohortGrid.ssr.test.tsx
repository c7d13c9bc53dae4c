import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { largeWeekly } from '../test/retentionFixtures';
import { RetentionCohortGrid } from './RetentionCohortGrid';

const count = (html: string, pattern: RegExp): number => html.match(pattern)?.length ?? 0;

describe('RetentionCohortGrid on the server', () => {
  it('renders the first window of a 104 × 104 grid, with the full size for assistive technology', () => {
    const data = largeWeekly();
    const html = renderToString(<RetentionCohortGrid data={data} />);
    // A header row, the average row and 104 cohorts; the cohort column and 104 periods.
    expect(html).toContain('aria-rowcount="106"');
    expect(html).toContain('aria-colcount="105"');
    // The top-left corner of the table, as a desktop-sized view shows it: about a dozen cohorts by fifteen periods, not 5,460 cells.
    const cells = count(html, /data-cell="/g);
    expect(cells).toBeGreaterThan(150);
    expect(cells).toBeLessThan(600);
    expect(html).toContain('data-cell="1:0"');
    expect(html).toContain('>Week 12</th>');
    expect(html).not.toContain('>Week 103</th>');
    expect(html).not.toContain('data-cell="104:0"');
    // The rows and columns left out keep their room.
    expect(html).toContain('kpikit-retention-grid__gap');
  });

  it('renders every cell when windowing is off', () => {
    const data = largeWeekly();
    const html = renderToString(<RetentionCohortGrid data={data} windowing={false} />);
    const all = data.cohorts.reduce((sum, cohort) => sum + cohort.counts.length, 0) + data.average.filter((rate) => rate !== null).length;
    expect(count(html, /data-cell="/g)).toBe(all);
    expect(html).not.toContain('kpikit-retention-grid__gap');
  });
});
