import { render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { KpiCard } from './KpiCard';

const spaces = (text: string | null | undefined): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const card = (name: string) => screen.getByRole('figure', { name });
const value = () => document.querySelector('.kpikit-kpi-card__value')?.textContent;
const delta = () => document.querySelector('.kpikit-delta');

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr'];

describe('KpiCard', () => {
  it('shows the value large under its label, formatted in the locale', () => {
    const { rerender } = render(<KpiCard label="MRR" value={48200} format="currency" currency="EUR" />);
    expect(card('MRR')).toHaveAttribute('data-state', 'ready');
    expect(value()).toBe('€48,200');
    rerender(<KpiCard label="MRR" value={48200} format="currency" currency="EUR" locale="fr" />);
    expect(spaces(value())).toBe('48 200 €');
    rerender(<KpiCard label="MRR" value={48200} format="currency" currency="EUR" locale="zh-TW" compact />);
    expect(value()).toBe('€4.8萬');
  });

  it.each([
    ['number', 4.372, '4.37'],
    ['integer', 1204.6, '1,205'],
    ['count', 56789, '56.8K'],
    ['compact', 1_234_567_890, '1.2B'],
    ['percent', 0.075, '7.5%'],
    ['duration', 45 * 60_000, '45 min'],
  ] as const)('formats %s values', (format, input, shown) => {
    render(<KpiCard label="Metric" value={input} format={format} />);
    expect(value()).toBe(shown);
  });

  it('takes a formatting function', () => {
    render(<KpiCard label="CSAT" value={4.37} format={(v, f) => `${f.number(v, { maximumFractionDigits: 1 })} / 5`} />);
    expect(value()).toBe('4.4 / 5');
  });

  it('shows a rise as good by default, with an arrow and the relative change', () => {
    render(<KpiCard label="Signups" value={110} previous={100} />);
    // (110 − 100) / 100 = 10 %.
    expect(delta()).toHaveAttribute('data-trend', 'up');
    expect(delta()).toHaveAttribute('data-sentiment', 'positive');
    expect(delta()!.textContent).toBe('▲Up 10% vs previous period');
    expect(card('Signups')).toHaveAttribute('data-sentiment', 'positive');
  });

  it('knows when down is good: a fall in churn is positive, in percentage points', () => {
    render(<KpiCard label="Churn" value={0.021} previous={0.025} format="percent" goodDirection="down" />);
    // 2.1 % − 2.5 % = −0.4 percentage points.
    expect(delta()).toHaveAttribute('data-trend', 'down');
    expect(delta()).toHaveAttribute('data-sentiment', 'positive');
    expect(delta()!.textContent).toBe('▼Down 0.4 pts vs previous period');
    expect(getComputedStyle(delta()!).color).toBe('rgb(19, 122, 70)');
  });

  it('colours a bad change with the negative colour, and says so in words too', () => {
    render(<KpiCard label="Response time" value={1300} previous={1000} format="duration" goodDirection="down" />);
    expect(delta()).toHaveAttribute('data-sentiment', 'negative');
    expect(getComputedStyle(delta()!).color).toBe('rgb(194, 54, 31)');
    expect(card('Response time')).toHaveAccessibleDescription('Response time: 1 s. Up 30% from the previous period.');
  });

  it('reads a change that rounds to nothing as no change, in neutral colour', () => {
    render(<KpiCard label="CSAT" value={4.37} previous={4.371} />);
    expect(delta()).toHaveAttribute('data-trend', 'flat');
    expect(delta()).toHaveAttribute('data-sentiment', 'neutral');
    expect(delta()!.textContent).toBe('No change vs previous period');
  });

  it('falls back to the absolute change from zero, where a relative change means nothing', () => {
    render(<KpiCard label="Enterprise deals" value={5} previous={0} format="integer" />);
    expect(delta()!.textContent).toBe('▲Up 5 vs previous period');
  });

  it('shows progress to a target as a meter when up is good', () => {
    render(<KpiCard label="MRR" value={48200} target={50000} format="currency" currency="EUR" />);
    const meter = screen.getByRole('meter', { name: 'Progress to target' });
    // 48,200 / 50,000 = 96.4 %.
    expect(meter).toHaveAttribute('aria-valuenow', '96');
    expect(meter).toHaveAttribute('aria-valuetext', '96% of target');
    expect(screen.getByText('Target €50,000')).toBeVisible();
    expect(card('MRR')).toHaveAttribute('data-target-met', 'false');
  });

  it('says whether a down-is-good target is met, in words', () => {
    const { rerender } = render(<KpiCard label="Churn" value={0.021} target={0.025} format="percent" goodDirection="down" />);
    expect(screen.queryByRole('meter')).toBeNull();
    expect(screen.getByText('On target')).toBeVisible();
    expect(card('Churn')).toHaveAttribute('data-target-met', 'true');
    rerender(<KpiCard label="Churn" value={0.031} target={0.025} format="percent" goodDirection="down" />);
    expect(screen.getByText('Off target')).toBeVisible();
  });

  it('shows details beside the value as a description list', () => {
    render(<KpiCard label="Stickiness" value={0.2} format="percent" details={[{ label: 'DAU', value: '1,204' }]} />);
    const term = screen.getByText('DAU');
    expect(term.tagName).toBe('DT');
    expect(term.nextElementSibling).toHaveTextContent('1,204');
  });

  it('lets the keyboard read the sparkline point by point', async () => {
    render(<KpiCard label="MRR" value={40} sparkline={[10, 20, null, 40]} sparklineLabels={MONTHS} format="integer" />);
    const line = screen.getByRole('slider', { name: 'MRR by point. Use the arrow keys to read each value.' });
    expect(line).toHaveAttribute('aria-valuetext', 'Apr: 40');
    await userEvent.tab();
    expect(line).toHaveFocus();
    expect(getComputedStyle(line).outlineStyle).toBe('solid');
    await userEvent.keyboard('{ArrowLeft}');
    expect(line).toHaveAttribute('aria-valuetext', 'Mar: —');
    await userEvent.keyboard('{Home}');
    expect(line).toHaveAttribute('aria-valuenow', '1');
    expect(line).toHaveAttribute('aria-valuetext', 'Jan: 10');
    expect(screen.getByText('Jan: 10')).toBeVisible();
    await userEvent.keyboard('{ArrowLeft}');
    expect(line).toHaveAttribute('aria-valuetext', 'Jan: 10');
    await userEvent.keyboard('{End}');
    expect(line).toHaveAttribute('aria-valuetext', 'Apr: 40');
    await userEvent.tab();
    expect(line).not.toHaveFocus();
    expect(screen.queryByText('Apr: 40')).toBeNull();
    expect(screen.getByText('Jan', { selector: '.kpikit-sparkline__axis span' })).toBeVisible();
  });

  it('reads the point under the pointer', async () => {
    render(
      <KpiCard label="MRR" value={50} sparkline={[10, 20, 30, 40, 50]} sparklineLabels={['A', 'B', 'C', 'D', 'E']} format="integer" />,
    );
    const line = screen.getByRole('slider');
    // The pointer lands in the middle of the plot: the third of five points.
    await userEvent.hover(line);
    expect(line).toHaveAttribute('aria-valuetext', 'C: 30');
    expect(screen.getByText('C: 30')).toBeVisible();
    await userEvent.unhover(line);
    expect(screen.queryByText('C: 30')).toBeNull();
  });

  it('draws the sparkline at the measured width', async () => {
    render(
      <div style={{ width: 300 }}>
        <KpiCard label="MRR" value={40} sparkline={[10, 20, 30, 40]} />
      </div>,
    );
    const svg = document.querySelector<SVGSVGElement>('.kpikit-sparkline__svg')!;
    // 300 − 2 × 16 padding − 2 × 1 border = 266.
    await expect.poll(() => svg.getAttribute('viewBox')).toBe('0 0 266 40');
  });

  it('shows skeleton, empty and error states inside the frame', () => {
    const { rerender } = render(<KpiCard label="MRR" value={1} loading />);
    expect(card('MRR')).toHaveAttribute('data-state', 'loading');
    expect(card('MRR')).toHaveAttribute('aria-busy', 'true');
    rerender(<KpiCard label="MRR" value={null} />);
    expect(card('MRR')).toHaveAttribute('data-state', 'empty');
    expect(screen.getByText('No data yet')).toBeVisible();
    rerender(<KpiCard label="MRR" value={Number.NaN} emptyMessage="Connect billing to see MRR" />);
    expect(screen.getByText('Connect billing to see MRR')).toBeVisible();
    rerender(<KpiCard label="MRR" value={1} error={new Error('Billing is syncing')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Billing is syncing');
    rerender(<KpiCard label="MRR" value={1} error />);
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong');
    expect(card('MRR').getBoundingClientRect().height).toBeGreaterThan(100);
  });

  it('has a data table of the series', () => {
    render(<KpiCard label="MRR" value={40} sparkline={[10, 20]} sparklineLabels={['Jan', 'Feb']} format="integer" />);
    const rows = [...screen.getByRole('table', { name: 'MRR' }).querySelectorAll('tr')].map((row) => row.textContent);
    expect(rows).toEqual(['PointValue', 'Jan10', 'Feb20']);
  });

  it('forwards its ref and root attributes', () => {
    const ref = createRef<HTMLDivElement>();
    render(<KpiCard ref={ref} label="MRR" value={1} className="host" id="mrr" data-testid="mrr" />);
    expect(ref.current).toBe(screen.getByTestId('mrr'));
    expect(ref.current).toHaveClass('kpikit-kpi-card', 'host');
    expect(ref.current).toHaveAttribute('id', 'mrr');
  });
});
