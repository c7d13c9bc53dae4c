import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActivationCandidates } from './ActivationCandidates';
import { fewUsers, typical } from './activationFixtures';

describe('ActivationCandidates on the server', () => {
  let errors: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    errors = vi.spyOn(console, 'error');
  });
  afterEach(() => {
    expect(errors).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('renders the table and the scatter without a DOM: bars in percent of the cell, the scatter at its fallback width, one tab stop', () => {
    const html = renderToString(<ActivationCandidates data={typical} />);
    expect(html.match(/class="kpikit-activation-candidates__row"/g)).toHaveLength(10);
    expect(html.match(/data-cell="/g)).toHaveLength(10 * 7);
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).toMatch(/class="visx-bar kpikit-activation-candidates__fill" x="0" y="0" width="\d+(\.\d+)?%"/);
    expect(html).toContain('viewBox="0 0 480 220"');
    expect(html.match(/class="visx-group kpikit-activation-candidates__point"/g)).toHaveLength(10);
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('gives its ids from useId, each reference pointing at an element', () => {
    const html = renderToString(
      <>
        <ActivationCandidates data={typical} />
        <ActivationCandidates data={fewUsers} />
      </>,
    );
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const reference of html.matchAll(/aria-(?:labelledby|describedby)="([^"]+)"/g)) expect(ids).toContain(reference[1]);
  });
});
