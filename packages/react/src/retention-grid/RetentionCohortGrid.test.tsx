import type { RetentionResult } from '@kpikit/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { act, useState } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { weeklyExact } from '../test/retentionFixtures';
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
});

/**
 * 104 weekly cohorts from Monday 2023-01-02, the last starting 103 weeks later
 * (2023-01-02 + 721 days = 2024-12-23); cohort c has 100 + c users and 104 − c
 * periods, its last one still running. Users back in period k ≥ 1:
 * round(size × 0.4 × e^(−k / 30)). The weighted average is 30 % throughout.
 */
function largeResult(): RetentionResult {
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
  return { ...exact, periods: 103, to: '2024-12-25', cohorts, average: Array.from({ length: 104 }, () => 0.3) };
}

/** What cell (row, column) of {@link largeResult} shows as a count: row 0 is the average (30 % of the users of the cohorts reaching the period). */
function expectedCount(row: number, column: number): string {
  if (row === 0) {
    let users = 0;
    for (let c = 0; c + column < 104; c++) users += 100 + c;
    return Math.round(0.3 * users).toLocaleString('en');
  }
  const size = 100 + row - 1;
  return String(column === 0 ? size : Math.round(size * 0.4 * Math.exp(-column / 30)));
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const scroller = () => document.querySelector<HTMLElement>('.kpikit-retention-grid__scroll')!;

/** The cell is inside the scrolling area and not under its sticky header row or cohort column. */
function inView(element: Element | null): boolean {
  if (!element) return false;
  const frame = scroller().getBoundingClientRect();
  const right = frame.left + scroller().clientWidth;
  const bottom = frame.top + scroller().clientHeight;
  const head = document.querySelector('thead')!.getBoundingClientRect();
  const corner = document.querySelector('.kpikit-retention-grid__corner')!.getBoundingClientRect();
  const box = element.getBoundingClientRect();
  const top = element.closest('thead') ? frame.top : head.bottom;
  return box.left >= corner.right - 1 && box.right <= right + 1 && box.top >= top - 1 && box.bottom <= bottom + 1;
}

describe('RetentionCohortGrid, 104 × 104 (windowed)', () => {
  it('puts only the cells in view in the page, and tells assistive technology the full size', () => {
    render(
      <div style={{ width: 400 }}>
        <RetentionCohortGrid data={largeResult()} maxHeight={400} />
      </div>,
    );
    const grid = screen.getByRole('grid', { name: 'Retention' });
    // A header row, the average row and 104 cohorts; the cohort column and 104 periods.
    expect(grid).toHaveAttribute('aria-rowcount', '106');
    expect(grid).toHaveAttribute('aria-colcount', '105');
    const cells = document.querySelectorAll('td[data-cell]');
    // The triangle has 104 + 104 × 105 / 2 = 5,564 cells; a 400 × 400 px view shows about ten rows of four.
    expect(cells.length).toBeGreaterThan(40);
    expect(cells.length).toBeLessThan(200);
    // Rows and cells carry their place in the full table.
    const rows = screen.getAllByRole('row');
    expect(rows[0]).toHaveAttribute('aria-rowindex', '1');
    expect(rows[1]).toHaveAttribute('aria-rowindex', '2');
    expect(rows[2]).toHaveAttribute('aria-rowindex', '3');
    expect(rows[2]).toHaveTextContent('Jan 2, 2023100 users');
    expect(cell(1, 5)).toHaveAttribute('aria-colindex', '7');
    expect(screen.getAllByRole('columnheader')[3]).toHaveAttribute('aria-colindex', '4');
    expect(screen.getAllByRole('rowheader')[1]).toHaveAttribute('aria-colindex', '1');
    // The room of the rows and columns not rendered is kept: the scroll size is the full table's.
    const rowHeight = rows[2]!.getBoundingClientRect().height;
    expect(scroller().scrollHeight).toBeGreaterThanOrEqual(105 * rowHeight);
    expect(scroller().scrollWidth).toBeGreaterThanOrEqual(104 * 52);
    // Nothing of the skipped rows and columns is exposed.
    expect(screen.queryByText('Dec 23, 2024')).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Week 103' })).toBeNull();
  });

  it('brings the cells scrolled to into the page, at their place under their headers', async () => {
    render(
      <div style={{ width: 400 }}>
        <RetentionCohortGrid data={largeResult()} maxHeight={400} defaultDisplay="count" />
      </div>,
    );
    scroller().scrollTo({ left: 2200, top: 1500 });
    await nextFrame();
    const frame = scroller().getBoundingClientRect();
    const head = document.querySelector('thead')!.getBoundingClientRect();
    const corner = document.querySelector('.kpikit-retention-grid__corner')!.getBoundingClientRect();
    // Every point of the view's body shows a cell or an empty slot of the triangle, never a blank gap.
    for (const fx of [0.05, 0.5, 0.95]) {
      for (const fy of [0.05, 0.5, 0.95]) {
        const x = corner.right + fx * (frame.right - corner.right - 16);
        const y = head.bottom + fy * (frame.bottom - head.bottom - 16);
        const hit = document.elementFromPoint(x, y)?.closest('td');
        expect(hit?.className).toMatch(/kpikit-retention-grid__(cell|void)/);
      }
    }
    // The cell at the middle: its text is its cohort's count, the sticky headers beside it name its row and column.
    const x = (corner.right + frame.right) / 2;
    const y = (head.bottom + frame.bottom) / 2;
    const middle = document.elementFromPoint(x, y)!.closest<HTMLElement>('td[data-cell]')!;
    const [row, column] = middle.dataset['cell']!.split(':').map(Number) as [number, number];
    expect(row).toBeGreaterThan(40);
    expect(column).toBeGreaterThan(30);
    expect(middle).toHaveTextContent(new RegExp(`^${expectedCount(row, column)}( \\(incomplete\\))?$`));
    const start = new Date(Date.UTC(2023, 0, 2 + 7 * (row - 1)));
    const label = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(start);
    expect(document.elementFromPoint(frame.left + 8, y)?.closest('th')).toHaveTextContent(label);
    expect(document.elementFromPoint(x, frame.top + 4)?.closest('th')).toHaveTextContent(new RegExp(`^Week ${column}$`));
    // The header row and the cohort column stay in view.
    expect(Math.round(screen.getAllByRole('columnheader')[0]!.getBoundingClientRect().top)).toBe(Math.round(frame.top));
    expect(Math.round(middle.closest('tr')!.querySelector('th')!.getBoundingClientRect().left)).toBe(Math.round(frame.left));
  });

  it('moves the focus over the whole grid with the keyboard, rendering and scrolling to far cells', async () => {
    render(
      <div style={{ width: 400 }}>
        <RetentionCohortGrid data={largeResult()} maxHeight={400} defaultDisplay="count" />
      </div>,
    );
    screen.getByRole('button', { name: 'Counts' }).focus();
    await userEvent.tab();
    expect(cell(0, 0)).toHaveFocus();
    // End: the average row's last period, far outside the first window.
    await userEvent.keyboard('{End}');
    expect(document.activeElement).toBe(cell(0, 103));
    expect(cell(0, 103)).toHaveTextContent(expectedCount(0, 103));
    await expect.poll(() => inView(cell(0, 103))).toBe(true);
    expect(screen.getByRole('tooltip')).toHaveTextContent(/^Weighted average, Week 103: 30% of 100 users\./);
    // Ctrl+End: the last cohort, which has one period only.
    await userEvent.keyboard('{Control>}{End}{/Control}');
    expect(document.activeElement).toBe(cell(104, 0));
    expect(cell(104, 0)).toHaveTextContent('203');
    await expect.poll(() => inView(cell(104, 0))).toBe(true);
    expect(cell(104, 0)!.closest('tr')).toHaveTextContent('Dec 23, 2024203 users');
    // Back to the start, then step by step: 45 periods right, 50 cohorts down.
    await userEvent.keyboard('{Control>}{Home}{/Control}');
    expect(document.activeElement).toBe(cell(0, 0));
    await expect.poll(() => inView(cell(0, 0))).toBe(true);
    for (let i = 0; i < 45; i++) await userEvent.keyboard('{ArrowRight}');
    for (let i = 0; i < 50; i++) await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(cell(50, 45));
    expect(cell(50, 45)).toHaveTextContent(expectedCount(50, 45));
    await expect.poll(() => inView(cell(50, 45))).toBe(true);
    // Twenty cohorts further, the cohort of row 70 (the 70th) has 104 − 69 = 35 periods: its last one, 34.
    await userEvent.keyboard('{PageDown}{PageDown}');
    expect(document.activeElement).toBe(cell(70, 34));
    await expect.poll(() => inView(cell(70, 34))).toBe(true);
    // Still a single tab stop, and it is the focused cell, wherever the grid is scrolled.
    scroller().scrollTo({ left: 0, top: 0 });
    await nextFrame();
    const stops = document.querySelectorAll('[data-cell][tabindex="0"]');
    expect(stops).toHaveLength(1);
    expect(stops[0]).toBe(cell(70, 34));
    await userEvent.tab({ shift: true });
    await userEvent.tab();
    expect(document.activeElement).toBe(cell(70, 34));
  });

  it('renders every cell when windowing is off', () => {
    render(<RetentionCohortGrid data={largeResult()} maxHeight={400} windowing={false} />);
    expect(document.querySelectorAll('td[data-cell]')).toHaveLength(104 + (104 * 105) / 2);
    expect(screen.getByText('Dec 23, 2024')).toBeInTheDocument();
  });

  it('renders every cell of a small grid, and windows it on request', () => {
    const { unmount } = render(<RetentionCohortGrid data={weeklyExact} />);
    const all =
      weeklyExact.cohorts.reduce((sum, cohort) => sum + cohort.counts.length, 0) +
      weeklyExact.average.filter((rate) => rate !== null).length;
    expect(document.querySelector('[data-windowed]')).toBeNull();
    expect(document.querySelectorAll('td[data-cell]')).toHaveLength(all);
    unmount();
    render(<RetentionCohortGrid data={weeklyExact} windowing maxHeight={120} />);
    expect(document.querySelector('table')).toHaveAttribute('data-windowed', 'true');
    expect(document.querySelectorAll('td[data-cell]').length).toBeLessThan(all);
  });

  it('hydrates the server window without a mismatch, then fits the window to the view', async () => {
    const page = (
      <div style={{ width: 400 }}>
        <RetentionCohortGrid data={largeResult()} maxHeight={300} />
      </div>
    );
    const container = document.createElement('div');
    container.innerHTML = renderToString(page);
    document.body.append(container);
    const serverCells = container.querySelectorAll('td[data-cell]').length;
    const errors = vi.spyOn(console, 'error');
    const recoverable = vi.fn();
    const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const wasActEnvironment = actEnvironment.IS_REACT_ACT_ENVIRONMENT;
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
    let root: Root | undefined;
    act(() => {
      root = hydrateRoot(container, page, { onRecoverableError: recoverable });
    });
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    // The server assumed a 1280 px wide view; this one is 400 px wide: fewer columns once measured.
    await expect.poll(() => container.querySelectorAll('td[data-cell]').length).toBeLessThan(serverCells);
    act(() => {
      root?.unmount();
    });
    container.remove();
    if (wasActEnvironment === undefined) delete actEnvironment.IS_REACT_ACT_ENVIRONMENT;
    else actEnvironment.IS_REACT_ACT_ENVIRONMENT = wasActEnvironment;
    vi.restoreAllMocks();
  });
});
