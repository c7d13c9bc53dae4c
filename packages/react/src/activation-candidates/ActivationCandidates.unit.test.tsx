import { activationCandidates, type KpiEvent } from '@kpikit/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { axeViolations } from '../test/axe';
import { ActivationCandidates } from './ActivationCandidates';

const spaces = (text: string | null | undefined): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const signup = Date.UTC(2024, 2, 4, 10);
const at = (userId: string, accountId: string, name: string, time: number): KpiEvent => ({
  userId,
  name,
  timestamp: signup + time,
  properties: { accountId },
});

// Accounts a1…a5: an owner signs each up on 4 March; a teammate of a1 and a2 invites in the first
// hour; a teammate of a1, a2 and a3 comes back on day 8 (retained). a4's teammate comes back on day 20
// (too late) and closes the data. a6 signs up on day 15: its outcome window (days 22–29) is open.
// Eligible 5, retained 3 (60 %); invite: 2 of 5 did it (40 %), both retained, against 1 of the 3 others.
const events: KpiEvent[] = [];
for (const k of [1, 2, 3, 4, 5]) events.push(at(`owner${k}`, `a${k}`, 'signup', 0));
for (const k of [1, 2]) events.push(at(`mate${k}`, `a${k}`, 'invite', HOUR));
for (const k of [1, 2, 3]) events.push(at(`mate${k}`, `a${k}`, 'session', 8 * DAY));
events.push(at('mate4', 'a4', 'session', 20 * DAY), at('owner6', 'a6', 'signup', 15 * DAY));
const window = { from: '2024-03-04', to: '2024-03-19', timeZone: 'UTC' } as const;
const accounts = activationCandidates(events, { ...window, candidates: ['invite'], unit: { group: 'accountId' } });
const none = activationCandidates(events, { from: '2024-02-01', to: '2024-02-20', timeZone: 'UTC', unit: { group: 'accountId' } });

const text = (selector: string) => spaces(document.querySelector(selector)?.textContent);
const summary = () => text('.kpikit-activation-candidates__summary');
const notes = () => [...document.querySelectorAll('.kpikit-activation-candidates__notes li')].map((note) => spaces(note.textContent));
const readout = () => text('.kpikit-activation-candidates__readout');
const pointAtInvite = () => userEvent.hover(document.querySelector('[data-cell="0:0"]')!);

describe('ActivationCandidates, by account', () => {
  it('reads the unit of the result: the headline, the notes, the readout and the definition speak of new accounts', async () => {
    const { container } = render(<ActivationCandidates data={accounts} />);
    expect(screen.getByRole('figure', { name: 'Activation candidates' })).toHaveAttribute('data-unit', 'account');
    expect(summary()).toMatch(/^60% retained of 5 new accounts/);
    expect(notes()).toEqual([
      '1 new account left out: too recent for the outcome window to close by the end of the data (Mar 24, 2024).',
      'Only 5 new accounts to compare: the intervals are wide.',
    ]);
    await pointAtInvite();
    expect(readout()).toMatch(
      /^#1 invite 2 of 5 new accounts did it \(40%\)\. Retained: 100% of those who did, 33% of those who did not\./,
    );
    expect(text('.kpikit-card__caption')).toMatch(/^Compared: the new accounts whose first signup falls in the period/);
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(/for 60% retention of 5 new accounts\./);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('says nouveaux comptes in French and 新帳戶, with their measure word, in Traditional Chinese', async () => {
    const { container, rerender } = render(<ActivationCandidates data={accounts} locale="fr" />);
    expect(summary()).toMatch(/^60 % retenus sur 5 nouveaux comptes/);
    expect(notes()).toEqual([
      '1 nouveau compte écarté : trop récent pour que sa fenêtre de résultat se ferme avant la fin des données (24 mars 2024).',
      'Seulement 5 nouveaux comptes à comparer : les intervalles sont larges.',
    ]);
    await pointAtInvite();
    expect(readout()).toContain('2 nouveaux comptes sur 5 l’ont fait (40 %).');
    expect(await axeViolations(container)).toEqual([]);

    rerender(<ActivationCandidates data={accounts} locale="zh-TW" />);
    expect(summary()).toMatch(/^60% 5 個新帳戶的留存率/);
    expect(notes()[1]).toBe('僅有 5 個新帳戶可比較：區間很寬。');
    expect(readout()).toContain('5 個新帳戶中有 2 個做過（40%）。');
    expect(readout()).toContain('有做的 2 個中留存 2 個，沒做的 3 個中留存 1 個。');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('says 位 of people in Chinese, nouvel utilisateur in French, and takes a team’s own noun', async () => {
    const { rerender } = render(<ActivationCandidates data={accounts} unit="user" locale="zh-TW" />);
    expect(screen.getByRole('figure')).toHaveAttribute('data-unit', 'user');
    await pointAtInvite();
    expect(readout()).toContain('5 位新用戶中有 2 位做過（40%）。');
    expect(readout()).toContain('有做的 2 位中留存 2 位，沒做的 3 位中留存 1 位。');
    rerender(<ActivationCandidates data={accounts} unit="user" locale="fr" />);
    expect(notes()[0]).toMatch(/^1 nouvel utilisateur écarté/);
    rerender(<ActivationCandidates data={accounts} unit={{ one: 'workspace', other: 'workspaces' }} />);
    expect(screen.getByRole('figure')).toHaveAttribute('data-unit', 'custom');
    expect(summary()).toMatch(/^60% retained of 5 new workspaces/);
    expect(notes()[0]).toMatch(/^1 new workspace left out/);
  });

  it('says no new accounts came in each language', () => {
    const { rerender } = render(<ActivationCandidates data={none} />);
    expect(screen.getByText('No new accounts in this period')).toBeVisible();
    rerender(<ActivationCandidates data={none} locale="fr" />);
    expect(screen.getByText('Aucun nouveau compte sur cette période')).toBeVisible();
    rerender(<ActivationCandidates data={none} locale="fr" unit="user" />);
    expect(screen.getByText('Aucun nouvel utilisateur sur cette période')).toBeVisible();
    rerender(<ActivationCandidates data={none} locale="zh-TW" />);
    expect(screen.getByText('此期間沒有新帳戶')).toBeVisible();
  });
});
