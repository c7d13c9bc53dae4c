import { activationCandidates, type KpiEvent } from '@kpikit/core';
import { render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { darkTheme } from '../theme/theme';
import { ActivationCandidates } from './ActivationCandidates';
import { allCensored, byAccount, fewUsers, manyCandidates, noNewUsers, typical, withPairs } from './activationFixtures';

const spaces = (text: string | null | undefined): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const signup = Date.UTC(2024, 2, 4, 10);

/**
 * Ten users sign up on 4 March and open the app (plan: pro). Four invite a teammate in the first hour,
 * three of whom come back on day 8; of the six who do not, two come back.
 * Two users (both back) view a page three times. The last event, on day 20,
 * closes every outcome window (days 7–14).
 */
const events: KpiEvent[] = [];
for (let user = 1; user <= 10; user++) {
  events.push({ userId: `u${user}`, name: 'signup', timestamp: signup });
  events.push({ userId: `u${user}`, name: 'open', timestamp: signup + 30 * 60_000, properties: { plan: 'pro' } });
}
for (const user of [1, 2, 3, 4]) events.push({ userId: `u${user}`, name: 'invite', timestamp: signup + HOUR });
for (const user of [1, 2]) {
  for (const hour of [2, 3, 4]) events.push({ userId: `u${user}`, name: 'view', timestamp: signup + hour * HOUR });
}
for (const user of [1, 2, 3, 5, 6]) events.push({ userId: `u${user}`, name: 'session', timestamp: signup + 8 * DAY });
events.push({ userId: 'u10', name: 'session', timestamp: signup + 20 * DAY });

const small = activationCandidates(events, {
  candidates: ['invite', 'view', { name: 'open', where: { plan: 'pro' } }],
  atLeast: [1, 3],
  from: '2024-03-04',
  to: '2024-03-04',
  timeZone: 'UTC',
});

const rows = () => [...document.querySelectorAll<HTMLElement>('.kpikit-activation-candidates__row')];
const rowNamed = (name: string) => rows().find((row) => row.querySelector('.kpikit-activation-candidates__name')?.textContent === name)!;
const texts = (row: HTMLElement) => [...row.querySelectorAll('[data-cell]')].map((cell) => spaces(cell.textContent));
const readout = () => spaces(document.querySelector('.kpikit-activation-candidates__readout')?.textContent);
const root = () => document.querySelector<HTMLElement>('.kpikit-activation-candidates')!;
const currentPoint = () => document.querySelector('.kpikit-activation-candidates__point[data-current="true"]');

describe('ActivationCandidates', () => {
  it('shows each signal’s reach, retention of those who did and did not, lift with its interval, relative lift, recall and count', () => {
    render(<ActivationCandidates data={small} />);
    const invite = rowNamed('invite');
    const interval = small.candidates.find((candidate) => candidate.label === 'invite')!.liftInterval!;
    // 4 of 10 did it; 3 of 4 retained against 2 of 6; 3 of the 5 retained did it.
    expect(texts(invite)).toEqual([
      expect.stringMatching(/^\d+invite$/),
      '40%',
      '75% vs 33%',
      // Ten users are too few: the interval crosses 0, and the cell says so to screen readers.
      `+42 pts−${Math.round(-interval.lower * 100)} to +${Math.round(interval.upper * 100)}interval crosses 0: not evidence`,
      '+125%',
      '60%',
      '4',
    ]);
    expect(interval.lower).toBeLessThan(0);
    expect(invite).toHaveAttribute('data-uncertain', 'true');
    // The headline: 5 of the 10 retained.
    expect(spaces(document.querySelector('.kpikit-activation-candidates__summary')?.textContent)).toMatch(
      /^50% retained of 10 new users.*active on days 7–14 after signup.*actions in the first 7 days/,
    );
  });

  it('names thresholds and property conditions in words, and says "—" where no one skipped the action', () => {
    render(<ActivationCandidates data={small} />);
    expect(rowNamed('view, 3+ times')).toBeDefined();
    const opened = rowNamed('open (plan: pro)');
    // Everyone did it: no one to compare with, so no lift, no bar.
    expect(texts(opened).slice(1, 5)).toEqual(['100%', '50% vs —', '—unknown', '—unknown']);
    expect(opened.querySelector('.kpikit-activation-candidates__lift-fill')).toBeNull();
    expect(opened).toHaveAttribute('data-direction', 'none');
  });

  it('writes pairs as "E and F" and marks them', () => {
    render(<ActivationCandidates data={withPairs} />);
    const pair = rows().find((row) => row.dataset['kind'] === 'pair')!;
    expect(pair.querySelector('.kpikit-activation-candidates__name')?.textContent).toMatch(/^\w+ and \w+$/);
    expect(root()).toHaveAttribute('data-pairs', 'true');
  });

  it('is one tab stop; the arrow keys move between cells and the readout and the point follow', async () => {
    render(<ActivationCandidates data={typical} />);
    await userEvent.tab();
    const first = document.querySelector<HTMLElement>('[data-cell="0:0"]')!;
    expect(first).toHaveFocus();
    expect(readout()).toMatch(/^#1 invite_teammate 347 of 1,599 new users did it \(22%\)\./);
    expect(currentPoint()).toHaveAttribute('data-index', '0');
    await userEvent.keyboard('{ArrowDown}{ArrowRight}');
    const cell = document.querySelector<HTMLElement>('[data-cell="1:1"]')!;
    expect(cell).toHaveFocus();
    expect(cell).toHaveAttribute('tabindex', '0');
    expect(first).toHaveAttribute('tabindex', '-1');
    expect(readout()).toMatch(/^#2 connect_integration/);
    expect(cell).toHaveAccessibleDescription(/^#2 connect_integration 177 of 1,599 new users did it/);
    expect(rows()[1]).toHaveAttribute('data-current', 'true');
    expect(currentPoint()).toHaveAttribute('data-index', '1');
    await userEvent.keyboard('{Control>}{End}{/Control}');
    expect(document.querySelector('[data-cell="9:6"]')).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Show 4 more' })).toHaveFocus();
    expect(currentPoint()).toBeNull();
  });

  it('links the pointer both ways: a row rings its point, a point lights its row', async () => {
    render(<ActivationCandidates data={typical} />);
    await userEvent.hover(rows()[3]!.querySelector('[data-cell]')!);
    expect(currentPoint()).toHaveAttribute('data-index', '3');
    expect(rows()[3]).toHaveAttribute('data-current', 'true');
    const point = document.querySelector<SVGGElement>('.kpikit-activation-candidates__point[data-index="5"]')!;
    await userEvent.hover(point.querySelector('.kpikit-activation-candidates__dot')!);
    expect(rows()[5]).toHaveAttribute('data-current', 'true');
    expect(rows().filter((row) => row.dataset['current'])).toHaveLength(1);
    expect(readout()).toMatch(/^#6 /);
    // The interval of the point pointed at is drawn.
    expect(document.querySelectorAll('.kpikit-activation-candidates__current line')).toHaveLength(3);
  });

  it('shows the top ten, ten more on demand, and back', async () => {
    render(<ActivationCandidates data={manyCandidates} />);
    expect(rows()).toHaveLength(10);
    expect(screen.getByText('10 of 85 shown')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Show 10 more' }));
    expect(rows()).toHaveLength(20);
    expect(root()).toHaveAttribute('data-shown', '20');
    expect(document.querySelectorAll('.kpikit-activation-candidates__point')).toHaveLength(20);
    await userEvent.click(screen.getByRole('button', { name: 'Show the top 10' }));
    expect(rows()).toHaveLength(10);
  });

  it('takes a page size; no "show more" when everything fits', () => {
    render(<ActivationCandidates data={typical} pageSize={20} />);
    expect(rows()).toHaveLength(typical.candidates.length);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says how many units were too recent to judge', () => {
    render(<ActivationCandidates data={typical} />);
    expect(root()).toHaveAttribute('data-censored', 'true');
    expect(screen.getByText(/^382 new users left out: too recent/)).toBeVisible();
    expect(root()).toHaveAttribute('data-sample', 'enough');
  });

  it('warns of few users and says an interval crossing 0 is not evidence', () => {
    render(<ActivationCandidates data={fewUsers} />);
    expect(root()).toHaveAttribute('data-sample', 'few');
    expect(screen.getByText('Only 31 new users to compare: the intervals are wide.')).toBeVisible();
    expect(screen.getByText(/^An interval that crosses 0 is not evidence of a lift/)).toBeVisible();
    const uncertain = rows().filter((row) => row.dataset['uncertain'] === 'true');
    const crossing = fewUsers.candidates.filter((candidate) => candidate.liftInterval!.lower <= 0 && candidate.liftInterval!.upper >= 0);
    expect(uncertain).toHaveLength(crossing.length);
    expect(uncertain[0]).toHaveTextContent('interval crosses 0: not evidence');
  });

  it('has no uncertainty note when every interval shown clears 0', () => {
    render(<ActivationCandidates data={typical} />);
    expect(screen.queryByText(/^An interval that crosses 0/)).toBeNull();
    expect(rows().filter((row) => row.dataset['uncertain'])).toEqual([]);
  });

  it('speaks of accounts at an account grain', () => {
    render(<ActivationCandidates data={byAccount} />);
    expect(root()).toHaveAttribute('data-unit', 'account');
    expect(document.querySelector('.kpikit-activation-candidates__summary')).toHaveTextContent(/retained of 500 new accounts/);
  });

  it('says why it is empty: no new users, or all too recent', () => {
    const { rerender } = render(<ActivationCandidates data={noNewUsers} />);
    expect(screen.getByText('No new users in this period')).toBeVisible();
    expect(root()).toHaveAttribute('data-empty', 'noUnits');
    rerender(<ActivationCandidates data={allCensored} />);
    expect(screen.getByText('The 348 new users are too recent to judge')).toBeVisible();
    expect(screen.getByText('Their outcome window closes after the end of the data (Apr 28, 2024).')).toBeVisible();
    expect(screen.getByRole('figure')).toHaveAccessibleDescription('Activation candidates: The 348 new users are too recent to judge.');
  });

  it('shows a skeleton while loading and the host’s error in its frame', () => {
    const { rerender } = render(<ActivationCandidates data={typical} loading />);
    expect(root()).toHaveAttribute('aria-busy', 'true');
    expect(document.querySelector('.kpikit-activation-candidates__skeleton')).not.toBeNull();
    rerender(<ActivationCandidates data={typical} error={new Error('Timed out')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Timed out');
    expect(root()).toHaveAttribute('data-state', 'error');
  });

  it('reads in French and Traditional Chinese', () => {
    const { rerender } = render(<ActivationCandidates data={typical} locale="fr" />);
    expect(screen.getByRole('figure', { name: 'Actions d’activation' })).toBeVisible();
    expect(texts(rowNamed('invite_teammate'))[1]).toBe('22 %');
    expect(spaces(document.querySelector('.kpikit-activation-candidates__summary')?.textContent)).toMatch(
      /^50 % retenus sur 1 599 nouveaux utilisateurs/,
    );
    rerender(<ActivationCandidates data={typical} locale="zh-TW" />);
    expect(screen.getByRole('figure', { name: '啟用關鍵行為' })).toBeVisible();
    expect(texts(rowNamed('invite_teammate'))[3]).toMatch(/^\+34 個百分點/);
  });

  it('gives the scatter a name and a table of its figures', () => {
    render(<ActivationCandidates data={typical} />);
    expect(screen.getByRole('img', { name: /^Reach \(across\) and lift \(up\)/ })).toBeVisible();
    const table = screen.getByRole('table', { name: 'Reach and lift of each early action' });
    expect(within(table).getAllByRole('row')).toHaveLength(11);
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(/^invite_teammate122%\+34 pts\+28\.\d pts\+3\d\.\d pts$/);
  });

  it('never shows NaN, undefined or Infinity', () => {
    for (const data of [small, typical, withPairs, byAccount, fewUsers, manyCandidates, allCensored, noNewUsers]) {
      const { container, unmount } = render(<ActivationCandidates data={data} />);
      expect(container.textContent).not.toMatch(/NaN|undefined|Infinity/);
      expect(container.innerHTML).not.toMatch(/NaN|undefined|Infinity/);
      unmount();
    }
  });

  it('forwards its ref and passes attributes to its root', () => {
    let element: HTMLDivElement | null = null;
    render(
      <ActivationCandidates
        data={typical}
        ref={(node) => {
          element = node;
        }}
        id="aha"
        className="mine"
      />,
    );
    expect(element).toBe(document.getElementById('aha'));
    expect(element!).toHaveClass('kpikit', 'kpikit-card', 'kpikit-activation-candidates', 'mine');
  });

  it('passes axe, light and dark, with a cell focused', async () => {
    for (const data of [typical, fewUsers, withPairs]) {
      for (const theme of [undefined, darkTheme]) {
        const { container, unmount } = render(<ActivationCandidates data={data} theme={theme} />);
        document.querySelector<HTMLElement>('[data-cell="0:3"]')!.focus();
        const results = await axe.run(container);
        expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' ')}`)).toEqual([]);
        unmount();
      }
    }
  });
});
