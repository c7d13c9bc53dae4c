import { lifecycle, type KpiEvent } from '@kpikit/core';
import { render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { monthly, noActivity, yearDaily } from '../test/activityFixtures';
import { darkTheme } from '../theme/theme';
import { LifecycleChart } from './LifecycleChart';

const spaces = (text: string | null | undefined): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const at = (day: string, userId: string, team = 'acme'): KpiEvent => ({
  userId,
  name: 'use',
  timestamp: Date.parse(`${day}T12:00:00Z`),
  properties: { team },
});

/**
 * Weeks of Mar 4, 11 and 18, 2024, the last cut by `to` (Wed 20th: 3 of 7 days).
 * Week 1: ana, ben, cy new. Week 2: ana returning, dee new; ben and cy dormant.
 * Week 3: ana returning, cy resurrecting; dee dormant.
 */
const events: KpiEvent[] = [
  at('2024-03-04', 'ana'),
  at('2024-03-12', 'ana'),
  at('2024-03-19', 'ana'),
  at('2024-03-05', 'ben', 'bolt'),
  at('2024-03-06', 'cy'),
  at('2024-03-18', 'cy'),
  at('2024-03-13', 'dee', 'bolt'),
];
const weeks = lifecycle(events, { interval: 'week', from: '2024-03-04', to: '2024-03-20' });

const readout = () => spaces(document.querySelector('.kpikit-lifecycle-chart__readout')?.textContent);
const bar = (index: number) => document.querySelector<SVGElement>(`[data-bar="${index}"]`)!;

describe('LifecycleChart', () => {
  it('reads out the last complete interval at first, each status with its count, dormant as a loss', () => {
    render(<LifecycleChart data={weeks} />);
    expect(readout()).toBe('Week of Mar 11, 2024' + '2 active users' + 'New 1' + 'Returning 1' + 'Resurrecting 0' + 'Dormant −2');
    expect(screen.getByRole('figure', { name: 'Lifecycle' })).toHaveAccessibleDescription(
      'Lifecycle of users by week, 3 weeks from Mar 4, 2024 to Mar 20, 2024. Last interval, Week of Mar 18, 2024: ' +
        '2 active users; 0 new, 1 returning, 1 resurrecting; 1 dormant. 1 interval is incomplete.',
    );
    const root = document.querySelector('.kpikit-lifecycle-chart')!;
    expect(root).toHaveAttribute('data-interval', 'week');
    expect(root).toHaveAttribute('data-intervals', '3');
    expect(root).toHaveAttribute('data-incomplete', '1');
    expect(root).toHaveAttribute('data-unit', 'user');
  });

  it('stacks new, returning and resurrecting above the axis and dormant below it, on one scale', () => {
    render(<LifecycleChart data={weeks} style={{ width: 520 }} />);
    const segment = (index: number, status: string) =>
      document.querySelectorAll('.kpikit-lifecycle-chart__bar')[index]!.querySelector(`[data-status="${status}"]`)!.getBoundingClientRect();
    const zero = document.querySelector('[data-zero] line')!.getBoundingClientRect().top;
    // Week 1: three new; week 2: one returning under one new, two dormant below.
    expect(segment(0, 'new').bottom).toBeCloseTo(zero, 0);
    expect(segment(1, 'returning').bottom).toBeCloseTo(zero, 0);
    expect(segment(1, 'new').bottom).toBeCloseTo(segment(1, 'returning').top, 0);
    expect(segment(1, 'dormant').top).toBeCloseTo(zero, 0);
    expect(segment(0, 'new').height).toBeCloseTo(3 * segment(1, 'new').height, 0);
    expect(segment(1, 'dormant').height).toBeCloseTo(2 * segment(1, 'new').height, 0);
    expect(document.querySelectorAll('.kpikit-lifecycle-chart__bar')[0]!.querySelector('[data-status="dormant"]')).toBeNull();
  });

  it('marks the incomplete interval: hatched, lighter, and said in the readout, the note and the table', async () => {
    render(<LifecycleChart data={weeks} />);
    const bars = document.querySelectorAll('.kpikit-lifecycle-chart__bar');
    expect([...bars].map((element) => element.hasAttribute('data-incomplete'))).toEqual([false, false, true]);
    expect(bars[2]!.querySelector('.kpikit-lifecycle-chart__hatch')).not.toBeNull();
    expect(getComputedStyle(bars[2]!.querySelector('.kpikit-lifecycle-chart__segment')!).fillOpacity).toBe('0.45');
    expect(screen.getByText(/^Lighter, hatched bars: intervals the range cuts/)).toBeVisible();
    await userEvent.tab();
    await userEvent.keyboard('{ArrowRight}');
    expect(readout()).toMatch(/^Week of Mar 18, 2024 · Incomplete: 3 of its 7 days counted2 active users/);
    const table = screen.getByRole('table', { name: 'Lifecycle by interval' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.children].map((cell) => spaces(cell.textContent)));
    expect(rows).toEqual([
      ['Interval', 'New', 'Returning', 'Resurrecting', 'Dormant', 'Active', 'Days counted'],
      ['Week of Mar 4, 2024', '3', '0', '0', '0', '3', '7'],
      ['Week of Mar 11, 2024', '1', '1', '0', '2', '2', '7'],
      ['Week of Mar 18, 2024', '0', '1', '1', '1', '2', '3 of 7 (incomplete)'],
    ]);
  });

  it('moves between intervals with the arrow keys, Home and End, one tab stop', async () => {
    render(<LifecycleChart data={weeks} />);
    expect(document.querySelectorAll('[data-bar][tabindex="0"]')).toHaveLength(1);
    await userEvent.tab();
    expect(bar(1)).toHaveFocus();
    expect(bar(1)).toHaveAccessibleName('Week of Mar 11, 2024: 2 active users; 1 new, 1 returning, 0 resurrecting; 2 dormant');
    await userEvent.keyboard('{Home}');
    expect(bar(0)).toHaveFocus();
    expect(readout()).toMatch(/^Week of Mar 4, 20243 active usersNew 3/);
    await userEvent.keyboard('{ArrowLeft}');
    expect(bar(0)).toHaveFocus();
    await userEvent.keyboard('{End}');
    expect(bar(2)).toHaveFocus();
    expect(bar(2)).toHaveAttribute('tabindex', '0');
    expect(bar(0)).toHaveAttribute('tabindex', '-1');
    expect(bar(2).closest('.kpikit-lifecycle-chart__bar')).toHaveAttribute('data-current');
  });

  it('counts accounts when the result was counted by account, and takes a team’s own noun', () => {
    const byAccount = lifecycle(
      events.map((event) => ({ ...event, properties: { accountId: event.properties?.['team'] } })),
      { interval: 'week', from: '2024-03-04', to: '2024-03-20', unit: { group: 'accountId' } },
    );
    const { unmount } = render(<LifecycleChart data={byAccount} />);
    // Week 2: acme (ana) and bolt (dee) both returning, after ana, cy and ben in week 1.
    expect(readout()).toMatch(/^Week of Mar 11, 20242 active accounts/);
    expect(document.querySelector('.kpikit-lifecycle-chart')).toHaveAttribute('data-unit', 'account');
    unmount();
    render(<LifecycleChart data={weeks} unit={{ one: 'workspace', other: 'workspaces' }} />);
    expect(readout()).toMatch(/2 active workspaces/);
  });

  it('speaks French and Traditional Chinese', () => {
    const { unmount } = render(<LifecycleChart data={weeks} locale="fr" />);
    expect(readout()).toBe(
      'Semaine du 11 mars 2024' + '2 utilisateurs actifs' + 'Nouveaux 1' + 'Fidèles 1' + 'De retour 0' + 'Dormants −2',
    );
    unmount();
    render(<LifecycleChart data={weeks} locale="zh-TW" unit="account" />);
    expect(readout()).toMatch(/^2024年3月11日當週2 活躍帳戶新增 1/);
  });

  it('thins the axis labels of 366 days so that none overlaps, and keeps every bar', () => {
    render(<LifecycleChart data={yearDaily} style={{ width: 640 }} />);
    expect(document.querySelectorAll('.kpikit-lifecycle-chart__bar')).toHaveLength(366);
    const labels = [...document.querySelectorAll('.kpikit-lifecycle-chart__x-tick')].map((label) => label.getBoundingClientRect());
    expect(labels.length).toBeGreaterThan(4);
    expect(labels.length).toBeLessThan(16);
    for (let index = 1; index < labels.length; index += 1) expect(labels[index]!.left).toBeGreaterThan(labels[index - 1]!.right);
    const plot = document.querySelector('.kpikit-lifecycle-chart__plot')!.getBoundingClientRect();
    expect(labels[labels.length - 1]!.right).toBeLessThanOrEqual(plot.right + 1);
  });

  it('names months by month and says both cut ends', () => {
    render(<LifecycleChart data={monthly} />);
    const ticks = [...document.querySelectorAll('.kpikit-lifecycle-chart__x-tick')].map((tick) => tick.textContent);
    expect(ticks[0]).toBe('Jan 24');
    expect(document.querySelector('.kpikit-lifecycle-chart')).toHaveAttribute('data-incomplete', '2');
    expect(screen.getByRole('table').querySelector('tbody tr th')).toHaveTextContent('January 2024');
  });

  it('shows loading, empty and error states in its frame', () => {
    const { rerender } = render(<LifecycleChart data={null} loading />);
    expect(screen.getByRole('figure')).toHaveAttribute('aria-busy', 'true');
    rerender(<LifecycleChart data={noActivity} />);
    expect(screen.getByText('No activity in this period')).toBeVisible();
    expect(screen.getByRole('figure')).toHaveAccessibleDescription('Lifecycle: no activity in this period.');
    rerender(<LifecycleChart data={weeks} error="The query timed out." />);
    expect(screen.getByRole('alert')).toHaveTextContent('The query timed out.');
    expect(document.body.textContent).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('forwards its ref and passes axe, light and dark', async () => {
    let element: HTMLDivElement | null = null;
    for (const theme of [undefined, darkTheme]) {
      const { container, unmount } = render(
        <LifecycleChart
          data={weeks}
          theme={theme}
          ref={(node) => {
            element = node;
          }}
        />,
      );
      expect(element).toHaveClass('kpikit-lifecycle-chart');
      const results = await axe.run(container);
      expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' ')}`)).toEqual([]);
      unmount();
    }
  });
});
