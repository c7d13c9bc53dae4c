import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AttributionChart } from './AttributionChart';
import { partialCosts } from './attributionFixtures';

describe('AttributionChart on the server', () => {
  let errors: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    errors = vi.spyOn(console, 'error');
  });
  afterEach(() => {
    expect(errors).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('renders the whole table without a DOM: every cell, its bar in percent of the cell, one tab stop', () => {
    const html = renderToString(<AttributionChart data={partialCosts} defaultMetric="returnOnSpend" currency="EUR" />);
    const rows = partialCosts.models[0]!.rows.length;
    expect(html.match(/data-cell="/g)).toHaveLength(rows * 3);
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).toContain('data-metric="returnOnSpend"');
    // Bars need no measuring: their lengths are fractions of the cell.
    expect(html).toMatch(/class="visx-bar kpikit-attribution-chart__fill" x="0" y="1" width="\d+(\.\d+)?%"/);
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('gives its ids from useId, each reference pointing at an element', () => {
    const html = renderToString(
      <>
        <AttributionChart data={partialCosts} />
        <AttributionChart data={partialCosts} />
      </>,
    );
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const reference of html.matchAll(/aria-(?:labelledby|describedby)="([^"]+)"/g)) expect(ids).toContain(reference[1]);
  });
});
