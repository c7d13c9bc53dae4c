import { act } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fourWeeks } from '../test/activityFixtures';
import { StickinessHistogram } from './StickinessHistogram';

// Let React know that `act` is in use here, as @testing-library/react does for its own renders.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('StickinessHistogram hydration', () => {
  it('hydrates server HTML without a mismatch, then lays out for its width and answers the switch and the keys', async () => {
    const page = (
      <div style={{ width: 420 }}>
        <StickinessHistogram data={fourWeeks} locale="fr" />
      </div>
    );
    const container = document.createElement('div');
    container.innerHTML = renderToString(page);
    document.body.append(container);
    const errors = vi.spyOn(console, 'error');
    const recoverable = vi.fn();
    act(() => {
      hydrateRoot(container, page, { onRecoverableError: recoverable });
    });
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    // Measured after hydration: the plot is as wide as its box, not the server's default.
    const plot = container.querySelector('.kpikit-stickiness-histogram__plot')!;
    expect(plot.getAttribute('width')).toBe(String(container.querySelector('.kpikit-stickiness-histogram__box')!.clientWidth));
    await userEvent.click(container.querySelector('button[data-mode="atLeast"]')!);
    expect(container.querySelector('.kpikit-stickiness-histogram')).toHaveAttribute('data-mode', 'atLeast');
    (container.querySelector('[data-bar="3"]') as SVGElement).focus();
    await userEvent.keyboard('{Home}');
    expect(container.querySelector('.kpikit-stickiness-histogram__readout')).toHaveTextContent(/^Actifs 1 semaine sur 4/);
    container.remove();
    vi.restoreAllMocks();
  });
});
