import { funnel, type KpiEvent } from '@kpikit/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../test/axe';
import { FunnelChart } from './FunnelChart';

const spaces = (text: string | null | undefined): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const HOUR = 3_600_000;
const at = (userId: string, accountId: string, name: string, hour: number, source?: string): KpiEvent => ({
  userId,
  name,
  timestamp: Date.UTC(2024, 0, 1) + hour * HOUR,
  properties: source ? { accountId, source } : { accountId },
});

// Al signs account a1 up, Am (also a1) activates an hour later; Bo signs a2 up and stops there;
// Cy signs a3 up and activates two hours later.
// By account: 3 sign up (a1, a2 from ads, a3 organic), 2 activate (a1, a3): 67 %, 1 lost.
// (By user only Cy does both steps: Am never signed up.)
const events = [
  at('al', 'a1', 'signup', 0, 'ads'),
  at('am', 'a1', 'activate', 1),
  at('bo', 'a2', 'signup', 0, 'ads'),
  at('cy', 'a3', 'signup', 10, 'organic'),
  at('cy', 'a3', 'activate', 12),
];
const steps = ['signup', 'activate'];
const accounts = funnel(events, { steps, unit: { group: 'accountId' } });
const bySource = funnel(events, { steps, unit: { group: 'accountId' }, breakdown: { property: 'source' } });
const users = funnel(events, { steps });

const items = () => screen.getAllByRole('listitem', { hidden: false }).filter((item) => item.hasAttribute('data-step'));
const headers = () => screen.getAllByRole('columnheader').map((th) => th.textContent);
const meta = () => spaces(document.querySelector('.kpikit-card__meta')?.textContent);

describe('FunnelChart, by account', () => {
  it('reads the unit of a funnel result: counts, meta, announcements and the data table speak of accounts', async () => {
    const { container } = render(<FunnelChart data={accounts} stepLabels={['Signed up', 'Activated']} />);
    expect(screen.getByRole('figure', { name: 'Funnel' })).toHaveAttribute('data-unit', 'account');
    expect(items()[0]).toHaveTextContent('Signed up3 accounts');
    expect(items()[1]).toHaveTextContent('Activated2 accounts');
    expect(meta()).toBe('3 accounts');
    expect(items()[1]).toHaveAccessibleName(/^Step 2, Activated: 2 accounts, 67% of step 1, 67% of the previous step, 1 lost\./);
    expect(headers().slice(0, 2)).toEqual(['Step', 'Accounts']);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('names the unit in a breakdown’s table columns', () => {
    render(<FunnelChart data={bySource} />);
    expect(headers()).toContain('ads: accounts (% of its step 1)');
    expect(headers()).toContain('organic: accounts (% of its step 1)');
  });

  it('counts comptes in French and 帳戶 in Traditional Chinese', async () => {
    const { container, rerender } = render(<FunnelChart data={accounts} locale="fr" />);
    expect(items()[1]).toHaveTextContent('activate2 comptes');
    expect(meta()).toBe('3 comptes');
    expect(spaces(items()[1]!.getAttribute('aria-label'))).toMatch(/^Étape 2, activate : 2 comptes, 67 % de l’étape 1/);
    expect(headers().slice(0, 2)).toEqual(['Étape', 'Comptes']);
    expect(await axeViolations(container)).toEqual([]);
    rerender(<FunnelChart data={accounts} locale="zh-TW" />);
    expect(items()[1]).toHaveTextContent('activate2 個帳戶');
    expect(meta()).toBe('3 個帳戶');
    expect(items()[1]).toHaveAccessibleName(/^第 2 步，activate：2 個帳戶，佔第 1 步 67%/);
    expect(headers().slice(0, 2)).toEqual(['步驟', '帳戶']);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('takes a team’s own noun, and users read as before', () => {
    const { rerender } = render(<FunnelChart data={accounts} unit={{ one: 'workspace', other: 'workspaces' }} />);
    expect(items()[1]).toHaveTextContent('activate2 workspaces');
    expect(headers()[1]).toBe('Workspaces');
    rerender(<FunnelChart data={users} />);
    expect(items()[0]).toHaveTextContent('signup3 users');
    expect(items()[1]).toHaveTextContent('activate1 user');
  });

  it('says who did not enter an empty funnel', () => {
    const empty = { ...accounts, steps: accounts.steps.map((step) => ({ ...step, count: 0, dropOff: 0 })) };
    const { rerender } = render(<FunnelChart data={empty} />);
    expect(screen.getByText('No accounts entered this funnel')).toBeVisible();
    expect(screen.getByText('Steps fill as accounts do the first event.')).toBeVisible();
    rerender(<FunnelChart data={empty} locale="zh-TW" />);
    expect(screen.getByText('沒有帳戶進入此漏斗')).toBeVisible();
  });
});
