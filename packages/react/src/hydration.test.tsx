import { act } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { KpiCard, NpsGauge, StickinessCard } from './index';

const page = (
  <div style={{ width: 320 }}>
    <NpsGauge data={[10, 9, 9, 7, 3]} previous={10} target={30} locale="fr" />
    <KpiCard label="MRR" value={48200} previous={45600} format="currency" currency="EUR" sparkline={[1, 2, 3]} target={50000} />
    <StickinessCard
      data={[
        { date: '2024-03-01', dau: 20, wau: 40, mau: 100, stickiness: 0.2 },
        { date: '2024-03-02', dau: 25, wau: 45, mau: 100, stickiness: 0.25 },
      ]}
    />
  </div>
);

// Let React know that `act` is in use here, as @testing-library/react does for its own renders.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('hydration', () => {
  it('hydrates server HTML without a mismatch, then measures the sparklines', async () => {
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
    const svg = container.querySelector('.kpikit-stickiness-card .kpikit-sparkline__svg')!;
    // 320 − 2 × 16 padding − 2 × 1 border.
    await expect.poll(() => svg.getAttribute('viewBox')).toBe('0 0 286 40');
    container.remove();
    vi.restoreAllMocks();
  });
});
