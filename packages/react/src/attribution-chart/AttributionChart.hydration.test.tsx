import { act } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { AttributionChart } from './AttributionChart';
import { partialCosts } from './attributionFixtures';

// Let React know that `act` is in use here, as @testing-library/react does for its own renders.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('AttributionChart hydration', () => {
  it('hydrates server HTML without a mismatch, then answers the switch', async () => {
    const page = (
      <div style={{ width: 480 }}>
        <AttributionChart data={partialCosts} locale="fr" currency="EUR" />
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
    const root = container.querySelector('.kpikit-attribution-chart')!;
    await userEvent.click(container.querySelector('button[data-metric="value"]')!);
    expect(root.getAttribute('data-metric')).toBe('value');
    container.remove();
    vi.restoreAllMocks();
  });
});
