import { nps, type NpsResult } from '@kpikit/core';
import { render, screen, within } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { darkTheme } from '../theme/theme';
import { NpsGauge } from './NpsGauge';

const spaces = (text: string | null): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const MINUS = '\u2212';

// 5 promoters (9–10), 3 passives (7–8), 2 detractors (0–6): 100 × (5 − 2) / 10 = +30.
const TEN = [10, 10, 9, 9, 9, 8, 7, 7, 3, 0];

/** `count` answers: `promoters` tens, `passives` eights, the rest zeros. */
function answers(promoters: number, passives: number, detractors: number): number[] {
  return [...Array(promoters).fill(10), ...Array(passives).fill(8), ...Array(detractors).fill(0)] as number[];
}

const gauge = (name = 'Net Promoter Score') => screen.getByRole('figure', { name });
const score = () => document.querySelector('.kpikit-nps-gauge__score')?.textContent;

describe('NpsGauge', () => {
  it('shows the score of raw answers large, with its band and n', () => {
    render(<NpsGauge data={TEN} />);
    expect(score()).toBe('+30');
    expect(gauge()).toHaveAttribute('data-state', 'ready');
    expect(gauge()).toHaveAttribute('data-band', 'good');
    expect(screen.getByText('Good')).toBeVisible();
    expect(screen.getByText('n = 10')).toBeVisible();
  });

  it('takes an nps() result as well as raw answers', () => {
    const result: NpsResult = { promoters: 2, passives: 0, detractors: 8, total: 10, score: -60 };
    render(<NpsGauge data={result} />);
    expect(score()).toBe(`${MINUS}60`);
    expect(gauge()).toHaveAttribute('data-band', 'needs-improvement');
    expect(screen.getByText('Needs improvement')).toBeVisible();
  });

  it.each([
    // [promoters, passives, detractors, shown score, band]
    [1, 0, 1, '0', 'good'], // exactly 0 is good
    [100, 49, 101, '0', 'good'], // −0.4 is shown as 0, and its band is the one of the number shown
    [70, 47, 8, '+50', 'excellent'], // 100 × 62 / 125 = 49.6, shown as +50
    [74, 0, 26, '+48', 'good'],
    [0, 0, 40, `${MINUS}100`, 'needs-improvement'],
    [40, 0, 0, '+100', 'excellent'],
  ])('puts %i/%i/%i in the band of the score shown (%s, %s)', (p, m, d, shown, band) => {
    render(<NpsGauge data={answers(p, m, d)} />);
    expect(score()).toBe(shown);
    expect(gauge()).toHaveAttribute('data-band', band);
  });

  it('moves the bands with custom thresholds', () => {
    render(<NpsGauge data={TEN} bands={{ good: 10, excellent: 30 }} />);
    expect(gauge()).toHaveAttribute('data-band', 'excellent');
  });

  it('breaks responses down into detractors, passives and promoters, in words and numbers', () => {
    render(<NpsGauge data={TEN} />);
    const legend = screen.getByRole('list');
    const items = within(legend).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['Detractors20%', 'Passives30%', 'Promoters50%']);
  });

  it('has a data table alternative with counts, shares and the score', () => {
    render(<NpsGauge data={TEN} />);
    const table = screen.getByRole('table', { name: /Net Promoter Score/ });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Group', 'Responses', 'Share'],
      ['Promoters (scores 9–10)', '5', '50%'],
      ['Passives (scores 7–8)', '3', '30%'],
      ['Detractors (scores 0–6)', '2', '20%'],
      ['Net Promoter Score', '10', '+30'],
    ]);
    // Visually hidden, not hidden from assistive technology.
    const wrapper = table.closest('.kpikit-data-table')!;
    expect(wrapper.getBoundingClientRect().width).toBeLessThanOrEqual(1);
    expect(wrapper.getBoundingClientRect().height).toBeLessThanOrEqual(1);
  });

  it('describes its data in a sentence, as the figure’s description', () => {
    render(<NpsGauge data={TEN} previous={24} target={40} />);
    expect(gauge()).toHaveAccessibleDescription(
      'Net Promoter Score +30, Good, from 10 responses: 50% promoters, 30% passives, 20% detractors. ' +
        '95% interval −19 to +65. Up 6 pts from the previous period. Target +40.',
    );
  });

  it('shows the change from the previous period in points, with an arrow', () => {
    const { rerender } = render(<NpsGauge data={TEN} previous={24} />);
    const delta = () => document.querySelector('.kpikit-delta')!;
    expect(delta()).toHaveAttribute('data-trend', 'up');
    expect(delta()).toHaveAttribute('data-sentiment', 'positive');
    expect(delta().textContent).toBe('▲Up 6 pts vs previous period');
    // A previous nps() result works too: 1 promoter, 1 detractor → 0, so +30 is 30 points up.
    rerender(<NpsGauge data={TEN} previous={nps([10, 0])} />);
    expect(delta().textContent).toBe('▲Up 30 pts vs previous period');
    rerender(<NpsGauge data={TEN} previous={45} />);
    expect(delta()).toHaveAttribute('data-sentiment', 'negative');
    expect(delta().textContent).toBe('▼Down 15 pts vs previous period');
    rerender(<NpsGauge data={TEN} previous={30.4} />);
    expect(delta()).toHaveAttribute('data-trend', 'flat');
    expect(delta().textContent).toBe('No change vs previous period');
  });

  it('shows the 95 % interval for small samples only, unless asked', () => {
    // Adjusted Wald by hand for 5/3/2: n' = 13, p = 5.75/13, d = 2.75/13, NPS' = 0.2308,
    // √((p + d − NPS'²)/13) = 0.2149, × 1.96 = 0.4213 → −19.1 … +65.2.
    const { rerender } = render(<NpsGauge data={TEN} />);
    expect(screen.getByText('95% interval −19 to +65')).toBeVisible();
    expect(gauge()).toHaveAttribute('data-small-sample', 'true');
    rerender(<NpsGauge data={TEN} marginOfError={false} />);
    expect(screen.queryByText(/95% interval/, { selector: '.kpikit-nps-gauge__interval-text' })).toBeNull();
    const large = answers(60, 25, 15); // n = 100: not small
    rerender(<NpsGauge data={large} />);
    expect(screen.queryByText(/95% interval/, { selector: '.kpikit-nps-gauge__interval-text' })).toBeNull();
    expect(gauge()).toHaveAttribute('data-small-sample', 'false');
    rerender(<NpsGauge data={large} marginOfError />);
    expect(screen.getByText(/95% interval/, { selector: '.kpikit-nps-gauge__interval-text' })).toBeVisible();
  });

  it('keeps a single answer honest: its interval spans most of the scale', () => {
    // One promoter, adjusted: p = 1.75/4, d = 0.75/4, NPS' = 0.25, √(0.5625/4) = 0.375, × 1.96 = 0.735.
    render(<NpsGauge data={[9]} />);
    expect(score()).toBe('+100');
    expect(screen.getByText('95% interval −48 to +98')).toBeVisible();
  });

  it('marks a target in words', () => {
    render(<NpsGauge data={TEN} target={40} />);
    expect(screen.getByText('Target +40')).toBeVisible();
  });

  it('shows a skeleton while loading, with the title kept', () => {
    render(<NpsGauge data={undefined} loading />);
    expect(gauge()).toHaveAttribute('data-state', 'loading');
    expect(gauge()).toHaveAttribute('aria-busy', 'true');
    expect(gauge()).toHaveAccessibleDescription('Loading…');
    expect(score()).toBeUndefined();
    expect(gauge().querySelectorAll('.kpikit-skeleton').length).toBeGreaterThan(0);
  });

  it('says what is missing when there are no responses', () => {
    render(<NpsGauge data={[]} />);
    expect(gauge()).toHaveAttribute('data-state', 'empty');
    expect(screen.getByText('No responses yet')).toBeVisible();
    expect(screen.getByText('n = 0')).toBeVisible();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the host’s error message in the kept frame', () => {
    render(<NpsGauge data={TEN} error="The survey service did not answer." />);
    expect(gauge()).toHaveAttribute('data-state', 'error');
    expect(screen.getByRole('alert')).toHaveTextContent('The survey service did not answer.');
    expect(score()).toBeUndefined();
  });

  it('turns invalid answers into an error naming the answer, not a crash', () => {
    render(<NpsGauge data={[10, 11, 3]} />);
    expect(screen.getByRole('alert')).toHaveTextContent('scores[1]: expected an integer from 0 to 10, received 11');
  });

  it('rejects a hand-made result with impossible counts', () => {
    render(<NpsGauge data={{ promoters: Number.NaN, passives: 1, detractors: 1, total: 2, score: 0 }} />);
    expect(gauge()).toHaveAttribute('data-state', 'error');
    expect(document.body.textContent).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('speaks French and Traditional Chinese', () => {
    const { unmount } = render(<NpsGauge data={TEN} previous={24} locale="fr" />);
    expect(gauge('Net Promoter Score')).toHaveAttribute('lang', 'fr');
    expect(screen.getByText('Bon')).toBeVisible();
    expect(spaces(screen.getByText('Promoteurs').nextSibling?.textContent ?? null)).toBe('50 %');
    expect(screen.getByText('vs période précédente', { exact: false })).toBeVisible();
    unmount();
    render(<NpsGauge data={TEN} locale="zh-TW" />);
    expect(gauge('淨推薦值')).toHaveAttribute('data-band', 'good');
    expect(screen.getByText('良好')).toBeVisible();
    expect(screen.getByText('推薦者')).toBeVisible();
  });

  it('takes message overrides', () => {
    render(<NpsGauge data={TEN} messages={{ 'nps.title': 'How likely are you to recommend us?', 'nps.band.good': 'Fine' }} />);
    expect(gauge('How likely are you to recommend us?')).toBeVisible();
    expect(screen.getByText('Fine')).toBeVisible();
  });

  it('can be restyled through class names, style, tokens and data attributes', () => {
    const ref = createRef<HTMLDivElement>();
    render(
      <NpsGauge
        ref={ref}
        data={TEN}
        className="host-gauge"
        style={{ maxWidth: 400 }}
        data-testid="gauge"
        theme={{ tokens: { promoter: 'rgb(0, 0, 255)' } }}
      />,
    );
    const root = screen.getByTestId('gauge');
    expect(ref.current).toBe(root);
    expect(root).toHaveClass('kpikit', 'kpikit-card', 'kpikit-nps-gauge', 'host-gauge');
    expect(root.style.maxWidth).toBe('400px');
    const promoters = root.querySelector('.kpikit-nps-gauge__segment[data-group="promoters"]')!;
    expect(getComputedStyle(promoters).backgroundColor).toBe('rgb(0, 0, 255)');
  });

  it('uses page-unique ids, so two gauges never share one', () => {
    render(
      <>
        <NpsGauge data={TEN} label="Product A" />
        <NpsGauge data={TEN} label="Product B" />
      </>,
    );
    const a = gauge('Product A');
    const b = gauge('Product B');
    expect(a.getAttribute('aria-labelledby')).not.toBe(b.getAttribute('aria-labelledby'));
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never collapses: every state keeps a height', () => {
    const { rerender } = render(<NpsGauge data={TEN} />);
    for (const props of [{ data: TEN }, { data: [] }, { data: TEN, loading: true }, { data: TEN, error: 'x' }]) {
      rerender(<NpsGauge {...props} />);
      expect(gauge().getBoundingClientRect().height).toBeGreaterThan(150);
    }
  });

  it('follows the system colour scheme unless a theme forces one', async () => {
    await commands.emulateMedia({ colorScheme: 'dark' });
    try {
      const { rerender } = render(<NpsGauge data={TEN} />);
      expect(getComputedStyle(gauge()).backgroundColor).toBe('rgb(21, 23, 27)');
      rerender(<NpsGauge data={TEN} theme={{ colorScheme: 'light' }} />);
      expect(getComputedStyle(gauge()).backgroundColor).toBe('rgb(255, 255, 255)');
    } finally {
      await commands.emulateMedia({ colorScheme: null });
    }
    render(<NpsGauge data={TEN} theme={darkTheme} label="Forced" />);
    expect(getComputedStyle(gauge('Forced')).backgroundColor).toBe('rgb(21, 23, 27)');
  });

  it('does not animate when reduced motion is asked for', async () => {
    const { unmount } = render(<NpsGauge data={TEN} />);
    const arc = () => document.querySelector('.kpikit-nps-gauge__value-arc')!;
    expect(getComputedStyle(arc()).animationName).toBe('kpikit-fade-in');
    unmount();
    await commands.emulateMedia({ reducedMotion: 'reduce' });
    try {
      render(<NpsGauge data={TEN} />);
      expect(getComputedStyle(arc()).animationName).toBe('none');
    } finally {
      await commands.emulateMedia({ reducedMotion: null });
    }
  });

  it('is not focusable: nothing in it is interactive', () => {
    render(<NpsGauge data={TEN} />);
    expect(gauge().querySelectorAll('[tabindex], button, a, input').length).toBe(0);
  });
});
