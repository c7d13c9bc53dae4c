import { act } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ActivationCandidates } from './ActivationCandidates';
import { manyCandidates } from './activationFixtures';

// Let React know that `act` is in use here, as @testing-library/react does for its own renders.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('ActivationCandidates hydration', () => {
  it('hydrates server HTML without a mismatch, then measures its scatter and shows more', async () => {
    const page = (
      <div style={{ width: 640 }}>
        <ActivationCandidates data={manyCandidates} locale="fr" />
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
    const svg = container.querySelector('.kpikit-activation-candidates__scatter svg')!;
    // Drawn at the server's fallback width first, then at the container's.
    await vi.waitFor(() => {
      expect(svg.getAttribute('viewBox')).toBe(`0 0 ${container.querySelector('.kpikit-activation-candidates__scatter')!.clientWidth} 220`);
    });
    expect(svg.getAttribute('viewBox')).not.toBe('0 0 480 220');
    await userEvent.click(container.querySelector('.kpikit-activation-candidates__more-button')!);
    expect(container.querySelectorAll('.kpikit-activation-candidates__row')).toHaveLength(20);
    container.remove();
    vi.restoreAllMocks();
  });
});
