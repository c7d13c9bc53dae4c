import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fourWeeks, thirtyDays } from '../test/activityFixtures';
import { StickinessHistogram } from './StickinessHistogram';

describe('StickinessHistogram on the server', () => {
  let errors: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    errors = vi.spyOn(console, 'error');
  });
  afterEach(() => {
    expect(errors).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('renders every bar without a DOM, at a default width that scales with its box, one tab stop', () => {
    const html = renderToString(<StickinessHistogram data={thirtyDays} />);
    expect(html.match(/data-bar="/g)).toHaveLength(30);
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).toMatch(/viewBox="0 0 560 220"/);
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('gives its ids from useId, each reference pointing at an element', () => {
    const html = renderToString(
      <>
        <StickinessHistogram data={fourWeeks} />
        <StickinessHistogram data={fourWeeks} />
      </>,
    );
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const reference of html.matchAll(/aria-(?:labelledby|describedby)="([^"]+)"|url\(#([^)]+)\)/g)) {
      expect(ids).toContain(reference[1] ?? reference[2]);
    }
  });
});
