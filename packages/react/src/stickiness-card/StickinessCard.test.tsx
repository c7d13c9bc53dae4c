import { activeUsers, type ActiveUsersRow } from '@kpikit/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { StickinessCard } from './StickinessCard';
import { stickinessFigures } from './useStickinessCard';

const spaces = (text: string | null | undefined): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const card = (name = 'Stickiness') => screen.getByRole('figure', { name });
const value = () => document.querySelector('.kpikit-kpi-card__value')?.textContent;

/** Rows of a month: `dau(day)` daily users, MAU 100 throughout. */
function month(prefix: string, days: number, dau: (day: number) => number): ActiveUsersRow[] {
  return Array.from({ length: days }, (_, i) => {
    const users = dau(i + 1);
    return { date: `${prefix}-${String(i + 1).padStart(2, '0')}`, dau: users, wau: 100, mau: 100, stickiness: users / 100 };
  });
}

// March: 20 daily users, 10 on the 31st. February: 15 every day.
const march = month('2024-03', 31, (day) => (day === 31 ? 10 : 20));
const february = month('2024-02', 29, () => 15);

describe('StickinessCard', () => {
  it('headlines the mean DAU of the last 30 days over the last day’s MAU', () => {
    render(<StickinessCard data={march} />);
    // Window Mar 2–31: (29 × 20 + 10) / 30 = 19.67 average DAU; / 100 MAU = 19.67 % → 20%.
    expect(value()).toBe('20%');
    expect(screen.getByText('Avg DAU').nextElementSibling).toHaveTextContent('19.7');
    expect(screen.getByText('MAU', { selector: 'dt' }).nextElementSibling).toHaveTextContent('100');
    expect(screen.getByText('Mar 31, 2024')).toBeVisible();
    expect(screen.getByText('Mean DAU over Mar 2 – Mar 31 ÷ MAU on Mar 31, the users active in the 30 days to that date.')).toBeVisible();
  });

  it('headlines the last day’s own ratio when asked', () => {
    render(<StickinessCard data={march} summary="latest" />);
    expect(value()).toBe('10%');
    expect(screen.getByText('DAU', { selector: 'dt' }).nextElementSibling).toHaveTextContent('10');
  });

  it('compares with the previous period in percentage points', () => {
    render(<StickinessCard data={march} previous={february} />);
    // 19.67 % − 15 % = 4.67 points.
    const delta = document.querySelector('.kpikit-delta')!;
    expect(delta.textContent).toBe('▲Up 4.7 pts vs previous period');
    expect(delta).toHaveAttribute('data-sentiment', 'positive');
  });

  it('takes the previous ratio as a number, and a goodDirection', () => {
    render(<StickinessCard data={march} previous={0.25} goodDirection="down" />);
    const delta = document.querySelector('.kpikit-delta')!;
    expect(delta.textContent).toBe('▼Down 5.3 pts vs previous period');
    expect(delta).toHaveAttribute('data-sentiment', 'positive');
  });

  it('gives the same headline whatever the order of the rows, and takes the whole result', () => {
    const shuffled = [...march].reverse();
    const { rerender } = render(<StickinessCard data={shuffled} />);
    expect(value()).toBe('20%');
    rerender(<StickinessCard data={{ interval: 'day', from: '2024-03-01', to: '2024-03-31', timeZone: 'UTC', rows: march }} />);
    expect(value()).toBe('20%');
  });

  it('agrees with core’s activeUsers, computed by hand', () => {
    const t = (day: number) => Date.UTC(2024, 2, day, 12);
    // Ana is active every day from Mar 1 to Mar 30; Ben only on Mar 1.
    const events = [
      ...Array.from({ length: 30 }, (_, i) => ({ userId: 'ana', name: 'login', timestamp: t(i + 1) })),
      { userId: 'ben', name: 'login', timestamp: t(1) },
    ];
    const rows = activeUsers(events, { from: '2024-03-01', to: '2024-03-30' }).rows;
    // Mar 30: DAU 1, MAU 2 (both active in Mar 1–30). Mean DAU: (2 + 29 × 1) / 30 = 1.033 → 51.7 %.
    expect(stickinessFigures(rows, 'latest')).toEqual({ ratio: 0.5, dau: 1, mau: 2, from: '2024-03-30', date: '2024-03-30' });
    render(<StickinessCard data={rows} />);
    expect(value()).toBe('52%');
    expect(screen.getByText('Avg DAU').nextElementSibling).toHaveTextContent('1');
  });

  it('reads the daily ratio point by point from the keyboard', async () => {
    render(<StickinessCard data={march} />);
    const line = screen.getByRole('slider', { name: 'Daily DAU/MAU by point. Use the arrow keys to read each value.' });
    expect(line).toHaveAttribute('aria-valuemax', '31');
    await userEvent.click(line);
    await userEvent.keyboard('{End}');
    expect(line).toHaveAttribute('aria-valuetext', 'Mar 31: 10%');
    await userEvent.keyboard('{Home}');
    expect(line).toHaveAttribute('aria-valuetext', 'Mar 1: 20%');
    await userEvent.keyboard('{PageUp}');
    expect(line).toHaveAttribute('aria-valuetext', 'Mar 4: 20%');
  });

  it('has a day-by-day data table', () => {
    render(<StickinessCard data={march} />);
    const rows = [...screen.getByRole('table', { name: 'Stickiness' }).querySelectorAll('tr')];
    expect(rows).toHaveLength(32);
    expect([...rows[0]!.children].map((cell) => cell.textContent)).toEqual(['Date', 'DAU', 'MAU', 'DAU/MAU']);
    expect([...rows[1]!.children].map((cell) => cell.textContent)).toEqual(['Mar 1', '20', '100', '20%']);
  });

  it('describes its headline in a sentence', () => {
    render(<StickinessCard data={march} previous={february} />);
    expect(card()).toHaveAccessibleDescription(
      'Stickiness 20% over Mar 2 – Mar 31: 19.7 daily active users on average, 100 monthly active users on Mar 31, 2024. ' +
        'Up 4.7 pts from the previous period.',
    );
  });

  it('is empty without rows, or without anyone active', () => {
    const { rerender } = render(<StickinessCard data={[]} />);
    expect(card()).toHaveAttribute('data-state', 'empty');
    expect(screen.getByText('No active users in this period')).toBeVisible();
    rerender(<StickinessCard data={month('2024-03', 3, () => 0).map((row) => ({ ...row, mau: 0, stickiness: null }))} />);
    expect(card()).toHaveAttribute('data-state', 'empty');
    rerender(<StickinessCard data={null} loading />);
    expect(card()).toHaveAttribute('data-state', 'loading');
  });

  it('headlines the last day that has a ratio', () => {
    const rows = [...month('2024-03', 3, () => 20), { date: '2024-03-04', dau: 0, wau: 0, mau: 0, stickiness: null }];
    render(<StickinessCard data={rows} summary="latest" />);
    expect(value()).toBe('20%');
    expect(screen.getByText('Mar 3, 2024')).toBeVisible();
  });

  it('is a KPI card underneath: the same class names and attributes', () => {
    render(<StickinessCard data={march} previous={february} className="host" />);
    expect(card()).toHaveClass('kpikit-card', 'kpikit-kpi-card', 'kpikit-stickiness-card', 'host');
    expect(card()).toHaveAttribute('data-trend', 'up');
  });

  it('speaks French and Traditional Chinese', () => {
    const { unmount } = render(<StickinessCard data={march} locale="fr" />);
    expect(spaces(value())).toBe('20 %');
    expect(card('Engagement')).toHaveAttribute('lang', 'fr');
    expect(screen.getByText('DAU moy.')).toBeVisible();
    unmount();
    render(<StickinessCard data={march} locale="zh-TW" />);
    expect(card('黏著度')).toBeVisible();
    expect(screen.getByText('平均 DAU')).toBeVisible();
  });
});
