import { stickinessDistribution, type KpiEvent } from '@kpikit/core';
import { render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { cutWeeks, noStickiness, oneDay, sevenDaysByAccount, thirtyDays } from '../test/activityFixtures';
import { darkTheme } from '../theme/theme';
import { StickinessHistogram } from './StickinessHistogram';

const spaces = (text: string | null | undefined): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const at = (day: string, userId: string): KpiEvent => ({ userId, name: 'use', timestamp: Date.parse(`${day}T09:00:00Z`) });

/** Mar 4–10, 2024: ana 3 days (one twice), ben 1, cy all 7, dee 1. Mean (3 + 1 + 7 + 1) / 4 = 3. */
const events: KpiEvent[] = [
  at('2024-03-04', 'ana'),
  at('2024-03-04', 'ana'),
  at('2024-03-05', 'ana'),
  at('2024-03-06', 'ana'),
  at('2024-03-04', 'ben'),
  ...[4, 5, 6, 7, 8, 9, 10].map((day) => at(`2024-03-${String(day).padStart(2, '0')}`, 'cy')),
  at('2024-03-08', 'dee'),
];
const week = stickinessDistribution(events, { from: '2024-03-04', to: '2024-03-10' });

const readout = () => [...document.querySelectorAll('.kpikit-stickiness-histogram__readout p')].map((line) => spaces(line.textContent));
const bar = (index: number) => document.querySelector<SVGElement>(`[data-bar="${index}"]`)!;
const fillHeight = (index: number) =>
  document.querySelectorAll('.kpikit-stickiness-histogram__fill')[index]!.getBoundingClientRect().height;

describe('StickinessHistogram', () => {
  it('heads with the mean and reads out the units active every interval at first', () => {
    render(<StickinessHistogram data={week} />);
    expect(spaces(document.querySelector('.kpikit-stickiness-histogram__summary')?.textContent)).toBe(
      '3.0 days active on average' + 'of 4 users active at least once in 7 days',
    );
    expect(readout()).toEqual(['Active 7 of 7 days', '1 user in exactly 7 (25%)', '1 user in 7 or more (25%)']);
    expect(screen.getByRole('figure', { name: 'Stickiness' })).toHaveAccessibleDescription(
      'Stickiness: 4 users active at least once in 7 days; 3.0 days active on average. Most were active in 1 day (50%).',
    );
    expect(document.querySelector('.kpikit-stickiness-histogram')).toHaveAttribute('data-intervals', '7');
  });

  it('draws a bar per k from zero with its count and share, and marks the mean', () => {
    render(<StickinessHistogram data={week} style={{ width: 560 }} />);
    expect(document.querySelectorAll('.kpikit-stickiness-histogram__fill')).toHaveLength(7);
    expect(fillHeight(0)).toBeCloseTo(2 * fillHeight(2), 0);
    expect(fillHeight(1)).toBe(0);
    const values = [...document.querySelectorAll('.kpikit-stickiness-histogram__value')].map((value) =>
      [...value.querySelectorAll('tspan')].map((span) => span.textContent),
    );
    expect(values[0]).toEqual(['2', '50%']);
    expect(values[6]).toEqual(['1', '25%']);
    // A mean of 3 falls on the centre of bar 3.
    const mean = document.querySelector('.kpikit-stickiness-histogram__mean line')!.getBoundingClientRect();
    const third = bar(2).getBoundingClientRect();
    expect(mean.left + mean.width / 2).toBeCloseTo(third.left + third.width / 2, 0);
    expect(screen.getByText('Mean 3.0')).toBeVisible();
  });

  it('switches to the cumulative "at least k" and back', async () => {
    const onModeChange = vi.fn();
    render(<StickinessHistogram data={week} onModeChange={onModeChange} />);
    // Named for what it switches, not "Count", which a page's own unit or count control is often called.
    expect(screen.getByRole('group', { name: 'Bars show' })).toContainElement(screen.getByRole('button', { name: 'Exactly k' }));
    await userEvent.click(screen.getByRole('button', { name: 'At least k' }));
    expect(onModeChange).toHaveBeenCalledWith('atLeast');
    expect(document.querySelector('.kpikit-stickiness-histogram')).toHaveAttribute('data-mode', 'atLeast');
    expect(screen.getByRole('button', { name: 'At least k' })).toHaveAttribute('aria-pressed', 'true');
    expect(fillHeight(0)).toBeCloseTo(4 * fillHeight(6), 0);
    expect(readout()[1]).toBe('1 user in 7 or more (25%)');
  });

  it('moves between bars with the arrow keys, Home and End, and names each bar', async () => {
    render(<StickinessHistogram data={week} />);
    expect(document.querySelectorAll('[data-bar][tabindex="0"]')).toHaveLength(1);
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab();
    expect(bar(6)).toHaveFocus();
    await userEvent.keyboard('{Home}');
    expect(bar(0)).toHaveFocus();
    expect(bar(0)).toHaveAccessibleName('Active 1 of 7 days: 2 users in exactly 1 (50%)');
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    expect(readout()).toEqual(['Active 3 of 7 days', '1 user in exactly 3 (25%)', '2 users in 3 or more (50%)']);
    await userEvent.keyboard('{End}');
    expect(bar(6)).toHaveFocus();
  });

  it('gives screen readers every count and share in a table', () => {
    render(<StickinessHistogram data={week} />);
    const rows = within(screen.getByRole('table', { name: 'Units by number of intervals active' }))
      .getAllByRole('row')
      .map((row) => [...row.children].map((cell) => spaces(cell.textContent)));
    expect(rows.slice(0, 4)).toEqual([
      ['Intervals active', 'Exactly', 'Share', 'At least', 'Share at least'],
      ['1', '2', '50%', '4', '100%'],
      ['2', '0', '0%', '2', '50%'],
      ['3', '1', '25%', '2', '50%'],
    ]);
  });

  it('keeps 30 days legible: no labels on thin bars, axis labels apart, the 30th labelled', () => {
    render(<StickinessHistogram data={thirtyDays} style={{ width: 400 }} />);
    expect(document.querySelectorAll('.kpikit-stickiness-histogram__fill')).toHaveLength(30);
    expect(document.querySelector('.kpikit-stickiness-histogram__value')).toBeNull();
    const ticks = [...document.querySelectorAll('.kpikit-stickiness-histogram__x-tick')];
    expect(ticks.at(-1)?.textContent).toBe('30');
    const boxes = ticks.map((tick) => tick.getBoundingClientRect());
    for (let index = 1; index < boxes.length; index += 1) expect(boxes[index]!.left).toBeGreaterThan(boxes[index - 1]!.right);
  });

  it('says when the range cuts an interval, counts accounts and takes a team’s noun', () => {
    const { unmount } = render(<StickinessHistogram data={cutWeeks} />);
    expect(screen.getByText('The range cuts its first or last week: only the days inside the range count.')).toBeVisible();
    unmount();
    const second = render(<StickinessHistogram data={sevenDaysByAccount} />);
    expect(document.querySelector('.kpikit-stickiness-histogram__context')).toHaveTextContent(/^of 12 accounts active at least once/);
    second.unmount();
    render(<StickinessHistogram data={week} unit={{ one: 'workspace', other: 'workspaces' }} />);
    expect(readout()[1]).toBe('1 workspace in exactly 7 (25%)');
  });

  it('speaks French and Traditional Chinese', () => {
    const { unmount } = render(<StickinessHistogram data={week} locale="fr" />);
    expect(spaces(document.querySelector('.kpikit-stickiness-histogram__summary')?.textContent)).toBe(
      '3,0 jours d’activité en moyenne' + 'sur 4 utilisateurs actifs au moins une fois en 7 jours',
    );
    unmount();
    render(<StickinessHistogram data={week} locale="zh-TW" />);
    expect(readout()[0]).toBe('7 天中活躍 7 天');
  });

  it('shows one interval, loading, empty and error states', () => {
    const { rerender } = render(<StickinessHistogram data={oneDay} />);
    expect(document.querySelectorAll('.kpikit-stickiness-histogram__fill')).toHaveLength(1);
    expect(readout()[0]).toBe('Active 1 of 1 day');
    rerender(<StickinessHistogram data={null} loading />);
    expect(screen.getByRole('figure')).toHaveAttribute('aria-busy', 'true');
    rerender(<StickinessHistogram data={noStickiness} />);
    expect(screen.getByText('No activity in this period')).toBeVisible();
    rerender(<StickinessHistogram data={week} error />);
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong');
    expect(document.body.textContent).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('forwards its ref and passes axe, light and dark, in both modes', async () => {
    let element: HTMLDivElement | null = null;
    for (const theme of [undefined, darkTheme]) {
      for (const mode of ['exactly', 'atLeast'] as const) {
        const { container, unmount } = render(
          <StickinessHistogram
            data={week}
            theme={theme}
            defaultMode={mode}
            ref={(node) => {
              element = node;
            }}
          />,
        );
        expect(element).toHaveClass('kpikit-stickiness-histogram');
        const results = await axe.run(container);
        expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' ')}`)).toEqual([]);
        unmount();
      }
    }
  });
});
