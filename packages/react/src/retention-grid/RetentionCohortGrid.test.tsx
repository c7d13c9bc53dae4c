import type { RetentionResult } from '@kpikit/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { RetentionCohortGrid } from './RetentionCohortGrid';
import { shadeLevel } from './useRetentionGrid';

const spaces = (text: string | null | undefined): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const cell = (row: number, column: number) => document.querySelector<HTMLElement>(`[data-cell="${row}:${column}"]`);

/**
 * Two weekly cohorts, the range ending mid-week 3:
 * - Jan 1: 10 users, 4 back in week 1, 2 in week 2 (week 2 still running);
 * - Jan 8: 20 users, 5 back in week 1 (still running).
 * Weighted averages: week 0 = 30 / 30; week 1 = (4 + 5) / 30 = 30 %; week 2 = 2 / 10 = 20 %.
 */
const exact: RetentionResult = {
  period: 'week',
  periods: 2,
  mode: 'exact',
  from: '2024-01-01',
  to: '2024-01-17',
  timeZone: 'UTC',
  cohorts: [
    { start: '2024-01-01', size: 10, counts: [10, 4, 2], rates: [1, 0.4, 0.2], incomplete: [false, false, true] },
    { start: '2024-01-08', size: 20, counts: [20, 5], rates: [1, 0.25], incomplete: [false, true] },
  ],
  average: [1, 0.3, 0.2],
};

/** Unbounded: of the Jan 1 cohort, 6 came back in week 1 or later; averages (6 + 5) / 30 and 2 / 10. */
const unbounded: RetentionResult = {
  ...exact,
  mode: 'unbounded',
  cohorts: [{ ...exact.cohorts[0]!, counts: [10, 6, 2], rates: [1, 0.6, 0.2] }, exact.cohorts[1]!],
  average: [1, 11 / 30, 0.2],
};

describe('RetentionCohortGrid', () => {
  it('is a real table: period columns, cohort rows with their size, the average first', () => {
    render(<RetentionCohortGrid data={exact} />);
    const grid = screen.getByRole('grid', { name: 'Retention' });
    expect(grid.tagName).toBe('TABLE');
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Cohort', 'Week 0', 'Week 1', 'Week 2']);
    expect(screen.getAllByRole('rowheader').map((th) => th.textContent)).toEqual([
      'Weighted average30 users',
      'Jan 1, 202410 users',
      'Jan 8, 202420 users',
    ]);
    // Row 0 is the average: 100 %, 30 %, 20 %.
    expect([cell(0, 0), cell(0, 1), cell(0, 2)].map((td) => td?.textContent)).toEqual(['100%', '30%', '20% (incomplete)']);
    expect(cell(1, 1)).toHaveTextContent('40%');
    expect(cell(2, 1)).toHaveTextContent('25%');
    // The Jan 8 cohort has no week 2 yet: an empty slot, not a cell.
    expect(cell(2, 2)).toBeNull();
  });

  it('marks incomplete cells distinctly, in the picture and in words', () => {
    render(<RetentionCohortGrid data={exact} />);
    expect(cell(1, 1)).not.toHaveAttribute('data-incomplete');
    expect(cell(1, 2)).toHaveAttribute('data-incomplete', 'true');
    expect(cell(2, 1)).toHaveAttribute('data-incomplete', 'true');
    expect(cell(1, 2)).toHaveTextContent('20% (incomplete)');
    const style = getComputedStyle(cell(1, 2)!);
    expect(style.borderTopStyle).toBe('dashed');
    expect(style.backgroundImage).toContain('repeating-linear-gradient');
    // The average of week 2 rests on an incomplete cell only; that of week 1 on one complete and one incomplete.
    expect(cell(0, 2)).toHaveAttribute('data-incomplete', 'true');
    expect(cell(0, 1)).not.toHaveAttribute('data-incomplete');
  });

  it('shades on the sequential scale against the largest complete rate after period 0', () => {
    render(<RetentionCohortGrid data={exact} />);
    // The only complete cell after week 0 is 40 %: it is the top of the scale.
    expect(cell(1, 1)).toHaveAttribute('data-level', '8');
    expect(cell(2, 1)).toHaveAttribute('data-level', String(Math.round((0.25 / 0.4) * 8)));
    expect(screen.getByText('Share returned, 0% to 40%')).toBeInTheDocument();
    expect(shadeLevel(0.1, 0.4)).toBe(2);
    expect(shadeLevel(null, 0.4)).toBe(0);
    // White text on the darkest shade, dark text on the palest: both ≥ 4.5:1 with the default tokens.
    expect(getComputedStyle(cell(1, 1)!).color).toBe('rgb(255, 255, 255)');
  });

  it('switches between shares and counts', async () => {
    render(<RetentionCohortGrid data={exact} />);
    await userEvent.click(screen.getByRole('button', { name: 'Counts' }));
    expect(screen.getByRole('button', { name: 'Counts' })).toHaveAttribute('aria-pressed', 'true');
    expect(cell(1, 1)).toHaveTextContent('4');
    expect(cell(1, 0)).toHaveTextContent('10');
    // The average row counts all returns of the period: 4 + 5 = 9.
    expect(cell(0, 1)).toHaveTextContent('9');
    await userEvent.click(screen.getByRole('button', { name: 'Percentages' }));
    expect(cell(1, 1)).toHaveTextContent('40%');
  });

  it('follows a controlled display and reports the change', async () => {
    const onDisplayChange = vi.fn();
    render(<RetentionCohortGrid data={exact} display="count" onDisplayChange={onDisplayChange} />);
    await userEvent.click(screen.getByRole('button', { name: 'Percentages' }));
    expect(onDisplayChange).toHaveBeenCalledWith('percent');
    expect(cell(1, 1)).toHaveTextContent('4');
  });

  it('switches between exact and unbounded when given both, uncontrolled and controlled', async () => {
    const { unmount } = render(<RetentionCohortGrid data={{ exact, unbounded }} />);
    expect(cell(1, 1)).toHaveTextContent('40%');
    await userEvent.click(screen.getByRole('button', { name: 'In or after' }));
    expect(cell(1, 1)).toHaveTextContent('60%');
    expect(cell(0, 1)).toHaveTextContent('37%');
    expect(screen.getByRole('figure')).toHaveAttribute('data-mode', 'unbounded');
    unmount();

    function Host() {
      const [mode, setMode] = useState<'exact' | 'unbounded'>('unbounded');
      return (
        <>
          <RetentionCohortGrid data={{ exact, unbounded }} mode={mode} onModeChange={setMode} />
          <output>{mode}</output>
        </>
      );
    }
    render(<Host />);
    expect(cell(1, 1)).toHaveTextContent('60%');
    await userEvent.click(screen.getByRole('button', { name: 'In the period' }));
    expect(screen.getByRole('status')).toHaveTextContent('exact');
    expect(cell(1, 1)).toHaveTextContent('40%');
  });

  it('has no mode toggle for a single result', () => {
    render(<RetentionCohortGrid data={unbounded} />);
    expect(screen.queryByRole('button', { name: 'In or after' })).toBeNull();
    expect(screen.getByText(/active in the period or any later one/, { selector: '.kpikit-card__caption' })).toBeVisible();
  });

  it('moves between cells with the arrow keys, one tab stop for the grid', async () => {
    render(<RetentionCohortGrid data={exact} />);
    expect(document.querySelectorAll('[data-cell][tabindex="0"]')).toHaveLength(1);
    screen.getByRole('button', { name: 'Counts' }).focus();
    await userEvent.tab();
    expect(cell(0, 0)).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}{ArrowRight}{ArrowRight}');
    expect(cell(1, 2)).toHaveFocus();
    expect(screen.getByRole('tooltip')).toHaveTextContent(
      'Jan 1, 2024, Week 2: 2 of 10 returned (20%). Incomplete: this period is not over, the figure may still grow.',
    );
    expect(cell(1, 2)).toHaveAttribute('aria-describedby', screen.getByRole('tooltip').id);
    // The later cohort has no week 2: moving down lands on its last cell.
    await userEvent.keyboard('{ArrowDown}');
    expect(cell(2, 1)).toHaveFocus();
    await userEvent.keyboard('{Home}');
    expect(cell(2, 0)).toHaveFocus();
    await userEvent.keyboard('{Control>}{Home}{/Control}');
    expect(cell(0, 0)).toHaveFocus();
    await userEvent.keyboard('{End}');
    expect(cell(0, 2)).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}{ArrowUp}');
    expect(cell(0, 2)).toHaveFocus();
    expect(document.querySelectorAll('[data-cell][tabindex="0"]')).toHaveLength(1);
    await userEvent.tab({ shift: true });
    await userEvent.tab();
    expect(cell(0, 2)).toHaveFocus();
  });

  it('shows the counts of a hovered cell', async () => {
    render(<RetentionCohortGrid data={exact} />);
    await userEvent.hover(cell(2, 1)!);
    expect(screen.getByRole('tooltip')).toHaveTextContent(
      'Jan 8, 2024, Week 1: 5 of 20 returned (25%). Incomplete: this period is not over, the figure may still grow.',
    );
    await userEvent.hover(cell(0, 1)!);
    expect(screen.getByRole('tooltip')).toHaveTextContent('Weighted average, Week 1: 30% of 30 users. Includes 1 incomplete cohort.');
    fireEvent.pointerLeave(screen.getByRole('grid'));
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('formats dates, headers and numbers for the locale', () => {
    render(<RetentionCohortGrid data={exact} locale="fr" />);
    expect(screen.getByRole('grid', { name: 'Rétention' })).toBeInTheDocument();
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Cohorte', 'Semaine 0', 'Semaine 1', 'Semaine 2']);
    expect(spaces(screen.getAllByRole('rowheader')[1]?.textContent)).toBe('1 janv. 202410 utilisateurs');
    expect(spaces(cell(1, 1)?.textContent)).toBe('40 %');
  });

  it('names monthly and daily periods', () => {
    const { unmount } = render(<RetentionCohortGrid data={{ ...exact, period: 'month' }} />);
    expect(screen.getAllByRole('columnheader')[1]).toHaveTextContent('Month 0');
    expect(screen.getAllByRole('rowheader')[1]).toHaveTextContent('January 2024');
    unmount();
    render(<RetentionCohortGrid data={{ ...exact, period: 'day' }} locale="zh-TW" />);
    expect(screen.getAllByRole('columnheader')[2]).toHaveTextContent('第 1 天');
  });

  it('describes the grid in a sentence', () => {
    render(<RetentionCohortGrid data={exact} />);
    expect(screen.getByRole('figure', { name: 'Retention' })).toHaveAccessibleDescription(
      'Retention of 2 weekly cohorts, Jan 1, 2024 to Jan 8, 2024: on average 30% return after one period and 20% after Week 2. Share of each cohort active in the period. Arrow keys move between cells.',
    );
  });

  it('shows loading, empty and error states in the frame', () => {
    const { rerender } = render(<RetentionCohortGrid data={exact} loading />);
    expect(screen.getByRole('figure')).toHaveAttribute('data-state', 'loading');
    expect(screen.queryByRole('grid')).toBeNull();
    rerender(<RetentionCohortGrid data={{ ...exact, cohorts: [], average: [] }} />);
    expect(screen.getByText('No new users in this range')).toBeVisible();
    rerender(<RetentionCohortGrid data={exact} error="Export failed" />);
    expect(screen.getByRole('alert')).toHaveTextContent('Export failed');
    expect(screen.getByRole('figure').getBoundingClientRect().height).toBeGreaterThan(60);
  });

  it('renders 104 × 104 and keeps the header row and the cohort column in view while scrolling', async () => {
    const cohorts = Array.from({ length: 104 }, (_, c) => {
      const length = 104 - c;
      const size = 100 + c;
      const counts = Array.from({ length }, (_, k) => (k === 0 ? size : Math.round(size * 0.4 * Math.exp(-k / 30))));
      return {
        start: new Date(Date.UTC(2023, 0, 2 + 7 * c)).toISOString().slice(0, 10),
        size,
        counts,
        rates: counts.map((count) => count / size),
        incomplete: counts.map((_, k) => k === length - 1),
      };
    });
    const large: RetentionResult = { ...exact, periods: 103, cohorts, average: Array.from({ length: 104 }, () => 0.3) };
    render(<RetentionCohortGrid data={large} maxHeight={400} />);
    expect(document.querySelectorAll('td[data-cell]')).toHaveLength(104 + (104 * 105) / 2);
    const scroller = document.querySelector<HTMLElement>('.kpikit-retention-grid__scroll')!;
    scroller.scrollTo({ left: 3000, top: 2000 });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const frame = scroller.getBoundingClientRect();
    const header = screen.getAllByRole('columnheader')[0]!.getBoundingClientRect();
    const label = screen.getAllByRole('rowheader')[60]!.getBoundingClientRect();
    expect(Math.round(header.top)).toBe(Math.round(frame.top));
    expect(Math.round(label.left)).toBe(Math.round(frame.left));
    // Keyboard movement deep in the grid.
    cell(60, 0)!.focus();
    await userEvent.keyboard('{End}');
    expect(cell(60, 103 - 59)).toHaveFocus();
  });
});
