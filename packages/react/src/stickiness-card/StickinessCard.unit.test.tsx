import { activeUsers, type KpiEvent } from '@kpikit/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../test/axe';
import { StickinessCard } from './StickinessCard';

const spaces = (text: string | null | undefined): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const t = (day: number) => Date.UTC(2024, 2, day, 12);
const login = (userId: string, accountId: string, day: number): KpiEvent => ({
  userId,
  name: 'login',
  timestamp: t(day),
  properties: { accountId },
});

// Ana and Ben work in account a1, Cy in a2. Ana logs in every day of Mar 1–30, Ben on Mar 2, Cy on Mar 1.
// By account: a1 is active every day, a2 on Mar 1, so DAU is 2 on Mar 1 and 1 after; MAU on Mar 30 is 2.
// Mean DAU over Mar 1–30: (2 + 29 × 1) / 30 = 1.03 → 1; 1.03 / 2 = 51.7 % → 52%.
// (By user the card would read DAU 2 on Mar 1 and 2, MAU 3.)
const events = [...Array.from({ length: 30 }, (_, i) => login('ana', 'a1', i + 1)), login('ben', 'a1', 2), login('cy', 'a2', 1)];
const accounts = activeUsers(events, { from: '2024-03-01', to: '2024-03-30', unit: { group: 'accountId' } });
const users = activeUsers(events, { from: '2024-03-01', to: '2024-03-30' });

const detail = (term: string) => spaces(screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent);
const containing = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const figure = (name: string) => screen.getByRole('figure', { name });
const headers = () => screen.getAllByRole('columnheader').map((header) => header.textContent);

describe('StickinessCard, by account', () => {
  it('reads the unit of an activeUsers result and speaks of accounts, in English', async () => {
    const { container } = render(<StickinessCard data={accounts} />);
    expect(figure('Stickiness')).toHaveAttribute('data-unit', 'account');
    expect(document.querySelector('.kpikit-kpi-card__value')).toHaveTextContent('52%');
    expect(detail('Avg daily active')).toBe('1');
    expect(detail('Monthly active')).toBe('2');
    expect(screen.queryByText('Avg DAU')).toBeNull();
    expect(screen.getByText('Mean daily active accounts over Mar 1 – Mar 30 ÷ accounts active in the 30 days to Mar 30.')).toBeVisible();
    expect(figure('Stickiness')).toHaveAccessibleDescription(
      containing('Stickiness 52% over Mar 1 – Mar 30: 1 daily active accounts on average, 2 monthly active accounts on Mar 30, 2024.'),
    );
    expect(screen.getByRole('slider', { name: /^Daily ÷ monthly active accounts by point\./ })).toBeInTheDocument();
    expect(headers()).toEqual(['Date', 'Daily active', 'Monthly active', 'Daily ÷ monthly active']);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('speaks of comptes in French', async () => {
    const { container } = render(<StickinessCard data={accounts} locale="fr" />);
    expect(detail('Actifs du jour moy.')).toBe('1');
    expect(detail('Actifs du mois')).toBe('2');
    expect(screen.getByText(/^Comptes actifs par jour en moyenne sur .+ ÷ comptes actifs sur les 30 jours au .+\.$/)).toBeVisible();
    expect(figure('Engagement')).toHaveAccessibleDescription(/1 comptes actifs par jour en moyenne, 2 actifs sur le mois/);
    expect(headers()).toEqual(['Date', 'Actifs du jour', 'Actifs du mois', 'Actifs jour ÷ mois']);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('speaks of 帳戶 in Traditional Chinese', async () => {
    const { container } = render(<StickinessCard data={accounts} locale="zh-TW" />);
    expect(detail('平均日活躍')).toBe('1');
    expect(detail('月活躍')).toBe('2');
    expect(screen.getByText(/的平均日活躍帳戶數 ÷ 截至 .+ 30 天內的活躍帳戶數。$/)).toBeVisible();
    expect(figure('黏著度')).toHaveAccessibleDescription(/平均日活躍帳戶 1，.+月活躍帳戶 2。/);
    expect(headers()).toEqual(['日期', '日活躍', '月活躍', '日活躍 ÷ 月活躍']);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('takes a team’s own noun for rows, which carry no unit', () => {
    render(<StickinessCard data={accounts.rows} unit={{ one: 'workspace', other: 'workspaces' }} />);
    expect(figure('Stickiness')).toHaveAttribute('data-unit', 'custom');
    expect(
      screen.getByText('Mean daily active workspaces over Mar 1 – Mar 30 ÷ workspaces active in the 30 days to Mar 30.'),
    ).toBeVisible();
  });

  it('says DAU and MAU of users, and an empty card says who was not active', () => {
    const { rerender } = render(<StickinessCard data={users} />);
    expect(figure('Stickiness')).toHaveAttribute('data-unit', 'user');
    expect(detail('MAU')).toBe('3');
    rerender(<StickinessCard data={[]} unit="account" />);
    expect(screen.getByText('No active accounts in this period')).toBeVisible();
    rerender(<StickinessCard data={[]} unit="account" locale="zh-TW" />);
    expect(screen.getByText('此期間沒有活躍帳戶')).toBeVisible();
  });
});
