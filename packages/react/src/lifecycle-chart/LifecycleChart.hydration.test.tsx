import { act } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { weekly } from '../test/activityFixtures';
import { LifecycleChart } from './LifecycleChart';

// Let React know that `act` is in use here, as @testing-library/react does for its own renders.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('LifecycleChart hydration', () => {
  it('hydrates server HTML without a mismatch, then lays out for its width and answers the keys', async () => {
    const page = (
      <div style={{ width: 420 }}>
        <LifecycleChart data={weekly} locale="fr" />
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
    const plot = container.querySelector('.kpikit-lifecycle-chart__plot')!;
    expect(plot.getAttribute('width')).toBe(String(container.querySelector('.kpikit-lifecycle-chart__box')!.clientWidth));
    await userEvent.tab();
    await userEvent.keyboard('{Home}');
    expect(container.querySelector('.kpikit-lifecycle-chart__readout')).toHaveTextContent(/^Semaine du 1 janv\. 2024/);
    container.remove();
    vi.restoreAllMocks();
  });
});
