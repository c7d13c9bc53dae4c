import type { FunnelResult, FunnelStepResult } from '@kpikit/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { largeFunnel, longStepNames } from '../test/funnelFixtures';
import { FunnelChart } from './FunnelChart';

const spaces = (text: string | null | undefined): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const HOUR = 3_600_000;

const step = (name: string, count: number, previous: number | null, first: number, timing?: [number, number]): FunnelStepResult => ({
  name,
  count,
  fromFirst: first > 0 ? count / first : null,
  fromPrevious: previous === null ? 1 : previous > 0 ? count / previous : null,
  dropOff: previous === null ? 0 : previous - count,
  median: timing ? timing[0] : null,
  mean: timing ? timing[0] : null,
  p90: timing ? timing[1] : null,
  histogram: timing
    ? [
        { from: 0, to: HOUR, count: 2 },
        { from: HOUR, to: 2 * HOUR, count: 8 },
      ]
    : [],
});

/** 200 sign up, 80 activate (40 %, 120 lost, median 3 h), 20 upgrade (25 % of 80, 10 % of 200, 60 lost, median 2 d). */
const result: FunnelResult = {
  order: 'ordered',
  window: 14 * 24 * HOUR,
  from: '2024-01-01',
  to: '2024-01-31',
  timeZone: 'UTC',
  steps: [
    step('signup', 200, null, 200),
    step('activate', 80, 200, 200, [3 * HOUR, 20 * HOUR]),
    step('upgrade', 20, 80, 200, [48 * HOUR, 120 * HOUR]),
  ],
};

const bar = (index: number) => document.querySelector<HTMLElement>(`[data-step="${index}"] .kpikit-funnel__bar`)!;
const lost = (index: number) => document.querySelector<HTMLElement>(`[data-step="${index}"] .kpikit-funnel__lost`);

describe('FunnelChart', () => {
  it('shows each step’s count, conversions and the users lost', () => {
    render(<FunnelChart data={result} />);
    const steps = screen.getAllByRole('listitem');
    expect(steps).toHaveLength(3);
    expect(steps[1]).toHaveTextContent('activate80 users');
    expect(steps[1]).toHaveTextContent('40% of first40% of previous120 lost');
    expect(steps[2]).toHaveTextContent('10% of first25% of previous60 lost');
  });

  it('draws bars from zero against the first step, the lost part after the bar', () => {
    render(<FunnelChart data={result} style={{ width: 400 }} />);
    const track = bar(0).parentElement!.getBoundingClientRect().width;
    expect(bar(0).getBoundingClientRect().width).toBeCloseTo(track, 0);
    expect(bar(1).getBoundingClientRect().width).toBeCloseTo(track * 0.4, 0);
    // Lost: 120 of 200 = 60 % of the track, starting where the bar ends.
    expect(lost(1)!.getBoundingClientRect().width).toBeCloseTo(track * 0.6, 0);
    expect(lost(1)!.getBoundingClientRect().left).toBeCloseTo(bar(1).getBoundingClientRect().right, 0);
    expect(lost(0)).toBeNull();
  });

  it('shows the time between steps: median, p90 and a histogram', () => {
    render(<FunnelChart data={result} />);
    const velocity = document.querySelector('[data-step="1"] .kpikit-funnel__velocity')!;
    expect(spaces(velocity.textContent)).toBe('↓median 3 hp90 20 h');
    // Two bins with users, over a baseline.
    expect(velocity.querySelectorAll('rect:not(.kpikit-funnel__histogram-base)')).toHaveLength(2);
    expect(spaces(document.querySelector('[data-step="2"] .kpikit-funnel__velocity')?.textContent)).toBe('↓median 2 dp90 5 d');
  });

  it('states the definition in a caption', () => {
    render(<FunnelChart data={result} />);
    expect(screen.getByText('Steps in order, within 14 d of the first step. Arrow keys move between steps.')).toBeVisible();
    expect(screen.getByRole('figure', { name: 'Funnel' })).toHaveAccessibleDescription(
      'Funnel: 3 steps, 200 entered and 20 reached upgrade (10% overall). Steps in order, within 14 d of the first step. Arrow keys move between steps.',
    );
  });

  it('is one tab stop; arrow keys move between steps, each announcing its numbers', async () => {
    render(<FunnelChart data={result} stepLabels={['Signed up', 'Activated', 'Upgraded']} />);
    await userEvent.tab();
    expect(screen.getByRole('listitem', { name: 'Step 1, Signed up: 200 users.' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    const second = screen.getByRole('listitem', {
      name: 'Step 2, Activated: 80 users, 40% of step 1, 40% of the previous step, 120 lost. Median time from the previous step 3 h, 90th percentile 20 h.',
    });
    expect(second).toHaveFocus();
    await userEvent.keyboard('{End}');
    expect(screen.getAllByRole('listitem')[2]).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getAllByRole('listitem')[2]).toHaveFocus();
    await userEvent.keyboard('{Home}');
    expect(screen.getAllByRole('listitem')[0]).toHaveFocus();
    expect(document.querySelectorAll('[data-step][tabindex="0"]')).toHaveLength(1);
  });

  it('shows a breakdown as grouped bars with a legend', () => {
    const groups = [
      { value: 'ads', other: false, steps: [step('signup', 150, null, 150), step('activate', 45, 150, 150), step('upgrade', 15, 45, 150)] },
      { value: null, other: false, steps: [step('signup', 50, null, 50), step('activate', 35, 50, 50), step('upgrade', 5, 35, 50)] },
    ];
    render(<FunnelChart data={{ ...result, breakdown: { property: 'source', groups } }} />);
    expect(screen.getByRole('list', { name: 'By source' })).toHaveTextContent('ads(none)');
    const second = document.querySelectorAll('[data-step="1"] .kpikit-funnel__group');
    expect(second).toHaveLength(2);
    // Each group against its own first step: ads 45 / 150 = 30 %, none 35 / 50 = 70 %.
    expect(second[0]).toHaveTextContent('ads 45 · 30%');
    expect(second[1]).toHaveTextContent('(none) 35 · 70%');
    expect((second[1]!.querySelector('.kpikit-funnel__group-bar') as HTMLElement).style.width).toBe('70%');
  });

  it('lays the steps out as columns when vertical', () => {
    render(<FunnelChart data={result} orientation="vertical" style={{ width: 600 }} />);
    expect(screen.getByRole('figure')).toHaveAttribute('data-orientation', 'vertical');
    const track = bar(1).parentElement!.getBoundingClientRect();
    expect(bar(1).getBoundingClientRect().height).toBeCloseTo(track.height * 0.4, 0);
    expect(bar(1).getBoundingClientRect().bottom).toBeCloseTo(track.bottom, 0);
    expect(bar(2).getBoundingClientRect().left).toBeGreaterThan(bar(1).getBoundingClientRect().right);
  });

  it('has no time between steps in any order, and formats for the locale', () => {
    render(
      <FunnelChart
        data={{ ...result, order: 'any', steps: result.steps.map((s) => ({ ...s, median: null, p90: null, histogram: [] })) }}
        locale="fr"
      />,
    );
    expect(document.querySelectorAll('.kpikit-funnel__histogram')).toHaveLength(0);
    expect(spaces(screen.getAllByRole('listitem')[1]?.textContent)).toContain('40 % du début');
    expect(screen.getByText(/Étapes dans n’importe quel ordre/, { selector: '.kpikit-card__caption' })).toBeVisible();
  });

  it('shows loading, empty and error states', () => {
    const { rerender } = render(<FunnelChart data={result} loading />);
    expect(screen.getByRole('figure')).toHaveAttribute('data-state', 'loading');
    rerender(<FunnelChart data={{ ...result, steps: result.steps.map((s) => ({ ...s, count: 0 })) }} />);
    expect(screen.getByText('No users entered this funnel')).toBeVisible();
    rerender(<FunnelChart data={result} error="Timed out" />);
    expect(screen.getByRole('alert')).toHaveTextContent('Timed out');
  });
});

describe('FunnelChart, large: twenty steps with long names, the top 10 channels, Other and none', () => {
  const large = largeFunnel();
  const groupsOf = (step: number) => [...document.querySelectorAll<HTMLElement>(`[data-step="${step}"] .kpikit-funnel__group`)];
  const part = (group: HTMLElement, name: string) => group.querySelector<HTMLElement>(`.kpikit-funnel__${name}`)!;
  const partner = 'Partner referral programme for resellers in Europe, the Middle East and Africa';

  it('shows every step’s whole name, the steps one under the other', () => {
    render(<FunnelChart data={large} stepLabels={longStepNames} style={{ width: 760 }} />);
    const steps = screen.getAllByRole('listitem').filter((item) => item.hasAttribute('data-step'));
    expect(steps).toHaveLength(20);
    steps.forEach((step, index) => {
      const name = step.querySelector<HTMLElement>('.kpikit-funnel__name')!;
      expect(name.textContent).toBe(longStepNames[index]);
      expect(name.scrollWidth).toBeLessThanOrEqual(name.clientWidth);
      if (index > 0) expect(step.getBoundingClientRect().top).toBeGreaterThanOrEqual(steps[index - 1]!.getBoundingClientRect().bottom);
    });
  });

  it('gives the top 10, Other and none each a look of its own', () => {
    render(<FunnelChart data={large} stepLabels={longStepNames} />);
    const entries = [...screen.getByRole('list', { name: 'By channel' }).querySelectorAll('li')];
    expect(entries.map((entry) => entry.dataset['series'])).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'other', 'none']);
    expect(entries.at(-2)).toHaveTextContent('Other');
    expect(entries.at(-1)).toHaveTextContent('(none)');
    const looks = entries.map((entry) => {
      const style = getComputedStyle(entry.querySelector('.kpikit-funnel__swatch')!);
      return `${style.backgroundColor} ${style.backgroundImage} ${style.boxShadow}`;
    });
    expect(new Set(looks).size).toBe(12);
  });

  it('cuts a long group label on a phone, never its figures; the label is whole in its title and while the step has focus', async () => {
    render(<FunnelChart data={large} stepLabels={longStepNames} style={{ width: 320 }} />);
    const group = groupsOf(1).find((row) => part(row, 'group-label').title === partner)!;
    const label = part(group, 'group-label');
    const figures = part(group, 'group-text');
    const track = part(group, 'group-track');
    expect(label.scrollWidth).toBeGreaterThan(label.clientWidth);
    // 752 of the channel's 782 sign-ups: shown whole.
    expect(figures.textContent).toBe('752 · 96%');
    expect(figures.scrollWidth).toBeLessThanOrEqual(figures.clientWidth);
    // Label, bar, figures side by side, none over another; the bar keeps a length to compare.
    expect(label.getBoundingClientRect().right).toBeLessThanOrEqual(track.getBoundingClientRect().left);
    expect(track.getBoundingClientRect().right).toBeLessThanOrEqual(figures.getBoundingClientRect().left);
    expect(track.getBoundingClientRect().width).toBeGreaterThanOrEqual(40);
    expect(figures.getBoundingClientRect().right).toBeLessThanOrEqual(screen.getByRole('figure').getBoundingClientRect().right);
    // Focus (or a tap) shows the step's labels whole.
    screen
      .getAllByRole('listitem')
      .find((item) => item.dataset['step'] === '1')!
      .focus();
    await expect.poll(() => label.scrollWidth <= label.clientWidth).toBe(true);
    expect(label.getBoundingClientRect().height).toBeGreaterThan(track.getBoundingClientRect().height * 2);
  });

  it('is one tab stop; End reaches the twentieth step, which announces its whole name and every group', async () => {
    render(<FunnelChart data={large} stepLabels={longStepNames} />);
    await userEvent.tab();
    await userEvent.keyboard('{End}');
    const last = document.activeElement as HTMLElement;
    expect(last.dataset['step']).toBe('19');
    expect(last.getAttribute('aria-label')).toMatch(
      /^Step 20, Expanded to more seats within the first quarter: 1,479 users, 25% of step 1/,
    );
    expect(last.getAttribute('aria-label')).toContain(`${partner}: 295, 38%.`);
    expect(last.getAttribute('aria-label')).toMatch(/Other: \d+, \d+%\. \(none\): \d+, \d+%\.$/);
    await userEvent.keyboard('{ArrowUp}');
    expect((document.activeElement as HTMLElement).dataset['step']).toBe('18');
    expect(document.querySelectorAll('[data-step][tabindex="0"]')).toHaveLength(1);
  });

  it('lays twenty vertical columns side by side without overlap, the list scrolling sideways', () => {
    render(<FunnelChart data={large} stepLabels={longStepNames} orientation="vertical" style={{ width: 760 }} />);
    const steps = screen.getAllByRole('listitem').filter((item) => item.hasAttribute('data-step'));
    const list = steps[0]!.parentElement!;
    expect(list.scrollWidth).toBeGreaterThan(list.clientWidth);
    steps.forEach((step, index) => {
      const box = step.getBoundingClientRect();
      if (index > 0) expect(box.left).toBeGreaterThanOrEqual(steps[index - 1]!.getBoundingClientRect().right);
      // Nothing of a column spills into the next.
      for (const child of step.querySelectorAll('.kpikit-funnel__name, .kpikit-funnel__velocity > span, .kpikit-funnel__group > *'))
        expect(child.getBoundingClientRect().right).toBeLessThanOrEqual(box.right + 0.5);
    });
  });

  it('holds every step and group, named whole, in its data table', () => {
    render(<FunnelChart data={large} stepLabels={longStepNames} />);
    const table = screen.getByRole('table', { name: 'Funnel' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers.slice(0, 7)).toEqual([
      'Step',
      'Users',
      '% of step 1',
      '% of the previous step',
      'Lost',
      'Median time from the previous step',
      '90th percentile',
    ]);
    expect(headers).toContain(`${partner}: users (% of its step 1)`);
    expect(headers.at(-1)).toBe('(none): users (% of its step 1)');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(20);
    const last = within(rows[19]!)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(within(rows[19]!).getByRole('rowheader')).toHaveTextContent('20. Expanded to more seats within the first quarter');
    expect(last.slice(0, 3)).toEqual(['1,479', '25%', '94%']);
    expect(last[headers.indexOf(`${partner}: users (% of its step 1)`) - 1]).toBe('295 (38%)');
    // Step 1 has no previous step: a dash, never NaN.
    expect(
      within(rows[0]!)
        .getAllByRole('cell')
        .slice(2, 6)
        .map((cell) => cell.textContent),
    ).toEqual(['—', '—', '—', '—']);
  });
});
