import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KpiCard, NpsGauge, StickinessCard } from './index';

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
});
